#!/usr/bin/env python3
"""check_gray.py FILE.pdf... — a black-and-white sheet is gray only: every
colour its content streams set (rg/RG, sc/scn, k/K) is neutral (r = g = b)
and no image is in colour. Reads the streams back through qpdf's QDF form.
A bluish black (0.1 0.1 0.12) fails a gray-only preflight and prints in four
colours on a colour press."""
import re
import subprocess
import sys
import tempfile

RGB = re.compile(rb"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) (rg|RG)(?!\w)")
CMYK = re.compile(rb"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (k|K)(?!\w)")


def problems(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as q:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, q.name], check=True)
        data = open(q.name, "rb").read()
    found = set()
    for m in RGB.finditer(data):
        r, g, b = (float(x) for x in m.groups()[:3])
        if not (abs(r - g) < 1e-6 and abs(g - b) < 1e-6):
            found.add(m.group(0).decode())
    for m in CMYK.finditer(data):
        c, mg, y = (float(x) for x in m.groups()[:3])
        if c or mg or y:
            found.add(m.group(0).decode())
    if re.search(rb"/ColorSpace\s*/DeviceRGB", data) and re.search(rb"/Subtype\s*/Image", data):
        found.add("an RGB image")
    return sorted(found)


def main():
    bad = 0
    for pdf in sys.argv[1:]:
        for p in problems(pdf):
            print(f"{pdf}: colour {p}")
            bad += 1
    sys.exit(1 if bad else 0)


main()
