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
first-error = lỗi đầu tiên: { $place }
check-summary = { $errors }, { $warnings } trong { $files }
campaign-found = chiến dịch: { $path } (chiến dịch của thư mục này; thêm --no-campaign để in không theo chiến dịch)
init-made = đã tạo { $path }
init-kept = giữ nguyên { $path } (tệp đã có; init không bao giờ ghi đè)
init-next = tiếp theo:
init-build = { $cd }toroi build      (các tệp để in, trong thư mục out/)
init-check = { $cd }toroi check      (mọi lỗi trong các tệp, trước khi in)
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
code-row-replaced = dòng có mã { $code } không in: tệp { $file } thay cho nó
code-row-replaced-hint = tệp được nhập từ dòng này để sửa; khi không cần nữa, xóa tệp hoặc xóa dòng khỏi danh sách
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
    {"  "}toroi init xa-moi --ten "Ủy ban nhân dân xã Mới"     (tạo thư mục chiến dịch)
    {"  "}toroi build                                        (in mọi thứ chiến dịch liệt kê)
    {"  "}toroi poster thu-tuc/dang-ky-khai-sinh.toml -o khai-sinh.pdf
    {"  "}toroi handbook thu-tuc/ -o cam-nang.pdf
    {"  "}toroi check                                        (tìm lỗi trước khi in)
    {"  "}toroi watch                                        (in lại mỗi khi lưu tệp)

    Mã thoát: 0 xong, 1 có lỗi trong tệp (mỗi lỗi ghi tệp:dòng:cột), 2 gõ lệnh sai. Thông báo tiếng Anh: TOROI_LANG=en.

## Mẫu trình bày

tpl-margin-negative = lề { $mm } mm: lề không thể âm
tpl-margin-negative-hint = lề 10 đến 15 mm hợp với máy in văn phòng
tpl-margin-leaves = lề { $mm } mm chỉ còn { $left } mm { $what }
tpl-of-page = của trang
tpl-of-card = của mỗi thẻ 85 × 55 mm
tpl-margin-leaves-hint = giảm lề (10 đến 15 mm), hoặc dùng trang lớn hơn
tpl-margin-overflow = lề { $mm } mm của mẫu trình bày chỉ để lại { $w } × { $h } mm cho chữ: nội dung của { $file } không vừa
tpl-margin-overflow-hint = giảm margin trong tệp mẫu này (mẫu có sẵn dùng { $preset } mm); tên và nội dung thủ tục không cần sửa
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
lint-search-code = danh mục quốc gia (7/2026) không có mã { $code }: mã QR mở trang tìm kiếm của Cổng với mã này, không phải trang riêng của thủ tục
lint-search-its-code = danh mục quốc gia (7/2026) không có mã của thủ tục: mã QR mở trang tìm kiếm của Cổng với mã này, không phải trang riêng của nó
lint-search-title = không có mã, và danh mục quốc gia không có thủ tục nào tên này: mã QR mở trang tìm kiếm của Cổng với tên thủ tục, không phải trang riêng của nó
lint-search-hint = thêm mã thủ tục quốc gia (lệnh toroi find <vài chữ> tìm mã), formality_id = "…", mã ở cuối địa chỉ trang thủ tục trên Cổng (https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>), hoặc url = "https://…"
lint-retired = địa chỉ cũ từ trước khi Cổng chuyển năm 2026 (…/p/home/…): có thể không còn mở được
lint-retired-hint = dùng trang mới của thủ tục: thay dòng url bằng formality_id = "<mã>" lấy từ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>{ $search }
lint-retired-search = , hoặc trang tìm kiếm của Cổng theo mã: { $page }
lint-front-page = mã QR mở trang chủ của { $host }, không phải trang của thủ tục này
lint-front-page-hint = dùng trang riêng của thủ tục: formality_id = "<mã>" lấy từ https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã>, hoặc url của nó
lint-no-source = không có `source`: không ghi rõ các thông tin này lấy từ đâu
lint-no-source-hint = thêm source = "https://...", trang công khai nơi lấy lệ phí và thời hạn
lint-renumbered = { $n } bước tự đánh số ("Bước 1:", "1."): số đã được bỏ đi, vì bản in tự đánh số các bước
lint-renumbered-hint = viết mỗi bước không kèm số, ví dụ "Nộp hồ sơ tại Bộ phận Một cửa."
lint-no-documents = không có { $key }: bản in không có danh sách giấy tờ cần mang
lint-no-steps = không có { $key }: bản in không có các bước thực hiện
lint-add-list = thêm { $key } = ["...", "..."]
lint-add-column = thêm cột { $column } vào danh sách (mỗi mục một dòng trong ô), hoặc điền ô của dòng này
lint-no-source-list = danh sách không ghi nguồn: không rõ các thông tin này lấy từ đâu
lint-no-source-list-hint = thêm cột { $column }: địa chỉ trang công khai nơi lấy lệ phí và thời hạn, hoặc số quyết định công bố

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
note-booklet = in trên giấy { $sheet }, hai mặt, lật theo cạnh NGẮN ({ $sheets } tờ)
note-booklet-fold = rồi gấp đôi xấp giấy và dập ghim dọc nếp gấp
note-catalog = in trên giấy { $paper } ở 100 % ("kích thước thật"); ghim các trang theo thứ tự lên bảng niêm yết
note-cards = in ở 100 % ("kích thước thật"), rồi cắt theo dấu: thẻ 85 × 55 mm
note-leaflet-print = in trên giấy A4, hai mặt, lật theo cạnh NGẮN
note-leaflet-fold = gấp tấm hẹp (bên trái mặt 1) vào trước, rồi gấp bìa trước đè lên

## Ghi tệp; chiến dịch làm gì

out-is-folder = đầu ra là một thư mục, không phải một tệp
out-is-folder-hint = ghi tên một tệp, ví dụ -o out/ap-phich.pdf
write-cannot = không ghi được { $path }: { $what }: { $reason }
write-cannot-hint = kiểm tra thư mục có tồn tại và bạn được ghi vào đó, và tệp không đang mở trong chương trình khác (Word, trình đọc PDF)
write-no-folder = không tạo được thư mục chứa nó
write-no-temp = không tạo được tệp tạm
write-failed = ghi không thành
write-no-rename = không đặt được tệp đã làm xong vào chỗ
io-not-found = không có tệp hay thư mục này
io-permission-denied = không có quyền
io-exists = đã có rồi
io-disk-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho đọc
io-is-folder = đó là một thư mục
io-not-folder = một phần của đường dẫn không phải thư mục
build-no-campaign = không có tệp chiến dịch ở đây
build-no-campaign-hint = ghi tên tệp chiến dịch, ví dụ toroi build examples/phuong-1/toroi.toml, hoặc tạo một chiến dịch bằng toroi init
build-no-outputs = chiến dịch không liệt kê đầu ra nào
build-no-outputs-hint = thêm một mục [[output]]: kind = "handbook", size = "a5", file = "out/cam-nang.pdf"
build-no-procedures = chiến dịch không liệt kê thủ tục nào
build-no-procedures-hint = thêm procedures = ["thu-tuc"] (tệp hoặc thư mục, tính từ tệp này)
build-whole-broken = chưa ghi { $kind } { $file }: { $n } tệp thủ tục của nó có lỗi (xem ở trên)
build-whole-broken-hint = sửa các tệp đó rồi làm lại; { $kind } thiếu một thủ tục sẽ bị phát ra tay người dân
build-posters-one-file = { $file } là một tệp, nhưng mỗi thủ tục trong { $n } thủ tục có một áp phích riêng
build-posters-one-file-hint = ghi tên một thư mục, ví dụ file = "out/ap-phich"
kind-poster = áp phích
kind-leaflet = tờ gấp
kind-handbook = cẩm nang
kind-cards = thẻ QR
kind-png = ảnh điện thoại
kind-catalog = danh mục

## init, watch

init-name-line = # name = "Ủy ban nhân dân xã …"     # tên cơ quan, in trên mọi đầu ra
init-is-file = đây là một tệp, không phải thư mục
init-is-file-hint = ghi tên một thư mục mới, ví dụ toroi init xa-moi
watch-cannot = không theo dõi được các thay đổi: { $reason }
watch-failed = khi theo dõi: { $reason }
watch-cannot-folder = không theo dõi được { $path }: { $reason }

## check, import

folder-unreadable = không đọc được thư mục: { $reason }
path-spelling = kiểm tra lại đường dẫn
check-nothing-in = không có gì để kiểm tra trong { $paths }
check-nothing-hint = ghi tên các tệp thủ tục (.toml), thư mục chứa chúng, danh sách hoặc tệp chiến dịch (toroi.toml)
proof-reads-as = nó đọc ra { $other }
proof-unread = không bộ đọc nào tìm thấy nó
proof-misread = mã QR ở trang { $page } của { $kind } không đọc lại ra địa chỉ của nó: { $what }
proof-misread-hint = làm mã lớn hơn (mục [qr] size của mẫu) hoặc để chữ và hình tránh xa mã
check-nothing = không có gì để kiểm tra: ghi tên các tệp thủ tục, thư mục, danh sách hoặc tệp chiến dịch (toroi.toml)
bleed-bad = ghi phần tràn lề bằng milimét, từ 0 đến 20 (nhà in thường cần 3)
import-not-list = toroi import đọc một danh sách: tệp .xlsx, .xls, .ods hoặc .csv
import-not-list-hint = tệp thủ tục (.toml) không cần import: in thẳng từ chúng
import-out-file = đầu ra là một tệp; import ghi ra một thư mục các tệp thủ tục
import-out-file-hint = ghi tên một thư mục, ví dụ -o thu-tuc
import-exists = { $n } trong { $of } tệp đã có (tệp đầu tiên: { $first }); không ghi đè tệp nào
import-exists-hint = những gì đã sửa trong các tệp đó sẽ mất: import vào thư mục khác, hoặc thêm --force để thay chúng
blank-not-xlsx = danh sách trống là một tệp .xlsx
blank-not-xlsx-hint = ví dụ toroi import --blank danh-muc.xlsx
file-exists = tệp đã có; không ghi đè
file-exists-hint = ghi một tên tệp mới
blank-failed = không tạo được bảng tính: { $reason }
blank-wrote = đã ghi { $path } (danh sách trống: { $columns } cột; mỗi dòng một thủ tục, mỗi giấy tờ hay bước một dòng trong ô)

## import, make, qr, single

imported = đã chuyển { $procedures } từ { $list } vào { $folder } trong { $secs } giây{ $warnings }
proof-the-campaign = chiến dịch
proof-failed = mã QR của { $whose } ở trang { $page } không đọc lại ra { $href }{ $more ->
    [0] {""}
   *[other] {" "}(và { $more } mã khác cũng vậy)
}; không ghi tệp nào
proof-failed-hint = chạy toroi check để xem từng mã; làm mã lớn hơn hoặc để mọi thứ tránh xa mã
out-extension = { $path }: tên tệp { $format } phải kết thúc bằng .{ $ext }
out-extension-hint = đặt tên là { $path }
what-phone-pdf = ảnh điện thoại dạng một trang PDF
png-too-fine = với bề rộng { $px } px, mỗi ô của mã QR chưa tới { $min } điểm ảnh: điện thoại không đọc được
png-too-fine-hint = dùng --px { $px } trở lên
out-is-input = đầu ra { $out } chính là tệp đầu vào { $input }
out-is-input-hint = đặt tên khác cho đầu ra
qr-cmd-long-hint = dùng địa chỉ ngắn hơn, hoặc --mm lớn hơn
qr-cmd-format = không biết định dạng của { $path }
qr-cmd-format-hint = đặt tên đầu ra kết thúc bằng .svg, .png hoặc .pdf
qr-cmd-px-hint = dùng --px lớn hơn
qr-what-svg = { $modules } ô, dạng vector
qr-what-png = { $px } × { $px } px, { $per } px mỗi ô
png-named-pdf = --png ghi ảnh PNG, nhưng đầu ra lại tên là { $path }
png-named-pdf-hint = đặt tên đầu ra .png, hoặc bỏ --png để ghi PDF
no-procedures-for = không có thủ tục nào để đưa vào { $kind }
no-procedures-for-hint = ghi tên các tệp thủ tục, thư mục hoặc danh sách, ví dụ toroi { $command } thu-tuc/, hoặc chạy lệnh trong một thư mục chiến dịch (toroi init)
posters-out-file = mỗi thủ tục có một áp phích riêng: -o là tên một thư mục chứa chúng, không phải tệp { $path }
posters-out-file-hint = ví dụ -o ap-phich (mỗi thủ tục một tệp trong đó)
cards-png-out-file = với --png, -o là tên một thư mục chứa ảnh các thẻ, không phải tệp { $path }
cards-png-out-file-hint = ví dụ -o the-qr (mỗi thủ tục một ảnh PNG trong đó)

## Dàn trang: những gì không vừa

hint-shorter-campaign-url = dùng `url` của chiến dịch ngắn hơn, hoặc bớt tham số theo dõi (tracking)
hint-shorter-url = dùng địa chỉ ngắn hơn (trang của thủ tục trên Cổng có địa chỉ ngắn), hoặc bớt tham số theo dõi (tracking)
cards-url-hint = dùng địa chỉ ngắn hơn hoặc bớt tham số theo dõi: thẻ chỉ có chỗ cho mã 47 mm
cards-url-long = địa chỉ quá dài cho mã QR của một thẻ
cards-no-room = tên thủ tục không vừa thẻ QR (85 × 55 mm): tên cơ quan và đường dây nóng đã chiếm hết chỗ
cards-no-room-hint = rút ngắn tên cơ quan hoặc đường dây nóng trong tệp chiến dịch
cards-title-shortened = tên thủ tục được rút gọn còn { $lines } dòng cỡ { $pt } pt trên thẻ QR (85 × 55 mm)
cards-title-shortened-hint = tên ngắn hơn sẽ in đủ; mã vẫn mở trang đầy đủ
cards-summary-left-out = thẻ QR không in câu "để làm gì" của thủ tục: câu đầu của summary dài hơn chỗ còn lại trên thẻ
cards-summary-left-out-hint = mở đầu summary bằng một câu ngắn (khoảng 60 chữ cái), rồi dấu chấm; phần sau vẫn in trên áp phích và cẩm nang
catalog-row-tall = một dòng của danh mục cao hơn cả trang
catalog-row-tall-hint = rút ngắn tên thủ tục
catalog-url-hint = ghi `formality_id` của thủ tục: trang của nó trên Cổng có địa chỉ ngắn
cover-contacts-long = thông tin liên hệ của cơ quan không vừa bìa sau
issuer-shorten-hint = rút ngắn các mục trong [issuer] (địa chỉ, giờ làm việc)
where-cover = bìa
where-leaflet-front = mặt trước của tờ gấp
handbook-too-many = { $n } thủ tục là quá nhiều cho một cuốn cẩm nang (tối đa { $max }, khoảng 1.000 trang)
handbook-too-many-hint = làm mỗi lĩnh vực hoặc mỗi cơ quan một cuốn: liệt kê các thư mục trong các mục [[output]] riêng
section-field-long = `{ $field }` quá dài cho một trang { $paper } của cẩm nang: cần { $needs } mm, một trang có { $room } mm
shorten-field-hint = rút ngắn `{ $field }`; toàn văn vẫn có ở trang mà mã QR mở
section-pages = thủ tục chiếm { $pages } trang cẩm nang, nhiều hơn { $max } trang cho phép mỗi phần; phần dài nhất là `{ $field }`
section-pages-hint = rút gọn còn những gì người dân cần mang và cần làm; toàn văn vẫn có ở trang mà mã QR mở
where-handbook = cẩm nang { $paper }
where-poster = áp phích { $paper }
leaflet-count = tờ gấp cần từ { $min } đến { $max } thủ tục; đã cho { $n }
leaflet-count-hint = với một thủ tục, in áp phích (toroi poster) hoặc thẻ QR (toroi cards)
leaflet-holds = tờ gấp chứa được { $fits } trong { $n } thủ tục này: bỏ bớt { $drop } (hoặc in cẩm nang cho tất cả)
leaflet-holds-hint = chọn { $fits } thủ tục: ghi tên chúng trên dòng lệnh (toroi leaflet a.toml b.toml ...) hoặc trong [[output]] của chiến dịch: procedures = ["a.toml", ...]
leaflet-panel-long = thủ tục này cần { $needs } mm trên một tấm của tờ gấp, mà tấm chỉ có { $room } mm
leaflet-panel-long-hint = rút ngắn giấy tờ và thông tin của nó, hoặc in nó thành áp phích
leaflet-contacts-long = thông tin liên hệ không vừa mặt sau của tờ gấp, phía trên mã QR của chiến dịch (dài quá { $mm } mm)
masthead-long = { $what } chỉ có { $room } mm cho tiêu đề và khẩu hiệu, mà chúng cần { $needs } mm
masthead-long-hint = rút ngắn `campaign.title` hoặc `campaign.slogan`
glyph-text = đoạn chữ "{ $text }" có { $what }
glyph-text-hint = xóa hoặc thay bằng chữ thường trong tệp chiến dịch hay tệp thủ tục
qr-small-modules = mã QR trên { $what } có ô { $module } mm: chỉ quét được khi để thật gần (từ 0,7 mm trở lên mới đọc được ở khoảng một sải tay)
qr-small-modules-hint = địa chỉ ngắn hơn (hoặc ít tham số theo dõi hơn) cho mã có ô to hơn
phone-cta-room = mã trên ảnh điện thoại không chừa chỗ cho lời mời quét mã
phone-cta-room-hint = dùng địa chỉ ngắn hơn: trang của thủ tục trên Cổng theo mã của nó
phone-title-long = tên thủ tục không vừa ảnh điện thoại, kể cả ở cỡ chữ nhỏ nhất
phone-title-long-hint = rút ngắn tên; mã mở trang đầy đủ
poster-url-hint = dùng địa chỉ ngắn hơn (trang của thủ tục trên Cổng có địa chỉ ngắn) hoặc bớt tham số theo dõi; áp phích A3 có mã lớn hơn (--size a3)
poster-shrunk = chữ đã được thu nhỏ từ { $from } pt xuống { $to } pt cho vừa một trang { $paper }
poster-shrunk-a4-hint = chữ ngắn hơn, hoặc --size a3, sẽ in to hơn
poster-shrunk-hint = chữ ngắn hơn sẽ in to hơn
poster-overflow = chữ không vừa một áp phích { $paper }: dài quá { $mm } mm dù ở cỡ chữ nhỏ nhất ({ $pt } pt); phần tràn bắt đầu ở `{ $field }`
poster-overflow-hint = rút ngắn `{ $field }` (hoặc các danh sách dài nhất); toàn văn vẫn có ở trang mà mã QR mở
poster-overflow-a4-hint = rút ngắn `{ $field }` (hoặc các danh sách dài nhất); toàn văn vẫn có ở trang mà mã QR mở. Trang lớn hơn cũng giúp được: --size a3
poster-key-lines = `{ $key }` chiếm { $lines } dòng trên áp phích, nhiều hơn { $max } dòng có chỗ
poster-key-lines-hint = rút ngắn; các chi tiết có thể để ở trang mà mã QR mở

## Tệp chiến dịch

use-one-of = dùng một trong: { $names }
output-procedures-empty = `procedures` của đầu ra này không liệt kê gì
output-procedures-empty-hint = ghi tên các tệp hoặc thư mục thủ tục, hoặc xóa dòng này để dùng các thủ tục của chiến dịch
kind-did-you-mean = có phải ý bạn là "{ $near }"? Các loại là: { $names }
size-not-for = { $kind } không có khổ "{ $size }"
booklet-handbook-only = `booklet` chỉ dùng cho cẩm nang
handbook-only-hint = xóa dòng này, hoặc đặt kind = "handbook"
group-handbook-only = `group` chỉ dùng cho cẩm nang (danh mục luôn xếp theo lĩnh vực)
group-unknown = cách xếp nhóm không hợp lệ "{ $value }"
group-unknown-hint = viết group = "field" để xếp các phần theo lĩnh vực
px-only-png-hint = xóa dòng này; đầu ra PDF tính kích thước bằng milimét
png-no-print = ảnh PNG không có tràn lề hay màu CMYK
png-no-print-hint = xóa dòng này; bleed và cmyk dùng cho PDF gửi nhà in
outputs-same-file-hint = đầu ra ở dòng { $line } cũng ghi vào đó; mỗi đầu ra cần một tệp riêng
tracking-foreign = `tracking` được thêm vào các địa chỉ trên { $hosts }, không do cơ quan quản lý: ở đó các tham số chỉ làm mã QR dày hơn
tracking-foreign-hint = chỉ thêm tracking cho địa chỉ trang của cơ quan (`url` của chiến dịch, `website` của cơ quan); bỏ `tracking` với địa chỉ trên Cổng
campaign-path-missing = không có tệp hay thư mục này: { $path }
campaign-path-missing-hint = kiểm tra chính tả; đường dẫn ở đây tính từ tệp chiến dịch này

## Tệp và thư mục

folder-no-procedures = thư mục này không có tệp thủ tục .toml nào
folder-no-procedures-hint = ghi tên thư mục chứa các tệp thủ tục, ví dụ thu-tuc/
path-missing-hint = kiểm tra lại đường dẫn; đường dẫn tương đối trong tệp chiến dịch tính từ tệp đó
file-txt = tệp này tên là { $name }: được đọc như tệp TOML
file-txt-hint = đổi tên thành { $name } (Notepad thêm .txt trừ khi chọn "Save as type" là "All files")
path-is-folder = đây là một thư mục, không phải một tệp
path-is-folder-hint = ghi tên một tệp .toml, ví dụ thu-tuc/dang-ky-khai-sinh.toml
file-unreadable = không đọc được tệp: { $reason }
file-unreadable-hint = kiểm tra tệp có tồn tại và bạn được đọc nó
file-too-large = tệp nặng { $mb } MB; một tệp thủ tục hay chiến dịch chỉ vài kilobyte (tối đa 1 MB)
file-too-large-hint = có đúng tệp không? Toàn văn nên để ở trang mà mã QR mở, không phải trên bản in

## Danh sách và mẫu trình bày

list-no-sheet = tệp không có trang tính nào tên "{ $name }"
list-sheets = các trang tính của nó là: { $names }
list-no-header = hoàn toàn không có dòng tiêu đề
list-headers-found = các tiêu đề tìm thấy là: { $headers }
list-no-title-column = không có cột tên thủ tục: { $found }
list-no-title-column-hint = đặt tiêu đề cột tên là "Tên thủ tục hành chính" (hoặc "Tên TTHC", "title"), và có thêm ít nhất một cột quen thuộc như "Mã TTHC" hay "Lĩnh vực"
list-column-unknown = cột "{ $name }" không được đọc: toroi không biết nó chứa gì
list-column-unknown-hint = đổi tên thành một trong: Tên thủ tục, Mã TTHC, Lĩnh vực, Cơ quan thực hiện, Thời hạn giải quyết, Phí, lệ phí, Căn cứ pháp lý, Cách thức thực hiện, Mức độ DVC, Thành phần hồ sơ, Trình tự thực hiện, Kết quả thực hiện, Đường dẫn, formality_id, Tóm tắt, Nguồn — hoặc cứ để vậy, không ảnh hưởng gì
list-legacy = ô này gõ bằng bảng mã cũ { $encoding }; đã đọc thành "{ $text }"
list-legacy-hint = chuyển tệp sang Unicode (trong Unikey: Công cụ > Chuyển mã) để mọi chương trình đều đọc được
list-code-number = mã được lưu dạng số ({ $number }): đã đọc thành "{ $code }", nhưng có thể đã mất các số 0 ở cuối
list-code-number-hint = định dạng cột mã là Text (Format Cells > Text) rồi gõ lại các mã
list-online-bad = "{ $value }" không phải một mức dịch vụ công trực tuyến
list-online-bad-hint = viết "Toàn trình", "Một phần" hoặc "Không", hoặc để trống
list-row-no-title = dòng này không có tên thủ tục
list-row-no-title-hint = gõ tên thủ tục vào ô này, hoặc xóa dòng
list-place-sheet = { $file }, trang tính { $sheet }, dòng { $row }
list-place-line = { $file }, dòng { $line }
list-imported-comment = toroi chuyển từ { $place }.
    Cứ sửa thoải mái: chạy toroi check cho tệp này sau mỗi lần sửa.
list-no-rows = danh sách có dòng tiêu đề nhưng không có dòng thủ tục nào
list-no-rows-hint = thêm mỗi thủ tục một dòng dưới dòng tiêu đề
sheet-unreadable = không đọc được bảng tính: { $reason }
sheet-unreadable-hint = lưu lại từ Excel hoặc LibreOffice dạng .xlsx (hoặc CSV UTF-8) rồi thử lại
list-empty-hint = một danh sách cần dòng tiêu đề (Tên thủ tục, Mã TTHC, ...) và mỗi thủ tục một dòng
csv-unreadable = không đọc được tệp CSV: { $reason }
csv-unreadable-hint = dấu ngoặc kép mở trong một ô phải được đóng; lưu lại từ Excel dạng CSV UTF-8
portal-id-shared = mã trên Cổng { $id } cũng là mã của { $other }: một trong hai mã QR sẽ mở trang của thủ tục kia
portal-id-shared-hint = mở https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã> và chỉ giữ mã ở thủ tục mà trang đó hiển thị; để thủ tục kia không có mã (mã QR của nó khi đó mở trang tìm kiếm của Cổng)
template-unreadable = không đọc được mẫu trình bày: { $reason }
template-bad-value = giá trị không hợp lệ trong mẫu trình bày: { $reason }
template-bad-value-hint = độ dài là số milimét, cỡ chữ là số point, màu viết "#RRGGBB"
template-key-unknown = khóa không hợp lệ trong mẫu trình bày `{ $key }`
template-did-you-mean = có phải ý bạn là `{ $key }`?
type-table = một bảng
type-list-brackets = một danh sách trong ngoặc vuông: ["…", "…"]
type-number = một số
template-key-type = `{ $key }` phải là { $expected }
template-key-type-hint = xem các mẫu có sẵn trong thư mục templates/ để biết cách viết từng khóa

## Mẫu trình bày

tpl-page-bad = trang có kích thước { $w } × { $h } mm
tpl-page-bad-hint = ghi kích thước trang bằng milimét, ví dụ page = {"{"} width = 210, height = 297 {"}"}
tpl-gap-negative = khoảng cách { $mm } mm: không thể âm
tpl-gap-negative-hint = khoảng cách 3 đến 5 mm giữa các khối
tpl-cards-page = mười thẻ 85 × 55 mm cần một trang A4; trang của mẫu này là { $paper }
tpl-cards-page-hint = xóa `page` khỏi mẫu: thẻ in mười thẻ trên một tờ A4
tpl-size-range = `{ $key }` là { $pt } pt: cỡ chữ in được từ 4 đến 200 pt
tpl-size-range-hint = chữ thân dễ đọc ở cỡ 9 đến 12 pt
tpl-min-title = min_title { $min } pt lớn hơn title { $title } pt
tpl-min-title-hint = min_title là cỡ mà tên dài thu nhỏ đến: tối đa bằng `title`
tpl-keep-together = `keep_together` có "{ $words }", gồm { $n } âm tiết
tpl-keep-together-hint = liệt kê các từ hai đến bốn âm tiết không được tách khi xuống dòng, ví dụ "Vĩnh Bảo"

## Mẫu có sẵn

tpl-builtin = mẫu có sẵn { $name }: { $message }

## Giá trị, logo

type-number-bare = một số (không có ngoặc kép)
type-table-list = một danh sách các bảng
key-entries-tables = các mục của `{ $key }` phải là bảng, không phải { $found }
key-entries-tables-hint = viết mỗi mục thành một phần [[{ $key }]]
logo-no-size = không có kích thước
logo-not-drawn = không vẽ được
logo-too-large = quá lớn
qr-png-small = { $px } px là quá nhỏ cho mã này: cần ít nhất { $n } px (mỗi ô một điểm ảnh)

## Ảnh

png-leaflet-outside = tờ gấp mặt 1 (mặt ngoài: bìa, mặt sau, tấm gấp)
png-leaflet-inside = tờ gấp mặt { $side } (mặt trong)
png-card = thẻ QR
png-handbook-page = cẩm nang { $paper } trang { $page }
png-catalog-page = danh mục { $paper } trang { $page }
png-what = { $what }, { $w } × { $h } px
print-bleed = tràn lề { $mm } mm và dấu cắt
qr-what-pdf = { $mm } mm, { $module } mm mỗi ô

## --help: từng đối số (arg-<lệnh>-<tên>, không có thì arg-<tên>)

arg-campaign = Tệp chiến dịch: cơ quan phát hành (tiêu đề, logo, liên hệ) và tham số theo dõi của mã QR [mặc định: toroi.toml của thư mục này hoặc của thư mục gần nhất phía trên]
arg-no_campaign = In không theo chiến dịch, kể cả khi đang ở trong thư mục chiến dịch
arg-lang = Ngôn ngữ của các nhãn in và của thông báo [mặc định: `lang` của chiến dịch, không có thì vi]
arg-template = Tệp mẫu trình bày, các khóa trong đó thay cho mẫu có sẵn (xem thư mục templates/)
arg-bleed = Cho nhà in: mở rộng trang thêm phần tràn lề này (thường là 3) và thêm dấu cắt
arg-cmyk = Cho nhà in: ghi mọi màu dạng CMYK
arg-sheet = Trang tính cần đọc trong danh sách (.xlsx, .ods) [mặc định: trang đầu tiên có dòng tiêu đề]
arg-png = Ghi ảnh PNG (để gửi Zalo hoặc chiếu lên màn hình) thay cho PDF; cũng được chọn khi tên tệp đầu ra là .png
arg-px = Bề rộng ảnh PNG, tính bằng điểm ảnh [mặc định: 1080; mặt tờ gấp 1620, để mỗi ô của mã còn 3 điểm ảnh]
arg-help = In hướng dẫn
arg-version = In số phiên bản
arg-paths = Các tệp thủ tục, thư mục và danh sách [mặc định: các thủ tục của chiến dịch]
arg-poster-procedures = Tệp thủ tục (.toml); hoặc nhiều tệp, thư mục và danh sách, mỗi thủ tục một áp phích
arg-poster-output = Nơi ghi tệp PDF [mặc định: tên tệp thủ tục với đuôi .pdf, trong thư mục này]; với nhiều thủ tục, một thư mục [mặc định: posters]
arg-size = Khổ giấy (dọc)
arg-poster-phone = Một ảnh dàn trang cho điện thoại (1080 × 1350 px, để gửi Zalo) thay cho trang A4
arg-leaflet-paths = 2 đến 6 tệp thủ tục (hoặc thư mục) [mặc định: các thủ tục của chiến dịch]
arg-leaflet-output = Nơi ghi tệp PDF [mặc định: to-gap.pdf]; với --png, OUT-1.png và OUT-2.png
arg-handbook-paths = Các tệp thủ tục, thư mục và danh sách (thư mục được đọc theo thứ tự tên tệp) [mặc định: các thủ tục của chiến dịch]
arg-handbook-output = Nơi ghi tệp PDF [mặc định: cam-nang.pdf, hoặc cam-nang-in.pdf với --booklet]
arg-handbook-size = Khổ trang
arg-handbook-booklet = Dàn hai trang trên mỗi mặt giấy theo thứ tự đóng ghim giữa, để in bằng máy in văn phòng
arg-handbook-group = Xếp các phần theo lĩnh vực, mỗi lĩnh vực mở đầu bằng một tiêu đề
arg-catalog-paths = Các danh sách (.xlsx, .ods, .csv), tệp thủ tục và thư mục [mặc định: các thủ tục của chiến dịch]
arg-catalog-output = Nơi ghi tệp PDF [mặc định: danh-muc.pdf]
arg-check-paths = Các tệp thủ tục, thư mục chứa chúng, danh sách và tệp chiến dịch (toroi.toml) [mặc định: chiến dịch của thư mục này]
arg-check-strict = Coi cả cảnh báo là lỗi (mã thoát 1)
arg-import-list = Danh sách: một bảng tính hoặc tệp CSV, mỗi thủ tục một dòng
arg-import-output = Thư mục ghi các tệp thủ tục vào [mặc định: tên của danh sách]
arg-import-force = Thay các tệp thủ tục đã có (những gì đã sửa trong đó sẽ mất)
arg-import-blank = Ghi một danh sách trống để điền (.xlsx), có sẵn các tiêu đề cột toroi đọc được, thay vì chuyển đổi
arg-cards-output = Nơi ghi tệp PDF [mặc định: the-qr.pdf]; với --png, một thư mục [mặc định: the-qr]
arg-cards-copies = Số thẻ của mỗi thủ tục
arg-cards-no_fill = Để trống các ô còn lại của tờ cuối (mặc định chúng được in lặp lại các thẻ theo thứ tự)
arg-init-folder = Thư mục cần tạo [mặc định: thư mục này]
arg-init-ten = Tên cơ quan, in trên mọi đầu ra (ví dụ "Ủy ban nhân dân xã Vĩnh Bảo")
arg-build-campaign = Tệp chiến dịch
arg-build-no_proof = Không đọc lại từng mã QR trước khi ghi tệp (mặc định toroi đọc lại mọi mã)
arg-build-proof = Đọc lại mọi mã QR trước khi ghi tệp (nay là mặc định)
arg-studio-folder = Thư mục của chiến dịch [mặc định: thư mục này]
arg-studio-no_open = Chỉ in địa chỉ, không tự mở trình duyệt
arg-watch-campaign = Tệp chiến dịch [mặc định: chiến dịch của thư mục này]
arg-qr-url = Địa chỉ mà mã mở (http hoặc https)
arg-qr-output = Tệp đầu ra: .svg, .png hoặc .pdf
arg-qr-px = Bề rộng và chiều cao ảnh PNG, tính bằng điểm ảnh
arg-qr-mm = Bề rộng in của tệp PDF, tính bằng milimét, kể cả lề trắng quanh mã
help-sub-template = {"{"}about{"}"}

    Cách dùng: {"{"}usage{"}"}

    Đối số:
    {"{"}positionals{"}"}

    Tùy chọn:
    {"{"}options{"}"}{"{"}after-help{"}"}
help-import-after = Ví dụ:
    {"  "}toroi import danh-muc.xlsx -o thu-tuc
    {"  "}toroi import danh-muc.csv --sheet "Phụ lục" -o thu-tuc --force
    {"  "}toroi import --blank danh-muc.xlsx

## --help: giá trị mặc định

help-default = mặc định: { $value }
help-values = giá trị: { $values }

## Gõ lệnh sai

help-help = In hướng dẫn này, hoặc hướng dẫn của một lệnh
usage-unknown-arg = không có tùy chọn '{ $arg }'
usage-unknown-command = không có lệnh '{ $command }'
usage-no-value = '{ $arg }' cần một giá trị
usage-bad-value = '{ $value }' không phải giá trị hợp lệ của '{ $arg }'
usage-missing = thiếu { $arg }
usage-conflict = không dùng được '{ $arg }' cùng với '{ $other }'
usage-valid = các giá trị: { $values }
usage-did-you-mean = có phải ý bạn là '{ $suggestion }'?
usage-heading = Cách dùng:
usage-more = Xem thêm: thêm --help vào sau lệnh.

## Gõ lệnh sai: số

usage-range = ghi một số nguyên từ { $min } đến { $max }

## Logo

logo-format-unknown = không nhận ra định dạng của nó

## Danh sách: cảnh báo lặp lại

list-rows = ở { $n } dòng: { $rows }
list-rows-more = và { $n } dòng khác
list-rows-count = ở { $n } dòng

## Cú pháp TOML, như bộ đọc báo

toml-key-no-value = khóa chưa có giá trị: thiếu `= giá trị`
toml-quote-values = giá trị chữ phải đặt trong ngoặc kép
toml-list-comma = thiếu dấu phẩy giữa các mục của danh sách
toml-list-extra-comma = thừa dấu phẩy trong danh sách
toml-duplicate-key = khóa bị lặp lại
toml-unclosed-list = danh sách mở bằng [ nhưng chưa đóng bằng ]
toml-unclosed-header = tên mục mở bằng [ nhưng chưa đóng bằng ]
toml-missing-value = thiếu giá trị
toml-bad-key = tên khóa không hợp lệ: chỉ dùng chữ không dấu, số, _ và -
toml-missing-equals = thiếu dấu = giữa khóa và giá trị
toml-unexpected = có nội dung thừa trên dòng này
toml-bad-value = giá trị không hợp lệ
toml-missing-opening-quote = thiếu ngoặc kép mở

## Danh mục quốc gia: mã, tên, tình trạng

code-province = mã { $code } là mã hồ sơ của tỉnh: toroi dùng phần mã quốc gia, { $national }
code-province-hint = ghi code = "{ $national }"
code-damaged = `{ $code }` không phải mã quốc gia: mã quốc gia gồm một chữ số, dấu chấm và sáu chữ số (1.001570)
code-damaged-known = có phải ý bạn là { $code } ({ $title })? Excel bỏ các số 0 ở cuối một số: định dạng cột mã là Text rồi gõ lại mã
code-damaged-hint = gõ mã như danh mục của tỉnh, một chữ số, dấu chấm và sáu chữ số; trong Excel, định dạng cột mã là Text trước
code-bad = `{ $code }` không phải mã thủ tục quốc gia (một chữ số, dấu chấm và sáu chữ số, ví dụ 1.001193)
code-bad-hint = chép mã từ danh mục của tỉnh, hoặc tìm bằng lệnh: toroi find <vài chữ trong tên>
code-old = `{ $old }` là mã của cơ sở dữ liệu quốc gia cũ, và danh mục không có thủ tục nào tên này: mã QR mở trang tìm kiếm của Cổng theo tên
code-old-hint = tìm mã mới bằng lệnh: toroi find <vài chữ trong tên>, rồi ghi code = "…"
code-old-matched = `{ $old }` là mã của cơ sở dữ liệu quốc gia cũ: tên này là { $code } trong danh mục quốc gia ({ $title })
code-old-matched-hint = ghi mã mới, code = "{ $code }", để xác nhận
code-old-candidates = `{ $old }` là mã của cơ sở dữ liệu quốc gia cũ; tên này có thể là một trong các thủ tục sau của danh mục quốc gia (chưa liên kết cho đến khi bạn chọn):
title-matched = không có mã: tên này là của { $code } trong danh mục quốc gia ({ $title }); mã QR mở trang của thủ tục đó
title-matched-hint = thêm code = "{ $code }" để xác nhận (mã sai sẽ mở trang của thủ tục khác)
title-candidates = không có mã, và tên này có thể là một trong các thủ tục sau của danh mục quốc gia; mã QR mở trang tìm kiếm của Cổng theo tên cho đến khi bạn chọn:
title-candidates-hint = thêm mã của thủ tục đúng, ví dụ code = "…"; lệnh toroi find <vài chữ> liệt kê thêm
portal-id-other = mã trên Cổng { $id } là mã của { $code } ({ $title }) trong danh mục quốc gia, không phải của thủ tục này: mã QR sẽ mở trang của thủ tục đó
portal-id-other-right = danh mục ghi mã trên Cổng của { $code } là { $id }: ghi formality_id = "{ $id }", hoặc xóa dòng này để liên kết theo mã thủ tục
portal-id-other-none = danh mục không có mã trên Cổng của { $code }: xóa dòng formality_id (mã QR khi đó mở trang tìm kiếm của Cổng), hoặc kiểm tra lại mã thủ tục
status-from = , theo { $place }
status-repealed = thủ tục này đã bị bãi bỏ ({ $decision }){ $from }: không nên phát tài liệu về nó
status-repealed-hint = bỏ thủ tục khỏi chiến dịch, hoặc kiểm tra lại quyết định; check --strict sẽ từ chối
status-not-yet = thủ tục này chỉ có hiệu lực từ { $date } ({ $text }){ $from }
status-not-yet-hint = in từ ngày đó, hoặc ghi rõ điều này trên tài liệu
catalogue-not-list = { $path } không phải một danh mục: danh mục là bảng tính hoặc tệp CSV có cột mã
catalogue-not-list-hint = ghi tên một tệp .xlsx, .xls, .ods hoặc .csv
check-linked = { $n } mã mở trang của thủ tục theo danh mục quốc gia
check-linked-title = { $n } thủ tục được tìm theo tên: hãy xác nhận mã
catalog-searches = { $n }/{ $of } dòng mở trang tìm kiếm của Cổng, không phải trang riêng của thủ tục (không có mã trong danh mục quốc gia, và tên không khớp rõ với thủ tục nào): mã QR của chúng lớn hơn
catalog-searches-hint = thêm mã quốc gia của từng thủ tục (lệnh toroi find <vài chữ trong tên> tìm mã); toroi check chỉ rõ từng dòng
import-linked-comment = theo danh mục của Cổng DVCQG, 7/2026: { $title }
import-old-code = mã của cơ sở dữ liệu quốc gia cũ
import-candidates-comment = danh mục quốc gia (7/2026) có nhiều thủ tục gần với tên này; thêm code = "…" của thủ tục đúng:
help-find = Tìm thủ tục trong danh mục quốc gia theo vài chữ (có dấu hoặc không) hoặc theo mã
help-new = Tạo tệp thủ tục cho từng mã, điền sẵn từ danh mục quốc gia và chi tiết trên Cổng
arg-find-words = Vài chữ trong tên thủ tục (có dấu hoặc không), hoặc một mã
arg-find-field = Chỉ các thủ tục thuộc lĩnh vực có những chữ này
arg-find-all = Hiện mọi kết quả [mặc định: 20 kết quả đầu]
arg-find-about = Danh mục có sẵn trong toroi lấy từ đâu, ngày nào
arg-new-codes = Các mã (1.001193), hoặc vài chữ tìm ra đúng một thủ tục
arg-new-output = Thư mục để ghi [mặc định: thư mục thủ tục của chiến dịch, nếu không có thì thư mục này]
find-about = Danh mục quốc gia có sẵn trong toroi: { $n } thủ tục theo danh sách của Cổng (https://{ $source }), đọc ngày { $date }: mã, mã trên Cổng, tên, lĩnh vực, cơ quan thực hiện và loại của từng thủ tục; chi tiết trên Cổng (hồ sơ, trình tự, thời hạn, lệ phí) của 502 thủ tục. Nguồn: assets/catalogue/README.md
find-none = không có thủ tục nào trong danh mục quốc gia có các chữ "{ $words }"
find-none-hint = thử ít chữ hơn, hoặc gõ không dấu (toroi find ket hon)
find-more = … và { $n } thủ tục khác: thêm --all để xem hết, hoặc thêm một chữ
find-summary = { $n } thủ tục trong danh mục quốc gia (dichvucong.gov.vn, { $date }); thủ tục cấp xã đứng trước
new-unknown-code = danh mục quốc gia không có thủ tục { $code }
new-several = { $n } thủ tục có các chữ "{ $words }": hãy ghi mã của một thủ tục
new-several-hint = ghi một trong các mã sau (toroi find { $words } liệt kê tất cả):
new-exists = đã có tệp cho { $code }: toroi new không bao giờ ghi đè
new-exists-hint = sửa tệp đó, hoặc xóa nó trước
new-wrote-details = có thành phần hồ sơ, trình tự, thời hạn và căn cứ pháp lý của Cổng
new-wrote-bare = theo danh mục (toroi không có chi tiết của Cổng cho thủ tục này): điền phần còn lại
new-wrote = đã ghi { $path } ({ $code }, { $what })
new-next = đọc lại và hoàn thiện từng tệp, rồi chạy: toroi check { $folder }
version-catalogue = danh mục quốc gia ngày { $date }, { $n } mã
input-not-a-file = đây không phải một tệp (là thư mục, thiết bị hoặc đường ống)
input-too-large = tệp nặng { $mb } MB, quá mức toroi đọc ({ $limit } MB)
input-damaged = tệp bị hỏng (trình đọc dừng lại: { $detail })
guard-not-zip = đây không phải tệp zip như tệp XLSX và ODS (tệp bị hỏng, hoặc một loại tệp khác bị đổi tên)
guard-inflates = một phần của tệp giải nén ra { $mb } MB, quá mức toroi đọc ({ $limit } MB mỗi phần): một danh mục chỉ vài MB
guard-inflates-hint = mở danh mục bằng Excel hoặc LibreOffice rồi lưu lại; tệp vẫn lớn như vậy thì không phải danh mục thủ tục
guard-too-far = trang tính có ô chứa dữ liệu ở đây, quá phạm vi toroi đọc: tối đa { $rows } dòng và { $columns } cột
guard-too-far-hint = danh mục của xã hay tỉnh đều nằm gọn trong đó; xóa phần nằm ngoài danh mục (các dòng, cột tới cuối trang tính) rồi lưu lại
sheet-damaged = không đọc được trang tính "{ $sheet }": { $reason }
list-sheet-hidden = trang tính "{ $sheet }" đang bị ẩn trong bảng tính: không đọc
list-sheet-hidden-hint = để đọc, bỏ ẩn trong Excel hoặc ghi tên: --sheet "{ $sheet }" (hoặc sheet = "{ $sheet }" trong toroi.toml)
list-rows-hidden = { $n } dòng đang bị ẩn trong bảng tính: không đọc
list-rows-hidden-hint = bỏ ẩn trong Excel nếu chúng thuộc danh mục (Home > Format > Hide & Unhide)
list-formula-unsaved = { $n } công thức chưa có giá trị được lưu: toroi đọc giá trị Excel đã lưu, không tính công thức
list-formula-unsaved-hint = mở tệp bằng Excel (hoặc LibreOffice) rồi lưu lại, để giá trị của từng công thức được lưu cùng
list-cell-error = ô hiện lỗi Excel { $error } thay vì một giá trị
list-cell-error-hint = sửa công thức hoặc tham chiếu trong Excel, hoặc gõ giá trị, rồi lưu lại
list-cell-too-long = ô chứa { $n } ký tự; một ô chứa tối đa { $limit } (như Excel)
list-cell-too-long-hint = ô của danh mục chỉ chứa tên hoặc danh sách ngắn; toàn văn để ở trang mà mã QR mở
list-more-columns = và { $n } cột lạ khác
panic-caught = toroi đã dừng: { $reason }; không ghi tệp nào. Nếu tệp không hỏng, hãy báo lỗi kèm tệp đó
logo-svg-inflates = là tệp SVG nén, giải nén ra hơn { $limit } MB
logo-svg-too-complex = là ảnh SVG có { $nodes } phần tử lồng sâu { $depth } tầng; một biểu tượng chỉ vài nghìn phần tử, sâu chục tầng (toroi đọc tối đa { $max_nodes } phần tử, sâu { $max_depth } tầng)
logo-svg-href = logo SVG trỏ tới một tệp hoặc địa chỉ khác, toroi không mở nó (chỉ vẽ ảnh nằm trong tệp SVG): { $href }
logo-svg-href-hint = nhúng ảnh vào tệp SVG (Inkscape: Extensions > Images > Embed Images), hoặc dùng logo PNG
logo-interlaced-too-large = là ảnh PNG xen kẽ (interlaced) { $w } × { $h } điểm ảnh, quá lớn để giải mã một lần
logo-too-many-pixels = có { $w } × { $h } điểm ảnh, quá mức toroi đọc ({ $mp } megapixel); logo in đẹp ở 600 điểm ảnh
logo-jpeg-cut = là tệp JPEG bị cắt cụt (không kết thúc như một tệp JPEG): in ra sẽ bị xám một nửa
root-outside = { $path } nằm ngoài thư mục của chiến dịch { $root }: toroi chỉ đọc và ghi bên trong thư mục đó
root-outside-hint = chép tệp vào { $root }, hoặc chạy toroi với `--root THƯ_MỤC` là thư mục chứa cả hai
root-link-outside = { $path } dẫn ra ngoài thư mục của chiến dịch { $root } (một liên kết): bỏ qua
root-link-outside-hint = chép tệp vào thư mục thay vì liên kết tới nó, hoặc chạy toroi với `--root THƯ_MỤC`
root-not-folder = `--root { $path }`: không có thư mục này
arg-root = Thư mục mà chiến dịch được đọc và ghi bên trong [mặc định: thư mục của chiến dịch, hoặc thư mục này khi nó chứa chiến dịch]
stem-renamed = một thủ tục khác cũng tên “{ $stem }” ({ $other }): áp phích và ảnh của thủ tục này mang tên “{ $new }”
stem-renamed-hint = đổi tên một trong hai tệp nếu muốn tên khác
clash-outputs = đầu ra này sẽ ghi { $file }, tệp mà đầu ra ở dòng { $line } cũng ghi: một trong hai sẽ mất
clash-nested = đầu ra này sẽ ghi { $file }, nơi đầu ra ở dòng { $line } ghi một tệp hay thư mục cùng tên: một trong hai sẽ mất
clash-hint = cho mỗi đầu ra một tệp hoặc thư mục riêng
clash-within = hai thủ tục của đầu ra này cùng được ghi vào { $file }
clash-within-hint = đổi tên một trong hai tệp thủ tục
field-too-long = `field` có { $n } ký tự; tên lĩnh vực dài nhất là { $max } ký tự (dài nhất trong danh mục quốc gia là 193)
field-too-long-hint = chỉ ghi tên lĩnh vực, như danh mục quốc gia ghi (ví dụ "Hộ tịch")
guard-xls-not-compound = đây không phải tệp Excel 97–2003 (.xls), dù mang tên như vậy
guard-xls-counts = tệp bị hỏng: phần đầu tệp khai nhiều hơn những gì tệp chứa
guard-xls-loop = tệp bị hỏng: bảng mục lục của tệp quay vòng
list-too-many = `{ $key }` có { $n } mục; danh sách của một thủ tục có nhiều nhất { $max } mục
text-too-long = `{ $key }` có { $n } ký tự; chỉ in được nhiều nhất { $max } ký tự
text-too-long-hint = in những gì người dân cần ở bộ phận một cửa; toàn văn vẫn ở trang mà mã QR mở
procedure-too-long = các nội dung của thủ tục có tổng cộng { $n } ký tự; chỉ in được nhiều nhất { $max } (một phần cẩm nang 12 trang)
proof-done = đã đọc lại { $n } mã QR: tất cả mở đúng địa chỉ
file-letters-lost = chữ đã bị mất ở đây ("{ $word }"): tệp được lưu theo bảng mã cũ Windows-1258 ("ANSI"), bảng mã này biến những chữ nó không có thành "?"
file-letters-lost-hint = mở tệp gốc (hoặc danh mục gốc) rồi lưu lại dạng UTF-8: trong Notepad chọn Tệp > Lưu thành > Mã hóa: UTF-8; không thể đổi "?" trở lại thành chữ
list-header-letters-lost = tiêu đề cột đã mất chữ ("{ $word }"): danh mục được lưu theo một bảng mã biến chữ Việt thành "?"; mở bản gốc bằng Excel rồi lưu dạng .xlsx, hoặc "CSV UTF-8"
list-fee-number = lệ phí ở ô này là một con số; sẽ in là "{ $fee }"
list-fee-number-hint = gõ lệ phí dạng chữ trong ô ("Miễn phí", "8.000 đồng/bản") để in đúng ý

## toroi studio: the command and the server's answers
help-studio = Mở chiến dịch trong trình duyệt của máy này: sửa và xem trước, thêm thủ tục, in
studio-started = toroi studio đang mở chiến dịch ở { $folder }
    Địa chỉ (chỉ máy này mở được): { $address }
studio-stop = Bấm Ctrl-C hoặc đóng cửa sổ này để dừng; mọi thay đổi đã lưu vẫn còn.
studio-open-by-hand = Không mở được trình duyệt: hãy chép địa chỉ trên vào trình duyệt.
studio-failed = không mở được studio: { $reason }
studio-bad-host = toroi studio chỉ trả lời địa chỉ 127.0.0.1 của chính máy này.
studio-bad-token = Hãy mở địa chỉ mà toroi studio in ra khi khởi động (địa chỉ đó có mã riêng của lần chạy này).
studio-bad-origin = Yêu cầu này không đến từ trang toroi studio nên bị từ chối.
studio-outside = “{ $path }” nằm ngoài thư mục chiến dịch; toroi studio chỉ đọc và ghi trong thư mục đó.
studio-conflict = Tệp { $path } đã được sửa ở nơi khác (Notepad, toroi watch hoặc một thẻ khác) sau khi trang này mở nó. Bấm “Tải lại” để xem bản trên đĩa; nội dung bạn đang sửa chưa được lưu.
studio-logo-unreadable = Không dùng được ảnh logo này: { $reason }. Hãy chọn ảnh PNG, JPEG hoặc SVG khác.
studio-bad-file-name = Tên tệp “{ $name }” không dùng được: cần tệp { $kinds }.
studio-no-row = Danh sách không còn dòng { $row }: có thể tệp đã được sửa. Hãy mở lại danh sách thủ tục.
studio-row-read-only = Dòng của danh sách chỉ xem được; hãy nhập thành tệp riêng để sửa.
studio-exists = Đã có tệp { $path }; toroi không ghi đè.
studio-no-code = Danh mục quốc gia không có mã { $code }.
studio-upload-gone = Danh sách đã tải lên không còn (studio đã khởi động lại?): hãy thả lại tệp.
studio-no-campaign-table = Tệp toroi.toml không có bảng [campaign] để thêm thủ tục.

## toroi studio: the page's words
studio-app = toroi studio
studio-tagline = Ấn phẩm thủ tục hành chính có mã QR
studio-nav-campaign = Chiến dịch
studio-nav-procedures = Thủ tục
studio-nav-add = Thêm thủ tục
studio-nav-list = Nhập danh sách
studio-nav-print = In
studio-lang-switch = English
studio-folder = Thư mục
studio-init-title = Thư mục này chưa có chiến dịch
studio-init-text = toroi sẽ tạo tệp toroi.toml có chú thích, hai thủ tục mẫu và một danh sách trống. Sau đó bạn điền thông tin cơ quan và thêm thủ tục ngay trên trang này.
studio-init-name = Tên cơ quan (in trên mọi ấn phẩm)
studio-init-button = Tạo chiến dịch
studio-issuer = Cơ quan ban hành
studio-issuer-name = Tên cơ quan
studio-issuer-locality = Địa bàn (xã, tỉnh)
studio-issuer-address = Địa chỉ
studio-issuer-hotline = Đường dây nóng
studio-issuer-office_hours = Giờ làm việc
studio-issuer-logo = Biểu trưng (logo)
studio-logo-upload = Chọn ảnh logo (PNG, JPEG, SVG)
studio-logo-none = Chưa có logo
studio-campaign = Chiến dịch
studio-campaign-title = Tiêu đề
studio-campaign-slogan = Khẩu hiệu (in dưới mã QR)
studio-outputs = Ấn phẩm sẽ in
studio-save = Lưu
studio-saving = Đang lưu…
studio-saved = Đã lưu vào tệp, giữ nguyên các dòng chú thích.
studio-reload = Tải lại
studio-col-title = Tên thủ tục
studio-col-code = Mã
studio-col-field = Lĩnh vực
studio-col-link = Mã QR mở
studio-col-problems = Vấn đề
studio-col-source = Tệp
studio-link-portal = Trang thủ tục trên Cổng
studio-link-search = Trang tìm kiếm của Cổng
studio-link-other = Trang khác
studio-link-none = Không in được
studio-filter-field = Lĩnh vực
studio-filter-all = Tất cả lĩnh vực
studio-filter-problems = Chỉ thủ tục có vấn đề
studio-count = thủ tục
studio-edit = Sửa
studio-open = Xem
studio-back = ← Danh sách thủ tục
studio-field-title = Tên thủ tục
studio-field-code = Mã thủ tục (quốc gia)
studio-field-formality_id = Mã trang trên Cổng 2026
studio-field-url = Địa chỉ riêng cho mã QR
studio-field-field = Lĩnh vực
studio-field-agency = Cơ quan thực hiện
studio-field-online = Dịch vụ công trực tuyến
studio-field-summary = Tóm tắt
studio-field-processing_time = Thời hạn giải quyết
studio-field-fee = Phí, lệ phí
studio-field-result = Kết quả
studio-field-documents = Thành phần hồ sơ
studio-field-steps = Các bước
studio-field-channels = Cách nộp
studio-field-legal_basis = Căn cứ pháp lý
studio-field-source = Nguồn
studio-online-empty = (không ghi)
studio-online-full = Toàn trình
studio-online-partial = Một phần
studio-online-none = Không
studio-add-item = + Thêm dòng
studio-remove-item = Xóa dòng
studio-up = Lên
studio-down = Xuống
studio-preview = Xem trước
studio-view-poster = Áp phích A4
studio-view-phone = Ảnh điện thoại
studio-view-card = Thẻ QR
studio-view-handbook = Trang cẩm nang
studio-preview-alt = Bản xem trước do toroi vẽ
studio-readonly = Thủ tục này là một dòng của danh sách: chỉ xem. Nhập thành tệp riêng để sửa.
studio-import-row = Nhập thành tệp riêng
studio-search-label = Tìm trong danh mục quốc gia (có dấu hoặc không dấu, hoặc mã)
studio-search-placeholder = ví dụ: khai sinh, ket hon, 1.001193
studio-search-none = Không tìm thấy thủ tục nào.
studio-search-details = có chi tiết
studio-add-selected = Tạo tệp cho thủ tục đã chọn
studio-added = Đã tạo:
studio-drop = Kéo thả tệp danh sách (XLSX, XLS, ODS, CSV) vào đây
studio-drop-choose = hoặc chọn tệp
studio-list-rows = Các dòng đọc được
studio-list-problems = Vấn đề theo ô
studio-list-add = Thêm danh sách vào chiến dịch
studio-bad-kind = “{ $kind }” không phải loại ấn phẩm toroi làm được.
studio-out-kind = Loại ấn phẩm
studio-out-size = Khổ giấy
studio-out-file = Tệp hoặc thư mục ghi ra
studio-out-add = Thêm ấn phẩm
studio-out-remove = Bỏ
studio-kind-poster = Áp phích
studio-kind-handbook = Cẩm nang
studio-kind-leaflet = Tờ gấp
studio-kind-cards = Thẻ QR
studio-kind-png = Ảnh điện thoại
studio-kind-catalog = Danh mục niêm yết
studio-list-import = Nhập thành tệp thủ tục riêng (mỗi dòng một tệp)
studio-list-imported = Đã tạo tệp thủ tục:
studio-list-added = Đã thêm vào chiến dịch:
studio-col-row = Dòng
studio-col-cell = Ô
studio-col-message = Nội dung
studio-print-button = In tất cả ấn phẩm
studio-print-working = Đang làm các ấn phẩm và đọc lại từng mã QR…
studio-print-open = Mở tệp
studio-print-files = Tệp đã ghi
studio-problems = Vấn đề
studio-problems-none = Không có vấn đề nào.
studio-error = Lỗi
studio-warning = Cảnh báo
studio-hint = Cách sửa
