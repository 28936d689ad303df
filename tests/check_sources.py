#!/usr/bin/python3
"""Checks every indicator of the data files against its source document.

    check_sources.py SOURCES_DIR data/*.json

For each indicator: its source file exists in SOURCES_DIR, its quote is an
exact passage of that file, and the value, exactly as written in the data
file (2.30 stays 2.30), appears in the quote. Every number in a text block
must be one of the sheet's figures. Prints one line per problem; exit 0 when
all hold, 1 otherwise, 77 when SOURCES_DIR is absent (skipped).
"""
import json
import os
import re
import sys


def literal_json(path):
    # Keep numbers as the text they were written with.
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, parse_float=str, parse_int=str)


def main():
    sources, files = sys.argv[1], sys.argv[2:]
    if not os.path.isdir(sources):
        print(f"skipped: no source documents in {sources}")
        return 77
    problems = 0
    checked = 0
    cache = {}
    for path in files:
        sheet = literal_json(path)
        figures = set()
        for i, ind in enumerate(sheet.get("indicators", [])):
            where = f"{path}: indicators[{i}] ({ind.get('id')})"
            src = ind.get("source") or {}
            name, quote = src.get("file", ""), src.get("quote", "")
            literal = str(ind.get("value"))
            figures.add(literal)
            if "/" in name or name.startswith("."):
                print(f"{where}: source file name {name!r} is not a plain file name")
                problems += 1
                continue
            doc_path = os.path.join(sources, name)
            if name not in cache:
                try:
                    with open(doc_path, encoding="utf-8") as f:
                        cache[name] = f.read()
                except OSError as e:
                    print(f"{where}: cannot read source {name}: {e.strerror}")
                    problems += 1
                    continue
            text = cache[name]
            checked += 1
            if not quote or quote not in text:
                print(f"{where}: quote {quote!r} is not in {name}")
                problems += 1
            # The literal must stand as a whole number in the quote: 8 must not
            # match inside 88 or 1.8.
            if not re.search(r"(?<![0-9.])" + re.escape(literal) + r"(?![0-9])", quote):
                print(f"{where}: value {literal} does not appear in its quote {quote!r}")
                problems += 1
        for s, sec in enumerate(sheet.get("sections", [])):
            for b, blk in enumerate(sec.get("blocks", [])):
                if blk.get("type") != "text":
                    continue
                for num in re.findall(r"[0-9]+(?:\.[0-9]+)?", blk.get("text", "")):
                    if num not in figures and num != str(sheet.get("year")):
                        print(f"{path}: sections[{s}].blocks[{b}]: the text says {num}, "
                              f"which is not one of the sheet's figures")
                        problems += 1
    print(f"{checked} figures checked against their sources, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
