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
if (cd "$of_tree" && $of_env make -s --no-print-directory BIN="$BIN" BUILD="$of_root/$BUILD" \
    >"$of/make.out" 2>&1); then
    ok "make with data/2026.json still a draft succeeds"
else
    ko "make with data/2026.json still a draft succeeds" "$(tail -n 20 "$of/make.out")"
fi
check "make: the draft gets one warning, the book one more (and nothing else)" sh -c \
    "test \$(grep -c 'warning' '$of/make.out') -eq 2 &&
     grep -q '^data/2026.json: warning: [0-9]* figures or texts are still missing: rendered as a draft marked 草稿' '$of/make.out' &&
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
if (cd "$of_tree" && make -s --no-print-directory BIN="$BIN" BUILD="$of_root/$BUILD" \
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
