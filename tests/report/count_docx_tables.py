#!/usr/bin/python3
"""Prints the number of tables (<w:tbl>) in a .docx file's main document."""
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    print(z.read("word/document.xml").decode("utf-8").count("<w:tbl>"))
