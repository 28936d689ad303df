# tests/ofd.inc.sh — --format ofd (GB/T 33190-2016). Sourced by tests/run.sh
# at its end: uses ok/ko/check/skipped, $BIN, $BUILD, $T, $PY.
#
# Every package is read back by tests/check_ofd.py (zipfile + ElementTree,
# nothing of ours) against the PDF of the same sheet: every required
# element, every reference, the fonts, the text a reader extracts (the
# PDF's, per page) and where each word starts (the PDF's, ±0.3 pt). Then the
# pages are drawn twice: by tests/ofd_to_svg.py (ours) and by ofd.js (npm, an
# independent reader, in headless chromium; see README, "OFD").

mkdir -p "$T/ofd"
for json in data/*.json; do
    y=$(basename "$json" .json)
    [ -f "$T/ofd/$y.pdf" ] || "$BIN" -o "$T/ofd/$y.pdf" "$json" 2>/dev/null
    if out=$("$BIN" --format ofd -o "$T/ofd/$y.ofd" "$json" 2>&1) && [ -z "$out" ]; then
        check "ofd $y: every required element and reference; text and word positions as in the PDF" \
            "$PY" tests/check_ofd.py "$T/ofd/$y.ofd" "$T/ofd/$y.pdf"
    else
        ko "ofd $y: renders (no warnings)" "$out"
    fi
done

# every style, paper and grayscale, on the newest sheet
for v in "gongwen:--style gongwen --attachment 2 --first-page 5" "gray:--grayscale" \
    "a3:--paper A3" "gongwen-gray:--style gongwen --grayscale"; do
    n=${v%%:*}
    args=${v#*:}
    gray=""
    case $n in *gray) gray=--gray ;; esac
    # shellcheck disable=SC2086 # args holds options, split on purpose
    "$BIN" $args -o "$T/ofd/$n.pdf" data/2025.json 2>/dev/null
    # shellcheck disable=SC2086
    if out=$("$BIN" $args --format ofd -o "$T/ofd/$n.ofd" data/2025.json 2>&1); then
        check "ofd $args: read back against its PDF" \
            "$PY" tests/check_ofd.py "$T/ofd/$n.ofd" "$T/ofd/$n.pdf" $gray
    else
        ko "ofd $args: renders" "$out"
    fi
done

# the book: outline, links between pages
"$BIN" --book -o "$T/ofd/book.pdf" data/2025.json 2>/dev/null
if out=$("$BIN" --book --format ofd -o "$T/ofd/book.ofd" data/2025.json 2>&1); then
    check "ofd --book: outline, links and every page read back against the book's PDF" \
        "$PY" tests/check_ofd.py "$T/ofd/book.ofd" "$T/ofd/book.pdf"
    check "ofd --book: the outline and the links are there" sh -c \
        "unzip -p '$T/ofd/book.ofd' Doc_0/Document.xml | grep -q '<ofd:OutlineElem' &&
         unzip -p '$T/ofd/book.ofd' 'Doc_0/Pages/Page_1/Content.xml' | grep -q '<ofd:Goto>'"
else
    ko "ofd --book: renders" "$out"
fi
check "ofd --book without -o writes out/trends.ofd, not over the PDF's name" sh -c \
    "cd '$T/ofd' && mkdir -p bk/data && cp '$OLDPWD'/data/*.json bk/data/ &&
     cp -r '$OLDPWD'/data/book bk/data/ 2>/dev/null; cp -r '$OLDPWD'/data/targets bk/data/ 2>/dev/null;
     cd bk && '$BIN' --book --format ofd data/2025.json 2>/dev/null && [ -f out/trends.ofd ] && [ ! -e out/trends.pdf ]"

# a draft: the 草稿 watermark is turned text (a TextObject with a CTM)
"$PY" - "$T/ofd/2026.json" <<'PYEOF'
import json, sys
d = json.load(open("tests/good/minimal.json", encoding="utf-8"))
d["year"] = 2026
d["indicators"][0]["value"] = None
d["indicators"][0]["source"] = {"file": "", "quote": ""}
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PYEOF
(cd "$T/ofd" && "$BIN" --draft -o draft.pdf 2026.json 2>/dev/null)
if out=$(cd "$T/ofd" && "$BIN" --draft --format ofd -o draft.ofd 2026.json 2>&1 >/dev/null); then
    check "ofd --draft: read back against its PDF, the 草稿 watermark turned by a CTM" sh -c \
        "'$PY' tests/check_ofd.py '$T/ofd/draft.ofd' '$T/ofd/draft.pdf' &&
         unzip -p '$T/ofd/draft.ofd' Doc_0/Pages/Page_0/Content.xml | grep -q 'CTM=\"0.853 -0.523 0.523 0.853 '"
else
    ko "ofd --draft: renders" "$out"
fi

# the same bytes every time, in every time zone; the date rule of the PDF
y=2025
"$BIN" --format ofd -o "$T/ofd/again.ofd" data/$y.json 2>/dev/null
check "ofd: two renders are byte-identical" cmp "$T/ofd/$y.ofd" "$T/ofd/again.ofd"
TZ=Asia/Shanghai "$BIN" --format ofd -o "$T/ofd/tz1.ofd" data/$y.json 2>/dev/null
TZ=America/Los_Angeles "$BIN" --format ofd -o "$T/ofd/tz2.ofd" data/$y.json 2>/dev/null
check "ofd: the same bytes in Asia/Shanghai and America/Los_Angeles" cmp "$T/ofd/tz1.ofd" "$T/ofd/tz2.ofd"
SOURCE_DATE_EPOCH=1767225600 "$BIN" --format ofd -o "$T/ofd/sde.ofd" data/$y.json 2>/dev/null
check "ofd: SOURCE_DATE_EPOCH sets the CreationDate (2026-01-01) and the entries' date" sh -c \
    "unzip -p '$T/ofd/sde.ofd' OFD.xml | grep -q '<ofd:CreationDate>2026-01-01</ofd:CreationDate>' &&
     unzip -l '$T/ofd/sde.ofd' | grep -q '2026-01-01 12:00 *OFD.xml'"

# bad input and unwritable output: an error, no package, the old one untouched
cp "$T/ofd/$y.ofd" "$T/ofd/keep.ofd"
rm -f "$T/ofd/bad.ofd"
err=$(cd tests/bad/bad-date && LANG=C.UTF-8 LANGUAGE= "$BIN" --format ofd -o "$T/ofd/bad.ofd" input.json 2>&1 >/dev/null)
rc=$?
if [ $rc -eq 1 ] && [ "$err" = "$(cat tests/bad/bad-date/expected)" ] && [ ! -e "$T/ofd/bad.ofd" ] &&
    ! ls -a "$T/ofd" | grep -q '^\.bad\.ofd\.'; then
    ok "ofd: bad input gives the PDF's message, exit 1, no package and no temporary file"
else
    ko "ofd: bad input gives the PDF's message, exit 1, no package and no temporary file" "status $rc: $err"
fi
(cd tests/bad/bad-date && "$BIN" --format ofd -o "$T/ofd/keep.ofd" input.json 2>/dev/null)
check "ofd: a failed run leaves the previous package untouched" cmp "$T/ofd/$y.ofd" "$T/ofd/keep.ofd"
check "ofd: an unwritable folder is an error naming it, exit 1" sh -c \
    "out=\$('$BIN' --format ofd -o '$T/ofd/no/such/dir/x.ofd' data/$y.json 2>&1); rc=\$?;
     [ \$rc -eq 1 ] && printf '%s' \"\$out\" | grep -q 'no/such/dir'"

# the reader must be able to fail: a package with a glyph moved, a font
# missing, or a TextCode that is not the PDF's text is refused
"$PY" - "$T/ofd/$y.ofd" "$T/ofd" <<'PYEOF'
import re, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(src)
def write(name, change):
    with zipfile.ZipFile("%s/%s.ofd" % (out, name), "w", zipfile.ZIP_DEFLATED) as w:
        for i in z.infolist():
            data = z.read(i.filename)
            w.writestr(zipfile.ZipInfo(i.filename, i.date_time), change(i.filename, data))
def shift(n, d):
    if n.endswith("Page_0/Content.xml"):
        return re.sub(rb'(<ofd:TextCode X=")([\d.]+)', lambda m: m.group(1) + b"%.3f" % (float(m.group(2)) + 1), d, count=3)
    return d
write("moved", shift)
write("nofont", lambda n, d: d.replace(b"<ofd:FontFile>font_", b"<ofd:FontFile>gone_") if n.endswith("PublicRes.xml") else d)
write("retext", lambda n, d: d.replace("株洲".encode(), "长沙".encode(), 1) if n.endswith("Page_0/Content.xml") else d)
PYEOF
for broken in moved nofont retext; do
    check "check_ofd.py refuses a package with a fault ($broken)" sh -c \
        "[ -s '$T/ofd/$broken.ofd' ] && ! '$PY' tests/check_ofd.py '$T/ofd/$broken.ofd' '$T/ofd/$y.pdf' >/dev/null"
done

# A second reading of the pages: tests/ofd_to_svg.py draws each page from the
# package alone (paths with their boundaries, clips, colours and dashes; text
# character by character at its TextCode positions), rsvg-convert rasterizes
# it at 72 dpi, and it must match the PDF page (pdftoppm) but for the
# antialiasing of text: at most 2.5 % of the pixels off by more than 96 of
# 255. A missing header, table or chart, or a wrong fill over an area, fail
# it; small things (a ring sector) do not. Ours, not an independent reader.
if command -v rsvg-convert >/dev/null 2>&1; then
    for n in 2025 gray gongwen book draft; do
        case $n in 2025) pdf=$T/ofd/2025.pdf ;; *) pdf=$T/ofd/$n.pdf ;; esac
        ofd=${pdf%.pdf}.ofd
        [ -f "$ofd" ] || continue
        pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
        bad=""
        for p in $(seq 1 "$pages"); do
            "$PY" tests/ofd_to_svg.py "$ofd" "$p" "$T/ofd/s.svg" &&
                FONTCONFIG_FILE=$(pwd)/fonts/fonts.conf rsvg-convert -d 72 -p 72 -b white \
                    "$T/ofd/s.svg" -o "$T/ofd/s.png" &&
                pdftoppm -r 72 -png -f "$p" -l "$p" -singlefile "$pdf" "$T/ofd/r" ||
                { bad="$bad page $p cannot be drawn;"; continue; }
            w=$(od -An -tu1 -j16 -N8 "$T/ofd/r.png" | awk '{ print ($1*16777216+$2*65536+$3*256+$4) * ($5*16777216+$6*65536+$7*256+$8) }')
            out=$("$BUILD/tests/imgdiff" "$T/ofd/r.png" "$T/ofd/s.png" \
                "out/test-diffs/ofd-$n-$p-diff.png" 96 $((w / 40)) 2>&1) || bad="$bad $out;"
        done
        if [ -z "$bad" ]; then
            ok "ofd $n: every page drawn from the package matches the PDF's ($pages pages)"
        else
            ko "ofd $n: every page drawn from the package matches the PDF's ($pages pages)" "$bad"
        fi
    done
else
    skipped "ofd pages drawn from the package" "no rsvg-convert (librsvg2-bin; make test installs it)"
fi

# An independent reader: ofd.js (npm, pinned by tests/ofdjs/package-lock.json,
# installed by make into out/ofdjs) draws every page in headless chromium,
# and each must match the PDF page by tests/ofd_reader.py's block measure
# (8x8 pixel blocks at 72 dpi, at most 24 off by more than 48 of 255). The
# reader draws text in the fonts fontconfig finds by family name: the
# project's, through fonts/fonts.conf. Two broken packages must fail it.
OFDJS=out/ofdjs/node_modules/ofd.js/lib/ofd.umd.js
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    skipped "ofd pages drawn by ofd.js" "no chromium or chromedriver (chromium, chromium-driver; make test installs them)"
elif [ ! -f "$OFDJS" ]; then
    skipped "ofd pages drawn by ofd.js" "no $OFDJS (make test installs it with npm ci; it could not)"
else
    ver=$(sed -n 's/^ *"version": "\([^"]*\)".*/\1/p' out/ofdjs/node_modules/ofd.js/package.json | head -n 1)
    "$PY" - "$T/ofd/$y.ofd" "$T/ofd" <<'PYEOF'
import re, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(src)
def write(name, change):
    with zipfile.ZipFile("%s/%s.ofd" % (out, name), "w", zipfile.ZIP_DEFLATED) as w:
        for i in z.infolist():
            w.writestr(zipfile.ZipInfo(i.filename, i.date_time), change(i.filename, z.read(i.filename)))
def drop_line(n, d):  # the first page's longest TextObject
    if not n.endswith("Page_0/Content.xml"):
        return d
    objs = re.findall(rb"<ofd:TextObject .*?</ofd:TextObject>", d, re.S)
    code = lambda o: re.search(rb">([^<]*)</ofd:TextCode>", o).group(1).decode()
    return d.replace(max(objs, key=lambda o: len(code(o))), b"", 1)
def recolor(n, d):  # the first page's first PathObject (the header band) red
    if not n.endswith("Page_0/Content.xml"):
        return d
    return re.sub(rb'(<ofd:PathObject .*?<ofd:FillColor Value=")[^"]*', rb"\g<1>200 30 30", d, count=1, flags=re.S)
write("noline", drop_line)
write("recolor", recolor)
PYEOF
    set --
    for j in data/*.json; do
        n=$(basename "$j" .json)
        [ -f "$T/ofd/$n.ofd" ] && set -- "$@" "$n" "$T/ofd/$n.ofd" "$T/ofd/$n.pdf"
    done
    for n in gray gongwen a3 book draft; do
        [ -f "$T/ofd/$n.ofd" ] && set -- "$@" "$n" "$T/ofd/$n.ofd" "$T/ofd/$n.pdf"
    done
    set -- "$@" noline "$T/ofd/noline.ofd" "$T/ofd/$y.pdf" recolor "$T/ofd/recolor.ofd" "$T/ofd/$y.pdf"
    out=$(FONTCONFIG_FILE=$(pwd)/fonts/fonts.conf "$PY" tests/ofd_reader.py "$OFDJS" out/test-diffs "$@" 2>&1)
    rc=$?
    if [ $rc -eq 2 ]; then
        ko "ofd.js $ver: headless chromium starts" "$out"
    else
        while [ $# -gt 0 ]; do
            n=$1
            shift 3
            pages=$(printf '%s\n' "$out" | grep -c "^$n page ")
            worst=$(printf '%s\n' "$out" | sed -n "s/^$n page [0-9]*: \([0-9]*\) of .*/\1/p" | sort -n | tail -n 1)
            case $n in
            noline | recolor)
                if printf '%s\n' "$out" | grep -qx "$n: FAIL"; then
                    ok "ofd.js $ver: a package with a fault ($n) does not match its PDF (${worst:-?} blocks off)"
                else
                    ko "ofd.js $ver: a package with a fault ($n) does not match its PDF" "$(printf '%s\n' "$out" | grep "^$n")"
                fi
                ;;
            *)
                if printf '%s\n' "$out" | grep -qx "$n: ok"; then
                    ok "ofd.js $ver draws ofd $n like its PDF ($pages pages, at most $worst of 24 blocks off)"
                else
                    ko "ofd.js $ver draws ofd $n like its PDF" "$(printf '%s\n' "$out" | grep "^$n")"
                fi
                ;;
            esac
        done
    fi
fi

if [ -z "${SANITIZE:-}" ] && command -v valgrind >/dev/null 2>&1; then
    mkdir -p "$T/ofd/vg"
    if out=$(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
        --suppressions=tests/valgrind.supp "$BIN" --format ofd -o "$T/ofd/vg" data/*.json 2>&1); then
        ok "valgrind: --format ofd over every data file, 0 errors, 0 bytes definitely lost"
    else
        ko "valgrind: --format ofd over every data file, 0 errors, 0 bytes definitely lost" "$out"
    fi
fi

# The OFD writer's libraries are opened when an OFD is written, never for a
# PDF; a library that cannot be used is a clear error and nothing is written.
if LD_DEBUG=files "$BIN" -o "$T/ofd/nolib.pdf" data/2025.json 2>&1 | grep -qE 'libzip|libxml2|libharfbuzz-subset'; then
    ko "a PDF run does not load the OFD libraries (libzip, libxml2, hb-subset)"
else
    ok "a PDF run does not load the OFD libraries (libzip, libxml2, hb-subset)"
fi
zip_so=$(readelf -d "$(pkg-config --variable=libdir libzip)/libzip.so" 2>/dev/null |
    sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
mkdir -p "$T/ofd/nolib"
if [ -n "$zip_so" ] && printf 'int not_libzip;\n' >"$T/ofd/nolib/stub.c" &&
    cc -shared -fPIC -o "$T/ofd/nolib/$zip_so" "$T/ofd/nolib/stub.c" 2>/dev/null; then
    rm -f "$T/ofd/nolib.ofd"
    err=$(LD_LIBRARY_PATH="$T/ofd/nolib" LANG=C.UTF-8 LANGUAGE= "$BIN" --format ofd -o "$T/ofd/nolib.ofd" data/2025.json 2>&1)
    rc=$?
    if [ "$rc" -eq 1 ] && [ "$err" = "$T/ofd/nolib.ofd: cannot write OFD: $zip_so has no function zip_close" ] &&
        [ ! -e "$T/ofd/nolib.ofd" ] && ! ls -a "$T/ofd" | grep -q '^\.nolib\.ofd\.'; then
        ok "ofd: a libzip without its functions is an error naming it, nothing written"
    else
        ko "ofd: a libzip without its functions is an error naming it, nothing written" "exit $rc: $err"
    fi
else
    skipped "ofd: a broken libzip" "no C compiler or no libzip soname"
fi
