#!/bin/sh
# check-layers.sh — the "one home per library" rule of STYLE.md:
# Jansson only in the model loaders (src/model/load*.c, jsonin.[ch]); Pango and fontconfig only in
# the text module, src/typeset/text*.c and its private src/typeset/text_priv.h (text.c,
# text_fonts.c, text_cache.c, text_lines.c, text_spacing.c, text_draw.c; not cjk.c, which
# works on plain UTF-8); Cairo only there and in src/render/; libqpdf only in
# src/render/pdfpost.c (the archive pass); for OFD, libzip only in
# src/render/ofd_zip.c, libxml2 in ofd_xml.c, hb-subset in ofd_font.c (their headers in
# ofd_libs.h, which opens the three when an OFD is first written). Calls go downward:
# base includes nothing of ours above it, model only base, typeset only base.
set -u
bad=""
for f in $(find src -name '*.c' -o -name '*.h' | sort) $(find include -name '*.h' | sort); do
    case $f in src/model/load*.c | src/model/edit*.c | src/model/jsonin.c | src/model/jsonin.h) ;; *) grep -q '#include <jansson' "$f" && bad="$bad $f(jansson)" ;; esac
    case $f in src/typeset/text*.c | src/typeset/text_priv.h) ;; *) grep -q '#include <\(pango\|fontconfig\)' "$f" && bad="$bad $f(pango/fontconfig)" ;; esac
    case $f in src/typeset/text*.c | src/typeset/text_priv.h | src/render/*) ;; *) grep -q '#include <cairo' "$f" && bad="$bad $f(cairo)" ;; esac
    case $f in src/render/pdfpost.c) ;; *) grep -q '#include <qpdf' "$f" && bad="$bad $f(qpdf)" ;; esac
    case $f in src/render/ofd_libs.h) ;; *) grep -q '#include <\(zip\|libxml/\|hb-subset\)' "$f" && bad="$bad $f(libzip/libxml2/hb-subset headers)" ;; esac
    case $f in src/render/ofd_font.c | src/render/ofd_libs.h) ;; *) grep -q '#include <hb' "$f" && bad="$bad $f(harfbuzz)" ;; esac
    case $f in src/render/ofd_zip.c | src/render/ofd_libs.*) ;; *) grep -qE '\bzip_[a-z_]+\(' "$f" && bad="$bad $f(libzip)" ;; esac
    case $f in src/render/ofd_xml.c | src/render/ofd_libs.*) ;; *) grep -qE '\bxml(TextWriter|Buffer|NewTextWriter|FreeTextWriter)[A-Za-z]*\(' "$f" && bad="$bad $f(libxml2)" ;; esac
    case $f in src/render/ofd_font.c | src/render/ofd_libs.*) ;; *) grep -qE '\bhb_subset_[a-z_]+\(' "$f" && bad="$bad $f(hb-subset)" ;; esac
    case $f in
    */base/*) grep -q '#include "\(model\|typeset\|layout\|render\)/' "$f" && bad="$bad $f(base calls up)" ;;
    */cmd/*) grep -q '#include "\(typeset\|layout\|render\)/' "$f" && bad="$bad $f(cmd calls layout)" ;;
    */model/*) grep -q '#include "\(typeset\|layout\|render\)/' "$f" && bad="$bad $f(model calls up)" ;;
    */typeset/*) grep -q '#include "\(model\|layout\|render\)/' "$f" && bad="$bad $f(typeset calls up)" ;;
    */layout/*) grep -q '#include "render/' "$f" && bad="$bad $f(layout calls up)"
        # the layout reads no file: main loads the data and hands it down
        grep -qE '\b(fopen|open|read_file|sheet_load|history_load|book_notes_load|targets_load_dir)\(' "$f" &&
            bad="$bad $f(layout reads a file)" ;;
    esac
done
if [ -n "$bad" ]; then
    echo "check-layers: a library or layer used outside its home:$bad"
    exit 1
fi
# Functions that overflow or fail silently (as curl bans them): use
# snprintf, memcpy with a known size, strtol.
banned=$(grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strncat|gets|atoi|atol|atof)\(' src/*.c src/*/*.c tests/tools/*.c bench/*.c | grep -v '^\s*/\*')
if [ -n "$banned" ]; then
    echo "check-layers: banned function:"
    echo "$banned"
    exit 1
fi
