#!/usr/bin/python3
"""make-fonts.py — prepares the project's fonts from Debian's fonts-noto-cjk.

    tools/make-fonts.py OUTDIR

For each of Noto Sans CJK SC and Noto Serif CJK SC, Regular and Bold: takes
the SC face out of the 19-27 MB collection, keeps the characters an office
needs (ASCII and Latin-1, general punctuation, CJK symbols and punctuation,
full-width forms, arrows and geometric shapes, and the 6 763 hanzi of
GB 2312), removes the CFF subroutines and the hinting, and renames the
family (Factsheet Sans SC, Factsheet Serif SC), as the SIL Open Font
License asks of a modified version.

Why: cairo 1.16 copies every CFF subroutine of a face into each PDF subset
(the 2025 sheet was 340 KB), and FreeType spends most of a render loading
glyphs through them. Without subroutines a subset holds only what it draws.
Characters outside the prepared set fall back to the full Noto face, so
rare names still print; a character neither has is an error.
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

NOTO = "/usr/share/fonts/opentype/noto"
FACES = [  # collection, face index of SC, output file, family, style
    ("NotoSansCJK-Regular.ttc", "FactsheetSansSC-Regular.otf", "Factsheet Sans SC", "Regular"),
    ("NotoSansCJK-Bold.ttc", "FactsheetSansSC-Bold.otf", "Factsheet Sans SC", "Bold"),
    ("NotoSerifCJK-Regular.ttc", "FactsheetSerifSC-Regular.otf", "Factsheet Serif SC", "Regular"),
    ("NotoSerifCJK-Bold.ttc", "FactsheetSerifSC-Bold.otf", "Factsheet Serif SC", "Bold"),
]


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


def rename(font, family, style):
    ps = family.replace(" ", "") + "-" + style
    for rec in list(font["name"].names):
        if rec.nameID in (1, 16):
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


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    chars = office_characters()
    for coll, name, family, style in FACES:
        font = sc_face(TTCollection(os.path.join(NOTO, coll)))
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
        rename(font, family, style)
        path = os.path.join(out, name)
        font.recalcTimestamp = False  # the same bytes on every run
        font.save(path, reorderTables=True)
        print(f"{path}: {os.path.getsize(path)} bytes, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main()
