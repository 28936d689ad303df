#!/usr/bin/python3
"""Checks an official-style attachment against GB/T 9704-2012, to ±0.5 mm,
from the text boxes poppler reads back.

    check_gongwen.py FILE.pdf FIRST_PAGE_NUMBER ATTACHMENT_LABEL

- A4; the 附件 label at the text block's left edge (28 mm) on its first line;
- the title centred on the text block (156 mm wide from 28 mm);
- body lines within the text block, full lines filling it (撑满版心), the
  line pitch 28.99 pt;
- page numbers "— N —" 7 mm below the text block (269 mm from the top),
  odd pages at the right and even pages at the left, one 4号 character in,
  counting from FIRST_PAGE_NUMBER.
Prints one line per problem; exit 0 when all hold.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TOL = 0.5 * MM
LEFT, WIDTH, TOP, HEIGHT = 28 * MM, 156 * MM, 37 * MM, 225 * MM
RIGHT = LEFT + WIDTH
FOLIO_TOP = TOP + HEIGHT + 7 * MM
INSET = 14  # one 4号 character


def near(a, b):
    return abs(a - b) <= TOL


def main():
    pdf, first, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
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
        # Body paragraphs: consecutive full-width lines 28.99 pt apart and filling the block.
        lines = [(float(l.get("xMin")), float(l.get("yMin")), float(l.get("xMax")))
                 for l in page.iter("line")]
        body = [l for l in lines if near(l[0], LEFT) and near(l[2], RIGHT)]
        for a, b in zip(body, body[1:]):
            if b[1] - a[1] < 40 and not abs(b[1] - a[1] - 28.99) <= TOL:
                problems.append(f"page {n}: body lines {b[1] - a[1]:.2f} pt apart, not 28.99")
    if not any(True for p in pages):
        problems.append("no pages")
    for p in problems:
        print(f"{pdf}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
