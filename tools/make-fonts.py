#!/usr/bin/python3
"""make-fonts.py — prepares the project's fonts from Debian's fonts-noto-cjk
and the Fandol fonts of Debian's texlive-lang-chinese.

    tools/make-fonts.py OUTDIR FANDOL_DIR

FANDOL_DIR holds FandolFang-Regular.otf, FandolKai-Regular.otf and their
COPYING (tools/fetch-fandol.sh puts them there).

For each of Noto Sans CJK SC and Noto Serif CJK SC, Regular and Bold, and
FandolFang and FandolKai (the 仿宋 and 楷体 of the official style): takes
the SC face out of the collection (Noto), keeps the characters an office
needs (ASCII and Latin-1, general punctuation, CJK symbols and punctuation,
full-width forms, arrows and geometric shapes, and the 6 763 hanzi of
GB 2312), removes the CFF subroutines and the hinting, and renames the
family (Factsheet Sans SC, Factsheet Serif SC, Factsheet Fang SC,
Factsheet Kai SC): the SIL Open Font License asks it of a modified
version; the GPL of the Fandol fonts asks for a notice of the change and
its date, which the copyright string carries, and we extend its font
exception to our version, as the licence allows.

Why: cairo 1.16 copies every CFF subroutine of a face into each PDF subset
(the 2025 sheet was 340 KB), and FreeType spends most of a render loading
glyphs through them. Without subroutines a subset holds only what it draws.
Characters outside the prepared set fall back to the full Noto face, so
rare names still print; a character neither has is an error.
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

NOTO = "/usr/share/fonts/opentype/noto"
FACES = [  # source (a Noto collection or a Fandol font), output file, family, style
    ("NotoSansCJK-Regular.ttc", "FactsheetSansSC-Regular.otf", "Factsheet Sans SC", "Regular"),
    ("NotoSansCJK-Bold.ttc", "FactsheetSansSC-Bold.otf", "Factsheet Sans SC", "Bold"),
    ("NotoSerifCJK-Regular.ttc", "FactsheetSerifSC-Regular.otf", "Factsheet Serif SC", "Regular"),
    ("NotoSerifCJK-Bold.ttc", "FactsheetSerifSC-Bold.otf", "Factsheet Serif SC", "Bold"),
    ("FandolFang-Regular.otf", "FactsheetFangSC-Regular.otf", "Factsheet Fang SC", "Regular"),
    ("FandolKai-Regular.otf", "FactsheetKaiSC-Regular.otf", "Factsheet Kai SC", "Regular"),
]
# The date of our change to the Fandol fonts, as GPL-3.0 section 5a asks;
# fixed, so that the same sources give the same bytes.
FANDOL_CHANGED = "2026-12-02"
FANDOL_NOTICE = (
    "Copyright \u00a9 2012-2013, the Fandol team. Modified by the factsheet project on "
    + FANDOL_CHANGED + ": cut to GB 2312 and office symbols, CFF subroutines and hinting "
    "removed, renamed (tools/make-fonts.py).")
FANDOL_LICENSE = (
    "GNU General Public License version 3, with the font exception: if you create a document "
    "which uses this font, and embed this font or unaltered portions of this font into the "
    "document, this font does not by itself cause the resulting document to be covered by the "
    "GNU General Public License. This exception does not however invalidate any other reasons "
    "why the document might be covered by the GNU General Public License. (The exception is "
    "extended to this modified version.)")


def office_characters():
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    for lo, hi in [(0x2000, 0x2070), (0x2100, 0x2200), (0x2190, 0x2200), (0x2200, 0x2300),
                   (0x2460, 0x2500), (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
        chars |= set(range(lo, hi))
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([b1, b2]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def sc_face(collection):
    for font in collection.fonts:
        if font["name"].getDebugName(1).endswith("CJK SC") and "Mono" not in font["name"].getDebugName(1):
            return font
    raise SystemExit("no SC face in the collection")


def rename(font, family, style, fandol):
    ps = family.replace(" ", "") + "-" + style
    for rec in list(font["name"].names):
        if fandol and rec.nameID == 0:
            rec.string = FANDOL_NOTICE
        elif fandol and rec.nameID == 13:
            rec.string = FANDOL_LICENSE
        elif rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = f"{family} {style}"
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 3:
            rec.string = f"{ps};factsheet"
        elif rec.nameID in (17, 2):
            rec.string = style
    cff = font["CFF "].cff
    cff.fontNames = [ps]
    top = cff.topDictIndex[0]
    for key in ("FullName", "FamilyName"):
        if hasattr(top, key):
            setattr(top, key, f"{family} {style}" if key == "FullName" else family)
    if fandol:
        for key in ("Notice", "Copyright"):
            if hasattr(top, key):
                setattr(top, key, FANDOL_NOTICE.replace("\u00a9", "(c)"))


def main():
    out, fandol_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    chars = office_characters()
    for source, name, family, style in FACES:
        fandol = source.startswith("Fandol")
        font = (TTFont(os.path.join(fandol_dir, source)) if fandol
                else sc_face(TTCollection(os.path.join(NOTO, source))))
        opts = subset.Options()
        opts.desubroutinize = True
        opts.hinting = False
        opts.layout_features = ["kern", "halt", "palt", "locl", "ccmp", "fwid", "hwid", "pwid"]
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.glyph_names = False
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=chars)
        sub.subset(font)
        rename(font, family, style, fandol)
        path = os.path.join(out, name)
        font.recalcTimestamp = False  # the same bytes on every run
        font.save(path, reorderTables=True)
        print(f"{path}: {os.path.getsize(path)} bytes, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main()
