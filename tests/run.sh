#!/bin/sh
# tests/run.sh — every test of `make test`. Each check prints "ok" or "FAIL"
# with what went wrong; the last line is the summary "N passed, N failed".
#
# Environment: BIN (the program), BUILD (where unit tests and tools were
# built), SOURCES (the source documents; default ../shared/seeds).
set -u
BIN=${BIN:-bin/factsheet}
BUILD=${BUILD:-out/build}
SOURCES=${SOURCES:-../shared/seeds}
PY=${PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
T=$(mktemp -d /tmp/factsheet-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir -p out/test-diffs
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); echo "ok      $1"; }
ko() {
    fail=$((fail + 1))
    echo "FAIL    $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/        /'
    return 0
}
skipped() { skip=$((skip + 1)); echo "skip    $1: $2"; }
# check NAME CMD...: passes when CMD exits 0; shows its output otherwise.
check() {
    name=$1
    shift
    if out=$("$@" 2>&1); then ok "$name"; else ko "$name" "$out"; fi
}
expect_status() { # expect_status STATUS CMD...
    want=$1
    shift
    "$@" >/dev/null 2>&1
    [ $? -eq "$want" ]
}

# ---- unit tests (cmocka) ---------------------------------------------------
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    out=$("$t" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # crashed before its summary
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$f" -eq 0 ]; then
        echo "ok      unit: $name ($p tests)"
    else
        echo "FAIL    unit: $name ($f of $((p + f)) failed)"
        printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Failure|failure' | sed 's/^/        /'
    fi
done

# ---- every data file renders and passes preflight ----------------------------
for json in data/*.json; do
    y=$(basename "$json" .json)
    if out=$("$BIN" -o "$T/$y.pdf" "$json" 2>&1) && [ -z "$out" ]; then
        ok "render $json (no warnings)"
    else
        ko "render $json (no warnings)" "$out"
        continue
    fi
    check "preflight $y.pdf (A4, metadata, fonts embedded as subsets, text extractable)" \
        "$PY" tests/check_pdf.py "$T/$y.pdf" "$json"
    check "qpdf --check $y.pdf" qpdf --check "$T/$y.pdf"
    check "$y.pdf: no overlapping words, nothing outside the page" \
        "$PY" tests/check_overlap.py "$T/$y.pdf"
    check "$y.pdf: no line starts with 。，）” or ends with （“" \
        "$PY" tests/check_kinsoku.py "$T/$y.pdf"
    "$BIN" --grayscale -o "$T/$y-gray.pdf" "$json" 2>/dev/null
    "$BIN" --paper A3 -o "$T/$y-a3.pdf" "$json" 2>/dev/null
    check "$y.pdf, --grayscale and --paper A3: finishing (no figure split from its unit, no one-character last line, no spread figure, no space between Han and figure, one form per figure, black text)" \
        "$PY" tests/check_finishing.py "$T/$y.pdf" "$T/$y-gray.pdf" "$T/$y-a3.pdf"
    "$BIN" --grayscale --style gongwen -o "$T/$y-gw-gray.pdf" "$json" 2>/dev/null
    check "$y.pdf --grayscale (default and gongwen): every colour neutral, no colour image" \
        "$PY" tests/check_gray.py "$T/$y-gray.pdf" "$T/$y-gw-gray.pdf"
    check "$y.pdf --grayscale --style gongwen: no line starts with 。，）” or a 间隔号 ·, or ends with （“" \
        "$PY" tests/check_kinsoku.py "$T/$y-gw-gray.pdf"
done

# ---- reproducibility ----------------------------------------------------------
"$BIN" -o "$T/again.pdf" data/2025.json 2>/dev/null
check "two renders of 2025 are byte-identical" cmp "$T/2025.pdf" "$T/again.pdf"
SOURCE_DATE_EPOCH=1767225600 "$BIN" -o "$T/sde.pdf" data/2025.json 2>/dev/null
check "SOURCE_DATE_EPOCH sets the creation date" sh -c \
    "pdfinfo '$T/sde.pdf' | grep -q 'CreationDate:.*Jan  1 00:00:00 2026 UTC'"

# ---- reference images -----------------------------------------------------------
# Pages rasterized at 72 dpi must match tests/ref within a tolerance; a diff
# image goes to out/test-diffs/ on a mismatch. `make update-refs` refreshes.
for json in data/*.json; do
    y=$(basename "$json" .json)
    [ -f "$T/$y.pdf" ] || continue
    pdftoppm -r 72 -png "$T/$y.pdf" "$T/$y-page"
    n_out=$(ls "$T/$y-page"-*.png 2>/dev/null | wc -l)
    n_ref=$(ls tests/ref/"$y"-*.png 2>/dev/null | wc -l)
    if [ "$n_out" -ne "$n_ref" ]; then
        ko "reference images of $y" "$n_out pages rendered, $n_ref reference pages"
        continue
    fi
    for ref in tests/ref/"$y"-*.png; do
        page=$(basename "$ref" .png | sed 's/.*-//')
        got="$T/$y-page-$page.png"
        [ -f "$got" ] || got="$T/$y-page-0$page.png"
        check "reference image $y page $page" \
            "$BUILD/tests/imgdiff" "$ref" "$got" "out/test-diffs/$y-$page-diff.png" 16 40
    done
done

# ---- chart cases: each kind and each tricky case, in colour and grayscale ----
# tests/charts/<case>/ holds a small data directory (several years where a
# line chart or a change needs them); the newest file is rendered and its
# first page compared with ref-1.png (colour) and ref-gray-1.png (--grayscale).
for dir in tests/charts/*/; do
    case_name=$(basename "$dir")
    input=$(ls "$dir"*.json | tail -n 1)
    for mode in colour gray; do
        flag=""
        suffix=""
        [ "$mode" = gray ] && flag="--grayscale" && suffix="-gray"
        pdf="$T/chart-$case_name$suffix.pdf"
        # A case of made-up text (typography) holds the warnings it expects:
        # its numbers are no figures of the sheet.
        expected=""
        [ -f "${dir}expected-warnings" ] && expected=$(cat "${dir}expected-warnings")
        if ! out=$(cd "$dir" && LC_ALL=C.UTF-8 LANGUAGE= "$BIN" $flag -o "$pdf" "$(basename "$input")" 2>&1) ||
            [ "$out" != "$expected" ]; then
            ko "chart case $case_name ($mode) renders without warnings" "$out"
            continue
        fi
        pdftoppm -r 72 -png "$pdf" "$T/chart-$case_name$suffix"
        n_out=$(ls "$T/chart-$case_name$suffix"-*.png | wc -l)
        n_ref=$(ls "${dir}ref$suffix"-[0-9]*.png 2>/dev/null | wc -l)
        if [ "$n_out" -ne "$n_ref" ]; then
            ko "chart case $case_name ($mode): page count" "$n_out pages, $n_ref references"
            continue
        fi
        for ref in "${dir}ref$suffix"-[0-9]*.png; do
            page=$(basename "$ref" .png | sed 's/.*-//')
            got="$T/chart-$case_name$suffix-$page.png"
            [ -f "$got" ] || got="$T/chart-$case_name$suffix-0$page.png"
            check "chart case $case_name ($mode) page $page matches its reference" \
                "$BUILD/tests/imgdiff" "$ref" "$got" \
                "out/test-diffs/chart-$case_name$suffix-$page-diff.png" 16 40
        done
    done
    check "chart case $case_name: no overlapping words, nothing outside the page" \
        "$PY" tests/check_overlap.py "$T/chart-$case_name.pdf"
    check "chart case $case_name: no line starts with 。，）” or ends with （“" \
        "$PY" tests/check_kinsoku.py "$T/chart-$case_name.pdf"
    check "chart case $case_name: finishing, in colour and grayscale" \
        "$PY" tests/check_finishing.py "$T/chart-$case_name.pdf" "$T/chart-$case_name-gray.pdf"
done

# The finishing checker can fail: on the trap case as the renderer set it
# before issue 14 it finds every rule broken (tests/finishing/README.md).
out=$("$PY" tests/check_finishing.py --count tests/finishing/traps-before.pdf 2>&1)
check "check_finishing finds every rule broken in tests/finishing/traps-before.pdf" sh -c \
    "printf '%s\n' '$out' | grep -Eq 'split [1-9].*last-char [1-9].*spread [1-9].*han-space [1-9].*two-forms [1-9].*colour [1-9]'"

# ---- the official-document style (GB/T 9704), paper and bleed -------------------
if out=$("$BIN" --style gongwen --attachment 2 --first-page 5 -o "$T/gw.pdf" data/2025.json 2>&1); then
    ok "--style gongwen renders (substitutions named: $(printf '%s\n' "$out" | grep -c 'substituted'))"
    check "gongwen geometry to ±0.5 mm: 附件2, centred title, 28 mm text block, 28.95 pt lines on the grid, — 5 — right, — 6 — left; 仿宋 body, black text, nothing under 12 pt, no tints" \
        "$PY" tests/check_gongwen.py "$T/gw.pdf" 5 附件2
    pdftoppm -r 72 -png -f 1 -l 2 "$T/gw.pdf" "$T/gw"
    for page in 1 2; do
        check "gongwen page $page matches its reference" "$BUILD/tests/imgdiff" \
            "tests/ref-gongwen/2025-$page.png" "$T/gw-$page.png" "out/test-diffs/gongwen-$page-diff.png" 16 40
    done
else
    ko "--style gongwen renders" "$out"
fi
for json in data/*.json; do
    y=$(basename "$json" .json)
    "$BIN" --style gongwen -o "$T/gw-$y.pdf" "$json" 2>/dev/null
    check "gongwen $y: geometry, grid, 仿宋 body, black text, no tints" \
        "$PY" tests/check_gongwen.py "$T/gw-$y.pdf" 1 附件
    check "gongwen $y: finishing" "$PY" tests/check_finishing.py "$T/gw-$y.pdf"
done
"$BIN" --style gongwen -o "$T/gw-grid.pdf" tests/gongwen/grid.json 2>/dev/null
check "gongwen grid: 28 characters on every full line, 22 lines on a full page" \
    "$PY" tests/check_gongwen.py "$T/gw-grid.pdf" 1 附件 2
check "gongwen names each substituted official font once" sh -c \
    "'$BIN' --style gongwen -o '$T/gw2.pdf' data/2025.json 2>&1 | grep -c 'official font substituted' | grep -qx 5"
"$BIN" --paper A3 -o "$T/a3.pdf" data/2025.json 2>/dev/null
check "--paper A3 gives 297 x 420 mm pages" sh -c "pdfinfo '$T/a3.pdf' | grep -q 'Page size: *841.89 x 1190.55 pts (A3)'"
"$BIN" -o "$T/a4.pdf" data/2025.json 2>/dev/null
check "--paper A3 is the A4 page enlarged 141 %, not reflowed (same words at 1.414 times the place)" \
    "$PY" -c '
import re, subprocess, sys
def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    return [(float(a), float(b), t) for a, b, t in
            re.findall(r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\"[^>]*>(.*?)</word>", out)]
a4, a3 = words(sys.argv[1]), words(sys.argv[2])
at = {(t, round(x), round(y)) for x, y, t in a3}
near = lambda x, y, t: any((t, round(x) + dx, round(y) + dy) in at
                           for dx in (-1, 0, 1) for dy in (-1, 0, 1))
missed = [t for x, y, t in a4 if not near(1.4141 * x, 1.4141 * y, t)]
# poppler may cut a word differently at another size: a few, not a reflow
assert a4 and len(missed) <= len(a4) // 20, missed[:10]
' "$T/a4.pdf" "$T/a3.pdf"
"$BIN" --bleed 3 -o "$T/bleed.pdf" data/2025.json 2>/dev/null
check "--bleed 3 adds 3 mm of bleed and a 10 mm slug on every side" sh -c "pdfinfo '$T/bleed.pdf' | grep -q 'Page size: *668.97[0-9]* x 915.59[0-9]* pts'"
check "--bleed keeps the page's content where the trimmed page has it (shifted by bleed and slug)" sh -c \
    "pdftotext -bbox -f 1 -l 1 '$T/bleed.pdf' - | grep -q 'xMin=.87\\.87[0-9]*. .*>株洲市卫生健康委员会</word>'"
# At 72 dpi the trim starts at 36.85 pt: the band fills the bleed (x 34, y 60),
# the slug beside it is paper (x 20, y 60), a crop mark stands in the slug on
# the line of the trim's left edge (x 37, y 15).
pixel() { pdftoppm -r 72 -f 1 -l 1 -x "$1" -y "$2" -W 1 -H 1 -gray "$T/bleed.pdf" | tail -c 1 | od -An -tu1 | tr -d ' '; }
check "--bleed: the band runs into the bleed, not the slug; crop marks in the slug" sh -c \
    "[ $(pixel 34 60) -lt 128 ] && [ $(pixel 20 60) -eq 255 ] && [ $(pixel 37 15) -lt 200 ]"

# ---- sources --------------------------------------------------------------------
out=$("$PY" tests/check_sources.py "$SOURCES" data/*.json 2>&1)
case $? in
0) ok "every figure's quote is in its source and states its value ($(printf '%s' "$out" | tail -n 1))" ;;
77) skipped "figures against their sources" "$out" ;;
*) ko "every figure's quote is in its source and states its value" "$out" ;;
esac
# The program's own check agrees (a rank's 第四 stands for 4).
if [ -d "$SOURCES" ]; then
    for json in data/*.json; do
        check "factsheet --check --sources passes $json" "$BIN" --check --sources "$SOURCES" "$json"
    done
fi

# ---- the schema -----------------------------------------------------------------
if [ -f tests/schema_check.py ] && "$PY" -c 'import jsonschema' 2>/dev/null; then
    check "data files validate against schema/factsheet.schema.json" \
        "$PY" tests/schema_check.py data/*.json data/targets/*.json tests/good/*.json
else
    skipped "schema validation" "python3-jsonschema or tests/schema_check.py missing"
fi
# The schema's block types are the program's: the list its message gives
# for an unknown type comes from model/block_kinds.def.
kinds=$(LC_ALL=C.UTF-8 LANGUAGE= "$BIN" --check tests/bad/unknown-block-type/input.json 2>&1 |
        sed -n 's/.*expected one of \(.*\)$/\1/p' | tr -d ' ')
check "the schema's block types are the block-kind table's ($kinds)" \
    "$PY" -c 'import json, sys
enum = json.load(open("schema/factsheet.schema.json"))["$defs"]["blockType"]["enum"]
sys.exit(0 if ",".join(enum) == sys.argv[1] else "schema: " + ",".join(enum))' "$kinds"
# One table of qualifiers (model/qualifiers.def): the schema's enum, the
# source check's lists and what the loader accepts all come from it.
check "the schema's qualifiers and the source check's are model/qualifiers.def's" \
    "$PY" -c 'import json, re, sys
sys.path.insert(0, "tests")
rows = re.findall(r"^QUALIFIER\(\"([^\"]+)\", (\w+),", open("include/model/qualifiers.def", encoding="utf-8").read(), re.M)
words = [w for w, _ in rows]
def find(node):
    if isinstance(node, dict):
        if "qualifier" in node.get("properties", {}):
            return node["properties"]["qualifier"]
        for v in node.values():
            r = find(v)
            if r: return r
    elif isinstance(node, list):
        for v in node:
            r = find(v)
            if r: return r
enum = find(json.load(open("schema/factsheet.schema.json", encoding="utf-8")))["enum"]
import check_sources as cs
before = sorted(w for w, p in rows if p == "QUAL_BEFORE")
after = sorted(w for w, p in rows if p != "QUAL_BEFORE")
bad = []
if sorted(enum) != sorted(words): bad.append("schema %s" % enum)
if sorted(cs.PREFIX_QUALIFIERS) != before: bad.append("check_sources before %s" % cs.PREFIX_QUALIFIERS)
if sorted(cs.SUFFIX_QUALIFIERS) != after: bad.append("check_sources after %s" % cs.SUFFIX_QUALIFIERS)
sys.exit("; ".join(bad) if bad else 0)'

# ---- bad input: exact message, exit 1, no output, old output untouched ------
cp "$T/2025.pdf" "$T/keep.pdf"
for dir in tests/bad/*/; do
    name=$(basename "$dir")
    rm -f "$T/bad.pdf"
    args=""
    [ -f "$dir/args" ] && args=$(cat "$dir/args")
    # shellcheck disable=SC2086 # args holds options, split on purpose
    err=$(cd "$dir" && LANG=C.UTF-8 LANGUAGE= "$BIN" $args -o "$T/bad.pdf" input.json 2>&1 >/dev/null)
    rc=$?
    expected=$(cat "$dir/expected")
    if [ "$rc" -ne 1 ]; then
        ko "bad input $name: exit status" "expected 1, got $rc"
    elif [ "$err" != "$expected" ]; then
        ko "bad input $name: message" "expected:
$expected
got:
$err"
    elif [ -f "$dir/expected.zh_CN" ] &&
        zh=$(cd "$dir" && LANG=zh_CN.UTF-8 LANGUAGE= "$BIN" $args -o "$T/bad.pdf" input.json 2>&1 >/dev/null;
             true) && [ "$zh" != "$(cat "$dir/expected.zh_CN")" ]; then
        ko "bad input $name: message in Chinese (LANG=zh_CN.UTF-8)" "expected:
$(cat "$dir/expected.zh_CN")
got:
$zh"
    elif [ -e "$T/bad.pdf" ] || ls -a "$T" | grep -q '^\.bad\.pdf\.'; then
        ko "bad input $name: no output" "an output or temporary file was left"
    else
        ok "bad input $name"
    fi
    # shellcheck disable=SC2086
    (cd "$dir" && "$BIN" $args -o "$T/keep.pdf" input.json 2>/dev/null)
done
check "a failed run leaves the previous good PDF untouched" cmp "$T/2025.pdf" "$T/keep.pdf"

# ---- absurd input ends in a clear error, never in exhausted memory ---------
"$PY" - "$T" <<'PYEOF'
import json, sys
t = sys.argv[1]
base = json.load(open("tests/good/minimal.json", encoding="utf-8"))
big = dict(base)
big["sections"] = [{"title": "长文本", "blocks": [{"type": "text", "text": "文" * (10 * 1024 * 1024 // 3)}]}]
json.dump(big, open(f"{t}/huge-string.json", "w", encoding="utf-8"), ensure_ascii=False)
many = dict(base)
many["indicators"] = [dict(base["indicators"][0], id=f"x{i}") for i in range(100000)]
many["sections"] = [{"title": "多", "blocks": [{"type": "kpi", "items": ["x1"]}]}]
json.dump(many, open(f"{t}/many-indicators.json", "w", encoding="utf-8"), ensure_ascii=False)
open(f"{t}/deep.json", "w").write("[" * 100000)
PYEOF
expect_error() { # expect_error NAME FILE EXPECTED-FIRST-LINE
    first=$(cd "$T" && LANG=C.UTF-8 "$BIN" -o "$T/absurd.pdf" "$2" 2>&1 | head -n 1)
    if [ "$first" = "$3" ] && [ ! -e "$T/absurd.pdf" ]; then ok "$1"; else ko "$1" "got: $first"; fi
}
expect_error "a 10 MB string is refused" huge-string.json \
    "huge-string.json:1:424: sections[0].blocks[0].text: string of 10485759 bytes is too long; at most 65536 bytes are allowed"
expect_error "100 000 indicators are refused" many-indicators.json \
    "many-indicators.json:1:142: indicators: 100000 indicators; at most 5000 are allowed"
expect_error "nesting 100 000 deep is refused" deep.json \
    "deep.json:1:2049: the JSON is nested more than 2048 levels deep; a data file needs a few"
out=$(LANG=C.UTF-8 "$BIN" -o "$T/no/such/dir/x.pdf" data/2025.json 2>&1)
check "an output directory that does not exist is named" \
    test "$out" = "$T/no/such/dir/x.pdf: cannot write into the directory \"$T/no/such/dir/\": No such file or directory"
out=$(LANG=C.UTF-8 "$BIN" -o /dev/null/x.pdf data/2025.json 2>&1)
check "an output directory that cannot be written is named" \
    test "$out" = "/dev/null/x.pdf: cannot write into the directory \"/dev/null/\": Not a directory"

# ---- warnings: the sheet renders, the typo is named with a suggestion -------
sed 's/"label": "床位"/"lable": "床位", "label": "床位"/' tests/good/minimal.json > "$T/typo.json"
out=$(cd "$T" && LANG=C.UTF-8 "$BIN" -o "$T/typo.pdf" typo.json 2>&1)
if [ $? -eq 0 ] && [ -f "$T/typo.pdf" ] && [ "$(printf '%s\n' "$out" | head -n 1)" = \
    'typo.json:8:20: warning: indicators[0].lable: unknown key "lable" is ignored; did you mean "label"?' ]; then
    ok "an unknown key is a warning that suggests the nearest key"
else
    ko "an unknown key is a warning that suggests the nearest key" "$out"
fi

# ---- a section that opens with a paragraph longer than a page flows on ----
"$PY" - "$T/longfirst.json" <<'PYEOF'
import json, sys
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
d["sections"].append({"title": "长文", "blocks": [{"type": "text", "text": "长文测试，数据如实照录。" * 400}]})
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
check "a section opening with a paragraph longer than a page flows over pages" sh -c \
    "'$BIN' -o '$T/longfirst.pdf' '$T/longfirst.json' && [ \$(pdfinfo '$T/longfirst.pdf' | sed -n 's/^Pages: *//p') -ge 3 ]"

# ---- import refuses rows that would make the file fail to load -----------------
sed 's/{"type": "text", "text": "正文。"}/{"type": "ring", "title": "占比", "items": ["rate"]}/' \
    tests/good/minimal.json > "$T/ring.json"
printf 'id,value,unit,file,quote\nrate,120.50,%%,a.txt,比率120.50%%\n' > "$T/over.csv"
cp "$T/ring.json" "$T/ring-before.json"
check "import refuses a share over 100 % in a ring, and the file is unchanged" sh -c \
    "! '$BIN' import '$T/over.csv' --into '$T/ring.json' 2>/dev/null && cmp '$T/ring.json' '$T/ring-before.json'"

# ---- a source with a web address makes the footer a link to it ---------------
sed 's|"sources": \[{"file": "a.txt", "title": "测试来源"}\]|"sources": [{"file": "a.txt", "title": "测试来源", "url": "https://example.org/zz/2025.html"}]|' \
    tests/good/minimal.json > "$T/url.json"
"$BIN" -o "$T/url.pdf" "$T/url.json" 2>/dev/null
check "a source's address is a clickable link in the footer" sh -c \
    "qpdf --json '$T/url.pdf' | grep -q '\"/URI\": \"u:https://example.org/zz/2025.html\"'"

# ---- text is text: markup characters are shown as written ------------------
sed 's/"text": "正文。"/"text": "<b>粗体<\/b> \& 5 > 3 < 4"/' tests/good/minimal.json > "$T/markup.json"
"$BIN" -o "$T/markup.pdf" "$T/markup.json" 2>/dev/null
check "Pango markup characters in text print as written" sh -c \
    "pdftotext '$T/markup.pdf' - | tr -d ' ' | grep -q '<b>粗体</b>&5>3<4'"

# ---- an interrupted run leaves no temporary file ---------------------------
# Deterministic: the run is stopped (SIGSTOP) at a moment its temporary file
# is seen to exist, SIGTERM is queued and it is continued, so the signal
# always lands while a file is being written, never between two files.
# The batch's inputs have distinct names (one name twice is refused before
# anything is written), beside the targets their bullet charts need.
mkdir -p "$T/sig" "$T/sigin"
cp -r data/targets "$T/sigin/"
set --
i=0
while [ $i -lt 300 ]; do
    cp data/2025.json "$T/sigin/s$i.json"
    set -- "$@" "$T/sigin/s$i.json"
    i=$((i + 1))
done
"$BIN" -o "$T/sig" "$@" 2>/dev/null &
pid=$!
caught=""
i=0
while [ -z "$caught" ] && [ $i -lt 3000 ] && kill -0 $pid 2>/dev/null; do
    if ls -A "$T/sig" | grep -q '^\.'; then
        kill -STOP $pid 2>/dev/null
        # Stopped: still writing that file, or it was renamed just before.
        if ls -A "$T/sig" | grep -q '^\.'; then caught=yes; else kill -CONT $pid 2>/dev/null; fi
    fi
    i=$((i + 1))
done
kill -TERM $pid 2>/dev/null
kill -CONT $pid 2>/dev/null
wait $pid 2>/dev/null
rc=$?
if [ -n "$caught" ] && [ $rc -eq 143 ] && [ -z "$(ls -A "$T/sig" | grep '^\.')" ]; then
    ok "SIGTERM while a temporary file is being written: the run ends by the signal and leaves none"
else
    ko "SIGTERM while a temporary file is being written: the run ends by the signal and leaves none" \
        "temporary file seen before the signal: ${caught:-no}; exit $rc; left: $(ls -A "$T/sig" | grep '^\.')"
fi

# ---- overflow is named before it reaches paper; --strict makes it an error --
sed -e 's/"value": 1234, "unit": "张"/"value": 123456789012345, "unit": "张（全市各级各类医疗卫生机构编制床位合计）"/' -e 's/床位1234张/床位123456789012345张/' \
    tests/good/minimal.json > "$T/wide.json"
out=$(cd "$T" && LANG=C.UTF-8 "$BIN" -o "$T/wide.pdf" wide.json 2>&1 | head -n 1)
check "a figure wider than its card is a warning naming the field and the block" test "$out" = \
    "wide.json:8:44: warning: indicators[0].value: the figure with its unit is wider than its card in sections[0].blocks[0]"
check "--strict makes it an error, and nothing is written" sh -c \
    "cd '$T' && ! '$BIN' --strict -o '$T/wide-strict.pdf' wide.json 2>/dev/null && [ ! -e '$T/wide-strict.pdf' ]"

# ---- drafts: missing figures are listed, refused, or printed marked 草稿 ------
mkdir -p "$T/draft"
"$PY" - "$T/draft/2026.json" <<'PYEOF'
import json, sys
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
d["year"] = 2026
d["indicators"][0]["value"] = None
d["indicators"][0]["source"] = {"file": "", "quote": ""}
d["sections"][0]["blocks"][1]["text"] = ""
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PYEOF
out=$(cd "$T/draft" && LANG=C.UTF-8 "$BIN" --check 2026.json 2>&1)
rc=$?
first=$(printf '%s\n' "$out" | head -n 1)
if [ $rc -eq 1 ] && [ "$first" = '2026.json:16:16: indicators[0].value: the figure "床位" is still missing (null)' ] &&
    printf '%s\n' "$out" | grep -q 'sections\[0\].blocks\[1\].text: the text is still empty'; then
    ok "--check lists the figures and texts still missing"
else
    ko "--check lists the figures and texts still missing" "exit $rc: $out"
fi
check "a file with missing figures is not printed without --draft" \
    expect_status 1 "$BIN" -o "$T/draft/no.pdf" "$T/draft/2026.json"
check "... and leaves no PDF" test ! -e "$T/draft/no.pdf"
"$BIN" --draft -q -o "$T/draft/yes.pdf" "$T/draft/2026.json" 2>/dev/null
check "--draft prints it with 草稿 on every page and 待填 for the missing figure" sh -c \
    "[ \$(pdftotext '$T/draft/yes.pdf' - | grep -c '草稿') -ge \$(pdfinfo '$T/draft/yes.pdf' | sed -n 's/^Pages: *//p') ] && pdftotext '$T/draft/yes.pdf' - | grep -q 待填"

# ---- progress: a line per file with -v; nothing with -q ----------------------
mkdir -p "$T/prog"
"$BIN" -v -o "$T/prog" data/2023.json data/2024.json 2>"$T/prog.err"
check "-v prints a progress line per file" \
    grep -q "^\[2/2\] data/2024.json → $T/prog/2024.pdf (2 页, [0-9.]* s)\$" "$T/prog.err"
out=$("$BIN" -q -o "$T/prog" data/2023.json data/2024.json 2>&1)
check "-q prints nothing" test -z "$out"

# ---- good input that looks odd ------------------------------------------------
check "a UTF-8 byte-order mark (Notepad) is accepted" "$BIN" --check tests/good/bom.json
check "a minimal sheet renders" "$BIN" -o "$T/minimal.pdf" tests/good/minimal.json

# ---- memory: valgrind memcheck over every data file, in one batch ------------
if [ -z "${SANITIZE:-}" ] && command -v valgrind >/dev/null 2>&1; then
    mkdir -p "$T/vg"
    if out=$(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
        --suppressions=tests/valgrind.supp "$BIN" -o "$T/vg" data/*.json 2>&1); then
        ok "valgrind: every data file renders with 0 errors, 0 bytes definitely lost"
    else
        ko "valgrind: every data file renders with 0 errors, 0 bytes definitely lost" "$out"
    fi
    if out=$(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
        --suppressions=tests/valgrind.supp "$BIN" --style gongwen -o "$T/vg/gw.pdf" data/2025.json 2>&1); then
        ok "valgrind: --style gongwen renders with 0 errors, 0 bytes definitely lost"
    else
        ko "valgrind: --style gongwen renders with 0 errors, 0 bytes definitely lost" "$out"
    fi
elif [ -n "${SANITIZE:-}" ]; then
    skipped "valgrind memcheck" "not under SANITIZE=1 (ASan checks memory there)"
else
    skipped "valgrind memcheck" "valgrind is not installed (apt-get install valgrind)"
fi

# ---- the command line -----------------------------------------------------------
check "--help prints usage and exits 0" sh -c "'$BIN' --help | grep -q '^Usage: factsheet'"
check "--version names the version" sh -c "'$BIN' --version | grep -q '^factsheet [0-9]'"
check "an unknown option is a usage error (exit 2)" expect_status 2 "$BIN" --bogus data/2025.json
check "no input is a usage error (exit 2)" expect_status 2 "$BIN"
check "an unknown format is a usage error (exit 2)" expect_status 2 "$BIN" --format doc data/2025.json
check "--check writes nothing" sh -c "cd '$T' && mkdir -p chk && cd chk && '$BIN' --check '$PWD/data/2025.json' && [ -z \"\$(ls -A)\" ]"
check "a missing file is bad input (exit 1)" expect_status 1 "$BIN" -o "$T/m.pdf" "$T/none.json"
check "a directory as input is bad input (exit 1)" expect_status 1 "$BIN" -o "$T/d.pdf" data
# A good input, so that the refusal is the one tested, not a load error.
mkdir -p "$T/ow"
cp data/2025.json "$T/ow/2025.json"
out=$(cd "$T/ow" && LANG=C.UTF-8 LANGUAGE= "$BIN" -o 2025.json 2025.json 2>&1 | head -1)
rc=$(cd "$T/ow" && "$BIN" -o 2025.json 2025.json >/dev/null 2>&1; echo $?)
check "the output may not overwrite the input (a usage error: exit 2, the fix, the file unchanged)" sh -c \
    "[ $rc -eq 2 ] && [ '$out' = 'factsheet: -o 2025.json names a json file, which factsheet does not write; write -o 2025.pdf' ] && cmp '$T/ow/2025.json' data/2025.json"
ln -s 2025.json "$T/ow/same.pdf"
out=$(cd "$T/ow" && LANG=C.UTF-8 LANGUAGE= "$BIN" -o same.pdf 2025.json 2>&1)
rc=$?
check "... nor through a link (exit 1, the message, the file unchanged)" sh -c \
    "[ $rc -eq 1 ] && [ '$out' = 'same.pdf: the output would overwrite the input; choose another -o' ] && cmp '$T/ow/2025.json' data/2025.json"
mkdir -p "$T/batch"
"$BIN" -o "$T/batch" data/2023.json tests/bad/unknown-indicator/input.json data/2024.json \
    >/dev/null 2>"$T/batch.err"
rc=$?
if [ $rc -eq 1 ] && [ -f "$T/batch/2023.pdf" ] && [ -f "$T/batch/2024.pdf" ] &&
    grep -q '1 of 3 inputs failed: tests/bad/unknown-indicator/input.json' "$T/batch.err"; then
    ok "a batch renders the good files past a bad one, exits 1 and names the failure"
else
    ko "a batch renders the good files past a bad one, exits 1 and names the failure" \
        "exit $rc; $(ls "$T/batch"); $(cat "$T/batch.err")"
fi
"$BIN" --format png --dpi 50 -o "$T/p.png" data/2025.json
check "--format png writes one PNG per page" sh -c \
    "[ \$(ls '$T'/p-*.png | wc -l) -eq \$(pdfinfo '$T/2025.pdf' | sed -n 's/^Pages: *//p') ] && [ \"\$(head -c 4 '$T/p-1.png' | tail -c 3)\" = PNG ]"
"$BIN" --format png --dpi 30 -o "$T/stale.png" tests/good/minimal.json
check "a shorter PNG render removes the pages of an earlier, longer one" sh -c \
    "'$BIN' --format png --dpi 30 -o '$T/st.png' data/2025.json && '$BIN' --format png --dpi 30 -o '$T/st.png' tests/good/minimal.json && [ -f '$T/st-1.png' ] && [ ! -e '$T/st-2.png' ] && [ ! -e '$T/st-3.png' ]"
mkdir -p "$T/dup/a" "$T/dup/b" "$T/dup/o"
cp data/2025.json "$T/dup/a/2025.json"
cp data/2023.json "$T/dup/b/2025.json"
check "two inputs with one output name are refused, nothing written" sh -c \
    "! '$BIN' -o '$T/dup/o' '$T/dup/a/2025.json' '$T/dup/b/2025.json' 2>/dev/null && [ -z \"\$(ls '$T/dup/o')\" ]"
mkdir -p "$T/bk"
cp data/20*.json "$T/bk/"
check "the book refuses to overwrite one of its year files" sh -c \
    "! '$BIN' --book -o '$T/bk/2025.json' '$T/bk/2025.json' 2>/dev/null && cmp '$T/bk/2025.json' data/2025.json"
"$BIN" --format svg -o "$T/s.svg" data/2025.json
check "--format svg writes one SVG per page" sh -c "grep -q '<svg' '$T/s-1.svg'"
check "check-layers: no library used outside its home" make -s check-layers
check "check-format: the C sources as .clang-format lays them out" make -s check-format

# Tests of further commands, each in a file of its own (tests/*.inc.sh),
# sharing ok/ko/check and $T.
for inc in tests/*.inc.sh; do
    [ -f "$inc" ] && . "./$inc"
done

echo
if [ "$skip" -gt 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
