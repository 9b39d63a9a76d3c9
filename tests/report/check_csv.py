#!/usr/bin/python3
"""Reads a `score` CSV back with the csv module: header of §4, 14 fields a row, numbers that
parse (with a decimal comma when the separator is ';'), stable status tokens.

Usage: check_csv.py SEPARATOR FILE
"""
import csv
import sys

HEADER = ["dossier", "criterion", "path", "level", "value", "s", "weight", "effective_weight",
          "target", "gap", "points_to_gain", "spread", "self_gap", "status"]
NUMBERS = ["value", "s", "weight", "effective_weight", "target", "gap", "points_to_gain",
           "spread", "self_gap"]


def main():
    sep, path = sys.argv[1], sys.argv[2]
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=sep, strict=True))
    problems = []
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[0] if rows else None}")
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            problems.append(f"row {i}: {len(row)} fields")
            continue
        rec = dict(zip(HEADER, row))
        for name in NUMBERS:
            text = rec[name]
            if sep == ";":
                if "." in text:
                    problems.append(f"row {i}: {name} {text!r} has a decimal point")
                text = text.replace(",", ".")
            if text:
                try:
                    float(text)
                except ValueError:
                    problems.append(f"row {i}: {name} {rec[name]!r} is not a number")
        if rec["status"] not in ("scored", "na", "missing"):
            problems.append(f"row {i}: status {rec['status']!r}")
    if len(rows) < 2:
        problems.append("no data row")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
