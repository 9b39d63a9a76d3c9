"""The public account of the shipped examples names no assessor and nothing of an application
that was not funded (spec §7): no assessor's name, no id, title or applicant of an unfunded
dossier, in the HTML or the Markdown. The funded ones are those the funding line keeps within
BUDGET, recomputed here from the dossiers' own totals (their `# Expected: total` comments,
checked elsewhere against the program) — not taken from the program under test.
Usage: check_public.py SOURCE_DIR OUT_DIR BUDGET"""
import glob
import html
import os
import re
import sys

import yaml


def dossiers(src):
    out = []
    for path in sorted(glob.glob(os.path.join(src, "examples/dossiers/*.yaml"))):
        text = open(path, encoding="utf-8").read()
        d = yaml.safe_load(text)
        m = re.search(r"# Expected: total ≈ ([0-9.]+), (\S+)", text)
        d["_total"] = float(m.group(1)) if m else None
        out.append(d)
    return out


def funded(ds, budget):
    ranked = sorted((d for d in ds if d["_total"] is not None), key=lambda d: (-d["_total"], str(d["dossier"])))
    kept, spent = set(), 0
    for d in ranked:
        if spent + d.get("requested", 0) > budget:
            break
        spent += d.get("requested", 0)
        kept.add(str(d["dossier"]))
    return kept


def main(src, out, budget):
    ds = dossiers(src)
    kept = funded(ds, budget)
    problems = []
    for name in ("public.html", "public.md"):
        text = html.unescape(open(os.path.join(out, name), encoding="utf-8").read())
        text = text.replace("\\", "")  # Markdown escapes
        for d in ds:
            for a in d.get("assessments", []):
                who = a["assessor"]
                if a.get("role") in ("self", "auto-évaluation") and who in d.get("applicant", ""):
                    continue  # the applicant's own name, on its own award line
                if str(d["dossier"]) in kept and a.get("role") in ("self", "auto-évaluation"):
                    continue
                if who in text:
                    problems.append("%s names assessor %r" % (name, who))
            if str(d["dossier"]) in kept:
                if d["applicant"] not in text:
                    problems.append("%s does not name the funded applicant %r" % (name, d["applicant"]))
                continue
            for field in ("dossier", "title", "applicant"):
                if str(d[field]) in text:
                    problems.append("%s names %s %r of unfunded dossier %s" % (name, field, d[field], d["dossier"]))
    print("public account: %d funded of %d; %d problem(s)" % (len(kept), len(ds), len(problems)))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
