"""Writes data files whose fields are ten times the size of the fixed buffers
layout/ and render/ once had (issue 17), for tests/hostile.inc.sh.

usage: long_fields.py DIR   (writes DIR/<case>/2025.json and, for the book,
DIR/book/20NN.json with book/trends.json). Each case prints one line
"case TAB expected text TAB json path" for the read-back check."""
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

# numfmt unit[64] (the KPI line and the change line): a 640-byte unit.
d = copy.deepcopy(base)
unit = han(214)
d["indicators"][0]["unit"] = unit
d["sections"][0]["blocks"][0] = {"type": "table", "items": ["beds"]}
write("unit-640", d, unit)

# chart_sources titles[16]: 20 sources under one chart, every one named.
d = copy.deepcopy(base)
d["sources"] = [{"file": f"s{i}.txt", "title": f"来源第{i}号"} for i in range(20)]
d["indicators"] = [
    {"id": f"i{i}", "label": f"项{i}", "value": i + 1, "unit": "个",
     "source": {"file": f"s{i}.txt", "quote": f"项{i}有{i + 1}个"}} for i in range(20)]
d["sections"] = [{"title": "指标", "blocks": [
    {"type": "hbar", "title": "二十项", "items": [f"i{i}" for i in range(20)]}]}]
write("sources-20", d, "来源第19号")

# layout_sheet date[64], box full[512], numbering num[32]: a long title
# and subtitle in the official style (heading numbers), 10x the title buffers.
d = copy.deepcopy(base)
d["title"] = han(1700, "题")
write("title-5120", d, d["title"][:40])

# chart figures label[3 * 64], line lab[4 * 64], ring fig[200], bullet fig[256]:
# the longest literal with a 640-byte unit on a chart.
d = copy.deepcopy(base)
d["indicators"][0]["value"] = None
d["indicators"][0]["unit"] = han(214, "单")
d["indicators"][1]["unit"] = han(214, "单")
for ind, v in zip(d["indicators"], ("1234567890123456789012345678901234567890",
                                   "0.00000000000000000000000000000000000007")):
    ind["value"] = "@" + v  # replaced below by the literal itself
d["sections"] = [{"title": "指标", "blocks": [
    {"type": "bar", "title": "两项", "items": ["beds", "rate"]}]}]
text = json.dumps(d, ensure_ascii=False, indent=1)
for v in ("1234567890123456789012345678901234567890", "0.00000000000000000000000000000000000007"):
    text = text.replace(f'"@{v}"', v)
os.makedirs(f"{out}/figure-40", exist_ok=True)
open(f"{out}/figure-40/2025.json", "w", encoding="utf-8").write(text)
cases.append(("figure-40", "1,234,567,890,123,456,789,012,345,678,901,234,567,890"))

for name, expect in cases:
    print(f"{name}\t{expect}")
