#!/usr/bin/env python3
"""Writes danh-muc.ods, the ODS copy of the list that tests/lists.rs builds
as XLSX and CSV: title rows above the header, section rows, a code stored
as a number, multi-line cells and a blank row. Facts are from the shipped
procedures (procedures/) and xã Vĩnh Bảo's 2026 list (examples/xa-vinh-bao/).
Run it again after changing the rows: python3 tests/lists/make-ods.py"""
import zipfile
from xml.sax.saxutils import escape

DOCS = ("- Tờ khai đăng ký khai sinh theo mẫu\n"
        "- Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh\n"
        "- Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu hoặc giấy tờ có ảnh khác)")
STEPS = ("Bước 1: Người đi đăng ký nộp hồ sơ tại Bộ phận Một cửa hoặc nộp trực tuyến trên Cổng Dịch vụ công.\n"
         "Bước 2: Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi vào Sổ hộ tịch.\n"
         "Bước 3: Người đi đăng ký kiểm tra thông tin, ký vào Sổ hộ tịch và nhận Giấy khai sinh.")
ROWS = [
    ["ỦY BAN NHÂN DÂN XÃ VĨNH BẢO"],
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA CẤP XÃ"],
    [],
    ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Mức độ DVC", "Thành phần hồ sơ",
     "Trình tự thực hiện", "Mã trên Cổng DVCQG", "Ghi chú"],
    ["I. LĨNH VỰC HỘ TỊCH"],
    [1, "1.001193", "Thủ tục đăng ký khai sinh", "Toàn trình", DOCS, STEPS,
     "019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7"],
    [2, "1.000894", "Thủ tục đăng ký kết hôn", "Một phần", "Tờ khai đăng ký kết hôn theo mẫu", "",
     "019d2bfd-3fac-7489-b53b-a15eb239a6fe"],
    [],
    ["II. LĨNH VỰC CHỨNG THỰC"],
    [3, "2.000913", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch"],
    ["III. LĨNH VỰC XUẤT NHẬP KHẨU"],
    [4, 1.00089, "Thủ tục cấp Giấy phép kinh doanh chuyển khẩu", "", "", "",
     "019d2bf7-dceb-705b-8213-9d269e6d2457"],
]

def cell(v):
    if v == "" or v is None:
        return "<table:table-cell/>"
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in v.split("\n"))
    return f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'

rows = []
for r in ROWS:
    if len(r) == 1 and isinstance(r[0], str) and r[0].isupper() and r[0][0] in "I":
        # A section row merged across the table, as offices format them.
        rows.append(f'<table:table-row><table:table-cell table:number-columns-spanned="8" office:value-type="string"><text:p>{escape(r[0])}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="7"/></table:table-row>')
    else:
        rows.append("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" if r else "<table:table-row><table:table-cell/></table:table-row>")

content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Danh mục">
<table:table-column table:number-columns-repeated="8"/>
{"".join(rows)}
</table:table></office:spreadsheet></office:body></office:document-content>'''

manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''

import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "danh-muc.ods")
with zipfile.ZipFile(out, "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
print("wrote", out)
