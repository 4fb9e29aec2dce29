# toroi's interface in English. Every id here is in vi.ftl too (a test
# checks); values use Fluent's syntax: { $name } for a value, and
# { $n -> [one] … *[other] … } where a number changes the words.

## How a message is framed

diag-error = error
diag-warning = warning
diag-help = help
diag-note = note
diag-cell = cell { $cell }
diag-line-column = line { $line }, column { $column }

## Counts

count-problems = { $n ->
    [one] 1 problem
   *[other] { $n } problems
}
count-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}
count-files = { $n ->
    [one] 1 file
   *[other] { $n } files
}
summary-outputs = { $n ->
    [one] 1 output
   *[other] { $n } outputs
}

## What the commands say

nothing-written = nothing was written ({ $problems })
wrote = wrote { $path } ({ $what })
built = built { $outputs } of { $campaign }: { $files } in { $secs } s{ $warnings }
build-failed = { $failed } of { $outputs } failed{ $broken }; { $files } written; see the problems above
build-broken-files = { $n ->
    [one] {" "}and 1 procedure file has errors
   *[other] {" "}and { $n } procedure files have errors
}
check-summary = { $errors }, { $warnings } in { $files }
campaign-found = campaign: { $path } (the campaign of this folder; --no-campaign to print without it)
init-made = made { $path }
init-kept = kept { $path } (it exists; init never overwrites)
init-next = next:
init-build = the print files, in out/
init-check = every problem in the files, before printing
watch-watching = watching { $what } for changes; Ctrl-C to stop
watch-folders = { $n ->
    [one] 1 folder
   *[other] { $n } folders
}
watch-changed = changed: { $paths }
interrupted = interrupted: nothing half-written was left behind

## Reading a file

file-not-utf8 = the file is not UTF-8 text (byte { $byte } cannot be read)
file-not-utf8-hint = save the file as UTF-8: in Notepad choose File > Save As > Encoding: UTF-8
file-not-text = this is not a text file (it contains NUL bytes)
file-not-text-hint = give a .toml text file; a Word or Excel file must be copied into a plain text editor and saved as UTF-8
file-empty = the file is empty
file-empty-hint = a procedure needs at least `title = "..."` and `url = "https://..."`
file-windows-1258 = the file is in the old Windows-1258 code page, not UTF-8; it was read as Windows-1258
file-windows-1258-hint = save it as UTF-8 so that every program reads it: in Notepad choose File > Save As > Encoding: UTF-8

## TOML as typed in Notepad

toml-syntax = TOML syntax error: { $message }
toml-syntax-quotes-hint = text values go in double quotes: key = "value"; a quote inside text is written \"
toml-syntax-duplicate-hint = each key may appear once per table; delete or rename the second one
toml-syntax-hint = each line is `key = value`; text in double quotes, lists in [ ] separated by commas
toml-curly = curly quotes (“ ” ‘ ’) do not enclose text in a TOML file
toml-curly-hint = type straight quotes " instead: Word and chat apps turn them into “ ”; Notepad keeps them straight
toml-backslash = a backslash inside double quotes starts an escape (\n, \t, \u…), and this one is not
toml-backslash-hint = write the path with forward slashes, C:/Users/…, or put it in single quotes '…' where backslashes are plain
toml-unclosed = this text has no closing quote on its line
toml-unclosed-hint = end the text with " on the line it starts; a text over several lines goes in triple quotes: """…"""
key-unknown = unknown key `{ $key }`
key-did-you-mean = did you mean `{ $key }`? (a misspelt key would silently drop a field from print)
key-did-you-mean-any = did you mean { $keys }? Keys are English words without Vietnamese letters
key-english = keys are English words without Vietnamese letters (title, fee, processing_time…); see procedures/ for examples
key-known = the known keys here are: { $keys }
key-missing = `{ $key }` is missing
key-missing-hint = add a line: { $key } = { $example }
key-empty = `{ $key }` is empty
key-write-like = write it like: { $key } = { $example }
key-wrong-type = `{ $key }` must be { $expected }, not { $found }
key-list-item = `{ $key }` must be a list of texts, but this item is { $found }
key-list-item-hint = put each item in double quotes, separated by commas
type-text = text in double quotes
type-bool = true or false (without quotes)
type-list = a list of texts
found-text = text
found-number = a number
found-bool = true/false
found-date = a date
found-list = a list
found-table = a table

## Procedures

formality-id-bad = `formality_id` must be the portal's record id, a UUID, not "{ $value }"
formality-id-hint = copy it from the procedure's page: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7 has the id 019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7
online-bad = `online` must be "full", "partial" or "none", not "{ $value }"
online-hint = "full" = toàn trình, "partial" = một phần, "none" = chỉ nộp trực tiếp
url-scheme = the URL must start with https:// or http://
url-scheme-hint = copy the whole address from the browser's address bar, e.g. https://dichvucong.gov.vn/thu-tuc-hanh-chinh/...
url-space = the URL contains a space or a line break
url-space-hint = remove the spaces; a space inside an address is written %20
url-invalid = this is not a web address the QR code can carry ({ $reason })
url-invalid-hint = copy the whole address from the browser's address bar
qr-too-long = the URL ({ $chars } characters) is too long for any QR code
qr-modules-too-small = the URL is too long for a { $side } mm QR code: its modules would be { $module } mm, under the { $min } mm a phone can read (it needs { $needed } mm)
code-repeated = the code { $code } is also the code of { $other }
code-repeated-hint = each procedure has its own national code; check which one is right, or remove the copy
glyph-one = the character { $char }, which the printed font cannot draw
glyph-many = { $n } characters that the printed font cannot draw: { $chars }

## Campaigns

logo-unreadable-file = cannot read the logo file { $path }: { $reason }
logo-bad = the logo { $path } { $reason }
logo-hint = the path is relative to the campaign file; use a PNG, JPEG or SVG file, or remove the `logo` line
lang-unknown = unknown language "{ $value }"
kind-unknown = unknown output kind "{ $value }"
px-only-png = `px` is for kind = "png" only
outputs-same-file = two outputs write { $file }
logo-svg-bad = is not a readable SVG image ({ $reason })
logo-png-bad = is not a readable PNG image ({ $reason })
logo-not-image = is not a readable PNG, JPEG or SVG image ({ $reason })
logo-jpeg-too-large = is { $w } × { $h } pixels, too large to read as a JPEG (at most { $max }); save a copy about 1000 pixels wide, or use the PNG or SVG

number-range = `{ $key }` must be from { $min } to { $max }
check-ready = ready to print
check-strict = (--strict: warnings fail)
url-no-host = the URL has no host name after the scheme
url-no-host-hint = write the full address, e.g. https://dichvucong.gov.vn/thu-tuc-hanh-chinh/...

## --help (the English text is the one in the code; these are used in Vietnamese)

help-about = Print-ready posters, handbooks, leaflets and QR cards for administrative procedures, each with a QR code that opens the procedure online
help-template = {"{"}about{"}"}

    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-poster = A one-page poster for one procedure (or one for each of several): key facts, documents, steps and a large QR code
help-leaflet = A tri-fold leaflet (tờ gấp): A4 landscape, both sides, 2 to 6 procedures
help-handbook = A handbook (cẩm nang): cover, contents, one section per procedure, back cover
help-catalog = The catalogue for the notice board: every procedure of a list as a row with its QR code, grouped by field
help-check = Every problem in procedure and campaign files, without writing anything
help-import = A list of procedures (.xlsx, .xls, .ods, .csv) into one procedure file per row, to edit in Notepad
help-cards = QR cards to cut out (85 × 55 mm, ten per A4 sheet with crop marks), one per procedure
help-init = A campaign folder ready to build: a commented toroi.toml, two procedures and an empty list
help-build = Every output a campaign file lists ([[output]]: posters, handbooks, booklets, leaflets, cards, PNGs)
help-watch = Build a campaign, then rebuild what changes each time an input file is saved (Ctrl-C to stop)
help-qr = A QR code on its own, as SVG, PNG or PDF (chosen by the output's extension)
help-after = Examples:
    toroi init xa-moi --ten "Ủy ban nhân dân xã Mới"
    toroi build
    toroi poster procedures/dang-ky-khai-sinh.toml -o out/khai-sinh.pdf
    toroi handbook procedures/ -o out/cam-nang.pdf
    toroi check
    toroi watch

    Exit status: 0 done, 1 a problem in the input (each shown as file:line:col), 2 wrong usage. Messages in English: TOROI_LANG=en.

## Templates

tpl-margin-negative = the margin is { $mm } mm: it cannot be negative
tpl-margin-negative-hint = a margin of 10 to 15 mm suits an office printer
tpl-margin-leaves = margin { $mm } mm leaves { $left } mm { $what }
tpl-of-page = of page
tpl-of-card = of each 85 × 55 mm card
tpl-margin-leaves-hint = make the margin smaller (10 to 15 mm), or the page larger
tpl-body-rise = the body sizes must rise: min_body { $min } ≤ body { $body } ≤ max_body { $max }
tpl-body-rise-hint = min_body is what long texts shrink to, max_body what short ones grow to
tpl-qr-small = a { $kind }'s QR code must be at least { $min } mm, not { $mm } mm
tpl-qr-small-hint = a smaller code has modules too small to scan from where it is read
tpl-contrast = { $what } has a contrast of { $ratio }:1: too faint to read
tpl-contrast-hint = keep at least 3:1 (4.5:1 for small text): dark text on a light ground
tpl-on-white = `{ $color }` on the white page
tpl-on = `{ $color }` on `{ $ground }`

## Warnings about a procedure

glyph-field = `{ $field }` contains { $what }
glyph-hint = remove them or replace them with ordinary text; emoji and Chinese characters cannot be printed
lint-http = the QR code opens an `http` address, which phones flag as not secure
lint-http-hint = use the https:// address of the page if the portal has one
lint-search-code = no `url` or `formality_id`: the QR code opens the portal's search for the code { $code }, not the procedure's own page
lint-search-its-code = no `url` or `formality_id`: the QR code opens the portal's search for its code, not the procedure's own page
lint-search-title = no `url` or `formality_id`: the QR code opens the portal's search for the title, not the procedure's own page
lint-search-hint = add formality_id = "…", the id at the end of the procedure's address on the portal (https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>), or url = "https://…"
lint-retired = an address from before the portal's 2026 move (…/p/home/…): it may no longer open
lint-retired-hint = use the procedure's new page: replace the url line with formality_id = "<id>" from https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>{ $search }
lint-retired-search = , or the portal's search for the code: { $page }
lint-front-page = the QR code opens the front page of { $host }, not this procedure's page
lint-front-page-hint = give the procedure's own page: formality_id = "<id>" from https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>, or its url
lint-no-source = no `source`: nothing says where these facts come from
lint-no-source-hint = add source = "https://...", the public page the fees and time limits were taken from
lint-renumbered = { $n } of the steps start with their own number ("Bước 1:", "1."): it is taken off, since the print numbers the steps
lint-renumbered-hint = write each step without its number, e.g. "Nộp hồ sơ tại Bộ phận Một cửa."
lint-no-documents = no `documents`: the printed procedure has no list of documents to bring
lint-no-steps = no `steps`: the printed procedure has no steps
lint-add-list = add { $key } = ["...", "..."]

## What a written file is, and how to print it

count-procedures = { $n ->
    [one] 1 procedure
   *[other] { $n } procedures
}
what-poster = { $paper } poster, 1 page
what-booklet = { $paper } booklet, { $procedures }, { $pages } pages{ $blanks } on { $sheets } sheets of { $sheet }
what-blanks = {" "}+ { $n } blank
what-handbook = { $paper } handbook, { $procedures }, { $pages } pages
what-catalog = { $paper } catalogue, { $procedures } in { $fields } fields, { $pages } pages
what-leaflet = { $sheet } tri-fold leaflet, { $procedures }, 2 sides
what-cards = { $cards } QR cards on { $pages } { $paper } { $pages ->
    [one] sheet
   *[other] sheets
}{ $again }
what-cards-again = {" "}(+ { $n } repeated to fill the last sheet)
what-phone = phone image
note-booklet = print on { $sheet }, double-sided, flip on the SHORT edge ({ $sheets } sheets)
note-booklet-fold = then fold the stack in half and staple along the fold
note-catalog = print on { $paper } at 100 % ("actual size"); pin the pages up in order for the notice board
note-cards = print at 100 % ("actual size"), then cut along the marks: 85 × 55 mm cards
note-leaflet-print = print on A4, double-sided, flip on the SHORT edge
note-leaflet-fold = fold the narrow panel (left on side 1) in first, then the front cover over it
