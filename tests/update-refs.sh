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
    pdftoppm -r 72 -png -f 1 -l 1 -singlefile "$T/c.pdf" "${dir}ref-1"
    pdftoppm -r 72 -png -f 1 -l 1 -singlefile "$T/g.pdf" "${dir}ref-gray-1"
done
ls tests/ref tests/charts/*/
