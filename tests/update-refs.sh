#!/bin/sh
# tests/update-refs.sh — refreshes tests/ref/*.png from the current renderer.
# Only on purpose: look at the new pages (and at `git diff --stat tests/ref`)
# before committing them.
set -eu
BIN=${BIN:-bin/factsheet}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p tests/ref
rm -f tests/ref/*.png
for json in data/*.json; do
    y=$(basename "$json" .json)
    "$BIN" -o "$T/$y.pdf" "$json"
    pdftoppm -r 72 -png "$T/$y.pdf" "$T/$y"
    for f in "$T/$y"-*.png; do
        page=$(basename "$f" .png | sed 's/.*-0*//')
        cp "$f" "tests/ref/$y-$page.png"
    done
done
for dir in tests/charts/*/; do
    input=$(ls "$dir"*.json | tail -n 1)
    "$BIN" -o "$T/c.pdf" "$input"
    "$BIN" --grayscale -o "$T/g.pdf" "$input"
    rm -f "${dir}"ref-*.png
    for mode in c g; do
        pdftoppm -r 72 -png "$T/$mode.pdf" "$T/$mode"
        for f in "$T/$mode"-*.png; do
            page=$(basename "$f" .png | sed 's/.*-0*//')
            if [ "$mode" = c ]; then cp "$f" "${dir}ref-$page.png"; else cp "$f" "${dir}ref-gray-$page.png"; fi
        done
        rm -f "$T/$mode"-*.png
    done
done
mkdir -p tests/book
"$BIN" --book -o "$T/book.pdf" data/2025.json
/usr/bin/python3 tests/check_book.py "$T/book.pdf" data "$T/book-pages" outline >/dev/null || true
set -- $(cat "$T/book-pages")
for kind in cover trend table appendix; do
    pdftoppm -r 72 -png -f "$1" -l "$1" -singlefile "$T/book.pdf" "tests/book/$kind"
    shift
done
mkdir -p tests/ref-gongwen
"$BIN" --style gongwen --attachment 2 --first-page 5 -o "$T/gw.pdf" data/2025.json 2>/dev/null
pdftoppm -r 72 -png -f 1 -l 2 "$T/gw.pdf" "$T/gw"
cp "$T/gw-1.png" tests/ref-gongwen/2025-1.png
cp "$T/gw-2.png" tests/ref-gongwen/2025-2.png
ls tests/ref tests/ref-gongwen tests/charts/*/
