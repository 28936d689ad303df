# tests/book.inc.sh — the multi-year book (--book, out/trends.pdf). Sourced
# by tests/run.sh at its end: uses ok/ko/check/skipped, $BIN, $BUILD, $T, $PY.
#
# The book is read back with poppler and qpdf, never trusted: the outline has
# one entry per topic page; every figure of the appendix is the data file's
# literal with its unit, under the right year, beside its label and quote;
# every link lands on the page it names; four pages match their reference
# images in tests/book/ (cover, a trend page, the year-by-year table, the
# first appendix page).

book="$T/book.pdf"
if out=$("$BIN" --book -o "$book" data/2025.json 2>&1) && [ -z "$out" ]; then
    ok "book: renders every year of data/ (no warnings)"
else
    ko "book: renders every year of data/ (no warnings)" "$out"
fi

if [ -f "$book" ]; then
    check "book: qpdf --check" qpdf --check "$book"
    check "book: no overlapping words, nothing outside the page" "$PY" tests/check_overlap.py "$book"
    check "book: no line starts with 。，）” or a 间隔号 ·, or ends with （“" \
        "$PY" tests/check_kinsoku.py "$book"
    check "book: finishing (no figure split from its unit, no one-character last line, no spread figure, no space between Han and figure, one form per figure, black text)" \
        "$PY" tests/check_finishing.py "$book"
    "$BIN" --book -o "$T/book-again.pdf" data/2025.json 2>/dev/null
    check "book: two renders are byte-identical" cmp "$book" "$T/book-again.pdf"

    check "book: one bookmark per topic page, each leading to its heading" \
        "$PY" tests/check_book.py "$book" data "$T/book-pages" outline
    check "book: every figure in the appendix is the data's literal, with its year, label and quote" \
        "$PY" tests/check_book.py "$book" data "$T/book-pages" appendix
    check "book: every link of the contents and the table lands on the page it names" \
        "$PY" tests/check_book.py "$book" data "$T/book-pages" links

    # Reference images at 72 dpi, one per kind of page.
    if [ -s "$T/book-pages" ]; then
        set -- $(cat "$T/book-pages")
        for kind in cover trend table appendix; do
            page=$1
            shift
            if [ "$page" -eq 0 ]; then
                ko "book: reference image of the $kind page" "the page was not found"
                continue
            fi
            pdftoppm -r 72 -png -f "$page" -l "$page" -singlefile "$book" "$T/book-$kind"
            check "book: the $kind page (page $page) matches tests/book/$kind.png" \
                "$BUILD/tests/imgdiff" "tests/book/$kind.png" "$T/book-$kind.png" \
                "out/test-diffs/book-$kind-diff.png" 16 40
        done
    fi
fi

# Grayscale, for the office printer.
out=$("$BIN" --book --grayscale -o "$T/book-gray.pdf" data/2025.json 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ] && [ -f "$T/book-gray.pdf" ]; then
    ok "book: --grayscale renders"
    check "book: --grayscale: every colour neutral" "$PY" tests/check_gray.py "$T/book-gray.pdf"
else
    ko "book: --grayscale renders" "$out"
fi

# A definition file that names an indicator no year has is an error at its
# line and column, and nothing is written.
mkdir -p "$T/bookbad/book"
cp data/*.json "$T/bookbad/"
sed 's/"county_medcom_formed"/"county_medcom_fromed"/' data/book/trends.json >"$T/bookbad/book/trends.json"
err=$(cd "$T/bookbad" && LANG=C.UTF-8 LANGUAGE= "$BIN" --book -o "$T/bookbad.pdf" 2025.json 2>&1)
rc=$?
line=$(grep -n '"county_medcom_fromed"' "$T/bookbad/book/trends.json" | head -n 1 | cut -d: -f1)
first=$(printf '%s\n' "$err" | head -n 1)
case $first in
"./book/trends.json:$line:"*": topics[1].ids[1]: indicator \"county_medcom_fromed\" is in no data file of ."*)
    if [ $rc -eq 1 ] && [ ! -e "$T/bookbad.pdf" ]; then
        ok "book: an unknown indicator in trends.json is named at its line, nothing is written"
    else
        ko "book: an unknown indicator in trends.json is named at its line, nothing is written" \
            "exit $rc; $err"
    fi
    ;;
*) ko "book: an unknown indicator in trends.json is named at its line, nothing is written" "$err" ;;
esac

# The definitions file against the schema VS Code shows beside it.
if "$PY" -c 'import jsonschema' 2>/dev/null; then
    check "book: data/book/trends.json validates against data/book/trends.schema.json" \
        "$PY" tests/schema_check.py --schema data/book/trends.schema.json data/book/trends.json
else
    skipped "book: trends.json against its schema" "python3-jsonschema missing"
fi
