#!/usr/bin/python3
"""Checks a rendered fact sheet with poppler, as a print shop's preflight would.

    check_pdf.py SHEET.pdf data/YEAR.json [PAPER]

- every page is A4 portrait (595.276 x 841.89 pt);
- metadata: Title is the sheet's title, Author the issuing body, Creator
  names factsheet, CreationDate is set;
- every font is embedded as a subset with a ToUnicode map, none is Type 3;
- pdftotext gives back the title and every KPI figure as printed (grouped by
  the rule of src/model/numfmt.c), and the footer's page numbers.
Prints one line per problem; exit 0 when all hold.
"""
import json
import re
import subprocess
import sys


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def printed(literal, unit):
    """The figure as numfmt prints it: as written, never grouped (the one
    number rule, see include/model/numfmt.h)."""
    return literal


def main():
    pdf, data = sys.argv[1], sys.argv[2]
    with open(data, encoding="utf-8-sig") as f:
        sheet = json.load(f, parse_float=str, parse_int=str)
    problems = []

    info = run("pdfinfo", "-f", "1", "-l", "999", pdf)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if len(sizes) != pages:
        problems.append(f"pdfinfo lists {len(sizes)} page sizes for {pages} pages")
    for i, (w, h) in enumerate(sizes, 1):
        if abs(float(w) - 595.276) > 0.01 or abs(float(h) - 841.89) > 0.01:
            problems.append(f"page {i} is {w} x {h} pt, not A4 portrait")
    meta = {m.group(1): m.group(2).strip() for m in re.finditer(r"^(\w+):\s*(.*)$", info, re.M)}
    if meta.get("Title") != sheet["title"]:
        problems.append(f"Title is {meta.get('Title')!r}, expected {sheet['title']!r}")
    if meta.get("Author") != sheet["issuer"]:
        problems.append(f"Author is {meta.get('Author')!r}, expected {sheet['issuer']!r}")
    if not meta.get("Creator", "").startswith("factsheet "):
        problems.append(f"Creator is {meta.get('Creator')!r}, expected factsheet and its version")
    if not meta.get("CreationDate"):
        problems.append("no CreationDate")

    fonts = run("pdffonts", pdf).splitlines()[2:]
    if not fonts:
        problems.append("no fonts in the PDF")
    for row in fonts:
        cols = row.split()
        # name type... encoding emb sub uni objnum gen
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        if "Type 3" in row:
            problems.append(f"Type 3 font: {row}")
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            problems.append(f"font not embedded as a subset with ToUnicode: {row}")

    text = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    flat = re.sub(r"\s+", "", text)
    if re.sub(r"\s+", "", sheet["title"]) not in flat:
        problems.append(f"title {sheet['title']!r} not found in the text")
    # Every indicator of the file is on the sheet (a card, a chart, a table
    # row): its figure as printed, a rank as 第N.
    for ind in sheet["indicators"]:
        if ind.get("value") is None:
            continue
        if ind.get("kind") == "rank":
            fig = "第" + str(ind["value"])
        else:
            fig = printed(str(ind["value"]), ind.get("unit", ""))
        if fig not in flat:
            problems.append(f"indicator {ind['id']}: figure {fig} not found in the text")
    for n in range(1, pages + 1):
        if f"第{n}页共{pages}页" not in flat:
            problems.append(f"footer 第 {n} 页 共 {pages} 页 not found")

    # Navigation: a tagged PDF, one bookmark per section. (No page labels:
    # cairo 1.16 writes them empty; viewers' 1..N equal the printed numbers.)
    if meta.get("Tagged") != "yes":
        problems.append("the PDF is not tagged")
    nav = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))
    titles = [o["title"] for o in nav.get("outlines", [])]
    # In reading order: a section moved to a fact sheet's back page comes
    # after those of the front.
    want = [sec["title"] for sec in sheet["sections"]]
    if sorted(titles) != sorted(want):
        problems.append(f"bookmarks {titles} are not the sections {want}")

    for p in problems:
        print(f"{pdf}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
