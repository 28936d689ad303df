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
