# tests/leaf.inc.sh — the one-leaf fact sheet (issue 13): what the front page
# carries, when a back page comes, how a long table continues, what happens
# when nothing fits. Sourced by tests/run.sh: uses ok/ko/check, $BIN, $T, $PY.
# The sheets are made by tests/leaf/gen.py; the rules are read back from the
# PDFs by tests/check_leaf.py.

L="$T/leaf"
mkdir -p "$L"
for c in fits roomy tight back continued toomuch aligned; do
    "$PY" tests/leaf/gen.py "$c" > "$L/$c.json"
done

for json in data/*.json; do
    y=$(basename "$json" .json)
    [ -f "$T/$y.pdf" ] &&
        check "$y.pdf: one leaf: at most two pages, 要点 first, no page under half full" \
            "$PY" tests/check_leaf.py "$T/$y.pdf"
done

for json in data/*.json; do
    y=$(basename "$json" .json)
    [ -f "$T/$y.pdf" ] && [ "$(pdfinfo "$T/$y.pdf" | awk '/^Pages:/ { print $2 }')" -gt 1 ] &&
        check "$y.pdf: the front page promises comparisons exactly when the back page shows one" \
            "$PY" tests/check_leaf.py "$T/$y.pdf" promise
done

check "a sheet whose figures fit the front page is one page" sh -c \
    "'$BIN' -o '$L/fits.pdf' '$L/fits.json' && pdfinfo '$L/fits.pdf' | grep -q '^Pages: *1\$'"
# The bar chart's height: from its unit line to its first category label.
chart_h() {
    pdftotext -bbox -f 1 -l 1 "$1" - | awk -F'"' '/>单位：个</ && !u { u = $4 } />指标六</ { l = $4 }
        END { printf "%d\n", l - u }'
}
"$BIN" -o "$L/roomy.pdf" "$L/roomy.json" 2>/dev/null
"$BIN" -o "$L/tight.pdf" "$L/tight.json" 2>/dev/null
h_roomy=$(chart_h "$L/roomy.pdf")
h_tight=$(chart_h "$L/tight.pdf")
check "more figures on the front page: the layout tightens (a lower chart: $h_tight pt, $h_roomy pt with fewer) rather than spill over" sh -c \
    "pdfinfo '$L/tight.pdf' | grep -q '^Pages: *1\$' && test '$h_tight' -gt 50 && test '$h_tight' -lt '$h_roomy'"
"$BIN" -o "$L/aligned.pdf" "$L/aligned.json" 2>/dev/null
check "a table's figures stand on the decimal point (23 and 23.5 start together, 9 and 1530 end together)" \
    "$PY" tests/check_leaf.py "$L/aligned.pdf" aligned

"$BIN" -o "$L/back.pdf" "$L/back.json" 2>"$L/back.err"
check "a sheet with a long rest table puts it on the back page and says so on the front" sh -c \
    "pdftotext -f 1 -l 1 '$L/back.pdf' - | tr -d '\n ' | grep -q '第2页：“指标一览”（全部99项指标' &&
     pdftotext -f 2 -l 2 '$L/back.pdf' - | grep -q '^指标一览\$'"
check "... and warns when its last page is less than half full" grep -q \
    "warning: the back page is less than half full" "$L/back.err"

check "--pages 1 gives the front page alone and says the table is left out" sh -c \
    "'$BIN' --pages 1 -o '$L/one.pdf' '$L/back.json' 2>/dev/null &&
     pdfinfo '$L/one.pdf' | grep -q '^Pages: *1\$' &&
     pdftotext '$L/one.pdf' - | tr -d '\n ' | grep -q '本页为正面，“指标一览”从略（共99项指标）'"

"$BIN" -o "$L/continued.pdf" "$L/continued.json" 2>/dev/null
check "a complete table longer than a page continues under 续表 with its header, every row once" sh -c \
    "'$PY' tests/check_leaf.py '$L/continued.pdf' continued &&
     test \"\$(pdftotext -f 2 '$L/continued.pdf' - | grep -c '^指标[〇一二三四五六七八九]\{1,\}$')\" -eq 209"

rm -f "$L/toomuch.pdf"
out=$("$BIN" -o "$L/toomuch.pdf" "$L/toomuch.json" 2>&1)
status=$?
line=$(grep -n '"sections"' "$L/toomuch.json" | cut -d: -f1)
want="$L/toomuch.json:$line:14: sections: the front page cannot hold the 要点, the headline figures and the charts even at the tightest layout"
check "too much for any front page is an error naming what to cut (exit 1, nothing written)" sh -c \
    "test $status -eq 1 && test ! -e '$L/toomuch.pdf' &&
     printf '%s\n' \"\$1\" | head -1 | grep -qF -- '$want' &&
     printf '%s\n' \"\$1\" | head -1 | grep -q 'too much): cut a chart or a paragraph, or headline figures\$'" \
    sh "$out"

# The official style flows, but its closing source line never stands alone on
# a page (the table's last rows go with it).
for json in data/*.json; do
    y=$(basename "$json" .json)
    "$BIN" --style gongwen -q -o "$L/gw-$y.pdf" "$json" 2>/dev/null || continue
    n=$(pdfinfo "$L/gw-$y.pdf" | awk '/^Pages:/ { print $2 }')
    check "gongwen $y: the last page holds more than the source line" sh -c \
        "pdftotext -f $n -l $n '$L/gw-$y.pdf' - | tr -d ' \f' | grep -v '^—[0-9]*—\$' |
         sed '/^数据来源/,\$d' | grep -q ."
done

# Say things once: a short paragraph of figures the cards already show is a
# warning (a longer one that says what they mean is not).
"$PY" - "$L" <<'PYEOF'
import json, sys
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
d["sections"][0]["blocks"][1]["text"] = "全市床位1234张，比率2.3%。"
json.dump(d, open(sys.argv[1] + "/repeat.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
d["sections"][0]["blocks"][1]["text"] = "全市床位1234张，比率2.3%，均较去年有所提高，基层服务能力明显增强，群众就医更加便捷。"
json.dump(d, open(sys.argv[1] + "/meaning.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PYEOF
out=$(cd "$L" && LC_ALL=C.UTF-8 LANGUAGE= "$BIN" --check repeat.json 2>&1 | head -1)
out_zh=$(cd "$L" && LC_ALL= LANG=zh_CN.UTF-8 LANGUAGE= "$BIN" --check repeat.json 2>&1 | head -1)
check "--check: a paragraph that only repeats the cards' figures is a warning (English and Chinese)" sh -c \
    "[ '$out' = 'repeat.json:47:14: warning: sections[0].blocks[1].text: this paragraph only repeats figures the sheet already shows as cards or in charts; say what they mean, or leave it out' ] &&
     [ '$out_zh' = 'repeat.json:47:14: 警告：sections[0].blocks[1].text: 这段文字只是重复了本页卡片或图表中已有的数字；请写出这些数字说明了什么，或删去这段文字' ]"
check "... a paragraph that says what they mean is not" sh -c \
    "[ -z \"\$(cd '$L' && '$BIN' --check meaning.json 2>&1)\" ]"

# A period and a scope joined by " · " break between the two, never inside
# one ("1至12月中旬 · 建 / 档立卡贫困户" was the 2018 table's), and the
# separator never starts a line (间隔号).
for v in "default:" "gongwen:--style gongwen"; do
    n=${v%%:*}
    # shellcheck disable=SC2086 # the style option, split on purpose
    "$BIN" ${v#*:} -o "$T/sep-$n.pdf" data/2018.json 2>/dev/null
    raw=$(pdftotext -raw "$T/sep-$n.pdf" - 2>/dev/null)
    if [ -z "$raw" ]; then
        ko "$n 2018: the parts of a \" · \" text stay whole" "no text read back"
    elif printf '%s\n' "$raw" | grep -qE '· [^ ]{1,6}$' && printf '%s\n' "$raw" | grep -q '^档立卡'; then
        ko "$n 2018: the parts of a \" · \" text stay whole" "$(printf '%s\n' "$raw" | grep -nE '· [^ ]{1,6}$|^档立卡')"
    elif printf '%s\n' "$raw" | grep -q '^·'; then
        ko "$n 2018: no line starts with the separator ·" "$(printf '%s\n' "$raw" | grep -n '^·')"
    else
        ok "$n 2018: the parts of a \" · \" text stay whole; no line starts with ·"
    fi
done
