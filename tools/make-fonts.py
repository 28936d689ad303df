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
GB 2312), keeps only the Simplified Chinese language systems of the layout
tables, removes the CFF subroutines and the hinting, numbers the glyphs in
the order of their characters, and renames the
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
    + FANDOL_CHANGED + ": cut to GB 2312, office symbols and the Simplified Chinese layout, "
    "CFF subroutines and hinting removed, glyphs renumbered, renamed (tools/make-fonts.py).")
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


def chinese_only(font):
    """Drops the language systems other than Simplified Chinese (and each
    script's default) from the layout tables, before the cut: their locl
    lookups (Japanese, Korean, Traditional Chinese forms) reach some 6 000
    glyphs that a zh-CN text never draws, and cairo copies a face's whole
    CFF table into memory for every PDF it writes."""
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for rec in font[tag].table.ScriptList.ScriptRecord:
            script = rec.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag == "ZHS "]
            script.LangSysCount = len(script.LangSysRecord)


def unicode_order(font):
    """Renumbers the glyphs in the order of the characters they draw (the
    rest after them, as they were). Why: for every new glyph of every PDF,
    cairo 1.16 looks its character up backwards in the (3,1) cmap subtable
    (_cairo_truetype_index_to_ucs4), scanning the segments; with glyph ids in
    character order every segment maps by a constant delta, so the scan
    finds it in the first pass, and the table is 16 % smaller.

    The glyphs' names (their CIDs) stay; the CFF charstrings, FDSelect and
    the layout tables' coverage lists (with the records aligned to them)
    follow the new order."""
    old = font.getGlyphOrder()
    first = {}
    for code, glyph in sorted(font.getBestCmap().items()):
        first.setdefault(glyph, code)
    new = ([old[0]] + sorted((g for g in old[1:] if g in first), key=first.get) +
           [g for g in old[1:] if g not in first])
    if new == old:
        return
    top = font["CFF "].cff.topDictIndex[0]
    charstrings = top.CharStrings
    for g in top.charset:  # decompile every charstring before the index moves
        charstrings[g]
    where = {g: i for i, g in enumerate(top.charset)}
    moved = [where[g] for g in new]
    index = charstrings.charStringsIndex
    index.items = [index.items[i] for i in moved]
    for attr in ("file", "offsets"):
        if hasattr(index, attr):
            delattr(index, attr)
    if hasattr(top, "FDSelect"):
        top.FDSelect.format = None
        top.FDSelect.gidArray = [top.FDSelect.gidArray[i] for i in moved]
    charstrings.charStrings = {g: i for i, g in enumerate(new)}
    top.charset = new
    top.numGlyphs = len(new)
    for tag in ("GSUB", "GPOS", "hmtx", "vmtx", "cmap", "VORG", "head"):
        if tag in font:
            font[tag]  # decompiled by name before the ids change
    font.setGlyphOrder(new)
    gid = {g: i for i, g in enumerate(new)}
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for lookup in font[tag].table.LookupList.Lookup:
            for sub in lookup.SubTable:
                sub = getattr(sub, "ExtSubTable", sub)
                resort(sub, gid)


def resort(sub, gid):
    """Sorts a subtable's coverage by the new glyph ids, with what is
    aligned to it; dict-based subtables (substitutions, class definitions)
    are sorted by fontTools when written."""
    name = type(sub).__name__
    cov = getattr(sub, "Coverage", None)
    if cov is None:
        return
    glyphs = cov.glyphs
    order = sorted(range(len(glyphs)), key=lambda i: gid[glyphs[i]])
    cov.glyphs = [glyphs[i] for i in order]
    if name == "SinglePos" and sub.Format == 2:
        sub.Value = [sub.Value[i] for i in order]
    elif name == "PairPos" and sub.Format == 1:
        sub.PairSet = [sub.PairSet[i] for i in order]
        for ps in sub.PairSet:
            ps.PairValueRecord.sort(key=lambda r: gid[r.SecondGlyph])
    elif name in ("SinglePos", "PairPos", "SingleSubst", "LigatureSubst", "MultipleSubst",
                  "AlternateSubst"):
        pass  # Format 1 SinglePos, Format 2 PairPos: nothing aligned; the rest are dicts
    else:
        raise SystemExit(f"unicode_order: a {name} subtable, not handled")


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
        chinese_only(font)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=chars)
        sub.subset(font)
        unicode_order(font)
        rename(font, family, style, fandol)
        path = os.path.join(out, name)
        font.recalcTimestamp = False  # the same bytes on every run
        font.save(path, reorderTables=True)
        print(f"{path}: {os.path.getsize(path)} bytes, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main()
