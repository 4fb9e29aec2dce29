# Giao diện tiếng Việt của toroi. Mỗi mã ở đây cũng có trong en.ftl (một
# kiểm thử kiểm tra); giá trị viết theo cú pháp Fluent: { $name } là một
# giá trị. Tiếng Việt không đổi từ theo số nhiều.

## Khung của một thông báo

diag-error = lỗi
diag-warning = cảnh báo
diag-help = gợi ý
diag-note = ghi chú
diag-cell = ô { $cell }
diag-line-column = dòng { $line }, cột { $column }

## Số đếm

count-problems = { $n } lỗi
count-errors = { $n } lỗi
count-warnings = { $n } cảnh báo
count-files = { $n } tệp
summary-outputs = { $n } đầu ra

## Các lệnh nói gì

nothing-written = không ghi tệp nào ({ $problems })
wrote = đã ghi { $path } ({ $what })
built = đã làm { $outputs } của { $campaign }: { $files } trong { $secs } giây{ $warnings }
build-failed = { $failed } trong { $outputs } không làm được{ $broken }; đã ghi { $files }; xem các lỗi ở trên
build-broken-files = {" "}và { $n } tệp thủ tục có lỗi
check-summary = { $errors }, { $warnings } trong { $files }
campaign-found = chiến dịch: { $path } (chiến dịch của thư mục này; thêm --no-campaign để in không theo chiến dịch)
init-made = đã tạo { $path }
init-kept = giữ nguyên { $path } (tệp đã có; init không bao giờ ghi đè)
init-next = tiếp theo:
init-build = các tệp để in, trong thư mục out/
init-check = mọi lỗi trong các tệp, trước khi in
watch-watching = đang theo dõi { $what }; bấm Ctrl-C để dừng
watch-folders = { $n } thư mục
watch-changed = đã sửa: { $paths }
interrupted = đã dừng: không để lại tệp ghi dở nào

## Đọc tệp

file-not-utf8 = tệp không phải văn bản UTF-8 (không đọc được byte { $byte })
file-not-utf8-hint = lưu tệp dạng UTF-8: trong Notepad chọn File > Save As > Encoding: UTF-8
file-not-text = đây không phải tệp văn bản (có byte NUL)
file-not-text-hint = hãy dùng tệp văn bản .toml; nội dung trong Word hay Excel phải chép sang một trình soạn văn bản thuần và lưu dạng UTF-8
file-empty = tệp trống
file-empty-hint = một thủ tục cần ít nhất `title = "..."` và `url = "https://..."`
file-windows-1258 = tệp dùng bảng mã cũ Windows-1258, không phải UTF-8; đã đọc theo Windows-1258
file-windows-1258-hint = hãy lưu lại dạng UTF-8 để mọi chương trình đều đọc được: trong Notepad chọn File > Save As > Encoding: UTF-8

## TOML gõ trong Notepad

toml-syntax = lỗi cú pháp TOML: { $message }
toml-syntax-quotes-hint = giá trị chữ đặt trong ngoặc kép: khóa = "giá trị"; dấu ngoặc kép bên trong viết là \"
toml-syntax-duplicate-hint = mỗi khóa chỉ xuất hiện một lần trong một bảng; xóa hoặc đổi tên khóa thứ hai
toml-syntax-hint = mỗi dòng có dạng `khóa = giá trị`; chữ đặt trong ngoặc kép, danh sách trong [ ] cách nhau bằng dấu phẩy
toml-curly = ngoặc kép cong (“ ” ‘ ’) không bao được chữ trong tệp TOML
toml-curly-hint = gõ ngoặc kép thẳng " thay vào: Word và các ứng dụng chat đổi chúng thành “ ”; Notepad thì giữ nguyên
toml-backslash = dấu gạch chéo ngược trong ngoặc kép mở đầu một mã thoát (\n, \t, \u…), và chỗ này không phải mã thoát
toml-backslash-hint = viết đường dẫn bằng gạch chéo xuôi, C:/Users/…, hoặc đặt trong ngoặc đơn '…' nơi gạch chéo ngược là ký tự thường
toml-unclosed = đoạn chữ này không có ngoặc kép đóng trên cùng dòng
toml-unclosed-hint = kết thúc đoạn chữ bằng " trên dòng nó bắt đầu; chữ nhiều dòng đặt trong ba ngoặc kép: """…"""
key-unknown = khóa không hợp lệ `{ $key }`
key-did-you-mean = có phải ý bạn là `{ $key }`? (khóa viết sai sẽ làm mất một mục khi in)
key-did-you-mean-any = có phải ý bạn là { $keys }? Khóa là từ tiếng Anh, không có dấu tiếng Việt
key-english = khóa là từ tiếng Anh, không có dấu tiếng Việt (title, fee, processing_time…); xem ví dụ trong thư mục procedures/
key-known = các khóa dùng được ở đây: { $keys }
key-missing = thiếu `{ $key }`
key-missing-hint = thêm một dòng: { $key } = { $example }
key-empty = `{ $key }` đang để trống
key-write-like = viết như sau: { $key } = { $example }
key-wrong-type = `{ $key }` phải là { $expected }, không phải { $found }
key-list-item = `{ $key }` phải là một danh sách chữ, nhưng mục này là { $found }
key-list-item-hint = đặt mỗi mục trong ngoặc kép, cách nhau bằng dấu phẩy
type-text = chữ trong ngoặc kép
type-bool = true hoặc false (không có ngoặc kép)
type-list = một danh sách chữ
found-text = chữ
found-number = một số
found-bool = true/false
found-date = một ngày tháng
found-list = một danh sách
found-table = một bảng

## Thủ tục

formality-id-bad = `formality_id` phải là mã bản ghi của thủ tục trên Cổng, dạng UUID, không phải "{ $value }"
formality-id-hint = chép từ trang của thủ tục: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7 có mã 019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7
online-bad = `online` phải là "full", "partial" hoặc "none", không phải "{ $value }"
online-hint = "full" = toàn trình, "partial" = một phần, "none" = chỉ nộp trực tiếp
url-scheme = địa chỉ phải bắt đầu bằng https:// hoặc http://
url-scheme-hint = chép cả địa chỉ từ thanh địa chỉ của trình duyệt, ví dụ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/...
url-space = địa chỉ có dấu cách hoặc xuống dòng
url-space-hint = bỏ các dấu cách; dấu cách trong địa chỉ viết là %20
url-invalid = đây không phải địa chỉ web mà mã QR mang được ({ $reason })
url-invalid-hint = chép cả địa chỉ từ thanh địa chỉ của trình duyệt
qr-too-long = địa chỉ ({ $chars } ký tự) quá dài cho mọi mã QR
qr-modules-too-small = địa chỉ quá dài cho mã QR { $side } mm: mỗi ô của mã chỉ còn { $module } mm, nhỏ hơn { $min } mm mà điện thoại đọc được (cần { $needed } mm)
code-repeated = mã { $code } trùng với mã của { $other }
code-repeated-hint = mỗi thủ tục có một mã quốc gia riêng; kiểm tra mã nào đúng, hoặc bỏ bản sao
glyph-one = ký tự { $char } mà phông chữ in không vẽ được
glyph-many = { $n } ký tự mà phông chữ in không vẽ được: { $chars }

## Chiến dịch

logo-unreadable-file = không đọc được tệp logo { $path }: { $reason }
logo-bad = logo { $path } { $reason }
logo-hint = đường dẫn tính từ tệp chiến dịch; dùng tệp PNG, JPEG hoặc SVG, hoặc xóa dòng `logo`
lang-unknown = ngôn ngữ không hợp lệ "{ $value }"
kind-unknown = loại đầu ra không hợp lệ "{ $value }"
px-only-png = `px` chỉ dùng cho kind = "png"
outputs-same-file = hai đầu ra cùng ghi vào { $file }
logo-svg-bad = không phải ảnh SVG đọc được ({ $reason })
logo-png-bad = không phải ảnh PNG đọc được ({ $reason })
logo-not-image = không phải ảnh PNG, JPEG hay SVG đọc được ({ $reason })
logo-jpeg-too-large = có { $w } × { $h } điểm ảnh, quá lớn để đọc dạng JPEG (tối đa { $max }); hãy lưu một bản rộng khoảng 1000 điểm ảnh, hoặc dùng PNG hay SVG

number-range = `{ $key }` phải từ { $min } đến { $max }
check-ready = sẵn sàng để in
check-strict = (--strict: cảnh báo cũng tính là lỗi)
url-no-host = địa chỉ không có tên miền sau https://
url-no-host-hint = viết cả địa chỉ, ví dụ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/...

## --help

help-about = Áp phích, cẩm nang, tờ gấp và thẻ QR sẵn sàng để in cho thủ tục hành chính; mỗi mã QR mở trang của thủ tục trên Cổng Dịch vụ công
help-template = {"{"}about{"}"}

    Cách dùng: {"{"}usage{"}"}

    Lệnh:
    {"{"}subcommands{"}"}

    Tùy chọn:
    {"{"}options{"}"}
    {"{"}after-help{"}"}
help-poster = Áp phích một trang cho một thủ tục (hoặc mỗi thủ tục một tờ): thông tin chính, giấy tờ, các bước và mã QR lớn
help-leaflet = Tờ gấp ba: A4 ngang, in hai mặt, 2 đến 6 thủ tục
help-handbook = Cẩm nang: bìa, mục lục, mỗi thủ tục một phần, bìa sau
help-catalog = Danh mục để niêm yết: mỗi thủ tục của danh sách một dòng kèm mã QR, xếp theo lĩnh vực
help-check = Kiểm tra mọi lỗi trong các tệp thủ tục và chiến dịch, không ghi tệp nào
help-import = Chuyển danh sách thủ tục (.xlsx, .xls, .ods, .csv) thành mỗi dòng một tệp thủ tục, để sửa bằng Notepad
help-cards = Thẻ QR để cắt (85 × 55 mm, mười thẻ một tờ A4 có dấu cắt), mỗi thủ tục một thẻ
help-init = Tạo thư mục chiến dịch sẵn sàng để in: toroi.toml có chú thích, hai thủ tục mẫu và một danh sách trống
help-build = Làm mọi đầu ra mà tệp chiến dịch liệt kê ([[output]]: áp phích, cẩm nang, tờ gấp, thẻ, ảnh PNG)
help-watch = Làm các đầu ra của chiến dịch, rồi làm lại phần thay đổi mỗi khi lưu một tệp (Ctrl-C để dừng)
help-qr = Một mã QR riêng, dạng SVG, PNG hoặc PDF (theo đuôi tên tệp)
help-after = Ví dụ:
    toroi init xa-moi --ten "Ủy ban nhân dân xã Mới"     (tạo thư mục chiến dịch)
    toroi build                                        (in mọi thứ chiến dịch liệt kê)
    toroi poster thu-tuc/dang-ky-khai-sinh.toml -o khai-sinh.pdf
    toroi handbook thu-tuc/ -o cam-nang.pdf
    toroi check                                        (tìm lỗi trước khi in)
    toroi watch                                        (in lại mỗi khi lưu tệp)

    Mã thoát: 0 xong, 1 có lỗi trong tệp (mỗi lỗi ghi tệp:dòng:cột), 2 gõ lệnh sai. Thông báo tiếng Anh: TOROI_LANG=en.

## Mẫu trình bày

tpl-margin-negative = lề { $mm } mm: lề không thể âm
tpl-margin-negative-hint = lề 10 đến 15 mm hợp với máy in văn phòng
tpl-margin-leaves = lề { $mm } mm chỉ còn { $left } mm { $what }
tpl-of-page = của trang
tpl-of-card = của mỗi thẻ 85 × 55 mm
tpl-margin-leaves-hint = giảm lề (10 đến 15 mm), hoặc dùng trang lớn hơn
tpl-body-rise = cỡ chữ thân phải tăng dần: min_body { $min } ≤ body { $body } ≤ max_body { $max }
tpl-body-rise-hint = min_body là cỡ chữ dài thu nhỏ đến, max_body là cỡ chữ ngắn phóng to đến
tpl-qr-small = mã QR của { $kind } phải ít nhất { $min } mm, không phải { $mm } mm
tpl-qr-small-hint = mã nhỏ hơn có ô quá nhỏ, không quét được từ chỗ người đọc đứng
tpl-contrast = { $what } có độ tương phản { $ratio }:1: quá nhạt, khó đọc
tpl-contrast-hint = giữ ít nhất 3:1 (4,5:1 cho chữ nhỏ): chữ sẫm trên nền sáng
tpl-on-white = `{ $color }` trên trang trắng
tpl-on = `{ $color }` trên `{ $ground }`

## Cảnh báo về một thủ tục

glyph-field = `{ $field }` có { $what }
glyph-hint = xóa hoặc thay bằng chữ thường; không in được biểu tượng cảm xúc (emoji) và chữ Hán
lint-http = mã QR mở một địa chỉ `http`, điện thoại sẽ báo là không an toàn
lint-http-hint = dùng địa chỉ https:// của trang nếu Cổng có
lint-search-code = không có `url` hay `formality_id`: mã QR mở trang tìm kiếm của Cổng với mã { $code }, không phải trang riêng của thủ tục
lint-search-its-code = không có `url` hay `formality_id`: mã QR mở trang tìm kiếm của Cổng với mã của thủ tục, không phải trang riêng của nó
lint-search-title = không có `url` hay `formality_id`: mã QR mở trang tìm kiếm của Cổng với tên thủ tục, không phải trang riêng của nó
lint-search-hint = thêm formality_id = "…", mã ở cuối địa chỉ trang thủ tục trên Cổng (https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>), hoặc url = "https://…"
lint-retired = địa chỉ cũ từ trước khi Cổng chuyển năm 2026 (…/p/home/…): có thể không còn mở được
lint-retired-hint = dùng trang mới của thủ tục: thay dòng url bằng formality_id = "<mã>" lấy từ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>{ $search }
lint-retired-search = , hoặc trang tìm kiếm của Cổng theo mã: { $page }
lint-front-page = mã QR mở trang chủ của { $host }, không phải trang của thủ tục này
lint-front-page-hint = dùng trang riêng của thủ tục: formality_id = "<mã>" lấy từ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>, hoặc url của nó
lint-no-source = không có `source`: không ghi rõ các thông tin này lấy từ đâu
lint-no-source-hint = thêm source = "https://...", trang công khai nơi lấy lệ phí và thời hạn
lint-renumbered = { $n } bước tự đánh số ("Bước 1:", "1."): số đã được bỏ đi, vì bản in tự đánh số các bước
lint-renumbered-hint = viết mỗi bước không kèm số, ví dụ "Nộp hồ sơ tại Bộ phận Một cửa."
lint-no-documents = không có `documents`: bản in không có danh sách giấy tờ cần mang
lint-no-steps = không có `steps`: bản in không có các bước thực hiện
lint-add-list = thêm { $key } = ["...", "..."]

## Tệp đã ghi là gì, và in thế nào

count-procedures = { $n } thủ tục
what-poster = áp phích { $paper }, 1 trang
what-booklet = cẩm nang đóng quyển { $paper }, { $procedures }, { $pages } trang{ $blanks } trên { $sheets } tờ { $sheet }
what-blanks = {" "}+ { $n } trang trắng
what-handbook = cẩm nang { $paper }, { $procedures }, { $pages } trang
what-catalog = danh mục { $paper }, { $procedures } trong { $fields } lĩnh vực, { $pages } trang
what-leaflet = tờ gấp ba { $sheet }, { $procedures }, 2 mặt
what-cards = { $cards } thẻ QR trên { $pages } tờ { $paper }{ $again }
what-cards-again = {" "}(+ { $n } thẻ lặp lại cho đầy tờ cuối)
what-phone = ảnh cho điện thoại
note-booklet = in trên giấy { $sheet }, hai mặt, lật theo cạnh NGẮN ({ $sheets } tờ)
note-booklet-fold = rồi gấp đôi xấp giấy và dập ghim dọc nếp gấp
note-catalog = in trên giấy { $paper } ở 100 % ("kích thước thật"); ghim các trang theo thứ tự lên bảng niêm yết
note-cards = in ở 100 % ("kích thước thật"), rồi cắt theo dấu: thẻ 85 × 55 mm
note-leaflet-print = in trên giấy A4, hai mặt, lật theo cạnh NGẮN
note-leaflet-fold = gấp tấm hẹp (bên trái mặt 1) vào trước, rồi gấp bìa trước đè lên
