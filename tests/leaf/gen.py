#!/usr/bin/env python3
"""gen.py CASE > sheet.json — sheets that exercise the one-leaf layout.

Cases (figures are made up; each quote holds its value, as the loader asks):
  fits       要点, four hero figures, one bar chart, a rest table of 20
  roomy      the same with a rest table of 8
  tight      the same with a rest table of 30: fits only when the layout
             tightens (lower charts, smaller gaps)
  back       the same with a rest table of 90: a front page and a back page
  continued  a rest table of 200: the complete table runs over and repeats
             its header under 续表
  toomuch    six hero figures, three charts and eight long paragraphs: no
             tightening fits them on a front page
  aligned    a table of figures with and without decimals
"""
import json
import sys

NUMS = "〇一二三四五六七八九"


def name(i):
    return "指标" + "".join(NUMS[int(c)] for c in str(i))


def indicator(i, value, unit="个"):
    text = f"{value}{unit}"
    return {"id": f"m{i}", "label": name(i), "value": value, "unit": unit,
            "source": {"file": "a.txt", "quote": f"{name(i)}为{text}"}}


def sheet(n_rest, hero=4, charts=1, paragraphs=0, values=None):
    inds = []
    if values is None:
        values = [100 + 7 * i for i in range(6 + 3 * charts + n_rest)]
    for i, v in enumerate(values):
        inds.append(indicator(i, v))
    hl = [f"{name(0)}达{values[0]}个，{name(1)}为{values[1]}个。",
          f"{name(2)}增至{values[2]}个。",
          f"{name(3)}为{values[3]}个。"]
    sections = [{"title": "年度主要指标",
                 "blocks": [{"type": "hero", "items": [f"m{i}" for i in range(hero)]}]}]
    k = 6
    for c in range(charts):
        sections.append({"title": f"专题{NUMS[c + 1]}", "blocks": [
            {"type": "bar", "title": f"专题{NUMS[c + 1]}的三项指标",
             "items": [f"m{k}", f"m{k + 1}", f"m{k + 2}"]}]})
        k += 3
    for p in range(paragraphs):
        sections.append({"title": f"说明{NUMS[(p % 9) + 1]}", "blocks": [
            {"type": "text", "text": "全市卫生健康系统坚持以人民健康为中心，" * 14}]})
    sections.append({"title": "指标一览", "blocks": [{"type": "table", "rest": True}]})
    return {"year": 2025, "title": "2025年测试市卫生健康事业发展概况", "issuer": "测试市卫生健康委员会",
            "date": "2026-01-15", "sources": [{"file": "a.txt", "title": "测试来源"}],
            "highlights": hl, "indicators": inds, "sections": sections}


def main():
    case = sys.argv[1]
    if case == "fits":
        s = sheet(20)
    elif case == "roomy":
        s = sheet(8)
    elif case == "tight":
        s = sheet(30)
    elif case == "back":
        s = sheet(90)
    elif case == "continued":
        s = sheet(200)
    elif case == "toomuch":
        s = sheet(10, hero=6, charts=3, paragraphs=8)
    elif case == "aligned":
        vals = [11, 12, 13, 14, 15, 16, 17, 18, 19, 23, 23.5, 1530, 3.58, 9]
        s = sheet(len(vals) - 9, values=vals)
    else:
        sys.exit(f"unknown case {case}")
    json.dump(s, sys.stdout, ensure_ascii=False, indent=1)


main()
