#!/usr/bin/python3
"""Prints the cells of the first sheet of an .xlsx, one a line: REF TYPE VALUE, TYPE being
`n` (a number) or `s` (text). What a spreadsheet made of a CSV it opened.

Usage: read_xlsx.py FILE.xlsx
"""
import html
import re
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    shared = [html.unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", si)))
              for si in re.findall(r"<si>.*?</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
for ref, attrs, value in re.findall(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>)?</c>)', sheet):
    if not value:
        continue
    text = 't="s"' in attrs
    print(ref, "s" if text else "n", shared[int(value)] if text else value, sep="\t")
