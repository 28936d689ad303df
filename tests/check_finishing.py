#!/usr/bin/env python3
"""check_finishing: reads rendered PDFs back the way a reader copying from
them or a print shop would, and fails on what a typesetter would mark:

  split     a figure broken from what belongs to it at a line end
            ("2.3 / 亿元", "2025 / 年", "1 / —11月", "第 / 4")
  last-char a paragraph or title whose last line holds one character
  spread    a figure spread by justification ("2 7 . 6 2 %")
  han-space extracted text with a space between a Han character and a figure
            ("由 5 个": copied into a document, the space comes along)
  two-forms one figure in two forms in one PDF ("35,694" and "35694")
  colour    text filled in anything but pure black (or white, reversed out
            of a band)

Usage: check_finishing.py [--count] FILE.pdf...
Prints one line per finding and a summary; exits 1 when there is any (with
--count, prints only the counts per rule and exits 0).
Needs poppler-utils (pdftotext) and qpdf."""
import collections
import html
import re
import subprocess
import sys
import tempfile

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNIT_START = "年月日时岁个元次人名家张种项所床例倍台辆件户份批支条座间级天周位处场期类套吨米克分秒册本万亿千百%‰％"
MARKS = "，。、；：？！）》」』”’（《「『“‘·—…,.;:!?()\"' "
WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def bbox_pages(pdf):
    """Pages of blocks of lines of words (x0, y0, x1, y1, text)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        blocks = []
        for block in page.split("<block ")[1:]:
            lines = []
            for line in block.split("<line ")[1:]:
                words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                         for a, b, c, d, t in WORD_RE.findall(line)]
                if words:
                    lines.append(words)
            if lines:
                blocks.append(lines)
        pages.append(blocks)
    return pages


def line_text(words):
    return " ".join(w[4] for w in words)


def units(text):
    """Characters that count for a last line: Han characters one each, a run
    of figures or Latin letters as one; marks not at all."""
    n = 0
    for m in re.finditer(r"[%s]|[0-9A-Za-z.%%‰]+" % HAN, text):
        n += 1
    return n


def same_paragraph(a, b):
    """Whether line b continues line a: same size, the next line down (less
    than two lines' pitch), starting at a's left edge or left of it (a's
    first-line indent)."""
    size_a, size_b = a[0][3] - a[0][1], b[0][3] - b[0][1]
    dy = b[0][1] - a[0][1]
    return (abs(size_a - size_b) < 0.5 and 0.5 * size_a < dy < 2.2 * size_a and
            b[0][0] <= a[0][0] + 0.5 and b[0][0] >= a[0][0] - 2.5 * size_a)


def check_text(pdf, findings):
    figures_sep, figures_plain = {}, set()
    for pno, blocks in enumerate(bbox_pages(pdf), 1):
        lines = [line for block in blocks for line in block]
        texts = [line_text(l) for l in lines]
        for i, (words, text) in enumerate(zip(lines, texts)):
            where = "%s p%d: %s" % (pdf, pno, text[:40])
            # a space between Han and a figure inside running text: words
            # closer than half an em (a column gap is wider)
            for a, b in zip(words, words[1:]):
                size = a[3] - a[1]
                gap = b[0] - a[2]
                # same size: a card's figure and its smaller unit are two
                # settings, not a space typed into running text
                if gap < 0.5 * size and abs(size - (b[3] - b[1])) < 0.5 and (
                        (re.search("[%s]$" % HAN, a[4]) and re.match(r"[0-9A-Za-z]", b[4])) or
                        (re.search(r"[0-9A-Za-z%]$", a[4]) and re.match("[%s]" % HAN, b[4]))):
                    findings["han-space"].append("%s: '%s %s'" % (where, a[4], b[4]))
            if re.search(r"(?<!\S)\d( [\d.,%]){2,}(?!\S)", text):
                findings["spread"].append(where)
            for m in re.finditer(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])", text):
                figures_sep[m.group().replace(",", "")] = m.group()
            for m in re.finditer(r"(?<![\d.,])\d{4,}(?![\d,])", text):
                figures_plain.add(m.group())
            cont = i + 1 < len(lines) and same_paragraph(words, lines[i + 1])
            if cont:
                nxt = texts[i + 1]
                if ((re.search(r"\d$", text) and re.match(r"[%s]" % UNIT_START, nxt)) or
                        (re.search(r"[约近超逾第]$", text) and re.match(r"\d", nxt)) or
                        (re.match(r"[—–~～-]\d", nxt) and re.search(r"\d$", text)) or
                        (re.search(r"\d[—–~～-]$", text) and re.match(r"\d", nxt))):
                    findings["split"].append("%s p%d: '%s' / '%s'" % (pdf, pno, text[-8:], nxt[:8]))
            # the last line of a paragraph of several lines: one character
            if (not cont and i > 0 and same_paragraph(lines[i - 1], words) and units(text) == 1
                    and units(texts[i - 1]) >= 8):
                findings["last-char"].append("%s p%d: '%s' / '%s'" % (pdf, pno, texts[i - 1][-8:], text))
    for plain in sorted(figures_plain & set(figures_sep)):
        findings["two-forms"].append("%s: %s and %s" % (pdf, figures_sep[plain], plain))


TOKEN = re.compile(rb"\[(?:[^\]\\]|\\.)*\]|\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'\"*]+")


def check_colour(pdf, findings):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, tmp.name], check=False,
                       capture_output=True)
        data = open(tmp.name, "rb").read()
    bad = collections.Counter()
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        body = m.group(1)
        if b"BT" not in body or b"Tj" not in body and b"TJ" not in body:
            continue
        # a font program may hold those bytes by chance: content is text
        if sum(1 for c in body[:4096] if c > 126 or (c < 32 and c not in b"\n\r\t")) > 40:
            continue
        fill, stack, args = ("g", (0.0,)), [], []
        for tok in TOKEN.findall(body):
            if re.match(rb"[-+]?\d*\.?\d+$", tok):
                args.append(float(tok))
                continue
            op = tok
            if op == b"q":
                stack.append(fill)
            elif op == b"Q" and stack:
                fill = stack.pop()
            elif op == b"rg" and len(args) >= 3:
                fill = ("rg", tuple(args[-3:]))
            elif op == b"g" and args:
                fill = ("g", (args[-1],))
            elif op == b"k" and len(args) >= 4:
                fill = ("k", tuple(args[-4:]))
            elif op in (b"Tj", b"TJ", b"'", b'"'):
                kind, v = fill
                black = (kind in ("g", "rg") and all(c == 0 for c in v)) or \
                        (kind == "k" and v[:3] == (0, 0, 0) and v[3] == 1)
                white = kind in ("g", "rg") and all(c == 1 for c in v) or \
                        (kind == "k" and all(c == 0 for c in v))
                if not black and not white:
                    bad["%s %s" % (kind, " ".join("%g" % c for c in v))] += 1
            if not tok.startswith((b"[", b"(", b"<", b"/")):
                args = []
    for colour, n in sorted(bad.items()):
        findings["colour"].append("%s: %d text runs filled %s" % (pdf, n, colour))


def main(argv):
    count_only = "--count" in argv
    pdfs = [a for a in argv[1:] if a != "--count"]
    if not pdfs:
        print(__doc__)
        return 2
    findings = collections.OrderedDict((k, []) for k in
                                       ("split", "last-char", "spread", "han-space", "two-forms",
                                        "colour"))
    for pdf in pdfs:
        check_text(pdf, findings)
        check_colour(pdf, findings)
    total = sum(len(v) for v in findings.values())
    if not count_only:
        for rule, items in findings.items():
            for item in items:
                print("%s: %s" % (rule, item))
    print("finishing: " + ", ".join("%s %d" % (k, len(v)) for k, v in findings.items()) +
          " (%d PDF%s)" % (len(pdfs), "" if len(pdfs) == 1 else "s"))
    return 0 if count_only or total == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
