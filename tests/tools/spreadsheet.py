#!/usr/bin/python3
"""Does to a CSV what WPS or Excel does when a clerk opens it, types and
saves it again, for the export → spreadsheet → import tests.

    spreadsheet.py resave IN.csv OUT.csv
    spreadsheet.py fill IN.csv FROM.json OUT.csv [--extra-column] [--title-row] [--tabs]

Opening: a byte-order mark marks UTF-8 (else GBK); a cell ="2.30" is a
formula whose result, the text 2.30, is what the sheet shows and saves; a
plain number cell would lose its trailing zeros (2.30 → 2.3), which is why
export writes figures as ="…"; '=x stays '=x (an apostrophe in a CSV cell is
text). Saving ("CSV" on Chinese Windows): GBK, no byte-order mark, CRLF,
quotes only where a cell needs them.

fill types into each row the figure, unit, qualifier, period, scope and
source of the indicator with the row's id in FROM.json, values as the text
cell a clerk formats for them. --extra-column adds a 备注 column (a note for
the reviewer), --title-row a title above the header, --tabs saves as "Text
(tab-delimited)".
"""
import csv
import io
import json
import re
import sys


def read(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8")
    else:
        text = raw.decode("gbk")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    shown = []
    for row in rows:
        out = []
        for cell in row:
            m = re.fullmatch(r'="(.*)"', cell)
            if m:
                cell = m.group(1)  # the formula's result, shown and saved as text
            elif re.fullmatch(r"-?[0-9]+\.[0-9]*0", cell):
                cell = str(float(cell))  # a number cell: trailing zeros lost
            out.append(cell)
        shown.append(out)
    return shown


def save(rows, path, tabs=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t" if tabs else ",", lineterminator="\r\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    open(path, "wb").write(buf.getvalue().encode("gbk"))


def main():
    mode = sys.argv[1]
    if mode == "resave":
        save(read(sys.argv[2]), sys.argv[3])
        return
    rows = read(sys.argv[2])
    src = json.load(open(sys.argv[3], encoding="utf-8"), parse_float=str, parse_int=str)
    out_path = sys.argv[4]
    flags = set(sys.argv[5:])
    by_id = {i["id"]: i for i in src["indicators"]}
    header = rows[0]
    col = {name: k for k, name in enumerate(header)}
    for row in rows[1:]:
        ind = by_id.get(row[col["指标代码"]])
        if not ind:
            continue
        row[col["数值"]] = str(ind["value"])
        row[col["单位"]] = ind.get("unit", "")
        row[col["限定词"]] = ind.get("qualifier", "")
        row[col["时期"]] = ind.get("period", "")
        row[col["范围"]] = ind.get("scope", "")
        row[col["来源文件"]] = ind["source"]["file"]
        row[col["来源原文"]] = ind["source"]["quote"]
    if "--extra-column" in flags:
        rows[0].insert(0, "序号")
        rows[0].append("备注")
        for k, row in enumerate(rows[1:], 1):
            row.insert(0, str(k))
            row.append("已核" if k % 2 else "")
    if "--title-row" in flags:
        rows.insert(0, ["2026年卫生健康指标（填报表）"] + [""] * (len(rows[0]) - 1))
    save(rows, out_path, tabs="--tabs" in flags)


if __name__ == "__main__":
    main()
