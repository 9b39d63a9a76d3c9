#!/usr/bin/python3
"""Checks the column widths Word gets for a table of a .docx made by pandoc: the table whose
first header cell is HEADER must have unequal widths, its widest column being WIDEST (text
columns get room, number columns stay narrow). Prints the widths; exits 1 when they fail.

Usage: docx_widths.py FILE.docx HEADER WIDEST
"""
import re
import sys
import zipfile


def tables(document):
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S):
        widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
        first_row = re.search(r"<w:tr[ >].*?</w:tr>", table, re.S).group(0)
        cells = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", cell))
                 for cell in re.findall(r"<w:tc>.*?</w:tc>", first_row, re.S)]
        yield cells, widths


def main():
    path, header, widest = sys.argv[1:4]
    with zipfile.ZipFile(path) as z:
        document = z.read("word/document.xml").decode("utf-8")
    for cells, widths in tables(document):
        if not cells or cells[0] != header:
            continue
        print(f"{header}: " + ", ".join(f"{c} {w}" for c, w in zip(cells, widths)))
        if len(set(widths)) == 1:
            print(f"FAIL: every column of the table '{header}' has the same width")
            return 1
        if cells[widths.index(max(widths))] != widest:
            print(f"FAIL: the widest column of '{header}' is not '{widest}'")
            return 1
        return 0
    print(f"FAIL: no table whose first header is '{header}' in {path}")
    return 1


sys.exit(main())
