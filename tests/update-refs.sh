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
ls tests/ref
