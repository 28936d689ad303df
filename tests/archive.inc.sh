# tests/archive.inc.sh — the archive form (src/render/pdfpost.c). Sourced by
# tests/run.sh at its end: uses ok/ko/check, $BIN, $T, $PY and the PDFs
# run.sh rendered into $T before (sheets, gongwen, bleed, draft).
#
# Every PDF the program writes goes through tests/check_pdfa.py (the rules
# of the README's "Archive form", read back with qpdf's JSON) and qpdf
# --check; the checker is shown to fail on damaged copies; links with
# hostile addresses read back exactly; two renders are byte-identical.

pdfa() { # pdfa NAME PDF [check_pdfa options]: the preflight and qpdf --check on PDF
    _name=$1 _pdf=$2
    shift 2
    if [ ! -f "$_pdf" ]; then
        ko "archive: $_name" "$_pdf was not rendered"
        return
    fi
    check "archive: $_name passes the preflight and qpdf --check" sh -c \
        "'$PY' tests/check_pdfa.py '$_pdf' $* && qpdf --check '$_pdf' >/dev/null"
}

# Every sheet in every style: default and gongwen from run.sh, grayscale here.
for json in data/*.json; do
    y=$(basename "$json" .json)
    pdfa "sheet $y" "$T/$y.pdf"
    pdfa "gongwen $y" "$T/gw-$y.pdf"
    "$BIN" --grayscale -o "$T/gray-$y.pdf" "$json" 2>/dev/null
    pdfa "grayscale $y" "$T/gray-$y.pdf"
done
for pdf in "$T"/chart-*.pdf; do
    [ -f "$pdf" ] && pdfa "chart case $(basename "$pdf" .pdf)" "$pdf"
done
pdfa "gongwen from --first-page 5 (page labels 5, 6 …)" "$T/gw.pdf" --first-page 5
pdfa "--bleed 3 (TrimBox and BleedBox 3 mm apart)" "$T/bleed.pdf" --bleed 3
pdfa "--paper A3" "$T/a3.pdf"
pdfa "a draft" "$T/draft/yes.pdf"
pdfa "a footer linked to its source" "$T/url.pdf" --links 1
"$BIN" --book -o "$T/arch-book.pdf" data/2025.json 2>/dev/null
pdfa "the book (its contents and table link to unique destinations)" "$T/arch-book.pdf" --links 10
"$BIN" --book --style gongwen -o "$T/arch-book-gw.pdf" data/2025.json 2>/dev/null
pdfa "the book, gongwen" "$T/arch-book-gw.pdf"

# The preflight can fail: each rule broken in a copy is named.
check "archive: the preflight names each rule broken in damaged copies of a sheet" \
    "$PY" tests/check_pdfa.py --self-test "$T/2025.pdf"
check "archive: the preflight names each rule broken in damaged copies of the book" \
    "$PY" tests/check_pdfa.py --self-test "$T/arch-book.pdf"

# Byte-reproducible in every style, the /ID included.
"$BIN" --style gongwen -o "$T/gw-2025-again.pdf" data/2025.json 2>/dev/null
check "archive: two gongwen renders are byte-identical" cmp "$T/gw-2025.pdf" "$T/gw-2025-again.pdf"
"$BIN" --book -o "$T/arch-book-again.pdf" data/2025.json 2>/dev/null
check "archive: two book renders are byte-identical" cmp "$T/arch-book.pdf" "$T/arch-book-again.pdf"
SOURCE_DATE_EPOCH=1767225600 "$BIN" -o "$T/sde-x.pdf" data/2025.json 2>/dev/null
check "archive: SOURCE_DATE_EPOCH is the date in Info and XMP alike" sh -c \
    "qpdf --json --json-key=qpdf --json-stream-data=inline '$T/sde-x.pdf' | grep -q '\"/CreationDate\": \"u:D:20260101000000+00.00.\"' &&
     '$PY' tests/check_pdfa.py '$T/sde-x.pdf'"

# The figures in words: what a screen reader says for the 2025 ring chart
# and the first row of cards, from the data.
check "archive: /Alt of 2025's figures gives their data in Chinese" "$PY" -c '
import json, subprocess, sys
j = json.loads(subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True, check=True).stdout)
alts = [v["value"].get("/Alt", "") for v in j["qpdf"][1].values()
        if isinstance(v.get("value"), dict) and v["value"].get("/S") == "/Figure"]
want = ["u:环形图：", "线上预约挂号率89%", "u:指标卡：", "公立医院人均住院费用同比降幅3.58%（1—11月"]
missing = [w for w in want if not any(w in a for a in alts)]
sys.exit("missing %r in %r" % (missing, alts) if missing else 0)' "$T/2025.pdf"

# Web addresses that would break cairo 1.16's "/URI (%s)": each reads back
# exactly, in a valid PDF that passes the preflight.
"$PY" - "$T/links" <<'PYEOF'
import json, os, sys
t = sys.argv[1]
os.makedirs(t, exist_ok=True)
base = json.load(open("tests/good/minimal.json", encoding="utf-8"))
urls = {
    "paren": "https://example.org/a)b",
    "open-paren": "https://example.org/a(b",
    "backslash": "https://example.org/a\\",
    "space": "https://example.org/a b/c d.html",
    "inject": "https://example.org/) /S /JavaScript /JS (app.alert(1)",
    "long": "https://example.org/" + "x" * 1980,
    "upper": "HTTP://EXAMPLE.ORG/%E5%8D%AB",
}
for name, url in urls.items():
    d = json.loads(json.dumps(base))
    d["sources"][0]["url"] = url
    json.dump(d, open(f"{t}/{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
    open(f"{t}/{name}.url", "w", encoding="utf-8").write(url)
PYEOF
for j in "$T"/links/*.json; do
    name=$(basename "$j" .json)
    if ! out=$("$BIN" -o "$T/links/$name.pdf" "$j" 2>&1); then
        ko "archive: a source address ($name) renders" "$out"
        continue
    fi
    check "archive: a source address ($name) reads back exactly as the link's /URI, valid PDF" sh -c "
        qpdf --check '$T/links/$name.pdf' >/dev/null && '$PY' tests/check_pdfa.py '$T/links/$name.pdf' --links 1 &&
        '$PY' -c 'import json, subprocess, sys
j = json.loads(subprocess.run([\"qpdf\", \"--json\", sys.argv[1]], capture_output=True, check=True).stdout)
uris = [v[\"value\"][\"/A\"][\"/URI\"] for v in j[\"qpdf\"][1].values()
        if isinstance(v.get(\"value\"), dict) and isinstance(v[\"value\"].get(\"/A\"), dict)]
want = open(sys.argv[2], encoding=\"utf-8\").read()
got = [u[2:] if u.startswith(\"u:\") else bytes.fromhex(u[2:]).decode(\"latin-1\") for u in uris]
sys.exit(0 if got == [want] else \"got %r, want %r\" % (got, want))' '$T/links/$name.pdf' '$T/links/$name.url'"
done
