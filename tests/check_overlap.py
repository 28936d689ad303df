#!/usr/bin/python3
"""Checks a PDF's text placement with poppler's word boxes.

    check_overlap.py FILE.pdf [MARGIN_MM]

- no two words' boxes overlap (beyond 0.6 pt in both directions: adjacent
  glyphs may touch). poppler's boxes span the font's ascent and descent,
  1.45 em for Noto CJK, while a CJK glyph's body is the 1 em square: the
  boxes are trimmed to that body first, or every line of a paragraph set at
  a normal 1.3-1.4 em pitch would "overlap" the next;
- every word lies inside the page less MARGIN_MM (default 12 mm) on each
  side: nothing leaves the printable area;
- no word is struck through by a rule: the horizontal lines and hairline
  bars of the page (footer and header rules, table rules, chart axes; read
  from pdftocairo's SVG of the page) do not cross a word's body (a block
  that runs into the footer shows here, where the word boxes alone miss it).
  Light gridlines behind a chart (a stroke lighter than 80 % gray luminance
  would be printed as a tint) are not rules.
Prints one line per problem; exit 0 when all hold.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TOL = 0.6
SVG = "{http://www.w3.org/2000/svg}"


def parse_transform(text):
    """The affine matrix (a, b, c, d, e, f) of an SVG transform attribute."""
    m = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        v = [float(x) for x in re.split(r"[\s,]+", args.strip()) if x]
        if name == "matrix" and len(v) == 6:
            n = tuple(v)
        elif name == "translate":
            n = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "scale":
            n = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        else:
            continue
        a, b, c, d, e, f = m
        m = (a * n[0] + c * n[1], b * n[0] + d * n[1], a * n[2] + c * n[3], b * n[2] + d * n[3],
             a * n[4] + c * n[5] + e, b * n[4] + d * n[5] + f)
    return m


def apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def luminance(style, key):
    col = re.search(key + r":rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)", style)
    if not col:
        return 0.0
    r, g, b = (float(x) / 100 for x in col.groups())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def rules_of(pdf, page):
    """Horizontal rules of a page as (x0, x1, y0, y1): stroked horizontal
    segments (their stroke width as height) and filled rectangles under
    2 pt high, skipping light strokes (gridlines)."""
    fd, svg = tempfile.mkstemp(suffix=".svg")
    os.close(fd)
    try:
        subprocess.run(["pdftocairo", "-svg", "-f", str(page), "-l", str(page), pdf, svg],
                       check=True, capture_output=True)
        root = ET.parse(svg).getroot()
    finally:
        os.unlink(svg)
    rules = []

    def walk(el, m, in_defs):
        if el.tag in (SVG + "defs", SVG + "symbol", SVG + "clipPath", SVG + "mask", SVG + "pattern"):
            return
        m2 = m
        if el.get("transform"):
            a = parse_transform(el.get("transform"))
            m2 = (m[0] * a[0] + m[2] * a[1], m[1] * a[0] + m[3] * a[1],
                  m[0] * a[2] + m[2] * a[3], m[1] * a[2] + m[3] * a[3],
                  m[0] * a[4] + m[2] * a[5] + m[4], m[1] * a[4] + m[3] * a[5] + m[5])
        if el.tag == SVG + "path":
            style = el.get("style", "").replace(" ", "")
            nums = re.findall(r"([ML])\s*(-?[\d.]+)\s+(-?[\d.]+)", el.get("d", ""))
            pts = [apply(m2, float(x), float(y)) for _, x, y in nums]
            stroked = "stroke:rgb" in style and "stroke:none" not in style
            if stroked and len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 0.01 \
                    and luminance(style, "stroke") < 0.8:
                w = re.search(r"stroke-width:([\d.]+)", style)
                half = (float(w.group(1)) if w else 1.0) * abs(m2[3]) / 2
                y = pts[0][1]
                rules.append((min(pts[0][0], pts[1][0]), max(pts[0][0], pts[1][0]), y - half, y + half))
            elif not stroked and "fill:rgb" in style and len(pts) >= 4 and "C" not in el.get("d", ""):
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if 0 < max(ys) - min(ys) < 2 and max(xs) - min(xs) > 20 and luminance(style, "fill") < 0.8:
                    rules.append((min(xs), max(xs), min(ys), max(ys)))
        for child in el:
            walk(child, m2, in_defs)

    walk(root, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), False)
    return rules


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
        for rx0, rx1, ry0, ry1 in rules_of(pdf, n):
            for (x0, y0, x1, y1), t in words:
                dx = min(rx1, x1) - max(rx0, x0)
                dy = min(ry1, y1) - max(ry0, y0)
                # A hairline is thinner than TOL: any crossing of the body counts.
                if dx > TOL and dy > 0.05:
                    problems.append(f"page {n}: {t!r} ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f}) "
                                    f"is struck through by a rule at y {ry0:.1f}-{ry1:.1f}")
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
