#!/usr/bin/python3
"""Checks an official-style attachment against GB/T 9704-2012, to ±0.5 mm,
from the text boxes poppler reads back and the PDF's content streams.

    check_gongwen.py FILE.pdf FIRST_PAGE_NUMBER ATTACHMENT_LABEL [FULL_PAGE]

- A4; the 附件 label at the text block's left edge (28 mm) on its first line;
- the title centred on the text block (156 mm wide from 28 mm);
- body lines within the text block, full lines filling it (撑满版心), the
  line pitch 28.95 pt;
- lines with figures that go on in the next line justified to the right edge
  (at least half of them: a line a long figure left far short stays short,
  since no gap between two characters grows beyond a tenth of an em);
- the grid: 28 characters on every full line of full-width characters (the
  first-line indent counted in characters; 27 where 禁则 took the 28th to
  the next line), every line of text at the left edge or two characters in
  centred on one of the 22 rows of the text block, and, when FULL_PAGE is
  given, all 22 rows of that page holding a line;
- the body (the face of most 3号 text) a 仿宋; all text black and at least
  小四 (12 pt); no filled area in a colour or a light tint (neutral, and
  either white or at least 40 % black);
- page numbers "— N —" 7 mm below the text block (269 mm from the top),
  odd pages at the right and even pages at the left, one 4号 character in,
  counting from FIRST_PAGE_NUMBER.
Prints one line per problem and a summary of what it measured; exit 0 when
all hold.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TOL = 0.5 * MM
LEFT, WIDTH, TOP, HEIGHT = 28 * MM, 156 * MM, 37 * MM, 225 * MM
RIGHT = LEFT + WIDTH
FOLIO_TOP = TOP + HEIGHT + 7 * MM
INSET = 14  # one 4号 character
SAN = 16  # 3号
# How high poppler's box of a 3号 line is: an em for the Fandol faces,
# 1.448 em (ascent and descent) for Noto CJK.
SAN_BOXES = (SAN, SAN * 1.448)
PITCH = 28.95  # line pitch
ROWS = 22
CHARS = 28
CELL = WIDTH / CHARS  # 15.79 pt
LIGHTEST = 0.6  # the lightest gray a fill may have (white apart)
FANGSONG = re.compile(r"fang|仿宋", re.I)
CLOSING = "，。、；：？！）》」』”’"


def full_width(c):
    o = ord(c)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF01 <= o <= 0xFF60


TOKEN = re.compile(rb"<<|>>|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]()<>{}]+|"
                   rb"[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+")


def content_ops(data):
    """Yields (operator, operands) of a content stream."""
    args = []
    depth = 0
    for m in TOKEN.finditer(data):
        t = m.group()
        if t in (b"[", b"<<"):
            depth += 1
            args.append(t)
        elif t in (b"]", b">>"):
            depth -= 1
            args.append(t)
        elif depth == 0 and re.fullmatch(rb"[A-Za-z'\"*]+", t) and t not in (b"true", b"false", b"null"):
            yield t.decode(), args
            args = []
        else:
            args.append(t)


def read_streams(pdf):
    """The fonts (resource name -> BaseFont) and every content stream of pdf,
    uncompressed by qpdf."""
    with tempfile.TemporaryDirectory() as tmp:
        qdf = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        with open(qdf, "rb") as f:
            raw = f.read()
    objs = dict((int(m.group(1)), m.group(2))
                for m in re.finditer(rb"\n(\d+) 0 obj\n(.*?)\nendobj", raw, re.S))
    fonts, spaces = {}, {}
    for body in objs.values():
        for name, ref in re.findall(rb"/(f-\d+-\d+) (\d+) 0 R", body):
            font = objs.get(int(ref), b"")
            base = re.search(rb"/BaseFont /([^\s/]+)", font)
            if base:
                fonts[name.decode()] = base.group(1).decode("latin-1").split("+")[-1]
            # Glyphs that are spaces (a scaled space between Han and Latin is
            # no text of a size): from the ToUnicode map.
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", font)
            cmap = objs.get(int(cmap.group(1)), b"") if cmap else b""
            spaces[name.decode()] = {
                g.lower() for g, u in re.findall(rb"<([0-9a-fA-F]+)> *<([0-9a-fA-F]+)>", cmap)
                if len(u) == 4 and chr(int(u, 16)).isspace()}
    streams = [m.group(1) for body in objs.values()
               for m in re.finditer(rb">>\s*stream\n(.*?)\nendstream", body, re.S)
               if b"/FontFile" not in body and b"/Length1" not in body and b"/Subtype /CIDFontType0C" not in body
               # the archive pass's XMP packet and ICC profile are no content
               and b"/Subtype /XML" not in body and not re.search(rb"/N 3\b", body)]
    return fonts, spaces, streams


def check_paint(pdf, problems, summary):
    """Text colour and sizes, the body's face, and the fills."""
    fonts, spaces, streams = read_streams(pdf)
    glyphs_16 = {}  # font -> glyphs set at 3号
    bad_text, small, fills = {}, {}, set()
    for data in streams:
        if not re.search(rb"\b(Tj|TJ|re|f|BT)\b", data):
            continue
        fill = ("g", 0.0)
        font, size, blank = None, 0, set()
        for op, a in content_ops(data):
            if op == "rg" and len(a) >= 3:
                fill = tuple(float(x) for x in a[-3:])
            elif op == "g" and a:
                fill = (float(a[-1]),) * 3
            elif op == "k" and len(a) >= 4:
                fill = ("cmyk",) + tuple(float(x) for x in a[-4:])
            elif op in ("sc", "scn", "cs"):
                fill = ("pattern/other", op)
            elif op == "Tf" and len(a) >= 2:
                res = a[-2].decode()[1:]
                font = fonts.get(res, res)
                blank = spaces.get(res, set())
                size_tf = float(a[-1])
                size = size_tf if size_tf != 1 else size
            elif op == "Tm" and len(a) >= 6:
                size = abs(float(a[0])) or abs(float(a[1]))
            elif op in ("Tj", "TJ", "'", '"'):
                hexes = b"".join(re.sub(rb"\s", b"", x[1:-1]) for x in a
                                 if x.startswith(b"<") and x != b"<<").decode().lower()
                shown = [hexes[i:i + 4] for i in range(0, len(hexes), 4)]
                n = len([g for g in shown if g not in blank])
                if not n and hexes:
                    continue  # only spaces
                if fill != (0.0, 0.0, 0.0):
                    bad_text[(font, str(fill))] = bad_text.get((font, str(fill)), 0) + max(n, 1)
                if size < 12 - 0.01:
                    small[(font, round(size, 2))] = small.get((font, round(size, 2)), 0) + max(n, 1)
                if abs(size - SAN) < 0.01:
                    glyphs_16[font] = glyphs_16.get(font, 0) + n
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                fills.add(fill)
    for (font, fill), n in sorted(bad_text.items()):
        problems.append(f"{n} glyphs of {font} in {fill}, not black")
    for (font, size), n in sorted(small.items()):
        problems.append(f"{n} glyphs of {font} at {size} pt, under 小四 (12 pt)")
    body = max(glyphs_16, key=glyphs_16.get) if glyphs_16 else None
    if not body or not FANGSONG.search(body):
        problems.append(f"the body (most 3号 text) is set in {body}, not a 仿宋")
    for c in sorted(fills, key=str):
        neutral = len(c) == 3 and all(isinstance(v, float) for v in c) and max(c) - min(c) < 0.01
        if not neutral or LIGHTEST + 0.005 < c[0] < 0.995:
            problems.append(f"a filled area in {c}: a colour or a light tint "
                            f"(fills are black, white or grays of at most {LIGHTEST})")
    summary.append(f"body face {body}; text black: {'yes' if not bad_text else 'no'}; "
                   f"fills {sorted(set(round(c[0], 3) for c in fills if len(c) == 3 and isinstance(c[0], float)))}")


def near(a, b):
    return abs(a - b) <= TOL


def main():
    pdf, first, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    full_page = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    checked_lines, figure_lines, figure_short, rows_per_page, summary = [0], [0], [], [], []
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    problems = []
    pages = list(root.iter("page"))
    for n, page in enumerate(pages, 1):
        if not near(float(page.get("width")), 210 * MM) or not near(float(page.get("height")), 297 * MM):
            problems.append(f"page {n} is not A4")
        words = [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter("word")]
        if n == 1:
            t, x0, y0, x1, y1 = words[0]
            if t != label or not near(x0, LEFT) or not (TOP - TOL <= y0 <= TOP + 28.99):
                problems.append(f"the label {t!r} at ({x0:.2f}, {y0:.2f}); expected {label!r} at "
                                f"the left edge {LEFT:.2f} on the first line below {TOP:.2f}")
            t, x0, y0, x1, y1 = words[1]
            if not near((x0 + x1) / 2, LEFT + WIDTH / 2):
                problems.append(f"the title {t!r} is centred at {(x0 + x1) / 2:.2f}, "
                                f"not {LEFT + WIDTH / 2:.2f}")
        # The folio: the words below the text block, left to right.
        folio = sorted((w for w in words if w[2] > TOP + HEIGHT), key=lambda w: w[1])
        words = [w for w in words if w[2] <= TOP + HEIGHT]
        number = first + n - 1
        if [w[0] for w in folio] != ["—", str(number), "—"]:
            problems.append(f"page {n}: the page number reads {[w[0] for w in folio]}, "
                            f"expected — {number} —")
        else:
            if not near(folio[0][2], FOLIO_TOP):
                problems.append(f"page {n}: the page number's top is at {folio[0][2]:.2f}, "
                                f"expected {FOLIO_TOP:.2f} (7 mm below the text block)")
            if number % 2 and not near(folio[-1][3], RIGHT - INSET):
                problems.append(f"page {n}: odd page number ends at {folio[-1][3]:.2f}, "
                                f"expected {RIGHT - INSET:.2f} (right, one character in)")
            if not number % 2 and not near(folio[0][1], LEFT + INSET):
                problems.append(f"page {n}: even page number starts at {folio[0][1]:.2f}, "
                                f"expected {LEFT + INSET:.2f} (left, one character in)")
        # Every other word inside the text block.
        for t, x0, y0, x1, y1 in words:
            if x0 < LEFT - TOL or x1 > RIGHT + TOL or y0 < TOP - TOL or y1 > TOP + HEIGHT + TOL:
                problems.append(f"page {n}: {t!r} at ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f}) "
                                f"leaves the text block")
        # Body paragraphs: consecutive full-width lines 28.95 pt apart and filling the block.
        # A line's words joined; a space between two (a narrow character,
        # as a figure is) kept as one.
        lines = [(float(l.get("xMin")), float(l.get("yMin")), float(l.get("xMax")),
                  float(l.get("yMax")), " ".join(w.text or "" for w in l.iter("word")))
                 for l in page.iter("line")]
        lines = [l for l in lines if l[3] <= TOP + HEIGHT + TOL]
        body = [l for l in lines if near(l[0], LEFT) and near(l[2], RIGHT) and
                abs(l[3] - l[1] - SAN) <= 0.1]
        for a, b in zip(body, body[1:]):
            if b[1] - a[1] < 40 and not abs(b[1] - a[1] - PITCH) <= TOL:
                problems.append(f"page {n}: body lines {b[1] - a[1]:.2f} pt apart, not {PITCH}")
        # The grid: 3号 lines of text starting at the left edge or two
        # characters in, centred on one of the 22 rows.
        rows = set()
        for x0, y0, x1, y1, t in lines:
            if (not any(abs(y1 - y0 - h) <= 0.1 for h in SAN_BOXES) or
                    not (near(x0, LEFT) or near(x0, LEFT + 2 * CELL))):
                continue
            row = ((y0 + y1) / 2 - TOP) / PITCH - 0.5
            if abs(row - round(row)) * PITCH > TOL or not 0 <= round(row) < ROWS:
                problems.append(f"page {n}: the line {t[:12]!r}… at {y0:.2f} is off the grid "
                                f"(row {row:.2f})")
            else:
                rows.add(round(row))
            if abs(y1 - y0 - SAN) > 0.1:
                continue
            # 28 characters on a full line of full-width characters; 27 where
            # 禁则 took the 28th down (the next line's second is a closing mark).
            if near(x1, RIGHT) and t and all(full_width(c) for c in t):
                checked_lines[0] += 1
                cells = round((x0 - LEFT) / CELL) + len(t)
                after = next((l[4] for l in lines if l[1] > y0 + SAN), "")
                kinsoku = cells == CHARS - 1 and len(after) > 1 and after[1] in CLOSING
                if not kinsoku and (cells != CHARS or abs(x1 - x0 - len(t) * CELL) > TOL):
                    problems.append(f"page {n}: a full line of {cells} characters "
                                    f"({x1 - x0:.2f} pt for {len(t)}), not {CHARS} ({t[:12]}…)")
        # 撑满版心 also for lines with figures in them: a line that goes on
        # in the next one (28.95 pt below, at the left edge) ends at the
        # right edge (a line of full-width characters only stays on the
        # grid instead: counted above).
        for i, (x0, y0, x1, y1, t) in enumerate(lines):
            if abs(y1 - y0 - SAN) > 0.1 or not (near(x0, LEFT) or near(x0, LEFT + 2 * CELL)):
                continue
            nxt = next((l for l in lines[i + 1:] if abs(l[1] - y0 - PITCH) <= TOL), None)
            if not nxt or not near(nxt[0], LEFT) or all(full_width(c) for c in t):
                continue
            short = RIGHT - x1
            figure_lines[0] += 1
            if short > TOL:
                figure_short.append(f"page {n} {t[:8]!r}… {short:.1f} pt")
        rows_per_page.append(len(rows))
    # Justification adds at most a tenth of an em between two characters (a
    # wider gap reads as a space in copied text), so a line that a long
    # figure left far short stays short: at least half must reach the edge.
    if figure_lines[0] and 2 * len(figure_short) > figure_lines[0]:
        problems.append(f"{len(figure_short)} of {figure_lines[0]} lines with figures end short of "
                        f"the right edge (not justified): " + "; ".join(figure_short))
        if n == full_page and len(rows) != ROWS:
            problems.append(f"page {n}: {len(rows)} lines on the grid, not {ROWS}")
    if not any(True for p in pages):
        problems.append("no pages")
    if full_page and not checked_lines[0]:
        problems.append("no full line of full-width characters to count")
    check_paint(pdf, problems, summary)
    for p in problems:
        print(f"{pdf}: {p}")
    print(f"{pdf}: {len(pages)} pages; {checked_lines[0]} full lines of {CHARS} characters; "
          f"{figure_lines[0] - len(figure_short)} of {figure_lines[0]} lines with figures "
          f"justified; "
          f"lines on the grid per page {rows_per_page} (of {ROWS}); " + "; ".join(summary))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
