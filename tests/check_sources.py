#!/usr/bin/python3
"""Checks every indicator of the data files against its source document.

    check_sources.py SOURCES_DIR data/*.json

For each indicator: its source file exists in SOURCES_DIR, its quote is an
exact passage of that file, and the value, exactly as written in the data
file (2.30 stays 2.30), appears in the quote; a rank (kind "rank") may stand
there in Chinese numerals (第四 for 4), and its rank object is complete, with
`of` and `grade` in the quote too. A qualifier (约, 余, 以上…) must stand by
the value in the quote where Chinese puts it (约300人, 4700余万元, 93%以上),
and a value the quote qualifies must carry it. A period or base is written
exactly as the source writes it; as_of is a date (YYYY-MM or YYYY-MM-DD).

Each honour's quote is an exact passage of its source. Every number in a
text block, in a 要点 (highlights, three to five) and in an honour's text must
be one of the sheet's figures (a value, or the number ranked in a rank's
`of`; a unit's own number goes with its figure: 9.77/10万; a period one of
the figures states goes with it: 1至12月中旬, and so does the date of a stock:
as_of 2024-01, 2024年1月), or the sheet's year, or, in an
honour, a number its own quote states (在2023年“国考”中); a position in Chinese
numerals (第四, 第四名, 第四个) must be a rank's value, or, in an honour, stand
in its own quote (全国第四个…城市: an order, not a rank).

Prints one line per problem; exit 0 when all hold, 1 otherwise, 77 when
SOURCES_DIR is absent (skipped).
"""
import json
import os
import re
import sys

KINDS = {"count", "share", "change", "per_capita", "rank"}
# Where Chinese puts each qualifier: before the number, or after it (after a
# scale word such as 万 and after % or ‰: 9万余人次, 93%以上).
PREFIX_QUALIFIERS = ["超过", "不足", "不到", "约", "近", "超", "逾"]
SUFFIX_QUALIFIERS = ["以上", "以下", "以内", "左右", "余", "多"]
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_CHARS = "".join(CN_DIGITS) + "十百"
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# 第 with a Chinese numeral read as a position (第四, 第四名, 第四个), not a
# name (第一党支部, 第一目击者) or a count of rounds (第三次, 第四批).
ORDINAL = re.compile("第([" + CN_CHARS + "]+)(?=[名位个、，,。；;：:）)]|$)")
AS_OF = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")


def literal_json(path):
    # Keep numbers as the text they were written with.
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, parse_float=str, parse_int=str)


def cn_number(s):
    """The value of a Chinese numeral up to 999 (四 4, 十一 11, 二十 20), or None."""
    total, digit = 0, None
    for i, ch in enumerate(s):
        if ch in CN_DIGITS:
            if digit is not None:
                return None
            digit = CN_DIGITS[ch]
        elif ch in "十百":
            unit = 10 if ch == "十" else 100
            total += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + (digit or 0)


def cn_forms(n):
    """How n is written in Chinese numerals: 4 四, 10 十, 11 十一, 21 二十一."""
    digits = "零一二三四五六七八九"
    if n < 10:
        forms = {digits[n]}
        if n == 2:
            forms.add("两")
        return forms
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "十" if tens == 1 else digits[tens] + "十"
        tail = digits[ones] if ones else ""
        return {head + tail, "一" + head + tail} if tens == 1 else {head + tail}
    return set()


def stands_in(literal, text):
    """The number stands whole in text: 8 is not found inside 88 or 1.8."""
    return re.search(r"(?<![0-9.])" + re.escape(literal) + r"(?![0-9])", text) is not None


def cn_stands_in(n, text):
    return any(re.search("(?<![" + CN_CHARS + "])" + re.escape(f) + "(?![" + CN_CHARS + "])", text)
               for f in cn_forms(n))


def qualifiers_at(literal, quote):
    """The qualifiers standing by each occurrence of literal in quote."""
    found = set()
    for m in re.finditer(r"(?<![0-9.])" + re.escape(literal) + r"(?![0-9])", quote):
        before, after = quote[:m.start()], quote[m.end():]
        for q in PREFIX_QUALIFIERS:
            if before.endswith(q):
                found.add(q)
                break
        after = re.sub(r"^[万亿千百]?[%‰]?", "", after)
        for q in SUFFIX_QUALIFIERS:
            if after.startswith(q):
                found.add(q)
                break
    return found


def text_problems(where, text, figures, ranks, year, units=(), periods=(), quote=""):
    out = []
    # A unit with a number in it (9.77/10万) is read with its figure.
    for literal, unit in units:
        text = text.replace(literal + unit, literal)
    # A period a figure states (1至12月中旬) is the source's words, and the date
    # of a stock (as_of 2024-01: 2024年1月) is the figure's; neither is a figure.
    for period in sorted(periods, key=len, reverse=True):
        text = text.replace(period, "")
    for num in NUMBER.findall(text):
        if num not in figures and num != year and not stands_in(num, quote):
            out.append(f"{where}: the text says {num}, which is not one of the sheet's figures")
    for m in ORDINAL.finditer(text):
        n = cn_number(m.group(1))
        if "第" + m.group(1) in quote:
            continue  # an honour's order (全国第四个…城市) stands in its own quote
        if n is None or n not in ranks:
            out.append(f"{where}: the text says 第{m.group(1)}, which is not the value of one of "
                       f"the sheet's ranks")
    return out


class Sources:
    def __init__(self, folder):
        self.folder = folder
        self.cache = {}

    def read(self, name):
        """The document's text, or an error message."""
        if "/" in name or name.startswith(".") or not name:
            return None, f"source file name {name!r} is not a plain file name"
        if name not in self.cache:
            try:
                with open(os.path.join(self.folder, name), encoding="utf-8") as f:
                    self.cache[name] = f.read()
            except OSError as e:
                return None, f"cannot read source {name}: {e.strerror}"
        return self.cache[name], None


def check_indicator(where, ind, text, name):
    out = []
    src = ind.get("source") or {}
    quote = src.get("quote", "")
    literal = str(ind.get("value"))
    kind = ind.get("kind")
    if not quote or quote not in text:
        out.append(f"{where}: quote {quote!r} is not in {name}")
    if kind is not None and kind not in KINDS:
        out.append(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    # The literal must stand as a whole number in the quote: 8 must not
    # match inside 88 or 1.8. A rank may be written 第四.
    in_quote = stands_in(literal, quote)
    if not in_quote and kind == "rank" and literal.isdigit():
        in_quote = cn_stands_in(int(literal), quote)
    if not in_quote:
        out.append(f"{where}: value {literal} does not appear in its quote {quote!r}")
    rank = ind.get("rank")
    if kind == "rank":
        if not isinstance(rank, dict) or not rank.get("level") or not rank.get("field"):
            out.append(f"{where}: a rank needs a rank object with level and field")
            rank = rank if isinstance(rank, dict) else {}
        if not literal.isdigit() or int(literal) < 1:
            out.append(f"{where}: a rank's value is its position, a whole number from 1, not {literal}")
        if ind.get("unit") != "":
            out.append(f"{where}: a rank's unit is \"\", not {ind.get('unit')!r}")
        if "of" in rank and not stands_in(str(rank["of"]), quote):
            out.append(f"{where}: the number ranked ({rank['of']}) does not appear in the quote")
        if rank.get("grade") and rank["grade"] not in quote:
            out.append(f"{where}: the grade {rank['grade']!r} does not appear in the quote")
    elif rank is not None:
        out.append(f"{where}: a rank object belongs to kind \"rank\" only")
    if ind.get("base") is not None:
        if kind != "change":
            out.append(f"{where}: base belongs to kind \"change\" only")
        if ind["base"] not in text:
            out.append(f"{where}: base {ind['base']!r} is not written so in {name}")
    if ind.get("period") is not None and ind["period"] not in text:
        out.append(f"{where}: period {ind['period']!r} is not written so in {name}")
    if ind.get("as_of") is not None and not AS_OF.match(ind["as_of"]):
        out.append(f"{where}: as_of {ind['as_of']!r} is not a date YYYY-MM or YYYY-MM-DD")
    if in_quote and kind != "rank":
        qualifier = ind.get("qualifier")
        stated = qualifiers_at(literal, quote)
        if qualifier is not None and qualifier not in stated:
            out.append(f"{where}: the quote does not qualify {literal} with {qualifier!r}")
        if qualifier is None and stated:
            out.append(f"{where}: the quote qualifies {literal} with "
                       f"{'/'.join(sorted(stated))!r}, but the figure has no qualifier")
    return out


def main():
    sources, files = sys.argv[1], sys.argv[2:]
    if not os.path.isdir(sources):
        print(f"skipped: no source documents in {sources}")
        return 77
    docs = Sources(sources)
    problems = 0
    checked = 0

    def report(lines):
        nonlocal problems
        for line in lines:
            print(line)
        problems += len(lines)

    for path in files:
        sheet = literal_json(path)
        year = str(sheet.get("year"))
        figures, ranks, units, periods = set(), set(), set(), set()
        ids = set()
        for i, ind in enumerate(sheet.get("indicators", [])):
            where = f"{path}: indicators[{i}] ({ind.get('id')})"
            literal = str(ind.get("value"))
            figures.add(literal)
            ids.add(ind.get("id"))
            if NUMBER.search(ind.get("period") or ""):
                periods.add(ind["period"])
            if AS_OF.match(ind.get("as_of") or ""):
                y, m, *d = (int(x) for x in ind["as_of"].split("-"))
                periods.add(f"{y}年{m}月" + (f"{d[0]}日" if d else ""))
            if NUMBER.search(ind.get("unit") or ""):
                units.add((literal, ind["unit"]))
            if ind.get("kind") == "rank" and literal.isdigit():
                ranks.add(int(literal))
                if isinstance(ind.get("rank"), dict) and "of" in ind["rank"]:
                    figures.add(str(ind["rank"]["of"]))
            name = (ind.get("source") or {}).get("file", "")
            text, err = docs.read(name)
            if err:
                report([f"{where}: {err}"])
                continue
            checked += 1
            report(check_indicator(where, ind, text, name))
        for h, hon in enumerate(sheet.get("honours", [])):
            where = f"{path}: honours[{h}] ({hon.get('id')})"
            if hon.get("id") in ids:
                report([f"{where}: the id is used twice in this file"])
            ids.add(hon.get("id"))
            if not hon.get("text"):
                report([f"{where}: the honour has no text"])
            src = hon.get("source") or {}
            text, err = docs.read(src.get("file", ""))
            if err:
                report([f"{where}: {err}"])
            elif not src.get("quote") or src["quote"] not in text:
                report([f"{where}: quote {src.get('quote')!r} is not in {src.get('file')}"])
            report(text_problems(where, hon.get("text", ""), figures, ranks, year, units, periods,
                                 src.get("quote", "")))
        highlights = sheet.get("highlights")
        if highlights is not None:
            if not 3 <= len(highlights) <= 5:
                report([f"{path}: highlights: {len(highlights)} sentences; 要点 are three to five"])
            for k, sentence in enumerate(highlights):
                report(text_problems(f"{path}: highlights[{k}]", sentence, figures, ranks, year, units, periods))
        for s, sec in enumerate(sheet.get("sections", [])):
            for b, blk in enumerate(sec.get("blocks", [])):
                if blk.get("type") != "text":
                    continue
                report(text_problems(f"{path}: sections[{s}].blocks[{b}]", blk.get("text", ""),
                                     figures, ranks, year, units, periods))
    print(f"{checked} figures checked against their sources, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
