#!/usr/bin/python3
"""Checks line breaking (禁则) on the line boxes of a PDF.

    check_kinsoku.py FILE.pdf

No line starts with a closing mark (。，、；：？！）》」』”’ …) or a 间隔号 (·), and no line
ends with an opening one (（《「『“‘ …), as poppler reads the lines back.
Prints one line per problem; exit 0 when all hold.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CLOSING = set("。，、；：？！）》」』”’〉】］｝·・")  # 间隔号 never starts a line either
OPENING = set("（《「『“‘〈【［｛")


def main():
    pdf = sys.argv[1]
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    xml = re.sub(r'\sxmlns="[^"]+"', "", xml, count=1)
    root = ET.fromstring(xml)
    problems = []
    for n, page in enumerate(root.iter("page"), 1):
        for line in page.iter("line"):
            text = "".join(w.text or "" for w in line.iter("word")).replace("\u200b", "")
            if not text:
                continue
            if text[0] in CLOSING:
                problems.append(f"page {n}: a line starts with {text[0]!r}: {text!r}")
            if text[-1] in OPENING:
                problems.append(f"page {n}: a line ends with {text[-1]!r}: {text!r}")
    for p in problems:
        print(f"{pdf}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
