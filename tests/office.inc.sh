# tests/office.inc.sh — the office's year, round two (issue 18), as a clerk
# meets it: `make` with a year still being drafted, the checks every render
# makes without source documents, export → spreadsheet → import, output
# names, and a lone file. Sourced by tests/run.sh from the repository root,
# with ok, ko, check, skipped, $BIN, $BUILD, $T and $PY.
#
# Names here start with of_ so that nothing of run.sh is overwritten.

of_root=$(pwd)
of=$T/office
mkdir -p "$of"
of_env="env LC_ALL=C.UTF-8 LANGUAGE="

# ---- make with a draft -------------------------------------------------------
# A copy of the tree (timestamps kept, so nothing is rebuilt: the program and
# its objects are this build's) in a git repository where the new year is
# not tracked, as on the clerk's machine after `factsheet new`.
of_tree=$of/tree
mkdir -p "$of_tree"
cp -rp Makefile mk tools fonts po man schema data src include "$of_tree/"
(cd "$of_tree" && git init -q && git add -A) >/dev/null 2>&1
$of_env "$BIN" new 2026 --from "$of_tree/data/2025.json" 2>/dev/null
if (cd "$of_tree" && $of_env make -s --no-print-directory -o "$BIN" SANITIZE= BIN="$BIN" BUILD="$of_root/$BUILD" \
    >"$of/make.out" 2>&1); then
    ok "make with data/2026.json still a draft succeeds"
else
    ko "make with data/2026.json still a draft succeeds" "$(tail -n 20 "$of/make.out")"
fi
check "make: the draft gets one warning, the book one more (and nothing else)" sh -c \
    "test \$(grep -c 'warning' '$of/make.out') -eq 2 &&
     grep -q '^data/2026.json: warning: [0-9]* figures or texts are still missing (and 1 other findings): rendered as a draft marked 草稿' '$of/make.out' &&
     grep -q '^data/2026.json: warning: left out of the book' '$of/make.out'"
check "make: out/2026.pdf is marked 草稿 and every other year is rendered" sh -c \
    "pdftotext '$of_tree/out/2026.pdf' - | grep -q 草稿 && test -f '$of_tree/out/2018.pdf' && test -f '$of_tree/out/2025.pdf'"
check "make: the book spans 2018—2025, the years with figures, and leaves the draft 2026 out" sh -c \
    "pdftotext '$of_tree/out/trends.pdf' - >'$of/book.txt' && grep -q '（2018—2025年）' '$of/book.txt' &&
     grep -q '收录2018年、2021年、2023年、2024年、2025年，共5个年度' '$of/book.txt'"
check "a complete file with --draft=auto is the final sheet (no 草稿, no warning)" sh -c \
    "test -z \"\$($of_env '$BIN' --draft=auto -o '$of/final.pdf' data/2025.json 2>&1)\" && ! pdftotext '$of/final.pdf' - | grep -q 草稿"
check "--draft=maybe is a usage error" sh -c \
    "$of_env '$BIN' --draft=maybe --check data/2025.json 2>/dev/null; test \$? -eq 2"
if (cd "$of_tree" && make -s --no-print-directory -o "$BIN" SANITIZE= BIN="$BIN" BUILD="$of_root/$BUILD" \
    install DESTDIR="$of/inst" PREFIX=/usr >"$of/install.out" 2>&1); then
    check "make install leaves out the untracked draft data/2026.json" sh -c \
        "test -f '$of/inst/usr/share/factsheet/examples/2025.json' && test ! -e '$of/inst/usr/share/factsheet/examples/2026.json'"
else
    ko "make install in a tree with a draft" "$(tail -n 20 "$of/install.out")"
fi

# ---- checks without source documents, in --check and every render -------------
# Two years of the minimal sheet: 2024 with 88 beds, 2025 as the test makes it.
mkdir -p "$of/self"
of_year() { # of_year YEAR BEDS BEDS_QUOTE RATE RATE_QUOTE FILE TEXT EXTRA_SOURCE > FILE
    "$PY" - "$@" <<'PYEOF'
import json, sys
year, beds, bq, rate, rq, file, text, extra = sys.argv[1:9]
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
d["year"], d["date"] = int(year), year + "-12-31"
d["indicators"][0]["value"] = json.loads(beds)
d["indicators"][0]["source"] = {"file": file, "quote": "床位" + bq + "张"}
d["indicators"][1]["value"] = json.loads(rate)
d["indicators"][1]["source"]["quote"] = "比率" + rq + "%"
d["sections"][0]["blocks"][1]["text"] = text
if extra:
    d["sources"].append({"file": extra, "title": "另一来源"})
print(json.dumps(d, ensure_ascii=False, indent=2))
PYEOF
}
of_year 2024 88 88 2.3 2.3 a.txt "正文。" "" >"$of/self/2024.json"
of_year 2025 1234 1234 0.8 80 b.txt "床位1234张，另有5678张。" c.txt >"$of/self/2025.json"
$of_env "$BIN" --check "$of/self/2025.json" >"$of/self.out" 2>&1
of_rc=$?
of_msgs=$(grep -v '^ ' "$of/self.out")
check "--check without --sources: 0.8 % against the quote's 80% is an error naming both" \
    test -n "$(printf '%s\n' "$of_msgs" | grep -F 'indicators[1].value: the figure 0.8 % does not stand in its quote "比率80%", which says 80%: a spreadsheet saved the percentage as a fraction; write 80')"
check "... 1234 against last year's 88 is a warning naming both" \
    test -n "$(printf '%s\n' "$of_msgs" | grep -F 'warning: indicators[0].value: 1234 张 in 2025 is more than five times 88 张 in 2024')"
check "... a figure citing b.txt, which is not in sources, is an error" \
    test -n "$(printf '%s\n' "$of_msgs" | grep -F 'indicators[0].source.file: "b.txt" is not one of the "sources"')"
check "... the source c.txt nobody cites is a warning" \
    test -n "$(printf '%s\n' "$of_msgs" | grep -F 'warning: sources[1].file: no figure or honour cites "c.txt"')"
check "... 5678 in a paragraph, no figure of the sheet, is a warning (1234 is one)" \
    test -n "$(printf '%s\n' "$of_msgs" | grep -F 'warning: sections[0].blocks[1].text: the text says 5678, not a figure')"
check "... all of it in one run, exit 1, exactly these five" sh -c \
    "test $of_rc -eq 1 && test $(printf '%s\n' "$of_msgs" | wc -l) -eq 5"
check "... and a render refuses it, writing nothing" sh -c \
    "! $of_env '$BIN' -o '$of/self.pdf' '$of/self/2025.json' 2>/dev/null && test ! -e '$of/self.pdf'"
of_year 2025 88 88 2.3 2.3 a.txt "床位88张。" "" >"$of/self/2025.json"
check "... the same sheet with its figures right checks cleanly" sh -c \
    "test -z \"\$($of_env '$BIN' --check '$of/self/2025.json' 2>&1)\""
check "every bundled year passes these checks without a word" sh -c \
    "test -z \"\$($of_env '$BIN' --check data/*.json 2>&1)\""

# ---- --check reports everything in one run --------------------------------------
mkdir -p "$of/all"
$of_env "$BIN" new 2026 --from data/2025.json -o "$of/all" 2>/dev/null
"$PY" - "$of/all/2026.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["indicators"][3]["value"] = "89%"
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PYEOF
$of_env "$BIN" --check "$of/all/2026.json" >"$of/all.out" 2>&1
check "--check: a value error and the figures still missing, in one run" sh -c \
    "grep -q 'indicators\\[3\\].value: the figure \"89%\" carries its unit' '$of/all.out' &&
     test \$(grep -c 'is still missing (null)' '$of/all.out') -ge 40"

# ---- export → a spreadsheet → import --into ---------------------------------------
# tests/tools/spreadsheet.py does to the CSV what WPS and Excel do when a
# clerk opens it, types, and saves it again ("CSV", GBK, no byte-order mark).
mkdir -p "$of/x"
of_extra="--extra-column --title-row"
cp data/2025.json "$of/x/2025.json"
$of_env "$BIN" new 2026 --from "$of/x/2025.json" 2>/dev/null
if $of_env "$BIN" export "$of/x/2026.json" -o "$of/x/2026.csv" 2>"$of/export.err"; then
    ok "export 2026.json -o 2026.csv"
else
    ko "export 2026.json -o 2026.csv" "$(cat "$of/export.err")"
fi
check "export: UTF-8 with a byte-order mark, CRLF, the import header, one row per indicator" \
    "$PY" - "$of/x/2026.csv" "$of/x/2026.json" <<'PYEOF'
import json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
text = raw[3:].decode("utf-8")
lines = text.split("\r\n")
assert lines[0] == "指标代码,指标名称,数值,单位,限定词,时期,范围,来源文件,来源原文", lines[0]
n = len(json.load(open(sys.argv[2], encoding="utf-8"))["indicators"])
assert len(lines) == n + 2 and lines[-1] == "", "%d lines for %d indicators" % (len(lines), n)
PYEOF
"$PY" tests/tools/spreadsheet.py fill "$of/x/2026.csv" "$of/x/2025.json" "$of/x/2026-filled.csv" $of_extra
if $of_env "$BIN" import "$of/x/2026-filled.csv" --into "$of/x/2026.json" 2>"$of/import.err"; then
    ok "import of the table a spreadsheet saved (GBK, =\"2.30\" shown as 2.30) $of_extra"
else
    ko "import of the table a spreadsheet saved (GBK, =\"2.30\" shown as 2.30) $of_extra" "$(cat "$of/import.err")"
fi
check "export → spreadsheet → import: every figure of 2026 is 2025's exactly as written (2.30 stays 2.30)" \
    "$PY" - "$of/x/2025.json" "$of/x/2026.json" <<'PYEOF'
import json, sys
load = lambda p: json.load(open(p, encoding="utf-8"), parse_float=str, parse_int=str)
a, b = load(sys.argv[1]), load(sys.argv[2])
bad = []
for x, y in zip(a["indicators"], b["indicators"]):
    for key in ("value", "unit", "label", "qualifier", "period", "scope", "source"):
        if x.get(key) != y.get(key):
            bad.append("%s.%s: %r != %r" % (x["id"], key, x.get(key), y.get(key)))
print("\n".join(bad[:10]))
sys.exit(1 if bad else 0)
PYEOF
# The bundled years straight back: export, spreadsheet, import changes nothing.
for of_y in 2018 2025; do
    cp data/$of_y.json "$of/x/rt-$of_y.json"
    $of_env "$BIN" export "$of/x/rt-$of_y.json" -o "$of/x/rt-$of_y.csv" 2>/dev/null
    "$PY" tests/tools/spreadsheet.py resave "$of/x/rt-$of_y.csv" "$of/x/rt-$of_y-saved.csv"
    $of_env "$BIN" import "$of/x/rt-$of_y-saved.csv" --into "$of/x/rt-$of_y.json" >/dev/null 2>&1
    check "data/$of_y.json → export → spreadsheet → import: the same data, every literal kept" \
        "$PY" -c 'import json, sys
load = lambda p: json.load(open(p, encoding="utf-8"), parse_float=str, parse_int=str)
sys.exit(0 if load(sys.argv[1]) == load(sys.argv[2]) else "differs")' "data/$of_y.json" "$of/x/rt-$of_y.json"
done
# A label a spreadsheet would run as a formula is written safe, and comes back.
sed 's/"label": "床位"/"label": "=1+1床位"/' tests/good/minimal.json >"$of/x/formula.json"
$of_env "$BIN" export "$of/x/formula.json" -o "$of/x/formula.csv" 2>/dev/null
check "export: a cell starting with = is written '=… (no formula)" grep -q "^beds,'=1+1床位," "$of/x/formula.csv"
check "export: a negative or any figure is written =\"…\" (kept as text)" grep -q '^rate,比率,"=""2.3""",%' "$of/x/formula.csv"
cp "$of/x/formula.json" "$of/x/formula2.json"
$of_env "$BIN" import "$of/x/formula.csv" --into "$of/x/formula2.json" >/dev/null 2>&1
check "... and import reads both back unchanged" "$PY" -c 'import json, sys
load = lambda p: json.load(open(p, encoding="utf-8"), parse_float=str, parse_int=str)
sys.exit(0 if load(sys.argv[1]) == load(sys.argv[2]) else "differs")' "$of/x/formula.json" "$of/x/formula2.json"
$of_env "$BIN" export --encoding gbk "$of/x/2025.json" -o "$of/x/gbk.csv" 2>/dev/null
iconv -f GBK -t UTF-8 "$of/x/gbk.csv" >"$of/x/gbk-as-utf8.csv" 2>/dev/null
$of_env "$BIN" export "$of/x/2025.json" -o "$of/x/u8.csv" 2>/dev/null
tail -c +4 "$of/x/u8.csv" >"$of/x/u8-nobom.csv"
check "export --encoding gbk: GBK without a byte-order mark, the same table" sh -c \
    "test \"\$(head -c 3 '$of/x/gbk.csv' | od -An -tx1 | tr -d ' ')\" != efbbbf && cmp '$of/x/gbk-as-utf8.csv' '$of/x/u8-nobom.csv'"
check "export refuses to replace a file without --force" sh -c \
    "! $of_env '$BIN' export '$of/x/2025.json' -o '$of/x/gbk.csv' 2>/dev/null"
LC_ALL=C.UTF-8 MANWIDTH=2000 man -l man/factsheet.1 2>/dev/null >"$of/man.txt"
of_missing=""
for of_opt in $("$BIN" export --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$of_opt\\b" "$of/man.txt" || of_missing="$of_missing $of_opt"
done
check "the manual page documents every option of export --help${of_missing:+ (missing:$of_missing)}" \
    test -z "$of_missing"

# ---- import as spreadsheets write --------------------------------------------------
check "import: one note names the columns it ignored (序号, 备注)" \
    grep -qx "$of/x/2026-filled.csv: note: ignored the columns import does not know: \"序号\", \"备注\"" "$of/import.err"
check "import: the title row above the header is found and said" \
    grep -qx "$of/x/2026-filled.csv: note: the header is on line 2; the line above it is taken for a title and skipped" "$of/import.err"
$of_env "$BIN" new 2026 --from "$of/x/2025.json" -o "$of/x/tabs.json" 2>/dev/null
$of_env "$BIN" export "$of/x/tabs.json" -o "$of/x/tabs.csv" 2>/dev/null
"$PY" tests/tools/spreadsheet.py fill "$of/x/tabs.csv" "$of/x/2025.json" "$of/x/tabs-filled.txt" --tabs --title-row
$of_env "$BIN" import "$of/x/tabs-filled.txt" --into "$of/x/tabs.json" >"$of/tabs.err" 2>&1
check "import reads a tab-separated table (Text, tab-delimited) with a title row" sh -c \
    "grep -q '^updated 48 indicators' '$of/tabs.err' && test \"\$(grep -c '\"value\": null' '$of/x/tabs.json')\" -eq 0"
printf '指标代码,数值,单位,来源文件,来源原文\r\nvbp_drugs,220,个,a.txt,集采药品220个\r\nvbp_savings,23000,万元,a.txt,节省23000万元\r\nvbp_price_reduction,54,%%,a.txt,降价54%%\r\n' >"$of/x/units.csv"
printf '指标代码,指标名称,数值,单位,来源文件,来源原文\r\nvbp_price_reduction,集采药品平均降价,54,%%,a.txt,降价54%%\r\n' >"$of/x/label.csv"
$of_env "$BIN" new 2026 --from "$of/x/2025.json" -o "$of/x/units.json" 2>/dev/null
$of_env "$BIN" import "$of/x/units.csv" --into "$of/x/units.json" >"$of/units.err" 2>&1
$of_env "$BIN" import "$of/x/label.csv" --into "$of/x/units.json" >>"$of/units.err" 2>&1
check "import: a unit of another kind (种 → 个) is said with its line and the lost change line" \
    grep -qx "$of/x/units.csv:2: note: the unit of \"vbp_drugs\" changes from 种 to 个; the sheet prints no change against earlier years in 种" "$of/units.err"
check "import: a unit of another scale (亿元 → 万元) is said with its line, to check the scale" \
    grep -qx "$of/x/units.csv:3: note: the unit of \"vbp_savings\" changes from 亿元 to 万元; earlier years are converted for the change line, so check the figure's scale" "$of/units.err"
check "import: an unchanged unit is not mentioned" sh -c "! grep -q 'vbp_price_reduction.*unit' '$of/units.err'"
check "import: a new label is said with its line and what follows" sh -c \
    "grep -q '^$of/x/label.csv:2: note: the label of \"vbp_price_reduction\" changes from \"[^\"]*\" to \"集采药品平均降价\"; it is still compared with earlier years as the same figure' '$of/units.err'"

# ---- output names follow the format; options that do nothing are errors -----------
mkdir -p "$of/names"
of_usage() { # of_usage EXPECTED_MESSAGE ARGS...: exit 2, exactly this first line, nothing written
    of_want=$1
    shift
    of_got=$(cd "$of/names" && $of_env "$BIN" "$@" "$of_root/tests/good/minimal.json" 2>&1 >/dev/null)
    of_rc=$?
    if [ $of_rc -eq 2 ] && [ "$(printf '%s\n' "$of_got" | head -n 1)" = "$of_want" ] &&
        [ -z "$(ls -A "$of/names")" ]; then
        ok "$* is refused: $of_want"
    else
        ko "$* is refused: $of_want" "exit $of_rc: $of_got; written: $(ls "$of/names")"
    fi
}
of_usage "factsheet: -o x.png names a png file, but the format is pdf; write -o x.pdf, or add --format png" -o x.png
of_usage "factsheet: -o pic.pdf names a pdf file, but the format is png; write -o pic.png, or add --format pdf" --format png -o pic.pdf
of_usage "factsheet: --attachment labels the first page of an official document's attachment; it needs --style gongwen" --attachment 2
of_usage "factsheet: --first-page continues an official document's page numbers; it needs --style gongwen" --first-page 5
of_usage "factsheet: --style gongwen is A4, as GB/T 9704 sets it; leave out --paper A3" --style gongwen --paper A3
of_usage "factsheet: --attachment \"0\" is not an attachment number; attachments are numbered from 1 (附件1)" --style gongwen --attachment 0
of_usage "factsheet: --dpi sets the resolution of PNG pages; it needs --format png" --dpi 30
(cd "$of/names" && $of_env "$BIN" --format png --dpi 20 -o sheet "$of_root/tests/good/minimal.json" 2>/dev/null)
check "--format png -o sheet writes sheet-1.png (a PNG, with its extension)" sh -c \
    "file '$of/names/sheet-1.png' | grep -q 'PNG image' && test ! -e '$of/names/sheet-1'"
(cd "$of/names" && $of_env "$BIN" -o sheet "$of_root/tests/good/minimal.json" 2>/dev/null)
check "-o sheet writes sheet.pdf" sh -c "pdfinfo '$of/names/sheet.pdf' >/dev/null 2>&1"
(cd "$of/names" && $of_env "$BIN" --format svg -o Sheet.SVG "$of_root/tests/good/minimal.json" 2>/dev/null)
check "-o Sheet.SVG with --format svg: the extension agrees whatever its case" test -f "$of/names/Sheet-1.SVG"

# ---- new empties notes and names what it kept; --check and an unchanged date ----------
mkdir -p "$of/new"
cp data/2025.json "$of/new/"
$of_env "$BIN" new 2026 --from "$of/new/2025.json" 2>"$of/new.err"
check "new: no indicator keeps last year's note" sh -c "! grep -q '\"note\"' '$of/new/2026.json' || \
    \"$PY\" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(any(\"note\" in i for i in d[\"indicators\"]))' '$of/new/2026.json'"
check "new: the summary counts the removed notes" grep -q '^  indicator notes where needed (removed from last year.s: [1-9]' "$of/new.err"
check "new: the summary names what it kept that may still state last year (periods, scopes)" sh -c \
    "grep -q '^Kept from last year; check that each still holds:' '$of/new.err' && grep -q '^  [0-9]* periods (such as \"1—11月\" of ' '$of/new.err'"
check "--check warns that the date is still last year's" sh -c \
    "$of_env '$BIN' --check '$of/new/2026.json' 2>&1 | grep -q 'warning: date: the date [0-9-]* is the 2025 file.s ($of/new/2025.json); write this year.s date of issue'"

# ---- a lone file ---------------------------------------------------------------------
mkdir -p "$of/lone"
cp tests/charts/line-gap/2022.json "$of/lone/"
(cd "$of/lone" && $of_env "$BIN" -o lone.pdf 2022.json >"$of/lone.err" 2>&1)
check "a lone file: each line chart says in a warning that the other years' files are missing" sh -c \
    "test \$(grep -c 'warning: sections\\[0\\].blocks\\[[01]\\]: the line chart needs other years. data files beside this one (such as 2021.json) and there are none: it shows the one point of 2022 under a plain title instead of' '$of/lone.err') -eq 2"
pdftotext "$of/lone/lone.pdf" "$of/lone.txt" 2>/dev/null
check "a lone file: the chart's title of a change is not printed over its one point; a plain title and a note are" sh -c \
    "! grep -q '托位数四年增长' '$of/lone.txt' && grep -q '托位数（2022年）' '$of/lone.txt' && grep -q '其他年份的数据文件不在此处' '$of/lone.txt'"
check "beside its other years the same file prints its title and no such warning" sh -c \
    "test -z \"\$(cd tests/charts/line-gap && $of_env '$BIN' --check 2022.json 2>&1)\""

# ---- tables of figures with one source; statistics-table cells as sources -------------
# tests/office/districts: nine 县市区 as one table of figures (not nine
# indicators), and the city total cited as a cell of the statistics table.
of_d=tests/office/districts
check "a table of nine districts and a cell source check cleanly (no quote needed)" sh -c \
    "test -z \"\$($of_env '$BIN' --check '$of_d/2025.json' 2>&1)\""
check "... and against the statistics table itself (--sources: each cell holds its figure)" sh -c \
    "test -z \"\$($of_env '$BIN' --sources '$of_d/sources' --check '$of_d/2025.json' 2>&1)\""
$of_env "$BIN" -o "$of/districts.pdf" "$of_d/2025.json" 2>/dev/null
check "the hbar of the table's rows shows all nine districts" sh -c \
    "pdftotext '$of/districts.pdf' - | tr -d ' ' >'$of/districts.txt' && for d in 荷塘区 芦淞区 石峰区 天元区 渌口区 醴陵市 攸县 茶陵县 炎陵县; do grep -q \"\$d\" '$of/districts.txt' || exit 1; done"
mkdir -p "$of/d2/sources"
cp "$of_d/sources/"* "$of/d2/sources/"
sed 's/"value": 745/"value": 754/' "$of_d/2025.json" >"$of/d2/2025.json"
$of_env "$BIN" --sources "$of/d2/sources" --check "$of/d2/2025.json" >"$of/d2.out" 2>&1
check "a table figure that is not the statistics table's is an error naming the cell" \
    grep -q 'tables\[0\].rows\[8\]: the figure 754 is not the table.s: row "炎陵县", column "床位数" of "统计年报2025.csv" holds 745' "$of/d2.out"
$of_env "$BIN" new 2026 --from "$of_d/2025.json" -o "$of/d2/2026.json" 2>/dev/null
check "new empties the table's figures too" sh -c \
    "test \$(grep -c '\"value\": null' '$of/d2/2026.json') -eq 10"
if "$PY" -c 'import jsonschema' 2>/dev/null; then
    check "the districts file (tables, cell sources) validates against the schema" \
        "$PY" tests/schema_check.py "$of_d/2025.json"
fi

# ---- one sheet per row (--each) -------------------------------------------------------
# tests/office/each: one design naming the tables "beds" and "institutions";
# --each renders it once per district, each file named after its row.
mkdir -p "$of/each"
if (cd "$of_root" && $of_env "$BIN" --each -o "$of/each" tests/office/each/2025.json >"$of/each.err" 2>&1); then
    ok "--each renders without a word"
else
    ko "--each renders without a word" "$(cat "$of/each.err")"
fi
check "--each: nine sheets, each named after its row" sh -c \
    "test \$(ls '$of/each' | wc -l) -eq 9 && test -f '$of/each/2025-lusong.pdf' && test -f '$of/each/2025-yanling.pdf'"
check "--each: the 芦淞区 sheet shows its own figures under a title naming it" sh -c \
    "pdftotext '$of/each/2025-lusong.pdf' - | tr -d ' ' >'$of/lusong.txt' &&
     grep -q '2025年卫生资源概况（芦淞区）' '$of/lusong.txt' && grep -q '^1985张' '$of/lusong.txt' && grep -q '^38家' '$of/lusong.txt'"
check "--each --sources: every row's figures against the statistics table" sh -c \
    "test -z \"\$($of_env '$BIN' --each --sources tests/office/each/sources --check tests/office/each/2025.json 2>&1)\""
check "without --each the design says the table wants --each" sh -c \
    "$of_env '$BIN' --check tests/office/each/2025.json 2>&1 | grep -q '\"beds\" is a table: render with --each for one sheet per row'"
