"""Writes data files whose fields are ten times the size of the fixed buffers
layout/ and render/ once had (issue 17), for tests/hostile.inc.sh.

usage: long_fields.py DIR   (writes DIR/<case>/2025.json and, for the book,
DIR/book/20NN.json with book/trends.json). Each case prints one line
"case TAB what the PDF's text must hold" (whitespace removed), or
"case TAB error: the message's start" when the input must be refused."""
import copy
import json
import os
import sys

out = sys.argv[1]
base = json.load(open("tests/good/minimal.json", encoding="utf-8"))
cases = []


def write(name, d, expect):
    os.makedirs(f"{out}/{name}", exist_ok=True)
    json.dump(d, open(f"{out}/{name}/2025.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    cases.append((name, expect))


def han(n, seed="长"):
    """n Chinese characters (3 bytes each), varied so a cut shows."""
    s = "甲乙丙丁戊己庚辛壬癸" + seed
    return "".join(s[i % len(s)] for i in range(n))


# render.c attrs[512]: a source address of 5 120 bytes (a crash before).
d = copy.deepcopy(base)
url = "https://example.org/" + "a" * 5100
d["sources"][0]["url"] = url
write("url-5120", d, url)

# numfmt unit[64]: a 640-byte unit, in a table (one line: refused, it would
# run off the page) and in a chart's unit line (wrapped, printed whole).
d = copy.deepcopy(base)
unit = han(214)
d["indicators"][0]["unit"] = unit
d["sections"][0]["blocks"][0] = {"type": "table", "items": ["beds"]}
write("unit-640-table", d, "error: 2025.json:17:12: indicators[0].unit: this text is 1819 pt wide")
d["sections"][0]["blocks"][0] = {"type": "hbar", "title": "一项", "items": ["beds"]}
write("unit-640-chart", d, "单位：" + unit)

# chart_sources titles[16]: 20 sources under one chart, every one named.
d = copy.deepcopy(base)
d["sources"] = [{"file": f"s{i}.txt", "title": f"来源第{i}号"} for i in range(20)]
d["indicators"] = [
    {"id": f"i{i}", "label": f"项{i}", "value": i + 1, "unit": "个",
     "source": {"file": f"s{i}.txt", "quote": f"项{i}有{i + 1}个"}} for i in range(20)]
d["sections"] = [{"title": "指标", "blocks": [
    {"type": "hbar", "title": "二十项", "items": [f"i{i}" for i in range(20)]}]}]
write("sources-20", d, "来源第19号")

# box.c full[512] and the book's title[512], topic title[512], heading[1200]:
# a label of 1 707 characters (5 121 bytes) in a table, printed whole.
d = copy.deepcopy(base)
label = han(1707, "标")
d["indicators"][0]["label"] = label
d["sections"][0]["blocks"][0] = {"type": "table", "items": ["beds", "rate"]}
write("label-5120", d, label)

# numfmt number[64], chart labels [3 * 64]: the longest literal (40
# characters) on a bar chart and in a table, printed digit for digit.
d = copy.deepcopy(base)
d["indicators"][0]["value"] = "@"
d["indicators"][1]["unit"] = "张"
d["sections"] = [{"title": "指标", "blocks": [
    {"type": "bar", "title": "两项", "items": ["beds", "rate"]},
    {"type": "table", "items": ["beds", "rate"]}]}]
text = json.dumps(d, ensure_ascii=False, indent=1)
text = text.replace('"@"', "1234567890123456789012345678901234567.89")
# its quote states it as written (every figure must stand in its own quote)
text = text.replace("床位1234张", "床位1234567890123456789012345678901234567.89张")
text = text.replace("比率2.3%", "比率2.3张")
os.makedirs(f"{out}/figure-40", exist_ok=True)
open(f"{out}/figure-40/2025.json", "w", encoding="utf-8").write(text)
cases.append(("figure-40", "1234567890123456789012345678901234567.89"))

# the book: a title of 300 characters (900 bytes, over the old 512) on the
# cover and in every footer (footer[1200] at 10x is a page of its own).
os.makedirs(f"{out}/book/book", exist_ok=True)
for y in (2024, 2025):
    d = copy.deepcopy(base)
    d["year"] = y
    json.dump(d, open(f"{out}/book/{y}.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
title = han(300, "书")
json.dump({"title": title, "topics": []}, open(f"{out}/book/book/trends.json", "w", encoding="utf-8"),
          ensure_ascii=False)
cases.append(("book", title))

for name, expect in cases:
    print(f"{name}\t{expect}")
