#!/usr/bin/env python3
"""check_leaf.py SHEET.pdf [MODE] — the one-leaf rules, read back from the PDF.

Modes:
  leaf (default)  at most two pages; the front page opens with 要点 right
                  under the header band; no page under half full (the lowest
                  text above the footer is past the middle of the text block)
  continued       every page after the second opens its table with 续表 and
                  the column header again
  aligned         figures of one table column stand on the decimal point:
                  integers end where the decimals' integer part ends
  promise         the front page's pointer to the back ("全部N项指标及其时期、
                  范围和比较") promises comparisons exactly when the back page
                  shows one (a "较20xx年" or a "不作比较" note)
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b"", out))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    result = []
    for p in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                  float(w.get("yMax"))) for w in p.findall("x:word", ns)]
        result.append((float(p.get("width")), float(p.get("height")), words))
    return result


def leaf(pdf):
    ps = pages(pdf)
    errors = []
    if len(ps) > 2:
        errors.append(f"{len(ps)} pages, at most 2")
    w, h, words = ps[0]
    # the band takes the top; 要点 is the first word below it
    below = sorted((wd for wd in words if wd[2] > 0.12 * h), key=lambda wd: (wd[2], wd[1]))
    if not below or below[0][0] != "要点":
        errors.append(f"page 1: the first words under the header are {[b[0] for b in below[:3]]}, not 要点")
    for i, (w, h, words) in enumerate(ps):
        # the footer: the words of the lowest line; the text block ends above it
        foot = max(wd[2] for wd in words)
        body = [wd for wd in words if wd[2] < foot - 2]
        top = min(wd[2] for wd in body)
        lowest = max(wd[4] for wd in body)
        fill = (lowest - top) / (foot - 12 - top)
        if fill < 0.5:
            errors.append(f"page {i + 1} is {fill:.0%} full")
    return errors


def continued(pdf):
    errors = []
    ps = pages(pdf)
    if len(ps) < 3:
        return [f"{len(ps)} pages: the table did not continue"]
    for i, (w, h, words) in enumerate(ps[2:], start=3):
        text = [wd[0] for wd in sorted(words, key=lambda wd: (round(wd[2]), wd[1]))]
        if "续表" not in text[:8]:
            errors.append(f"page {i}: no 续表 at the top ({text[:8]})")
        elif "指标" not in text[text.index("续表"):text.index("续表") + 4]:
            errors.append(f"page {i}: no column header under 续表")
    return errors


def aligned(pdf):
    """Figures of the value column: every integer's right edge is the integer
    part's right edge of a decimal in the same column (same x of the first
    digit for equal integer parts)."""
    errors = []
    num = re.compile(r"^\d+(\.\d+)?$")
    for i, (w, h, words) in enumerate(pages(pdf)):
        figs = [wd for wd in words if num.match(wd[0])]
        # 23 and 23.5 in one column start at one x; 9 and 1530 end at one x
        pairs = {}
        for wd in figs:
            pairs.setdefault(wd[0], []).append(wd)
        if "23" in pairs and "23.5" in pairs:
            a, b = pairs["23"][0], pairs["23.5"][0]
            if abs(a[1] - b[1]) > 0.05:
                errors.append(f"page {i + 1}: 23 starts at {a[1]:.2f}, 23.5 at {b[1]:.2f}")
        if "9" in pairs and "1530" in pairs:
            a, b = pairs["9"][0], pairs["1530"][0]
            if abs(a[3] - b[3]) > 0.05:
                errors.append(f"page {i + 1}: 9 ends at {a[3]:.2f}, 1530 at {b[3]:.2f}")
        if "9" in pairs and "3.58" in pairs:
            a, b = pairs["9"][0], pairs["3.58"][0]
            if abs(a[1] - b[1]) > 0.05:
                errors.append(f"page {i + 1}: 9 starts at {a[1]:.2f}, 3.58 at {b[1]:.2f}")
        if not errors and not ("23.5" in pairs and "3.58" in pairs):
            errors.append(f"page {i + 1}: the test figures are missing")
    return errors


def promise(pdf):
    def text(first, last=None):
        args = ["pdftotext", "-f", str(first)] + (["-l", str(last)] if last else []) + [pdf, "-"]
        out = subprocess.run(args, capture_output=True, check=True).stdout.decode()
        return re.sub(r"\s+", "", out)
    front, back = text(1, 1), text(2)
    m = re.search(r"第2页：.*?（全部(\d+)项指标(及其[^）]*)?）", front)
    if not m:
        return ["page 1: no pointer to page 2"]
    says = m.group(2) or ""
    shows = bool(re.search(r"较(19|20)\d\d年|不作比较", back))
    errors = []
    if ("比较" in says) != shows:
        errors.append(f"page 1 says “{says}”, page 2 {'shows' if shows else 'shows no'} comparison")
    return errors


def main():
    pdf = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "leaf"
    errors = {"leaf": leaf, "continued": continued, "aligned": aligned,
              "promise": promise}[mode](pdf)
    for e in errors:
        print(f"{pdf}: {e}")
    sys.exit(1 if errors else 0)


main()
