# tests/hostile.inc.sh — hostile input, round two (issue 17): files, modes,
# leftovers, special files and output paths that clash with what a run
# reads. Sourced by tests/run.sh at its end, with ok, ko, check, skipped,
# $BIN, $T and $PY. Names here start with h_.

h=$T/hostile
mkdir -p "$h"
h_env="env LC_ALL=C.UTF-8 LANGUAGE="

# ---- output modes come from the umask --------------------------------------------
(umask 077 && "$BIN" -o "$h/private.pdf" tests/good/minimal.json 2>/dev/null)
check "under umask 077 the PDF is private (0600)" test "$(stat -c %a "$h/private.pdf")" = 600
(umask 022 && "$BIN" -o "$h/public.pdf" tests/good/minimal.json 2>/dev/null)
check "under umask 022 the PDF is 0644" test "$(stat -c %a "$h/public.pdf")" = 644
(umask 077 && "$BIN" --format png --dpi 20 -o "$h/private.png" tests/good/minimal.json 2>/dev/null)
check "under umask 077 every PNG page is private (0600)" test "$(stat -c %a "$h/private-1.png")" = 600

# ---- a killed run's temporary file is removed by the next run in that folder ----
mkdir -p "$h/kill"
: >"$h/kill/.2025.pdf.aB3xYz"
: >"$h/kill/.other.json.Q1w2E3"
: >"$h/kill/.notes.txt.Q1w2E3"
: >"$h/kill/.2025.pdf.short"
touch -d '1 minute ago' "$h/kill/".*
"$BIN" -o "$h/kill/2025.pdf" tests/good/minimal.json 2>/dev/null
check "a run removes the temporary files (ours, older than the run) a killed run left" sh -c \
    "[ ! -e '$h/kill/.2025.pdf.aB3xYz' ] && [ ! -e '$h/kill/.other.json.Q1w2E3' ]"
check "... and leaves files that only look alike" sh -c \
    "[ -e '$h/kill/.notes.txt.Q1w2E3' ] && [ -e '$h/kill/.2025.pdf.short' ]"
# SIGKILL cannot be caught: the leftover is real, then the next run cleans it.
mkdir -p "$h/kill9"
"$BIN" -o "$h/kill9/big.pdf" data/2025.json 2>/dev/null &
h_pid=$!
h_i=0
while [ $h_i -lt 200 ] && [ -z "$(ls -A "$h/kill9")" ]; do sleep 0.01; h_i=$((h_i + 1)); done
kill -KILL $h_pid 2>/dev/null
wait $h_pid 2>/dev/null
h_left=$(ls -A "$h/kill9" | grep -c '^\.big\.pdf\.')
"$BIN" -o "$h/kill9/big.pdf" tests/good/minimal.json 2>/dev/null
check "after SIGKILL ($h_left temporary file left) the next run leaves none" sh -c \
    "[ -z \"\$(ls -A '$h/kill9' | grep '^\\.')\" ] && [ -f '$h/kill9/big.pdf' ]"

# ---- the output may not be a file the run reads -----------------------------------
# Rendering 2025 reads 2024.json (changes, trends), the targets and the book's
# notes. An -o naming one of them by its own name is a usage error before
# anything is read (factsheet writes no .json or .txt: exit 2, the fix in
# English and Chinese); one reaching it another way (a symlink, below) is
# refused at the output check (exit 1). Either way the file is unchanged and
# no temporary file is left.
mkdir -p "$h/reads"
cp -r data/*.json data/targets data/book "$h/reads/"
mkdir -p "$h/srcs/src"
cp tests/good/minimal.json "$h/srcs/2025.json"
printf '床位1234张，比率2.3%%。\n' > "$h/srcs/src/a.txt"
cp "$h/srcs/src/a.txt" "$h/srcs/a.keep"
for h_o in 2024.json targets/health-china-2030.json book/trends.json; do
    cp "$h/reads/$h_o" "$h/keep"
    h_out=$(cd "$h/reads" && $h_env "$BIN" -o "$h_o" 2025.json 2>&1)
    h_rc=$?
    h_zh=$(cd "$h/reads" && env LC_ALL= LANG=zh_CN.UTF-8 LANGUAGE= "$BIN" -o "$h_o" 2025.json 2>&1)
    h_pdf=${h_o%.json}.pdf
    if [ $h_rc -eq 2 ] && cmp -s "$h/reads/$h_o" "$h/keep" &&
        [ "$(printf '%s\n' "$h_out" | head -1)" = "factsheet: -o $h_o names a json file, which factsheet does not write; write -o $h_pdf" ] &&
        [ "$(printf '%s\n' "$h_zh" | head -1)" = "factsheet：-o $h_o 是 json 文件名，factsheet 不输出这种格式；请写 -o $h_pdf" ] &&
        [ -z "$(ls -A "$h/reads" "$h/reads/targets" "$h/reads/book" | grep '^\.')" ]; then
        ok "-o $h_o while rendering 2025 (which reads it) is refused, the file unchanged"
    else
        ko "-o $h_o while rendering 2025 (which reads it) is refused, the file unchanged" \
            "exit $h_rc: $h_out / $h_zh"
    fi
done
ln -s 2024.json "$h/reads/link.pdf"
h_out=$(cd "$h/reads" && $h_env "$BIN" -o link.pdf 2025.json 2>&1)
check "a symlink to a year file as output is refused" test \
    "$h_out" = "link.pdf: the output would overwrite 2024.json, which this run reads; choose another -o"
ln -s src/a.txt "$h/srcs/a.pdf"
h_out=$(cd "$h/srcs" && $h_env "$BIN" --sources src -o a.pdf 2025.json 2>&1)
check "-o over a source document of --sources is refused" sh -c \
    "[ '$h_out' = 'a.pdf: the output would overwrite src/a.txt, which this run reads; choose another -o' ] && cmp '$h/srcs/src/a.txt' '$h/srcs/a.keep'"
h_out=$(cd "$h/reads" && $h_env "$BIN" --book -o link.pdf 2025.json 2>&1)
check "the book refuses -o over a year file it reads, with the message" test \
    "$h_out" = "link.pdf: the output would overwrite 2024.json, which this run reads; choose another -o"
printf 'id,value\nbeds,1\n' > "$h/same.csv"
cp "$h/same.csv" "$h/same.keep"
h_out=$(cd "$h" && $h_env "$BIN" import same.csv --into same.csv 2>&1)
h_rc=$?
check "import --into the CSV itself is refused (exit 1), the CSV unchanged" sh -c \
    "[ $h_rc -eq 1 ] && cmp '$h/same.csv' '$h/same.keep' && [ '$h_out' = 'same.csv: --into names the CSV file being imported; name the data file, such as --into data/2026.json
same.csv: not changed' ]"

# ---- special files: a FIFO named like a year is left out with a note ------------
mkdir -p "$h/fifo"
cp tests/good/minimal.json "$h/fifo/2025.json"
if mkfifo "$h/fifo/2024.json" 2>/dev/null; then
    h_out=$(cd "$h/fifo" && $h_env timeout 60 "$BIN" -o out.pdf 2025.json 2>&1)
    h_rc=$?
    check "a FIFO named like a year file beside the input is skipped with a note (exit 0)" sh -c \
        "[ $h_rc -eq 0 ] && [ -f '$h/fifo/out.pdf' ] && [ '$h_out' = './2024.json: note: not a regular file; left out of trends and year-on-year changes' ]"
    h_out=$(cd "$h/fifo" && $h_env timeout 60 "$BIN" -o in.pdf 2024.json 2>&1)
    h_rc=$?
    check "a FIFO as input is refused at once (exit 1), no output" sh -c \
        "[ $h_rc -eq 1 ] && [ ! -e '$h/fifo/in.pdf' ] && [ '$h_out' = '2024.json: not a regular file (a pipe, socket or device); expected a data file' ]"
    h_zh=$(cd "$h/fifo" && env LC_ALL= LANG=zh_CN.UTF-8 LANGUAGE= timeout 60 "$BIN" -o in.pdf 2024.json 2>&1)
    check "... in Chinese" test "$h_zh" = "2024.json: 不是普通文件（而是管道、套接字或设备）；应为数据文件"
else
    skipped "FIFO beside the input" "mkfifo failed"
fi

# ---- --sources with more documents than the old cache held (32) ---------------
mkdir -p "$h/many/src"
"$PY" - "$h/many" <<'PYEOF'
import json, sys
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
t = sys.argv[1]
base = d["indicators"][0]
d["indicators"] = []
d["sources"] = []
for i in range(40):
    name = "doc%02d.txt" % i
    open(f"{t}/src/{name}", "w", encoding="utf-8").write("全市床位%d张。\n" % (1000 + i))
    d["sources"].append({"file": name, "title": "来源%d" % i})
    d["indicators"].append(dict(base, id="beds%d" % i, value=1000 + i,
                                source={"file": name, "quote": "床位%d张" % (1000 + i)}))
d["sections"] = [{"title": "指标", "blocks": [{"type": "kpi", "items": ["beds0", "beds39"]}]}]
json.dump(d, open(f"{t}/2025.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PYEOF
h_out=$(cd "$h/many" && $h_env "$BIN" --check --sources src 2025.json 2>&1)
check "--sources with 40 documents finds every one of them" test -z "$h_out"
rm "$h/many/src/doc37.txt"
h_out=$(cd "$h/many" && $h_env "$BIN" --check --sources src 2025.json 2>&1 | head -n 1)
check "... and names the one really missing" test \
    "$h_out" = '2025.json:545:13: indicators[37].source.file: source "doc37.txt" is not in src'

# ---- text from data ten times the size of the fixed buffers there were ------------
# tests/hostile/long_fields.py: a 5 120-byte address, a 640-byte unit, 20
# sources under one chart, a 5 121-byte label, the longest figure (40
# characters), a 900-byte book title. Each renders with its text whole (read
# back with pdftotext), or is refused with its message; never a crash, a
# cut character (U+FFFFFFFF, U+FFFD) or a missing figure.
"$PY" tests/hostile/long_fields.py "$h/long" >"$h/long.cases"
while IFS='	' read -r h_case h_want; do
    if [ "$h_case" = book ]; then
        h_out=$($h_env "$BIN" --book -o "$h/long/$h_case.pdf" "$h/long/book/2025.json" 2>&1)
    else
        h_out=$(cd "$h/long/$h_case" && $h_env "$BIN" -o "$h/long/$h_case.pdf" 2025.json 2>&1)
    fi
    h_rc=$?
    h_why=""
    case $h_out in *U+FFFFFFFF* | *�*) h_why="a cut character in: $h_out" ;; esac
    case $h_want in
    error:*)
        [ $h_rc -eq 1 ] && [ ! -e "$h/long/$h_case.pdf" ] || h_why="$h_why; expected exit 1 and no PDF, got $h_rc"
        case $h_out in "${h_want#error: }"*) ;; *) h_why="$h_why; expected: ${h_want#error: }…, got: $h_out" ;; esac
        ;;
    *)
        [ $h_rc -eq 0 ] || h_why="$h_why; exit $h_rc: $h_out"
        if [ $h_rc -eq 0 ] && ! pdftotext "$h/long/$h_case.pdf" - | tr -d ' \n' | grep -qF "$h_want"; then
            if [ "$h_case" != url-5120 ] || ! qpdf --json "$h/long/$h_case.pdf" | grep -qF "\"u:$h_want\""; then
                h_why="$h_why; the PDF does not hold the whole text"
            fi
        fi
        ;;
    esac
    if [ -z "$h_why" ]; then ok "10x the old buffer: $h_case"; else ko "10x the old buffer: $h_case" "$h_why"; fi
done <"$h/long.cases"

# ---- review: text struck through by a rule is found ------------------------------
"$PY" tests/hostile/struck_pdf.py "$h/struck.pdf" struck
"$PY" tests/hostile/struck_pdf.py "$h/clear.pdf" clear
check "check_overlap.py finds a word struck through by a rule" sh -c \
    "! '$PY' tests/check_overlap.py '$h/struck.pdf' 5 >'$h/struck.out' && grep -q 'Footnote.*is struck through by a rule' '$h/struck.out'"
check "... and passes the same word with the rule under it" "$PY" tests/check_overlap.py "$h/clear.pdf" 5

# ---- import: every problem at FILE.csv:ROW:COL, the value quoted ----------------
# The data file is never touched; English and Chinese.
sed 's/{"type": "text", "text": "正文。"}/{"type": "ring", "title": "占比", "items": ["rate"]}/' \
    tests/good/minimal.json >"$h/imp.json"
cp "$h/imp.json" "$h/imp.keep"
h_import() { # h_import NAME CSV-TEXT EXPECTED-EN EXPECTED-ZH
    printf '%s' "$2" >"$h/$1.csv"
    h_out=$(cd "$h" && $h_env "$BIN" import "$1.csv" --into imp.json 2>&1)
    h_rc=$?
    h_zh=$(cd "$h" && env LC_ALL= LANG=zh_CN.UTF-8 LANGUAGE= "$BIN" import "$1.csv" --into imp.json 2>&1)
    if [ $h_rc -eq 1 ] && cmp -s "$h/imp.json" "$h/imp.keep" && [ "$h_out" = "$3" ] && [ "$h_zh" = "$4" ]; then
        ok "import $1: at the CSV's row and column, exit 1, the data file unchanged"
    else
        ko "import $1: at the CSV's row and column, exit 1, the data file unchanged" "exit $h_rc:
$h_out
$h_zh"
    fi
}
h_import share-over-100 'id,value,unit,file,quote
rate,120.50,%,a.txt,比率120.50%
' 'share-over-100.csv:2:6: column "value": "120.50": indicator "rate" is 120.50%; a share must lie between 0 and 100
  rate,120.50,%,a.txt,比率120.50%
       ^
imp.json: with these rows the file would not load (see above); nothing was written
imp.json: not changed' 'share-over-100.csv:2:6: 列 "value": “120.50”：指标 "rate" 为 120.50%；占比应在 0 到 100 之间
  rate,120.50,%,a.txt,比率120.50%
       ^
imp.json: 导入这些行后文件将无法通过校验（见上文）；未写入任何内容
imp.json: 文件未改动'
h_import integer-too-large 'id,value,file,quote
beds,12345678901234567890123,a.txt,床位12345678901234567890123张
' 'integer-too-large.csv:2:6: column "value": the whole number "12345678901234567890123" is too large (at most 9223372036854775807); write it in a larger unit (万, 亿)
  beds,12345678901234567890123,a.txt,床位12345678901234567890123张
       ^
imp.json: not changed' 'integer-too-large.csv:2:6: 列 "value": 整数“12345678901234567890123”太大（最大为 9223372036854775807）；请改用更大的单位（万、亿）
  beds,12345678901234567890123,a.txt,床位12345678901234567890123张
       ^
imp.json: 文件未改动'
h_import figure-too-long 'id,value,file,quote
rate,0.00000000000000000000000000000000000000001,a.txt,比率
' 'figure-too-long.csv:2:6: column "value": the number "0.00000000000000000000000000000000000000001" has 43 characters; a figure is printed exactly up to 40: write it as the source rounds it, or in a larger unit (万, 亿)
  rate,0.00000000000000000000000000000000000000001,a.txt,比率
       ^
imp.json: not changed' 'figure-too-long.csv:2:6: 列 "value": 数值“0.00000000000000000000000000000000000000001”有 43 个字符；数值最多 40 个字符才能照原样印出：请按来源的取舍写，或改用更大的单位（万、亿）
  rate,0.00000000000000000000000000000000000000001,a.txt,比率
       ^
imp.json: 文件未改动'
h_import glyph-not-in-fonts 'id,label,value,file,quote
beds,床位😀,1234,a.txt,床位1234张
' 'glyph-not-in-fonts.csv:2:6: column "label": "床位😀" has the character "😀" (U+1F600), which is not in the fonts; the sheet could not print it. Replace it
  beds,床位😀,1234,a.txt,床位1234张
       ^
imp.json: not changed' 'glyph-not-in-fonts.csv:2:6: 列 "label": “床位😀”中的字符“😀”（U+1F600）字体中没有，简报将无法印出；请替换该字符
  beds,床位😀,1234,a.txt,床位1234张
       ^
imp.json: 文件未改动'
h_import blank-label 'id,label,value,file,quote
beds,　,1234,a.txt,床位1234张
' 'blank-label.csv:2:6: column "label": "　" is only blank space (spaces, or full-width spaces U+3000); write the text, or leave the cell empty
  beds,　,1234,a.txt,床位1234张
       ^
imp.json: not changed' 'blank-label.csv:2:6: 列 "label": “　”只有空白（空格或全角空格 U+3000）；请填写文字，或让单元格留空
  beds,　,1234,a.txt,床位1234张
       ^
imp.json: 文件未改动'
