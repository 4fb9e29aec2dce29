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
first-error = first error: { $place }
check-summary = { $errors }, { $warnings } in { $files }
campaign-found = campaign: { $path } (the campaign of this folder; --no-campaign to print without it)
init-made = made { $path }
init-kept = kept { $path } (it exists; init never overwrites)
init-next = next:
init-build = { $cd }toroi build      (the print files, in out/)
init-check = { $cd }toroi check      (every problem in the files, before printing)
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
code-row-replaced = the row with code { $code } is not printed: the file { $file } stands for it
code-row-replaced-hint = the file was imported from this row to edit; when it is no longer needed, delete the file or the row
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
    {"  "}toroi init xa-moi --ten "Ủy ban nhân dân xã Mới"
    {"  "}toroi build
    {"  "}toroi poster procedures/dang-ky-khai-sinh.toml -o out/khai-sinh.pdf
    {"  "}toroi handbook procedures/ -o out/cam-nang.pdf
    {"  "}toroi check
    {"  "}toroi watch

    Exit status: 0 done, 1 a problem in the input (each shown as file:line:col), 2 wrong usage. Messages in English: TOROI_LANG=en.

## Templates

tpl-margin-negative = the margin is { $mm } mm: it cannot be negative
tpl-margin-negative-hint = a margin of 10 to 15 mm suits an office printer
tpl-margin-leaves = margin { $mm } mm leaves { $left } mm { $what }
tpl-of-page = of page
tpl-of-card = of each 85 × 55 mm card
tpl-margin-leaves-hint = make the margin smaller (10 to 15 mm), or the page larger
tpl-margin-overflow = the template's margin of { $mm } mm leaves only { $w } × { $h } mm for the text: { $file } does not fit
tpl-margin-overflow-hint = lower `margin` in this template file (the built-in template uses { $preset } mm); the procedure's text need not change
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
lint-search-code = the national catalogue (July 2026) does not know the code { $code }: the QR code opens the portal's search for it, not the procedure's own page
lint-search-its-code = the national catalogue (July 2026) does not know its code: the QR code opens the portal's search for it, not the procedure's own page
lint-search-title = no code, and the national catalogue has no procedure of this title: the QR code opens the portal's search for the title, not the procedure's own page
lint-search-hint = add the national code (toroi find <words> looks it up), formality_id = "…", the id at the end of the procedure's address on the portal (https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>), or url = "https://…"
lint-retired = an address from before the portal's 2026 move (…/p/home/…): it may no longer open
lint-retired-hint = use the procedure's new page: replace the url line with formality_id = "<id>" from https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>{ $search }
lint-retired-search = , or the portal's search for the code: { $page }
lint-front-page = the QR code opens the front page of { $host }, not this procedure's page
lint-front-page-hint = give the procedure's own page: formality_id = "<id>" from https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id>, or its url
lint-no-source = no `source`: nothing says where these facts come from
lint-no-source-hint = add source = "https://...", the public page the fees and time limits were taken from
lint-renumbered = { $n } of the steps start with their own number ("Bước 1:", "1."): it is taken off, since the print numbers the steps
lint-renumbered-hint = write each step without its number, e.g. "Nộp hồ sơ tại Bộ phận Một cửa."
lint-no-documents = no { $key }: the printed procedure has no list of documents to bring
lint-no-steps = no { $key }: the printed procedure has no steps
lint-add-list = add { $key } = ["...", "..."]
lint-add-column = add a column "{ $column }" to the list (one item per line in the cell), or fill in this row's cell
lint-no-source-list = the list does not say where its facts come from
lint-no-source-list-hint = add a column "{ $column }": the public page the fees and time limits were taken from, or the number of the decision that published them

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
note-booklet = print on { $sheet }, double-sided, flip on the SHORT edge ({ $sheets } sheets)
note-booklet-fold = then fold the stack in half and staple along the fold
note-catalog = print on { $paper } at 100 % ("actual size"); pin the pages up in order for the notice board
note-cards = print at 100 % ("actual size"), then cut along the marks: 85 × 55 mm cards
note-leaflet-print = print on A4, double-sided, flip on the SHORT edge
note-leaflet-fold = fold the narrow panel (left on side 1) in first, then the front cover over it

## Writing files; what a campaign builds

out-is-folder = the output is a folder, not a file
out-is-folder-hint = give a file name, e.g. -o out/poster.pdf
write-cannot = cannot write { $path }: { $what }: { $reason }
write-cannot-hint = check that the folder exists and that you may write there, and that the file is not open in another program
write-no-folder = cannot create its folder
write-no-temp = cannot create a temporary file
write-failed = writing failed
write-no-rename = cannot move the finished file into place
io-not-found = no such file or folder
io-permission-denied = permission denied
io-exists = it exists already
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-is-folder = it is a folder
io-not-folder = a part of the path is not a folder
build-no-campaign = no campaign file here
build-no-campaign-hint = name the campaign file, e.g. toroi build examples/phuong-1/toroi.toml, or make one with toroi init
build-no-outputs = the campaign lists no outputs
build-no-outputs-hint = add an [[output]] section: kind = "handbook", size = "a5", file = "out/cam-nang.pdf"
build-no-procedures = the campaign lists no procedures
build-no-procedures-hint = add procedures = ["procedures"] (files or folders, relative to this file)
build-whole-broken = the { $kind } { $file } was not written: { $n } of its procedure files { $n ->
    [one] has errors
   *[other] have errors
} (shown above)
build-whole-broken-hint = fix those files and build again; a { $kind } with a missing procedure would be handed out
build-posters-one-file = { $file } is one file, but a poster is made for each of { $n } procedures
build-posters-one-file-hint = give a folder instead, e.g. file = "out/posters"
kind-poster = poster
kind-leaflet = leaflet
kind-handbook = handbook
kind-cards = QR cards
kind-png = phone image
kind-catalog = catalogue

## init, watch

init-name-line = # name = "Ủy ban nhân dân xã …"     # the office's name, printed on every output
init-is-file = this is a file, not a folder
init-is-file-hint = name a new folder, e.g. toroi init xa-moi
watch-cannot = cannot watch for changes: { $reason }
watch-failed = watching: { $reason }
watch-cannot-folder = cannot watch { $path }: { $reason }

## check, import

folder-unreadable = cannot read the folder: { $reason }
path-spelling = check the spelling of the path
check-nothing-in = nothing to check in { $paths }
check-nothing-hint = name procedure files (.toml), folders of them, lists or a campaign file (toroi.toml)
proof-reads-as = it reads as { $other }
proof-unread = no decoder finds it
proof-misread = the QR code on page { $page } of the { $kind } does not read back to its address: { $what }
proof-misread-hint = make the code larger (the template's [qr] size) or keep text and pictures clear of it
check-nothing = nothing to check: name procedure files, folders, lists or a campaign file (toroi.toml)
bleed-bad = give the bleed in millimetres, from 0 to 20 (print shops ask for 3)
import-not-list = toroi import reads a list: an .xlsx, .xls, .ods or .csv file
import-not-list-hint = procedure files (.toml) need no import: print them directly
import-out-file = the output is a file; import writes a folder of procedure files
import-out-file-hint = give a folder, e.g. -o procedures
import-exists = { $n } of the { $of } files exist already (the first: { $first }); nothing was overwritten
import-exists-hint = edits made in those files would be lost: import into another folder, or add --force to replace them
blank-not-xlsx = a blank list is an .xlsx file
blank-not-xlsx-hint = e.g. toroi import --blank danh-muc.xlsx
file-exists = the file exists already; nothing was overwritten
file-exists-hint = give a new file name
blank-failed = cannot make the spreadsheet: { $reason }
blank-wrote = wrote { $path } (a blank list: { $columns } columns; one procedure per row, one document or step per line in a cell)

## import, make, qr, single

imported = imported { $procedures } from { $list } into { $folder } in { $secs } s{ $warnings }
proof-the-campaign = the campaign
proof-failed = the QR code of { $whose } on page { $page } does not read back to { $href }{ $more ->
    [0] {""}
    [one] {" "}(1 more code does not either)
   *[other] {" "}({ $more } more codes do not either)
}; nothing was written
proof-failed-hint = run toroi check for each one; make the codes larger or keep things clear of them
out-extension = { $path }: a { $format } file's name must end in .{ $ext }
out-extension-hint = name it { $path }
what-phone-pdf = phone image as a PDF page
png-too-fine = at { $px } px wide the QR code's modules would be under { $min } pixels: phones cannot read it
png-too-fine-hint = use --px { $px } or more
out-is-input = the output { $out } is the input file { $input }
out-is-input-hint = give another output name
qr-cmd-long-hint = use a shorter URL, or a larger --mm
qr-cmd-format = cannot tell the format of { $path }
qr-cmd-format-hint = end the output name with .svg, .png or .pdf
qr-cmd-px-hint = give a larger --px
qr-what-svg = { $modules } modules, vector
qr-what-png = { $px } × { $px } px, { $per } px per module
png-named-pdf = --png writes PNG images, but the output is named { $path }
png-named-pdf-hint = name the output .png, or leave out --png for a PDF
no-procedures-for = no procedures to put in the { $kind }
no-procedures-for-hint = name procedure files, folders or lists, e.g. toroi { $command } procedures/, or run it in a campaign folder (toroi init)
posters-out-file = several procedures make a poster each: -o names a folder for them, not the file { $path }
posters-out-file-hint = e.g. -o posters (one file per procedure goes in it)
cards-png-out-file = with --png, -o names a folder for the card images, not the file { $path }
cards-png-out-file-hint = e.g. -o the-qr (one PNG per procedure goes in it)

## Layout: what does not fit

hint-shorter-campaign-url = use a shorter campaign `url` or fewer tracking parameters
hint-shorter-url = use a shorter URL (the portal's page for the procedure is short) or fewer tracking parameters
cards-url-hint = use a shorter URL or fewer tracking parameters: a card has room for a 47 mm code
cards-url-long = the URL is too long for the QR code of a card
cards-no-room = the title does not fit on a QR card (85 × 55 mm): the issuer and hotline leave no room
cards-no-room-hint = shorten the issuer's name or the hotline in the campaign file
cards-title-shortened = the title is shortened to { $lines } lines at { $pt } pt on its QR card (85 × 55 mm)
cards-title-shortened-hint = a shorter title prints whole; the code still opens the full page
cards-summary-left-out = the QR card leaves out what the procedure is for: the summary's first sentence is longer than the room left on the card
cards-summary-left-out-hint = start the summary with a short sentence (about 60 letters) and a full stop; the rest still prints on posters and in handbooks
catalog-row-tall = a row of the catalogue is taller than a page
catalog-row-tall-hint = shorten the procedure's title
catalog-url-hint = give the procedure's `formality_id`: the portal's page for it has a short address
cover-contacts-long = the issuer's contacts do not fit on the back cover
issuer-shorten-hint = shorten the [issuer] texts (address, office hours)
where-cover = the cover
where-leaflet-front = the leaflet's front panel
handbook-too-many = { $n } procedures are too many for one handbook (at most { $max }, about 1,000 pages)
handbook-too-many-hint = make one handbook per field (lĩnh vực) or per office: list the folders in separate [[output]] sections
section-field-long = `{ $field }` is too long for one { $paper } page of the handbook: it needs { $needs } mm, a page has { $room } mm
shorten-field-hint = shorten `{ $field }`; the full text stays on the page the QR code opens
section-pages = the procedure takes { $pages } pages of the handbook, more than the { $max } a section may have; the longest part is `{ $field }`
section-pages-hint = shorten it to what a citizen needs to bring and do; the full text stays on the page the QR code opens
where-handbook = { $paper } handbook
where-poster = { $paper } poster
leaflet-count = a leaflet needs { $min } to { $max } procedures; { $n } given
leaflet-count-hint = for one procedure print a poster (toroi poster) or QR cards (toroi cards)
leaflet-holds = a leaflet holds { $fits } of these { $n } procedures: drop { $drop } (or print a handbook for all of them)
leaflet-holds-hint = choose { $fits }: name them on the command line (toroi leaflet a.toml b.toml ...) or in the campaign's [[output]] as procedures = ["a.toml", ...]
leaflet-panel-long = this procedure needs { $needs } mm on a leaflet panel, which has { $room } mm
leaflet-panel-long-hint = shorten its documents and facts, or print it as a poster
leaflet-contacts-long = the contacts do not fit on the leaflet's back panel above the campaign's QR code ({ $mm } mm too long)
masthead-long = { $what } has { $room } mm for the title and slogan, which need { $needs } mm
masthead-long-hint = shorten `campaign.title` or `campaign.slogan`
glyph-text = the text "{ $text }" contains { $what }
glyph-text-hint = remove them or replace them with ordinary text in the campaign or procedure file
qr-small-modules = the QR code on the { $what } has { $module } mm modules: it scans from close up only (0.7 mm or more reads at arm's length)
qr-small-modules-hint = a shorter URL (or fewer tracking parameters) makes a coarser code
phone-cta-room = the phone image's code leaves no room for its call to action
phone-cta-room-hint = use a shorter address: the portal's page for the procedure's id
phone-title-long = the title does not fit on the phone image even at its smallest size
phone-title-long-hint = shorten the title; the code opens the full page
poster-url-hint = use a shorter URL (the portal's page for the procedure is short) or fewer tracking parameters; A3 posters have a larger code (--size a3)
poster-shrunk = the text was shrunk from { $from } pt to { $to } pt to fit on one { $paper } page
poster-shrunk-a4-hint = shorter texts, or --size a3, print larger
poster-shrunk-hint = shorter texts print larger
poster-overflow = the text does not fit on one { $paper } poster: it is { $mm } mm too long even at the smallest body size ({ $pt } pt); the overflow starts in `{ $field }`
poster-overflow-hint = shorten `{ $field }` (or the longest lists); the full text stays on the page the QR code opens
poster-overflow-a4-hint = shorten `{ $field }` (or the longest lists); the full text stays on the page the QR code opens. A larger page also helps: --size a3
poster-key-lines = `{ $key }` takes { $lines } lines on the poster, more than the { $max } it has room for
poster-key-lines-hint = shorten it; the full details can go on the page the QR code opens

## Campaign files

use-one-of = use one of: { $names }
output-procedures-empty = this output's `procedures` lists nothing
output-procedures-empty-hint = name procedure files or folders, or remove the line to use the campaign's
kind-did-you-mean = did you mean "{ $near }"? The kinds are: { $names }
size-not-for = a { $kind } does not come in size "{ $size }"
booklet-handbook-only = `booklet` is for handbooks only
handbook-only-hint = remove the line, or set kind = "handbook"
group-handbook-only = `group` is for handbooks only (a catalogue always groups by field)
group-unknown = unknown grouping "{ $value }"
group-unknown-hint = write group = "field" to order the sections by field
px-only-png-hint = remove the line; PDF outputs are sized in millimetres
png-no-print = PNG images have no bleed or CMYK colours
png-no-print-hint = remove the line; bleed and cmyk are for PDFs going to a print shop
outputs-same-file-hint = the output at line { $line } writes it too; give each output its own file
tracking-foreign = `tracking` is added to addresses on { $hosts } that the office does not run: there the parameters only make the QR codes denser
tracking-foreign-hint = add tracking only to links to your own site (the campaign's `url`, the issuer's `website`); remove `tracking` for portal links
campaign-path-missing = no such file or folder: { $path }
campaign-path-missing-hint = check the spelling; paths here are relative to this campaign file

## Files and folders

folder-no-procedures = this folder has no .toml procedure files
folder-no-procedures-hint = name the folder that holds the procedure files, e.g. procedures/
path-missing-hint = check the spelling of the path; relative paths in a campaign file are relative to that file
file-txt = this file is named { $name }: it is read as TOML
file-txt-hint = rename it to { $name } (Notepad adds .txt unless "Save as type" is "All files")
path-is-folder = this is a folder, not a file
path-is-folder-hint = name one .toml file, e.g. procedures/dang-ky-khai-sinh.toml
file-unreadable = cannot read the file: { $reason }
file-unreadable-hint = check that the file exists and that you may read it
file-too-large = the file is { $mb } MB; a procedure or campaign file is a few kilobytes (at most 1 MB)
file-too-large-hint = is this the right file? Full texts belong on the page the QR code opens, not in print

## Lists and templates

list-no-sheet = the file has no sheet named "{ $name }"
list-sheets = its sheets are: { $names }
list-no-header = no header row at all
list-headers-found = the headers found are: { $headers }
list-no-title-column = no column of procedure titles: { $found }
list-no-title-column-hint = head the column of names "Tên thủ tục hành chính" (or "Tên TTHC", "title"), and give at least one more known column such as "Mã TTHC" or "Lĩnh vực"
list-column-unknown = the column "{ $name }" is not read: toroi does not know what it holds
list-column-unknown-hint = rename it to one of: Tên thủ tục, Mã TTHC, Lĩnh vực, Cơ quan thực hiện, Thời hạn giải quyết, Phí, lệ phí, Căn cứ pháp lý, Cách thức thực hiện, Mức độ DVC, Thành phần hồ sơ, Trình tự thực hiện, Kết quả thực hiện, Đường dẫn, formality_id, Tóm tắt, Nguồn — or leave it, it does no harm
list-legacy = this cell is typed in the old { $encoding } encoding; read as "{ $text }"
list-legacy-hint = convert the file to Unicode (in Unikey: Công cụ > Chuyển mã) so that every program reads it
list-code-number = the code is stored as a number ({ $number }): read as "{ $code }", but trailing zeros may be lost
list-code-number-hint = format the code column as Text (Format Cells > Text) and type the codes again
list-online-bad = "{ $value }" is not a level of online service
list-online-bad-hint = write "Toàn trình" (fully online), "Một phần" (partly online) or "Không", or leave it empty
list-row-no-title = this row has no procedure title
list-row-no-title-hint = type the procedure's name in this cell, or delete the row
list-place-sheet = { $file }, sheet { $sheet }, row { $row }
list-place-line = { $file }, line { $line }
list-imported-comment = Imported by toroi from { $place }.
    Edit freely: toroi check this file after a change.
list-no-rows = the list has a header but no procedure rows
list-no-rows-hint = add a row per procedure under the header
sheet-unreadable = cannot read the spreadsheet: { $reason }
sheet-unreadable-hint = save it from Excel or LibreOffice as .xlsx (or as CSV UTF-8) and try again
list-empty-hint = a list needs a header row (Tên thủ tục, Mã TTHC, ...) and a row per procedure
csv-unreadable = cannot read the CSV file: { $reason }
csv-unreadable-hint = a quote opened in a cell must be closed; save it again from Excel as CSV UTF-8
portal-id-shared = the portal id { $id } is also the id of { $other }: one of the two codes opens the other's page
portal-id-shared-hint = open https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id> and keep the id on the procedure it shows; leave the other without one (its code then opens the portal's search)
template-unreadable = cannot read the template: { $reason }
template-bad-value = bad template value: { $reason }
template-bad-value-hint = lengths are numbers of millimetres, type sizes numbers of points, colours "#RRGGBB"
template-key-unknown = unknown template key `{ $key }`
template-did-you-mean = did you mean `{ $key }`?
type-table = a table
type-list-brackets = a list in brackets: ["…", "…"]
type-number = a number
template-key-type = `{ $key }` must be { $expected }
template-key-type-hint = see the built-in templates in templates/ for the form of each key

## Templates

tpl-page-bad = the page is { $w } × { $h } mm
tpl-page-bad-hint = write the page in millimetres, e.g. page = {"{"} width = 210, height = 297 {"}"}
tpl-gap-negative = the gap is { $mm } mm: it cannot be negative
tpl-gap-negative-hint = a gap of 3 to 5 mm between blocks
tpl-cards-page = ten 85 × 55 mm cards need an A4 page; this template's page is { $paper }
tpl-cards-page-hint = remove `page` from the template: cards print ten to an A4 sheet
tpl-size-range = `{ $key }` is { $pt } pt: type prints from 4 to 200 pt
tpl-size-range-hint = body text reads well at 9 to 12 pt
tpl-min-title = min_title { $min } pt is larger than title { $title } pt
tpl-min-title-hint = min_title is what a long title shrinks to: at most `title`
tpl-keep-together = `keep_together` holds "{ $words }", of { $n } syllables
tpl-keep-together-hint = list words of two to four syllables that a line must not split, e.g. "Vĩnh Bảo"

## Templates (built in)

tpl-builtin = the built-in template { $name }: { $message }

## Values, logos

type-number-bare = a number (without quotes)
type-table-list = a list of tables
key-entries-tables = `{ $key }` entries must be tables, not { $found }
key-entries-tables-hint = write each entry as a [[{ $key }]] section
logo-no-size = has no size
logo-not-drawn = could not be drawn
logo-too-large = is too large
qr-png-small = { $px } px is too small for this code: it needs at least { $n } px (one per module)

## Images

png-leaflet-outside = leaflet side 1 (outside: cover, back, flap)
png-leaflet-inside = leaflet side { $side } (inside)
png-card = QR card
png-handbook-page = { $paper } handbook page { $page }
png-catalog-page = { $paper } catalogue page { $page }
png-what = { $what }, { $w } × { $h } px
print-bleed = { $mm } mm bleed and crop marks
qr-what-pdf = { $mm } mm, { $module } mm per module

## --help: each argument (arg-<command>-<name>, else arg-<name>)

arg-campaign = Campaign file with the issuing office (header, logo, contacts) and QR tracking parameters [default: the toroi.toml of this folder or the nearest folder above it]
arg-no_campaign = Print without a campaign, even in a campaign's folder
arg-lang = Language of the printed labels and of the messages [default: the campaign's `lang`, else vi]
arg-template = A template file whose keys override the built-in layout preset (see templates/)
arg-bleed = For a print shop: extend the page by this bleed (typically 3) and add crop marks
arg-cmyk = For a print shop: write every colour as CMYK
arg-sheet = The sheet of a list (.xlsx, .ods) to read [default: the first with a header row]
arg-png = Write PNG images (to share in Zalo or show on a screen) instead of a PDF; also chosen by an output file named .png
arg-px = Width of the PNG images, in pixels [default: 1080; a leaflet's sides 1620, so that their codes keep 3-pixel modules]
arg-help = Print help
arg-version = Print version
arg-paths = Procedure files, folders and lists [default: the campaign's procedures]
arg-poster-procedures = The procedure file (.toml); or several files, folders and lists for a poster of each
arg-poster-output = Where to write the PDF [default: the procedure's file name with .pdf, in this folder]; for several procedures, a folder [default: posters]
arg-size = Paper size (portrait)
arg-poster-phone = An image laid out for a phone (1080 × 1350 px, for Zalo) instead of the A4 page
arg-leaflet-paths = 2 to 6 procedure files (or folders) [default: the campaign's procedures]
arg-leaflet-output = Where to write the PDF [default: to-gap.pdf]; with --png, OUT-1.png and OUT-2.png
arg-handbook-paths = Procedure files, folders and lists (folders are read in file-name order) [default: the campaign's procedures]
arg-handbook-output = Where to write the PDF [default: cam-nang.pdf, or cam-nang-in.pdf with --booklet]
arg-handbook-size = Page size
arg-handbook-booklet = Impose two pages per sheet side in saddle-stitch order, for an office printer
arg-handbook-group = Order the sections by field (lĩnh vực), each field opened by a heading
arg-catalog-paths = Lists (.xlsx, .ods, .csv), procedure files and folders [default: the campaign's procedures]
arg-catalog-output = Where to write the PDF [default: danh-muc.pdf]
arg-check-paths = Procedure files, folders of them, lists and campaign files (toroi.toml) [default: the campaign of this folder]
arg-check-strict = Fail (exit 1) on warnings too
arg-import-list = The list: a spreadsheet or CSV file with a row per procedure
arg-import-output = The folder to write the procedure files into [default: the list's name]
arg-import-force = Replace procedure files that exist already (edits in them are lost)
arg-import-blank = Write an empty list to fill in (.xlsx) with the headers toroi reads, instead of importing
arg-cards-output = Where to write the PDF [default: the-qr.pdf]; with --png, a folder [default: the-qr]
arg-cards-copies = How many cards of each procedure
arg-cards-no_fill = Leave the last sheet's empty slots empty (by default they take the cards again, in order)
arg-init-folder = The folder to make [default: this folder]
arg-init-ten = The office's name, printed on every output (e.g. "Ủy ban nhân dân xã Vĩnh Bảo")
arg-build-campaign = The campaign file
arg-build-no_proof = Do not read every QR code back before writing (toroi reads every code back by default)
arg-build-proof = Read every QR code back before writing (now the default)
arg-studio-folder = The campaign's folder [default: this folder]
arg-studio-no_open = Only print the address; do not open the browser
arg-watch-campaign = The campaign file [default: the campaign of this folder]
arg-qr-url = The address the code opens (http or https)
arg-qr-output = Output file: .svg, .png or .pdf
arg-qr-px = Width and height of a PNG, in pixels
arg-qr-mm = Printed width of a PDF, in millimetres, quiet zone included
help-sub-template = {"{"}about{"}"}

    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-import-after = Examples:
    {"  "}toroi import danh-muc.xlsx -o procedures
    {"  "}toroi import danh-muc.csv --sheet "Phụ lục" -o procedures --force
    {"  "}toroi import --blank danh-muc.xlsx

## --help: defaults

help-default = default: { $value }
help-values = possible values: { $values }

## Mistakes in the command line

help-help = Print this message or the help of the given command
usage-unknown-arg = there is no option '{ $arg }'
usage-unknown-command = there is no command '{ $command }'
usage-no-value = '{ $arg }' needs a value
usage-bad-value = '{ $value }' is not a value of '{ $arg }'
usage-missing = missing { $arg }
usage-conflict = '{ $arg }' cannot be used with '{ $other }'
usage-valid = values: { $values }
usage-did-you-mean = did you mean '{ $suggestion }'?
usage-heading = Usage:
usage-more = For more, run the command with --help.

## Mistakes in the command line: numbers

usage-range = give a whole number from { $min } to { $max }

## Logos

logo-format-unknown = its format is not one toroi knows

## Lists: repeated warnings

list-rows = in { $n } rows: { $rows }
list-rows-more = and { $n } more
list-rows-count = in { $n } rows

## TOML syntax, as the parser reports it

toml-key-no-value = key with no value, expected `=`
toml-quote-values = string values must be quoted
toml-list-comma = missing comma between array elements
toml-list-extra-comma = extra comma in array
toml-duplicate-key = duplicate key
toml-unclosed-list = unclosed array
toml-unclosed-header = unclosed table header
toml-missing-value = missing value
toml-bad-key = invalid unquoted key
toml-missing-equals = missing `=` between key and value
toml-unexpected = unexpected content
toml-bad-value = invalid value
toml-missing-opening-quote = missing opening quote

## The national catalogue: codes, titles, status

code-province = the code { $code } is a province's record code: toroi uses its national part, { $national }
code-province-hint = write code = "{ $national }"
code-damaged = `{ $code }` is not a national code: a national code is one digit, a point and six digits (1.001570)
code-damaged-known = did you mean { $code } ({ $title })? Excel drops the zeros at the end of a number: format the code column as Text and type the code again
code-damaged-hint = type the code as the province's list writes it, one digit, a point and six digits; in Excel, format the code column as Text first
code-bad = `{ $code }` is not a national procedure code (one digit, a point and six digits, e.g. 1.001193)
code-bad-hint = copy the code from the province's list, or find it with: toroi find <words of the title>
code-old = `{ $old }` is a code from the old national database, and the catalogue has no procedure of this title: the QR code opens the portal's search for the title
code-old-hint = find the new code with: toroi find <words of the title>, and write it as code = "…"
code-old-matched = `{ $old }` is a code from the old national database: its title is { $code } in the national catalogue ({ $title })
code-old-matched-hint = write the new code, code = "{ $code }", to confirm it
code-old-candidates = `{ $old }` is a code from the old national database; its title may be one of these procedures of the national catalogue (nothing is linked until you choose):
title-matched = no code: the title is that of { $code } in the national catalogue ({ $title }); the QR code opens its page
title-matched-hint = add code = "{ $code }" to confirm it (a wrong code would open another procedure's page)
title-candidates = no code, and the title could be any of these procedures of the national catalogue; the QR code opens the portal's search for the title until you choose:
title-candidates-hint = add the code of the right one, e.g. code = "…"; toroi find <words> lists more
portal-id-other = the portal id { $id } is the id of { $code } ({ $title }) in the national catalogue, not of this procedure: the QR code would open that procedure's page
portal-id-other-right = the catalogue gives { $code } the id { $id }: write formality_id = "{ $id }", or remove the line to link from the code
portal-id-other-none = the catalogue has no id for { $code }: remove the formality_id line (the code then opens the portal's search), or check the code
status-from = , according to { $place }
status-repealed = this procedure was repealed ({ $decision }){ $from }: its material should not be handed out
status-repealed-hint = remove it from the campaign, or check the decision; check --strict refuses it
status-not-yet = this procedure is in force only from { $date } ({ $text }){ $from }
status-not-yet-hint = print it from that date, or say so on the material
catalogue-not-list = { $path } is not a list: a catalogue is a spreadsheet or CSV with a code column
catalogue-not-list-hint = name an .xlsx, .xls, .ods or .csv file
check-linked = { $n ->
    [one] 1 code opens its procedure's page through the national catalogue
   *[other] { $n } codes open their procedures' pages through the national catalogue
}
check-linked-title = { $n ->
    [one] 1 procedure was found by its title: confirm its code
   *[other] { $n } procedures were found by their titles: confirm their codes
}
catalog-searches = { $n ->
    [one] 1 row of { $of }
   *[other] { $n } rows of { $of }
} open the portal's search page, not the procedure's own (no code the national catalogue knows, and no title it matches clearly): their QR codes are larger
catalog-searches-hint = add each one's national code (toroi find <words of the title> looks it up); toroi check names them
import-linked-comment = from the national portal's catalogue (dichvucong.gov.vn, July 2026): { $title }
import-old-code = a code of the old national database
import-candidates-comment = the national catalogue (July 2026) has several procedures close to this title; add code = "…" of the right one:
help-find = Procedures of the national catalogue that match some words (diacritics optional) or a code
help-new = A procedure file for each code, started from the national catalogue and the portal's details
arg-find-words = Words of the title (with or without diacritics), or a code
arg-find-field = Only procedures of a field (lĩnh vực) with these words
arg-find-all = Show every match [default: the first 20]
arg-find-about = Where the built-in catalogue comes from, and its date
arg-new-codes = Codes (1.001193), or words that find one procedure
arg-new-output = The folder to write into [default: the campaign's procedure folder, else this folder]
find-about = The national catalogue inside toroi: { $n } procedures of the portal's list (https://{ $source }), read on { $date }: code, portal id, title, field, agency and type of each; the portal's details (documents, steps, time, fee) for 502 of them. Where it comes from: assets/catalogue/README.md
find-none = no procedure of the national catalogue has the words "{ $words }"
find-none-hint = try fewer words, or the words without diacritics (toroi find ket hon)
find-more = … and { $n } more: --all shows them, or add a word
find-summary = { $n ->
    [one] 1 procedure
   *[other] { $n } procedures
} in the national catalogue (dichvucong.gov.vn, { $date }); commune procedures first
new-unknown-code = the national catalogue has no procedure { $code }
new-several = { $n } procedures have the words "{ $words }": name one by its code
new-several-hint = write one of these codes (toroi find { $words } lists them all):
new-exists = a file for { $code } exists already: toroi new never overwrites
new-exists-hint = edit that file, or remove it first
new-wrote-details = with the portal's documents, steps, time and legal basis
new-wrote-bare = from the catalogue (the portal has no details for it in toroi's data): fill in the rest
new-wrote = wrote { $path } ({ $code }, { $what })
new-next = read each file through and complete it, then: toroi check { $folder }
version-catalogue = the national catalogue of { $date }, { $n } codes
input-not-a-file = it is not a file (a folder, a device or a pipe)
input-too-large = it is { $mb } MB, more than toroi reads ({ $limit } MB)
input-damaged = the file is damaged (the reader stopped: { $detail })
guard-not-zip = it is not a zip file, as XLSX and ODS files are (damaged, or another kind of file renamed)
guard-inflates = a part of the file inflates to { $mb } MB, more than toroi reads ({ $limit } MB per part): a list is a few megabytes at most
guard-inflates-hint = open the list in Excel or LibreOffice and save it again; a file that stays this large is not a list of procedures
guard-too-far = the sheet has a filled cell here, past what toroi reads: at most { $rows } rows and { $columns } columns
guard-too-far-hint = a commune's or a province's list fits easily; delete what is past the list (rows and columns to the sheet's end) and save again
sheet-damaged = the sheet "{ $sheet }" cannot be read: { $reason }
list-sheet-hidden = the sheet "{ $sheet }" is hidden in the spreadsheet: it is left out
list-sheet-hidden-hint = to read it, unhide it in Excel or name it: --sheet "{ $sheet }" (or sheet = "{ $sheet }" in toroi.toml)
list-rows-hidden = { $n ->
    [one] 1 row is hidden in the spreadsheet: it is left out
   *[other] { $n } rows are hidden in the spreadsheet: they are left out
}
list-rows-hidden-hint = unhide them in Excel if they belong to the list (Home > Format > Hide & Unhide)
list-formula-unsaved = { $n ->
    [one] a formula has no saved value
   *[other] { $n } formulas have no saved value
}: toroi reads the values Excel saves, not formulas
list-formula-unsaved-hint = open the file in Excel (or LibreOffice) and save it again, so that each formula's value is saved with it
list-cell-error = the cell shows the Excel error { $error } instead of a value
list-cell-error-hint = fix the formula or the reference in Excel, or type the value, then save again
list-cell-too-long = the cell holds { $n } characters; a cell holds at most { $limit } (as in Excel)
list-cell-too-long-hint = a list cell holds a title or a short list; full texts belong on the page the QR code opens
list-more-columns = { $n ->
    [one] and 1 more unknown column
   *[other] and { $n } more unknown columns
}
panic-caught = toroi stopped: { $reason }; nothing was written. If the file is not damaged, please report it with the file
logo-svg-inflates = is a compressed SVG that inflates to more than { $limit } MB
logo-svg-too-complex = is an SVG of { $nodes } elements nested { $depth } deep; an emblem has a few thousand, a dozen deep (toroi reads at most { $max_nodes } elements, { $max_depth } deep)
logo-svg-href = the SVG logo refers to another file or address, which is not opened (only images inside the SVG are drawn): { $href }
logo-svg-href-hint = embed the image in the SVG (Inkscape: Extensions > Images > Embed Images), or use a PNG logo
logo-interlaced-too-large = is an interlaced PNG of { $w } × { $h } pixels, too large to decode whole
logo-too-many-pixels = is { $w } × { $h } pixels, more than toroi reads ({ $mp } megapixels); a logo prints well at 600 pixels
logo-jpeg-cut = is a JPEG file that is cut off (it does not end as a JPEG ends): it would print half grey
root-outside = { $path } is outside the campaign's folder { $root }: toroi reads and writes only inside it
root-outside-hint = copy the file into { $root }, or run toroi with `--root FOLDER` naming a folder that holds both
root-link-outside = { $path } leads outside the campaign's folder { $root } (a link): left out
root-link-outside-hint = copy the file into the folder instead of linking to it, or run toroi with `--root FOLDER`
root-not-folder = `--root { $path }`: no such folder
arg-root = The folder a campaign may read and write in [default: the campaign's folder, or this folder when it holds the campaign]
stem-renamed = another procedure is also named “{ $stem }” ({ $other }): this one's poster and images are named “{ $new }”
stem-renamed-hint = rename one of the files if you want other names
clash-outputs = this output would write { $file }, which the output at line { $line } writes too: one would be lost
clash-nested = this output would write { $file }, where the output at line { $line } writes a file or a folder of the same name: one would be lost
clash-hint = give each output its own file or folder
clash-within = two procedures of this output would both be written to { $file }
clash-within-hint = rename one of the procedure files
field-too-long = `field` has { $n } characters; a field's name has at most { $max } (the longest in the national catalogue has 193)
field-too-long-hint = write the field's name alone, as the national catalogue names it (e.g. "Hộ tịch")
guard-xls-not-compound = it is not an Excel 97–2003 file (.xls), though it is named so
guard-xls-counts = the file is damaged: its header declares more than the file holds
guard-xls-loop = the file is damaged: its table of contents goes round in a loop
list-too-many = `{ $key }` has { $n } items; a procedure's list has at most { $max }
text-too-long = `{ $key }` has { $n } characters; at most { $max } are printed
text-too-long-hint = print what a citizen needs at the desk; the full text stays on the page the QR code opens
procedure-too-long = the procedure's texts have { $n } characters in all; at most { $max } are printed (a handbook section of 12 pages)
proof-done = read back { $n } { $n ->
    [one] QR code: it opens its address
   *[other] QR codes: every one opens its address
}
file-letters-lost = letters were lost here ("{ $word }"): the file was saved in the old Windows-1258 ("ANSI") code page, which turned the letters it lacks into "?"
file-letters-lost-hint = open the original file (or the list it came from) and save it again as UTF-8: in Notepad choose File > Save As > Encoding: UTF-8; the "?" cannot be turned back into letters
list-header-letters-lost = the headers lost letters ("{ $word }"): the list was saved in a code page that turned Vietnamese letters into "?"; open the original in Excel and save it as .xlsx, or as "CSV UTF-8"
list-fee-number = the fee is a number here; it prints as "{ $fee }"
list-fee-number-hint = type the fee as text in the cell ("Miễn phí", "8.000 đồng/bản") to print it as you mean it

## toroi studio: the command and the server's answers
help-studio = Open the campaign in this PC's browser: edit with a live preview, add procedures, print
studio-started = toroi studio is serving the campaign in { $folder }
    Address (this PC only): { $address }
studio-stop = Press Ctrl-C or close this window to stop; every saved change stays.
studio-open-by-hand = Could not open the browser: copy the address above into it.
studio-failed = could not start the studio: { $reason }
studio-bad-host = toroi studio answers only at 127.0.0.1, on this PC.
studio-bad-token = Open the address toroi studio printed when it started (it carries this run's own key).
studio-bad-origin = This request did not come from the toroi studio page and was refused.
studio-outside = “{ $path }” is outside the campaign's folder; toroi studio reads and writes only inside it.
studio-conflict = { $path } was changed elsewhere (Notepad, toroi watch or another tab) after this page opened it. Press “Reload” to see the file on disk; your edits are not saved.
studio-logo-unreadable = This logo cannot be used: { $reason }. Choose another PNG, JPEG or SVG.
studio-bad-file-name = The file name “{ $name }” cannot be used: a { $kinds } file is needed.
studio-no-row = The list has no row { $row } any more: the file may have changed. Open the procedures again.
studio-row-read-only = A list's row is read-only; import it into a file of its own to edit it.
studio-exists = { $path } exists; toroi does not overwrite it.
studio-no-code = The national catalogue has no code { $code }.
studio-upload-gone = The list dropped earlier is gone (was the studio restarted?): drop the file again.
studio-no-campaign-table = toroi.toml has no [campaign] table to add procedures to.

## toroi studio: the page's words
studio-app = toroi studio
studio-tagline = Administrative procedures in print, with QR codes
studio-nav-campaign = Campaign
studio-nav-procedures = Procedures
studio-nav-add = Add procedures
studio-nav-list = Import a list
studio-nav-print = Print
studio-lang-switch = Tiếng Việt
studio-folder = Folder
studio-init-title = This folder has no campaign yet
studio-init-text = toroi will make a commented toroi.toml, two sample procedures and an empty list. Then fill in your office and add procedures on this page.
studio-init-name = The office's name (printed on every output)
studio-init-button = Make the campaign
studio-issuer = Issuing office
studio-issuer-name = Name
studio-issuer-locality = Locality (commune, province)
studio-issuer-address = Address
studio-issuer-hotline = Hotline
studio-issuer-office_hours = Office hours
studio-issuer-logo = Emblem (logo)
studio-logo-upload = Choose a logo (PNG, JPEG, SVG)
studio-logo-none = No logo yet
studio-campaign = Campaign
studio-campaign-title = Title
studio-campaign-slogan = Slogan (printed under the QR code)
studio-outputs = Outputs to print
studio-save = Save
studio-saving = Saving…
studio-saved = Saved into the file, comments kept.
studio-reload = Reload
studio-col-title = Procedure
studio-col-code = Code
studio-col-field = Field
studio-col-link = QR code opens
studio-col-problems = Problems
studio-col-source = File
studio-link-portal = The portal's page
studio-link-search = The portal's search
studio-link-other = Another site
studio-link-none = Cannot print
studio-filter-field = Field
studio-filter-all = All fields
studio-filter-problems = Only procedures with problems
studio-count = procedures
studio-edit = Edit
studio-open = View
studio-back = ← Procedures
studio-field-title = Title
studio-field-code = National code
studio-field-formality_id = 2026 portal page id
studio-field-url = Own address for the QR code
studio-field-field = Field
studio-field-agency = Agency
studio-field-online = Online service
studio-field-summary = Summary
studio-field-processing_time = Time limit
studio-field-fee = Fees
studio-field-result = Result
studio-field-documents = Documents
studio-field-steps = Steps
studio-field-channels = Where to file
studio-field-legal_basis = Legal basis
studio-field-source = Sources
studio-online-empty = (not given)
studio-online-full = Full
studio-online-partial = Partial
studio-online-none = None
studio-add-item = + Add a line
studio-remove-item = Remove line
studio-up = Up
studio-down = Down
studio-preview = Preview
studio-view-poster = A4 poster
studio-view-phone = Phone image
studio-view-card = QR card
studio-view-handbook = Handbook page
studio-preview-alt = Preview drawn by toroi
studio-readonly = This procedure is a row of a list: read-only. Import it into a file of its own to edit.
studio-import-row = Import into its own file
studio-search-label = Search the national catalogue (with or without diacritics, or a code)
studio-search-placeholder = e.g. khai sinh, ket hon, 1.001193
studio-search-none = No procedure found.
studio-search-details = with details
studio-add-selected = Make files for the chosen procedures
studio-added = Made:
studio-drop = Drop a list (XLSX, XLS, ODS, CSV) here
studio-drop-choose = or choose a file
studio-list-rows = Rows read
studio-list-problems = Problems by cell
studio-list-add = Add the list to the campaign
studio-bad-kind = “{ $kind }” is not a kind of output toroi makes.
studio-out-kind = Kind
studio-out-size = Paper size
studio-out-file = File or folder to write
studio-out-add = Add the output
studio-out-remove = Remove
studio-kind-poster = Posters
studio-kind-handbook = Handbook
studio-kind-leaflet = Leaflet
studio-kind-cards = QR cards
studio-kind-png = Phone images
studio-kind-catalog = Notice-board catalogue
studio-list-import = Import into procedure files (a file per row)
studio-list-imported = Procedure files made:
studio-list-added = Added to the campaign:
studio-col-row = Row
studio-col-cell = Cell
studio-col-message = Message
studio-print-button = Print every output
studio-print-working = Making the outputs and reading every QR code back…
studio-print-open = Open
studio-print-files = Files written
studio-problems = Problems
studio-problems-none = No problems.
studio-error = Error
studio-warning = Warning
studio-hint = How to fix
