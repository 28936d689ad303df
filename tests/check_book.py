#!/usr/bin/python3
"""Reads the book back: book_check.py BOOK.pdf DATA_DIR PAGES_OUT CHECK.

CHECK is outline, appendix or links; prints one line per problem and exits 1
when there is one. PAGES_OUT gets "cover trend table appendix" page numbers.
"""
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

pdf, data_dir, pages_out, what = sys.argv[1:5]
problems = []


def squash(s):
    return re.sub(r"\s+", "", s.replace("\u3000", ""))


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, parse_float=str, parse_int=str)


# ---- what the book must show, from the data alone ----
years = {}
for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
    d = load(path)
    years[int(d["year"])] = d
notes_path = os.path.join(data_dir, "book", "trends.json")
notes = load(notes_path) if os.path.exists(notes_path) else {"topics": []}


def has(d, iid):
    return any(i["id"] == iid and i.get("value") is not None for i in d["indicators"])


in_topic = {i for t in notes["topics"] for i in t["ids"]}
topics = [t["title"] for t in notes["topics"]]
seen = set()
for y in sorted(years):
    for ind in years[y]["indicators"]:
        iid = ind["id"]
        if iid in in_topic or iid in seen or ind.get("value") is None:
            continue
        if sum(has(d, iid) for d in years.values()) >= 2:
            seen.add(iid)
            label = [i for yy in sorted(years) for i in years[yy]["indicators"] if i["id"] == iid][-1]["label"]
            topics.append(label)
            in_topic.add(iid)
headline = notes.get("headline")
if headline is None:
    headline = []
    for y in sorted(years):
        kpis = [b for s in years[y]["sections"] for b in s["blocks"] if b["type"] in ("kpi", "hero")]
        for item in (kpis[0]["items"] if kpis else []):
            iid = item if isinstance(item, str) else item["id"]
            if iid not in headline:
                headline.append(iid)
shown = in_topic | set(headline)

AFTER = ("余", "多", "以上", "左右")


def figure(ind):
    """The figure as the book prints it (include/model/numfmt.h)."""
    lit, unit, q = ind["value"], ind.get("unit") or "", ind.get("qualifier") or ""
    if ind.get("kind") == "rank":  # a rank is never a bare number
        return ind["rank"].get("level", "") + "第" + lit
    before, after = ("", q) if q in AFTER else (q, "")
    scaled = unit[:1] in ("万", "亿")
    whole_tens = re.fullmatch(r"\d+0", lit) is not None
    if after and (after in ("以上", "左右") or unit[:1] in ("%", "‰")):
        unit, after = unit + after, ""          # 93%以上, 10万人次左右
    elif scaled and after and not whole_tens:
        unit, after = unit[0] + after + unit[1:], ""   # 227万余元; 730多万 keeps its order
    num = lit  # never grouped: the one number rule (include/model/numfmt.h)
    return before + num + after + unit


# ---- the PDF ----
def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


info = json.loads(run("qpdf", "--json", pdf))
objs = info["qpdf"][1]
page_refs = [p["object"] for p in info["pages"]]
n_pages = len(page_refs)
xml = re.sub(r'\sxmlns="[^"]+"', "", run("pdftotext", "-bbox-layout", pdf, "-"), count=1)
root = ET.fromstring(xml)
page_words = []  # per page: (xMin, yMin, xMax, yMax, text), top-down coordinates
page_h = []
for page in root.iter("page"):
    page_h.append(float(page.get("height")))
    page_words.append([(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                        float(w.get("yMax")), w.text or "") for w in page.iter("word")])
page_text = [squash("".join(w[4] for w in ws)) for ws in page_words]
named = {}
for line in run("pdfinfo", "-dests", pdf).splitlines()[1:]:
    m = re.match(r"\s*(\d+)\s+\[\s*XYZ\s+(\S+)\s+(\S+).*\]\s+\"(.*)\"$", line)
    if m:
        named[m.group(4)] = (int(m.group(1)), float(m.group(3)))


def dest_page(dest):
    """(1-based page, y from the bottom) of a /Dest: an array or a name."""
    if isinstance(dest, list) and dest and dest[0] in page_refs:
        y = dest[3] if len(dest) > 3 and isinstance(dest[3], (int, float)) else None
        return page_refs.index(dest[0]) + 1, y
    if isinstance(dest, str):
        return named.get(re.sub(r"^[ub]:", "", dest), (None, None))
    return None, None


outline = info.get("outlines", [])
flat = []


def walk(items, level):
    for it in items:
        flat.append((level, it["title"], it.get("destpageposfrom1")))
        walk(it.get("kids", []), level + 1)


walk(outline, 1)
where = {squash(t): p for _, t, p in flat}

if what == "outline":
    part = [it for it in outline if squash(it["title"]) == squash("指标趋势与口径说明")]
    kids = [k["title"] for k in part[0]["kids"]] if part else []
    if kids != topics:
        problems.append(f"the trends part has bookmarks {kids}; expected one per topic {topics}")
    for level, title, page in flat:
        if page is None or not 1 <= page <= n_pages:
            problems.append(f"bookmark {title!r} leads nowhere")
        elif squash(title) not in page_text[page - 1]:
            problems.append(f"bookmark {title!r} leads to page {page}, which does not show it")
    for name in ("指标趋势与口径说明", "主要指标逐年对照", "附录　数据来源"):
        if squash(name) not in where:
            problems.append(f"no bookmark {name!r}")
    pages = [1, where.get(squash(topics[0])) if topics else None,
             where.get(squash("主要指标逐年对照")), where.get(squash("附录　数据来源"))]
    with open(pages_out, "w") as f:
        f.write(" ".join(str(p or 0) for p in pages) + "\n")

elif what == "appendix":
    expected = []  # (year, label, figure, quote)
    for y in sorted(years):
        d = years[y]
        for src in d["sources"]:
            for ind in d["indicators"]:
                if ind["id"] in shown and ind.get("value") is not None and \
                        ind["source"]["file"] == src["file"]:
                    expected.append((y, ind["label"], figure(ind), ind["source"]["quote"]))
    first = where.get(squash("附录　数据来源"))
    got = []
    year = None
    for p in range(first or n_pages + 1, n_pages + 1):
        ws = page_words[p - 1]
        heads = {w[4]: w for w in ws if w[4] in ("指标", "数值", "原文摘录")}
        if len(heads) < 3:
            continue
        x_quote = heads["原文摘录"][0]
        x_label = heads["指标"][0]
        x_value_end = heads["数值"][2]  # figures are right-aligned under their header
        head_ys = {round(w[1], 1) for w in ws if w[4] == "指标"}
        lines = {}
        for w in ws:
            lines.setdefault(round(w[1], 1), []).append(w)
        for yy in sorted(lines):
            row = sorted(lines[yy])
            text = "".join(w[4] for w in row)
            if re.fullmatch(r"\d{4}年", text) and row[0][0] < x_label:
                year = int(text[:4])
                continue
            # A row starts with its label at the header's left edge and has a
            # figure ending at the header's right edge; headings, source lines
            # and wrapped lines do not.
            left = [w for w in row if w[2] <= x_quote]
            if yy in head_ys or len(left) < 2 or abs(left[0][0] - x_label) > 1 or \
                    abs(left[-1][2] - x_value_end) > 1:
                continue
            label = "".join(w[4] for w in left[:-1])
            quote = "".join(w[4] for w in row if w[0] >= x_quote - 1)
            got.append((year, label, left[-1][4], quote))
    if len(got) != len(expected):
        problems.append(f"the appendix lists {len(got)} figures; the book shows {len(expected)}")
    for g, e in zip(got, expected):
        ey, elabel, efig, equote = e
        gy, glabel, gfig, gquote = g
        if gy != ey or gfig != efig or not squash(elabel).startswith(squash(glabel)) or \
                not squash("“" + equote + "”").startswith(squash(gquote)):
            problems.append(f"appendix row {g} does not match the data {e}")
            break

elif what == "links":
    n_links = 0
    for p, ref in enumerate(page_refs, 1):
        page = objs["obj:" + ref]["value"]
        for a in page.get("/Annots", []):
            ann = objs["obj:" + a]["value"]
            if ann.get("/Subtype") != "/Link":
                continue
            n_links += 1
            x0, y0, x1, y1 = ann["/Rect"]
            top, bottom = page_h[p - 1] - y1, page_h[p - 1] - y0
            words = [w for w in page_words[p - 1]
                     if x0 <= (w[0] + w[2]) / 2 <= x1 and top <= (w[1] + w[3]) / 2 <= bottom]
            text = "".join(w[4] for w in sorted(words, key=lambda w: (w[1], w[0])))
            target, ty = dest_page(ann.get("/Dest", ann.get("/A", {}).get("/D")))
            if target is None:
                problems.append(f"page {p}: the link on {text!r} has no destination (cairo 1.16 "
                                "writes none for a link to a later page unless render.c goes "
                                "through named destinations)")
                continue
            m = re.search(r"第(\d+)页", text) or re.search(r"(\d+)$", text)
            if not m or int(m.group(1)) != target:
                problems.append(f"page {p}: the link on {text!r} leads to page {target}")
                continue
            title = text[:m.start()] if m.re.pattern == r"(\d+)$" else None
            if title and squash(title) not in page_text[target - 1]:
                problems.append(f"page {p}: {title!r} links to page {target}, which lacks it")
            elif title and ty is not None:
                # The heading stands right below the point the link opens at.
                heads = [w for w in page_words[target - 1] if squash(title).startswith(squash(w[4]))]
                if not any(-3 < w[1] - (page_h[target - 1] - ty) < 24 for w in heads):
                    problems.append(f"page {p}: {title!r} opens page {target} at y={ty}, "
                                    "not at its heading")
    if n_links < len(topics) + 3:
        problems.append(f"{n_links} links; expected one per contents entry at least")

for line in problems:
    print(line)
sys.exit(1 if problems else 0)
