# tests/cli.inc.sh — the office's yearly routine, as a user runs it:
# `factsheet new`, `factsheet import`, `make install` / `make uninstall` and
# the manual page. Sourced by tests/run.sh at its end (from the repository
# root), with ok, ko, check, skipped, $BIN, $T and $PY. Test data live in
# tests/cli/: indicators.csv (UTF-8 with a byte-order mark, CRLF, quoted
# fields with commas, doubled quotes and a line break), bad.csv and
# bad-header.csv with the exact messages expected for them.
#
# Names here start with cli_ so that nothing of run.sh is overwritten.

cli_root=$(pwd)
cli=$T/cli
mkdir -p "$cli/data"
# Messages in English whatever the tester's locale, as the expected files hold them.
cli_env="env LC_ALL=C.UTF-8 LANGUAGE="

# ---- factsheet new -------------------------------------------------------------
cp data/2025.json "$cli/data/"
cp -r data/targets "$cli/data/"
$cli_env "$BIN" new 2026 --from "$cli/data/2025.json" 2>"$cli/new.err"
cli_rc=$?
if [ $cli_rc -eq 0 ] && [ -f "$cli/data/2026.json" ]; then
    ok "new 2026 --from 2025.json writes 2026.json beside it"
else
    ko "new 2026 --from 2025.json writes 2026.json beside it" "exit $cli_rc: $(cat "$cli/new.err")"
fi
check "new: 2026.json has 2025's sections, charts and ids, every value null, every source empty" \
    "$PY" - "$cli/data/2025.json" "$cli/data/2026.json" <<'PYEOF'
import json, sys
old = json.load(open(sys.argv[1], encoding="utf-8"))
raw = open(sys.argv[2], encoding="utf-8").read()
new = json.loads(raw)
problems = []
def want(cond, what):
    if not cond:
        problems.append(what)
want(raw.startswith('{\n  "$schema": "../schema/factsheet.schema.json",\n  "year": 2026,\n'),
     "2-space layout starting with $schema and year")
want(raw == json.dumps(new, indent=2, ensure_ascii=False) + "\n",
     "the layout of json.dumps(indent=2) (Jansson's JSON_INDENT(2)) and a final newline")
want("\\u" not in raw, "UTF-8 unescaped")
want(new["title"] == old["title"].replace("2025", "2026"), "title with the year replaced: " + new["title"])
for key in ("$schema", "subtitle", "issuer", "date"):
    want(new.get(key) == old.get(key), key + " kept")
want(new["sources"] == [], "sources emptied")
want([i["id"] for i in new["indicators"]] == [i["id"] for i in old["indicators"]], "same ids in order")
for i, (a, b) in enumerate(zip(old["indicators"], new["indicators"])):
    want(b["value"] is None, "indicators[%d].value null" % i)
    want(b["source"] == {"file": "", "quote": ""}, "indicators[%d].source empty" % i)
    want("qualifier" not in b, "indicators[%d] without qualifier" % i)
    for key in ("label", "unit", "better"):
        want(b.get(key) == a.get(key), "indicators[%d].%s kept" % (i, key))
    want("note" not in b, "indicators[%d].note removed (last year's facts)" % i)
    want(list(b) == [k for k in a if k not in ("qualifier", "note", "as_of")],
         "indicators[%d] keys in order" % i)
want(len(new["sections"]) == len(old["sections"]), "same sections")
for s, (sa, sb) in enumerate(zip(old["sections"], new["sections"])):
    want(sa["title"] == sb["title"], "sections[%d].title kept" % s)
    want([b["type"] for b in sa["blocks"]] == [b["type"] for b in sb["blocks"]], "sections[%d] blocks" % s)
    for k, (ba, bb) in enumerate(zip(sa["blocks"], sb["blocks"])):
        where = "sections[%d].blocks[%d]" % (s, k)
        if ba["type"] in ("text", "note"):
            want(bb["text"] == "", where + ".text emptied")
        else:
            want(ba.get("items") == bb.get("items") and ba.get("series") == bb.get("series"),
                 where + " items kept")
        if ba["type"] in ("bar", "hbar", "line", "ring", "bullet"):
            want(bb["title"] == "", where + ".title emptied (last year's finding)")
            want("note" not in bb, where + ".note removed")
if problems:
    print("\n".join(problems))
    sys.exit(1)
PYEOF
check "new: the summary names what is left to fill in" \
    grep -q '^  48 figures with their sources' "$cli/new.err"
$cli_env "$BIN" --check "$cli/data/2026.json" >"$cli/check.out" 2>&1
cli_rc=$?
if [ $cli_rc -eq 1 ] && [ -s "$cli/check.out" ]; then
    ok "new: --check on the new file exits 1 and lists what is missing"
else
    ko "new: --check on the new file exits 1 and lists what is missing" \
        "exit $cli_rc: $(head -n 5 "$cli/check.out")"
fi
if "$PY" -c 'import jsonschema' 2>/dev/null; then
    if cli_out=$("$PY" tests/schema_check.py "$cli/data/2026.json" 2>&1); then
        ok "new: the new file validates against schema/factsheet.schema.json"
    else
        ko "new: the new file validates against schema/factsheet.schema.json" \
            "the schema must accept a draft (null values, empty sources and texts; see issue 8):
$(printf '%s\n' "$cli_out" | head -n 4)
... $(printf '%s\n' "$cli_out" | wc -l) problems"
    fi
else
    skipped "new: the new file validates against the schema" "python3-jsonschema missing"
fi
cp "$cli/data/2026.json" "$cli/2026.orig"
$cli_env "$BIN" new 2026 --from "$cli/data/2025.json" 2>"$cli/new2.err"
cli_rc=$?
if [ $cli_rc -eq 1 ] && cmp -s "$cli/data/2026.json" "$cli/2026.orig" &&
    grep -q 'already exists; use --force' "$cli/new2.err"; then
    ok "new: refuses to overwrite an existing file"
else
    ko "new: refuses to overwrite an existing file" "exit $cli_rc: $(cat "$cli/new2.err")"
fi
echo '{"changed": true}' >"$cli/data/2026.json"
check "new --force replaces it" sh -c \
    "$cli_env '$BIN' new 2026 --from '$cli/data/2025.json' --force 2>/dev/null && cmp '$cli/data/2026.json' '$cli/2026.orig'"
mkdir -p "$cli/elsewhere"
check "new -o DIR writes DIR/YEAR.json" sh -c \
    "$cli_env '$BIN' new 2027 --from '$cli/data/2025.json' -o '$cli/elsewhere' 2>/dev/null && test -f '$cli/elsewhere/2027.json'"
check "new: a year that is not one is a usage error (2)" sh -c \
    "$cli_env '$BIN' new 20x6 --from '$cli/data/2025.json' 2>/dev/null; test \$? -eq 2"
check "new: the --from file itself is never overwritten" sh -c \
    "$cli_env '$BIN' new 2025 --from '$cli/data/2025.json' --force 2>/dev/null; test \$? -eq 1 && cmp -s '$cli/data/2025.json' data/2025.json"

# ---- factsheet import ------------------------------------------------------------
cp "$cli/2026.orig" "$cli/utf8.json"
cp "$cli/2026.orig" "$cli/gbk.json"
iconv -f UTF-8 -t GB18030 tests/cli/indicators.csv >"$cli/indicators-gbk.csv"
$cli_env "$BIN" import tests/cli/indicators.csv --into "$cli/utf8.json" 2>"$cli/import-utf8.err"
cli_rc=$?
if [ $cli_rc -eq 0 ] && grep -qx "updated 17 indicators in $cli/utf8.json" "$cli/import-utf8.err"; then
    ok "import from UTF-8 CSV (BOM, CRLF, quoted fields): exit 0, \"updated 17 indicators\""
else
    ko "import from UTF-8 CSV (BOM, CRLF, quoted fields): exit 0, \"updated 17 indicators\"" \
        "exit $cli_rc: $(cat "$cli/import-utf8.err")"
fi
$cli_env "$BIN" import "$cli/indicators-gbk.csv" --into "$cli/gbk.json" 2>"$cli/import-gbk.err"
cli_rc=$?
if [ $cli_rc -eq 0 ] && grep -qx "$cli/indicators-gbk.csv: note: not UTF-8; read as GBK (GB18030)" \
    "$cli/import-gbk.err" && grep -qx "updated 17 indicators in $cli/gbk.json" "$cli/import-gbk.err"; then
    ok "import from the same CSV in GBK: exit 0, a note that it was read as GB18030"
else
    ko "import from the same CSV in GBK: exit 0, a note that it was read as GB18030" \
        "exit $cli_rc: $(cat "$cli/import-gbk.err")"
fi
check "import: UTF-8 and GBK give the same figures, exactly as written (2.30 stays 2.30)" \
    "$PY" - "$cli/utf8.json" "$cli/gbk.json" "$cli/2026.orig" <<'PYEOF'
import json, sys
def load(p):  # numbers as the text they were written with
    return json.load(open(p, encoding="utf-8"), parse_float=str, parse_int=str)
a, b, orig = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
problems = []
if a != b:
    problems.append("the UTF-8 and GBK imports differ")
ind = {i["id"]: i for i in a["indicators"]}
expect = {"vbp_savings": "2.30", "inpatient_cost_per_capita_decline": "2.10",
          "childcare_places": "1.90", "approval_days": "2.0", "admin_approvals": "12345",
          "urban_medical_groups": "5", "elderly_free_checkups": "19.2"}
for k, v in expect.items():
    if ind[k]["value"] != v:
        problems.append("%s: value %r, expected %s" % (k, ind[k]["value"], v))
if ind["vbp_savings"]["label"] != "集采节省药费":
    problems.append("vbp_savings: label not set")
if ind["test_mutual_recognition_cumulative"].get("qualifier") != "超":
    problems.append("qualifier 超 not set")
keys = list(ind["test_mutual_recognition_cumulative"])
if keys.index("qualifier") != keys.index("unit") + 1:
    problems.append("qualifier not right after unit: %s" % keys)
if ind["admin_approvals"]["source"] != {"file": "003_approvals.txt",
        "quote": "全年办理行政审批12,345件, 其中\"一件事一次办\"3120件"}:
    problems.append("quoted field with a comma and doubled quotes: %r" % ind["admin_approvals"]["source"])
if ind["child_health_clinics"]["source"]["quote"] != "开设“儿童保健门诊”50个,\n覆盖全部医共体":
    problems.append("quoted field with a line break: %r" % ind["child_health_clinics"]["source"]["quote"])
if a["sources"] != [{"file": "002_2026_report.txt", "title": ""}, {"file": "003_approvals.txt", "title": ""}]:
    problems.append("sources: %r" % a["sources"])
untouched = [i["id"] for i in a["indicators"] if i["value"] is None]
if len(untouched) != len(a["indicators"]) - 17:
    problems.append("%d indicators still null, expected %d" % (len(untouched), len(a["indicators"]) - 17))
if a["sections"] != orig["sections"]:
    problems.append("sections changed")
if problems:
    print("\n".join(problems))
    sys.exit(1)
PYEOF
check "import: the GBK and UTF-8 results are byte-identical" cmp "$cli/utf8.json" "$cli/gbk.json"
cp "$cli/utf8.json" "$cli/utf8.before"
$cli_env "$BIN" import tests/cli/indicators.csv --into "$cli/utf8.json" 2>"$cli/again.err"
check "import: importing the same table again changes nothing and says so" sh -c \
    "cmp -s '$cli/utf8.json' '$cli/utf8.before' && grep -q 'already holds these 17 indicators' '$cli/again.err'"
cp "$cli/2026.orig" "$cli/dry.json"
check "import --dry-run checks and writes nothing" sh -c \
    "$cli_env '$BIN' import --dry-run tests/cli/indicators.csv --into '$cli/dry.json' 2>/dev/null && cmp -s '$cli/dry.json' '$cli/2026.orig'"

# Bad rows: the exact messages, exit 1, and the data file byte for byte as it was.
for cli_case in bad bad-header; do
    mkdir -p "$cli/$cli_case"
    cp "$cli/2026.orig" "$cli/$cli_case/2026.json"
    cp "tests/cli/$cli_case.csv" "$cli/$cli_case/"
    (cd "$cli/$cli_case" && $cli_env "$BIN" import "$cli_case.csv" --into 2026.json 2>stderr)
    cli_rc=$?
    if [ $cli_rc -eq 1 ] && cli_diff=$(diff "tests/cli/$cli_case.expected" "$cli/$cli_case/stderr"); then
        ok "import $cli_case.csv: exit 1 with the exact message for every bad row"
    else
        ko "import $cli_case.csv: exit 1 with the exact message for every bad row" \
            "exit $cli_rc; diff expected got:
$(diff "tests/cli/$cli_case.expected" "$cli/$cli_case/stderr")"
    fi
    check "import $cli_case.csv: the data file is byte for byte unchanged, no temporary file left" \
        sh -c "cmp '$cli/$cli_case/2026.json' '$cli/2026.orig' && test -z \"\$(ls -A '$cli/$cli_case' | grep '^\\.')\""
done

# ---- make install / uninstall ------------------------------------------------------
cli_inst=$cli/inst
cli_share=$cli_inst/usr/share/factsheet
if make -s --no-print-directory -C "$cli_root" install DESTDIR="$cli_inst" PREFIX=/usr \
    >"$cli/install.out" 2>&1; then
    ok "make install DESTDIR=... PREFIX=/usr"
else
    ko "make install DESTDIR=... PREFIX=/usr" "$(tail -n 20 "$cli/install.out")"
fi
{
    echo usr/bin/factsheet
    echo usr/share/man/man1/factsheet.1
    for f in schema/*.json; do echo "usr/share/factsheet/schema/${f#schema/}"; done
    for f in fonts/fonts.conf fonts/*.otf fonts/OFL.txt fonts/Fandol-COPYING.txt fonts/README.md; do
        echo "usr/share/factsheet/fonts/${f#fonts/}"
    done
    for f in data/*.json; do echo "usr/share/factsheet/examples/${f#data/}"; done
    for f in data/targets/*.json; do echo "usr/share/factsheet/examples/targets/${f#data/targets/}"; done
    for f in data/book/*.json; do echo "usr/share/factsheet/examples/book/${f#data/book/}"; done
    for f in po/*.po; do
        lang=${f#po/}
        echo "usr/share/locale/${lang%.po}/LC_MESSAGES/factsheet.mo"
    done
} | LC_ALL=C sort >"$cli/install.expected"
(cd "$cli_inst" 2>/dev/null && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$cli/install.got"
if cli_diff=$(diff "$cli/install.expected" "$cli/install.got"); then
    ok "make install puts exactly the expected $(wc -l <"$cli/install.expected") files in place"
else
    ko "make install puts exactly the expected files in place" "diff expected got:
$cli_diff"
fi
check "installed binary is executable, the rest is not" sh -c \
    "test -x '$cli_inst/usr/bin/factsheet' && test -z \"\$(find '$cli_inst/usr/share' -type f -perm /111)\""
check "installed data files match the source tree" sh -c \
    "cmp man/factsheet.1 '$cli_inst/usr/share/man/man1/factsheet.1' && cmp fonts/fonts.conf '$cli_share/fonts/fonts.conf' && cmp data/2025.json '$cli_share/examples/2025.json'"
mkdir -p "$cli/run"
(cd "$cli/run" && $cli_env "$cli_inst/usr/bin/factsheet" -o x.pdf "$cli_root/data/2025.json" \
    >"$cli/run.out" 2>&1)
cli_rc=$?
if [ $cli_rc -eq 0 ] && pdfinfo "$cli/run/x.pdf" 2>/dev/null | grep -q '^Pages: *[1-9]'; then
    ok "the installed binary renders a sheet when run from another directory"
else
    ko "the installed binary renders a sheet when run from another directory" \
        "exit $cli_rc: $(cat "$cli/run.out")"
fi
# It must be the installed fonts it found: without them, it cannot render.
mv "$cli_share/fonts/fonts.conf" "$cli/fonts.conf.away"
(cd "$cli/run" && $cli_env "$cli_inst/usr/bin/factsheet" -o y.pdf "$cli_root/data/2025.json" \
    >/dev/null 2>&1)
cli_rc=$?
mv "$cli/fonts.conf.away" "$cli_share/fonts/fonts.conf"
check "... with the fonts of share/factsheet/fonts (it fails without them)" \
    sh -c "test $cli_rc -eq 1 && test ! -e '$cli/run/y.pdf'"
check "the installed examples check cleanly (with their targets/)" \
    "$cli_inst/usr/bin/factsheet" --check "$cli_share/examples/2025.json"
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
    cli_zh=$(cd "$cli/run" && LC_ALL=zh_CN.UTF-8 LANGUAGE= "$cli_inst/usr/bin/factsheet" 2>&1)
    cli_en=$(cd "$cli/run" && $cli_env "$cli_inst/usr/bin/factsheet" 2>&1)
    if [ -n "$cli_zh" ] && [ "$cli_zh" != "$cli_en" ]; then
        ok "the installed binary speaks Chinese under zh_CN.UTF-8 (share/locale)"
    else
        ko "the installed binary speaks Chinese under zh_CN.UTF-8 (share/locale)" "$cli_zh"
    fi
else
    skipped "installed Chinese messages" "no zh_CN.UTF-8 locale here"
fi
if make -s --no-print-directory -C "$cli_root" uninstall DESTDIR="$cli_inst" PREFIX=/usr \
    >"$cli/uninstall.out" 2>&1 && [ -z "$(find "$cli_inst" -type f)" ] && [ ! -e "$cli_share" ]; then
    ok "make uninstall removes every installed file and share/factsheet"
else
    ko "make uninstall removes every installed file and share/factsheet" \
        "$(cat "$cli/uninstall.out"; find "$cli_inst" -type f)"
fi

# ---- the manual page ------------------------------------------------------------
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
    check "man -l man/factsheet.1 renders" sh -c "LC_ALL=C.UTF-8 man -l man/factsheet.1 >/dev/null"
    cli_out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l man/factsheet.1 2>&1 >/dev/null)
    if [ -z "$cli_out" ]; then
        ok "man --warnings: the manual page renders without warnings"
    else
        ko "man --warnings: the manual page renders without warnings" "$cli_out"
    fi
    LC_ALL=C.UTF-8 MANWIDTH=2000 man -l man/factsheet.1 2>/dev/null >"$cli/man.txt"
    cli_missing=""
    for cli_opt in $( ("$BIN" --help; "$BIN" new --help; "$BIN" import --help) 2>/dev/null |
        grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -q -- "$cli_opt\\b" "$cli/man.txt" || cli_missing="$cli_missing $cli_opt"
    done
    if [ -z "$cli_missing" ]; then
        ok "the manual page documents every option of --help, new --help and import --help"
    else
        ko "the manual page documents every option of --help, new --help and import --help" \
            "missing:$cli_missing"
    fi
else
    skipped "manual page" "man or groff missing (apt-get install man-db groff-base)"
fi
