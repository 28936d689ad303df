#!/usr/bin/python3
"""Checks a PDF's text placement with poppler's word boxes.

    check_overlap.py FILE.pdf [MARGIN_MM]

- no two words' boxes overlap (beyond 0.6 pt in both directions: adjacent
  glyphs may touch). poppler's boxes span the font's ascent and descent,
  1.45 em for Noto CJK, while a CJK glyph's body is the 1 em square: the
  boxes are trimmed to that body first, or every line of a paragraph set at
  a normal 1.3-1.4 em pitch would "overlap" the next;
- every word lies inside the page less MARGIN_MM (default 12 mm) on each
  side: nothing leaves the printable area.
Prints one line per problem; exit 0 when all hold.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

TOL = 0.6


def main():
    pdf = sys.argv[1]
    margin = float(sys.argv[2]) if len(sys.argv) > 2 else 12.0
    inset = margin * 72 / 25.4
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    xml = re.sub(r'\sxmlns="[^"]+"', "", xml, count=1)
    root = ET.fromstring(xml)
    problems = []
    for n, page in enumerate(root.iter("page"), 1):
        pw, ph = float(page.get("width")), float(page.get("height"))
        words = []
        for w in page.iter("word"):
            x0, y0, x1, y1 = (float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            trim = (y1 - y0) * (1 - 1 / 1.45) / 2
            words.append(((x0, y0 + trim, x1, y1 - trim), w.text or ""))
        for (x0, y0, x1, y1), t in words:
            if x0 < inset - TOL or y0 < inset - TOL or x1 > pw - inset + TOL or y1 > ph - inset + TOL:
                problems.append(f"page {n}: {t!r} at ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f}) "
                                f"leaves the printable area ({margin} mm margins)")
        words.sort(key=lambda w: w[0][0])
        for i, ((ax0, ay0, ax1, ay1), at) in enumerate(words):
            for (bx0, by0, bx1, by1), bt in words[i + 1:]:
                if bx0 >= ax1 - TOL:
                    break
                dx = min(ax1, bx1) - max(ax0, bx0)
                dy = min(ay1, by1) - max(ay0, by0)
                if dx > TOL and dy > TOL:
                    problems.append(f"page {n}: {at!r} ({ax0:.1f},{ay0:.1f})-({ax1:.1f},{ay1:.1f}) "
                                    f"overlaps {bt!r} ({bx0:.1f},{by0:.1f})-({bx1:.1f},{by1:.1f})")
    for p in problems:
        print(f"{pdf}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
