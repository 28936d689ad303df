#!/usr/bin/env python3
"""check_ofd.py OFD PDF [--gray] — reads an OFD package (GB/T 33190-2016)
back, with nothing of factsheet's code, and compares it with the PDF made
from the same layout:

- the package: OFD.xml first, every entry with the same fixed time, every
  XML part well formed and in the OFD namespace;
- every required element: DocBody/DocInfo (DocID, Title, Author,
  CreationDate as the PDF's), DocRoot; Document's CommonData (MaxUnitID,
  PageArea as the PDF's page size), Pages; PublicRes; each page's Content;
- every reference resolves: page BaseLocs, PublicRes, FontFiles, Font and
  ColorSpace IDs, outline and link destinations (PageID, Top on the page);
  IDs are unique and at most MaxUnitID;
- the fonts: each FontFile an OpenType font whose cmap holds every
  character drawn in it and whose glyph count covers every glyph id of the
  CGTransforms, which must account for every character; a letter or
  Han drawn one to one is the glyph the cmap gives it;
- a TextObject in a Bold font says Weight 700, one in another font no
  Weight (400): a reader that draws in its own fonts goes by it;
- TextCode: DeltaX one per character after the first; the text of each
  page, as a reader extracts it, is pdftotext's text of the PDF page
  (same characters, whitespace aside); every word pdftotext finds starts
  where the OFD puts that character (±0.3 pt);
- --gray: no colour but greys (the grayscale style's near-black ink with a
  trace of blue, 26 26 31, counts as grey).
Prints what is wrong and exits 1; silent and 0 when all holds."""
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

NS = "http://www.ofdspec.org/2016"
Q = lambda tag: "{%s}%s" % (NS, tag)
PT_PER_MM = 72 / 25.4
errors = []


def err(msg):
    errors.append(msg)


def floats(s):
    """An ST_Array of numbers, with OFD's "g N v" repetition expanded."""
    out, toks, i = [], s.split(), 0
    while i < len(toks):
        if toks[i] == "g":
            out += [float(toks[i + 2])] * int(toks[i + 1])
            i += 3
        else:
            out.append(float(toks[i]))
            i += 1
    return out


def sfnt_tables(data):
    n = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(n):
        tag, _, off, ln = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = data[off:off + ln]
    return tables


def cmap_chars(cmap):
    """Every code point a cmap maps (formats 4 and 12), with its glyph."""
    chars = {}
    n = struct.unpack(">H", cmap[2:4])[0]
    for i in range(n):
        _, _, off = struct.unpack(">HHI", cmap[4 + 8 * i:12 + 8 * i])
        fmt = struct.unpack(">H", cmap[off:off + 2])[0]
        if fmt == 4:
            segx2 = struct.unpack(">H", cmap[off + 6:off + 8])[0]
            seg = segx2 // 2
            ends = struct.unpack(">%dH" % seg, cmap[off + 14:off + 14 + segx2])
            starts = struct.unpack(">%dH" % seg, cmap[off + 16 + segx2:off + 16 + 2 * segx2])
            deltas = struct.unpack(">%dh" % seg, cmap[off + 16 + 2 * segx2:off + 16 + 3 * segx2])
            ro_at = off + 16 + 3 * segx2
            ros = struct.unpack(">%dH" % seg, cmap[ro_at:ro_at + segx2])
            for k in range(seg):
                for c in range(starts[k], ends[k] + 1):
                    if c == 0xFFFF:
                        continue
                    if ros[k] == 0:
                        g = (c + deltas[k]) & 0xFFFF
                    else:
                        at = ro_at + 2 * k + ros[k] + 2 * (c - starts[k])
                        g = struct.unpack(">H", cmap[at:at + 2])[0]
                        g = (g + deltas[k]) & 0xFFFF if g else 0
                    if g:
                        chars.setdefault(c, g)
        elif fmt == 12:
            ngroups = struct.unpack(">I", cmap[off + 12:off + 16])[0]
            for k in range(ngroups):
                s, e, g = struct.unpack(">III", cmap[off + 16 + 12 * k:off + 28 + 12 * k])
                for c in range(s, e + 1):
                    chars.setdefault(c, g + c - s)
    return chars


def pdf_info(pdf):
    out = subprocess.run(["pdfinfo", "-isodates", pdf], capture_output=True, text=True,
                         check=True).stdout
    info = {}
    for line in out.splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    return info


def pdf_words(pdf, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                         r'(.*?)</word>', out):
        text = m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") \
            .replace("&quot;", '"').replace("&apos;", "'")
        words.append((float(m.group(1)), float(m.group(2)), float(m.group(3)),
                      float(m.group(4)), text))
    return words


def mul(a, b):
    """The CTM a followed by b (both a b c d e f)."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gray = "--gray" in sys.argv
    ofd_path, pdf = args
    z = zipfile.ZipFile(ofd_path)
    names = z.namelist()
    if not names or names[0] != "OFD.xml":
        err("OFD.xml is not the package's first entry: %s" % names[:3])
    times = {i.date_time for i in z.infolist()}
    if len(times) != 1:
        err("entries carry different times: %s" % sorted(times))

    def xml(name):
        if name not in names:
            err("missing part %s" % name)
            return None
        try:
            root = ET.fromstring(z.read(name))
        except ET.ParseError as e:
            err("%s is not well-formed XML: %s" % (name, e))
            return None
        if not root.tag.startswith("{%s}" % NS):
            err("%s: root %s is not in the OFD namespace" % (name, root.tag))
        return root

    info = pdf_info(pdf)
    ids = Counter()

    def collect_ids(root, part):
        for e in root.iter():
            if "ID" in e.attrib and e.tag != Q("Dest"):
                ids[int(e.attrib["ID"])] += 1

    # OFD.xml
    entry = xml("OFD.xml")
    if entry is None:
        return
    if entry.get("Version") != "1.0" or entry.get("DocType") != "OFD":
        err("OFD.xml: Version/DocType are %s/%s" % (entry.get("Version"), entry.get("DocType")))
    body = entry.find(Q("DocBody"))
    di = body.find(Q("DocInfo")) if body is not None else None
    if di is None:
        err("OFD.xml: no DocBody/DocInfo")
        return
    docid = di.findtext(Q("DocID")) or ""
    if not re.fullmatch(r"[0-9a-f]{32}", docid):
        err("DocID %r is not 32 hex digits" % docid)
    for tag, key in (("Title", "Title"), ("Author", "Author"), ("Subject", "Subject")):
        if (di.findtext(Q(tag)) or "") != info.get(key, ""):
            err("DocInfo/%s %r differs from the PDF's %r" % (tag, di.findtext(Q(tag)), info.get(key)))
    if di.findtext(Q("CreationDate")) != info.get("CreationDate", "")[:10]:
        err("CreationDate %s is not the PDF's %s" % (di.findtext(Q("CreationDate")),
                                                     info.get("CreationDate")))
    kw = [k.text for k in di.iter(Q("Keyword"))]
    if kw != [k.strip() for k in info.get("Keywords", "").split(";") if k.strip()]:
        err("Keywords %s differ from the PDF's %s" % (kw, info.get("Keywords")))
    docroot = body.findtext(Q("DocRoot"))
    if not docroot:
        err("OFD.xml: no DocRoot")
        return
    base = docroot.rsplit("/", 1)[0] + "/"

    # Document.xml
    document = xml(docroot)
    if document is None:
        return
    cd = document.find(Q("CommonData"))
    if cd is None:
        err("Document: no CommonData")
        return
    max_id = int(cd.findtext(Q("MaxUnitID")) or "0")
    box = floats(cd.findtext(Q("PageArea") + "/" + Q("PhysicalBox")) or "")
    m = re.match(r"([\d.]+) x ([\d.]+)", info.get("Page size", ""))
    if len(box) != 4 or not m or abs(box[2] * PT_PER_MM - float(m.group(1))) > 0.01 or \
            abs(box[3] * PT_PER_MM - float(m.group(2))) > 0.01:
        err("PageArea %s is not the PDF's page size %s" % (box, info.get("Page size")))
    page_h = box[3] if len(box) == 4 else 0
    pages = document.findall(Q("Pages") + "/" + Q("Page"))
    if len(pages) != int(info.get("Pages", "0")):
        err("%d pages, the PDF has %s" % (len(pages), info.get("Pages")))
    page_ids = [int(p.get("ID")) for p in pages]
    for p in pages:
        ids[int(p.get("ID"))] += 1

    def check_dest(d, where):
        if d is None:
            err("%s: a Goto without Dest" % where)
            return
        if int(d.get("PageID", "-1")) not in page_ids:
            err("%s: Dest PageID %s is no page" % (where, d.get("PageID")))
        if not 0 <= float(d.get("Top", "-1")) <= page_h:
            err("%s: Dest Top %s is off the page" % (where, d.get("Top")))

    n_outline = 0
    for ol in document.iter(Q("OutlineElem")):
        n_outline += 1
        if not ol.get("Title"):
            err("an OutlineElem without Title")
        check_dest(ol.find(".//" + Q("Dest")), "outline %s" % ol.get("Title"))
    # the PDF's bookmarks, as qpdf lists them
    try:
        import json
        qj = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                       capture_output=True, text=True).stdout)

        def count(items):
            return sum(1 + count(i.get("kids", [])) for i in items)
        if count(qj.get("outlines", [])) != n_outline:
            err("%d outline entries, the PDF has %d" % (n_outline, count(qj.get("outlines", []))))
    except (ValueError, OSError):
        pass

    # resources
    fonts, colorspaces = {}, {}
    bold_fonts = set()  # the IDs of the fonts marked Bold
    for res_loc in [e.text for e in cd.findall(Q("PublicRes"))] + \
            [e.text for e in cd.findall(Q("DocumentRes"))]:
        res = xml(base + res_loc)
        if res is None:
            continue
        collect_ids(res, res_loc)
        res_base = base + (res.get("BaseLoc", "") + "/" if res.get("BaseLoc") else "")
        for cs in res.iter(Q("ColorSpace")):
            colorspaces[int(cs.get("ID"))] = cs.get("Type")
            if cs.get("Type") not in ("GRAY", "RGB", "CMYK"):
                err("ColorSpace %s has Type %s" % (cs.get("ID"), cs.get("Type")))
        for f in res.iter(Q("Font")):
            if not f.get("FontName"):
                err("Font %s without FontName" % f.get("ID"))
            loc = res_base + (f.findtext(Q("FontFile")) or "")
            if loc not in names:
                err("Font %s: FontFile %s is not in the package" % (f.get("ID"), loc))
                continue
            data = z.read(loc)
            if data[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
                err("%s is not an OpenType font" % loc)
                continue
            t = sfnt_tables(data)
            if "cmap" not in t or "maxp" not in t:
                err("%s lacks cmap or maxp" % loc)
                continue
            fonts[int(f.get("ID"))] = (loc, struct.unpack(">H", t["maxp"][4:6])[0],
                                       cmap_chars(t["cmap"]))
            if f.get("Bold") == "true":
                bold_fonts.add(int(f.get("ID")))
    if not fonts:
        err("no embedded fonts")
    if not colorspaces:
        err("no colour spaces")

    # pages
    for n, p in enumerate(pages, 1):
        loc = base + p.get("BaseLoc")
        page = xml(loc)
        if page is None:
            continue
        collect_ids(page, loc)
        layers = page.findall(Q("Content") + "/" + Q("Layer"))
        if not layers:
            err("page %d: no Content/Layer" % n)
        for act in page.findall(Q("Actions") + "/" + Q("Action")):
            if act.find(Q("Goto")) is not None:
                check_dest(act.find(Q("Goto") + "/" + Q("Dest")), "page %d link" % n)
            elif act.find(Q("URI")) is None:
                err("page %d: an action neither Goto nor URI" % n)
            if act.find(Q("Region")) is None:
                err("page %d: a link without Region" % n)
        for c in page.iter():
            if c.tag in (Q("FillColor"), Q("StrokeColor")):
                cs = int(c.get("ColorSpace", "0"))
                if cs not in colorspaces:
                    err("page %d: colour in unknown ColorSpace %s" % (n, cs))
                    continue
                want = {"GRAY": 1, "RGB": 3, "CMYK": 4}[colorspaces[cs]]
                vals = c.get("Value", "").split()
                if len(vals) != want or not all(0 <= int(v) <= 255 for v in vals):
                    err("page %d: colour %s does not fit its %s space" % (n, vals, colorspaces[cs]))
                if gray and colorspaces[cs] == "RGB" and \
                        max(map(int, vals)) - min(map(int, vals)) > 8:
                    err("page %d: --grayscale, yet the colour %s" % (n, vals))
            if c.tag == Q("AbbreviatedData") and not re.fullmatch(
                    r"(\s*([MLC]|[MLSBQA](\s+-?[\d.]+)+))*\s*", (c.text or "") + " "):
                if not re.fullmatch(r"([MLBC](\s+-?[\d.]+)*\s*)+", c.text or ""):
                    err("page %d: path data %r" % (n, (c.text or "")[:60]))
        ofd_chars = []  # (char, x pt, baseline pt)
        page_text = []
        for t in page.iter(Q("TextObject")):
            fid = int(t.get("Font", "-1"))
            if fid not in fonts:
                err("page %d: TextObject %s uses unknown Font %s" % (n, t.get("ID"), fid))
                continue
            floc, n_glyphs, cmap = fonts[fid]
            if (fid in bold_fonts) != (int(t.get("Weight", "400")) >= 600):
                err("page %d: TextObject %s in Font %s has Weight %s"
                    % (n, t.get("ID"), fid, t.get("Weight", "400")))
            bx, by = floats(t.get("Boundary"))[:2]
            ctm = floats(t.get("CTM")) if t.get("CTM") else [1, 0, 0, 1, 0, 0]
            full = mul(ctm, [1, 0, 0, 1, bx, by])
            code_len = 0
            codes = ""
            for tc in t.findall(Q("TextCode")):
                s = tc.text or ""
                codes += s
                page_text.append(s)
                code_len += len(s)
                dx = floats(tc.get("DeltaX", ""))
                dy = floats(tc.get("DeltaY", "")) if tc.get("DeltaY") else [0] * len(dx)
                if len(dx) != max(len(s) - 1, 0) or len(dy) != len(dx):
                    err("page %d: TextCode %r has %d DeltaX for %d characters" %
                        (n, s[:20], len(dx), len(s)))
                    continue
                x, y = float(tc.get("X")), float(tc.get("Y"))
                for i, ch in enumerate(s):
                    if i:
                        x += dx[i - 1]
                        y += dy[i - 1]
                    if ord(ch) not in cmap and not ch.isspace():
                        err("page %d: %s has no %r in its cmap" % (n, floc, ch))
                    px = full[0] * x + full[2] * y + full[4]
                    py = full[1] * x + full[3] * y + full[5]
                    ofd_chars.append((ch, px * PT_PER_MM, py * PT_PER_MM, ctm[1] != 0))
            covered = 0
            for cg in t.findall(Q("CGTransform")):
                pos, cc, gc = (int(cg.get(k)) for k in ("CodePosition", "CodeCount", "GlyphCount"))
                glyphs = [int(g) for g in (cg.findtext(Q("Glyphs")) or "").split()]
                if pos != covered or len(glyphs) != gc:
                    err("page %d: CGTransform at %d (expected %d) with %d of %d glyphs" %
                        (n, pos, covered, len(glyphs), gc))
                covered = pos + cc
                if any(g <= 0 or g >= n_glyphs for g in glyphs):
                    err("page %d: glyph ids %s outside %s's %d glyphs" % (n, glyphs, floc, n_glyphs))
                # one character to one glyph: a letter or Han is the
                # glyph the font's cmap gives (digits and punctuation may be
                # variants: tabular figures, — in its full-width form)
                if cc == gc:
                    for ch, g in zip(codes[pos:pos + cc], glyphs):
                        if unicodedata.category(ch)[0] == "L" and cmap.get(ord(ch), g) != g:
                            err("page %d: %r drawn with glyph %d, the font's cmap says %d" %
                                (n, ch, g, cmap[ord(ch)]))
            if covered != code_len:
                err("page %d: CGTransforms cover %d of %d characters" % (n, covered, code_len))

        # the text a reader extracts, against pdftotext's
        words = pdf_words(pdf, n)
        strip = lambda s: Counter(ch for ch in s if not ch.isspace() and ch not in "\u200b\u00ad")
        mine, theirs = strip("".join(page_text)), strip("".join(w[4] for w in words))
        if mine != theirs:
            err("page %d: the text differs from the PDF's: OFD alone %s, PDF alone %s" %
                (n, dict((mine - theirs).most_common(8)), dict((theirs - mine).most_common(8))))
        # where each word starts
        starts, turned = {}, set()
        for ch, x, y, rot in ofd_chars:
            if rot:
                turned.add(ch)
            else:
                starts.setdefault(ch, []).append((x, y))
        missed = []
        for x0, y0, x1, y1, w in words:
            if (y1 - y0) > 3 * (x1 - x0) and len(w) > 1:
                continue  # turned text: pdftotext boxes it differently
            if w[0] in turned and w[0] not in starts:
                continue  # the same: a watermark's characters, boxed one by one
            if not any(abs(x - x0) <= 0.3 and y0 - 0.5 <= y <= y1 + 0.5
                       for x, y in starts.get(w[0], [])):
                missed.append("%s@%.1f,%.1f" % (w, x0, y1))
        if missed:
            err("page %d: %d of %d words not where the PDF has them: %s" %
                (n, len(missed), len(words), " ".join(missed[:6])))

    dup = [i for i, k in ids.items() if k > 1]
    if dup:
        err("IDs used twice: %s" % dup[:10])
    if ids and max(ids) > max_id:
        err("ID %d above MaxUnitID %d" % (max(ids), max_id))


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a malformed package: say so, do not crash
        err("cannot read the package: %r" % e)
    for e in errors[:30]:
        print(e)
    sys.exit(1 if errors else 0)
