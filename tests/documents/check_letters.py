"""Every letter of every example, written by the real command, holds nothing that is not the
applicant's to see (spec §7): no assessor's name but the applicant's own (a self-assessment
is often signed with it), no committee note, no comment, evidence or N/A reason written by an
assessor. Words the grid publishes (titles, guidance, level labels...) are not private.
The letters are written by `ess-eval letter --out-dir` for the shipped dossiers: all of them
with a letterhead file and a date, then each call's dossiers with `--call ID` (the call's
letterhead and decision date). Each run must write one letter per dossier it keeps, dated as
it should be. The scan is shown to catch a private word planted in a copy of a letter.
Usage: check_letters.py ESS_EVAL SOURCE_DIR OUT_DIR"""
import glob
import os
import shutil
import subprocess
import sys

import yaml

SELF_ROLES = ("self", "auto-évaluation")
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"]


def strings(node):
    """Every string of a YAML tree: what a published file says."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def private_words(d):
    words = []
    for a in d.get("assessments", []):
        if a.get("role") not in SELF_ROLES:
            words.append(a["assessor"])
        if a.get("comment"):
            words.append(a["comment"])
        for entry in (a.get("scores") or {}).values():
            if isinstance(entry, dict):
                words += [str(entry[k]) for k in ("evidence", "comment", "na") if entry.get(k)]
    for entry in (d.get("consensus") or {}).values():
        if isinstance(entry, dict):
            words += [str(entry[k]) for k in ("note", "evidence", "comment") if entry.get(k)]
    return [w for w in words if w.strip()]


def plain(text):
    """The letter as a reader sees it: Markdown escapes dropped, no-break spaces as spaces."""
    return text.replace("\\", "").replace("\u00a0", " ").replace("\u202f", " ")


def long_date(iso):
    y, m, d = iso.split("-")
    return "%d %s %s" % (int(d), FRENCH_MONTHS[int(m) - 1], y)


def leaks(letter, d, published):
    return [w for w in private_words(d) if w in letter and w not in published]


def main(ess, src, out):
    os.chdir(src)
    grid = yaml.safe_load(open("criteria/ess-citoyennete-economique.yaml", encoding="utf-8"))
    published = "\n".join(strings(grid))
    dossiers = {}
    for path in sorted(glob.glob("examples/dossiers/*.yaml")):
        d = yaml.safe_load(open(path, encoding="utf-8"))
        dossiers[str(d["dossier"])] = d
    calls = {}
    for path in sorted(glob.glob("criteria/calls/*.yaml")):
        c = yaml.safe_load(open(path, encoding="utf-8"))
        calls[c["call"]] = c
    head = os.path.join(out, "letterhead.yaml")
    os.makedirs(out, exist_ok=True)
    with open(head, "w", encoding="utf-8") as f:
        f.write("sender: Fondation exemple — Service des subventions\n"
                "signature: La responsable des subventions\nplace: Guéret\n")
    runs = [("all", ["--letterhead", head, "--date", "2026-06-15"], set(dossiers), "2026-06-15",
             "Fondation exemple")]
    for cid, c in calls.items():
        kept = {i for i, d in dossiers.items() if d.get("call") == cid}
        runs.append((cid, ["--call", cid], kept, str(c["decision"]["date"]),
                     c["letterhead"]["sender"]))
    problems, scanned = [], 0
    for name, args, kept, date, sender in runs:
        folder = os.path.join(out, name)
        shutil.rmtree(folder, ignore_errors=True)
        run = subprocess.run([ess, "letter", "--out-dir", folder] + args + ["examples/dossiers"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            problems.append("%s: exit %d: %s" % (name, run.returncode, run.stderr.strip()))
        written = {f[:-3] for f in os.listdir(folder)} if os.path.isdir(folder) else set()
        if written != kept:
            problems.append("%s: letters %s, dossiers kept %s" % (name, sorted(written), sorted(kept)))
        for i in sorted(written & kept):
            letter = plain(open(os.path.join(folder, i + ".md"), encoding="utf-8").read())
            scanned += 1
            for w in leaks(letter, dossiers[i], published):
                problems.append("%s/%s.md holds a private word: %r" % (name, i, w[:80]))
            for must in (dossiers[i]["applicant"], long_date(date), plain(sender)):
                if must not in letter:
                    problems.append("%s/%s.md lacks %r" % (name, i, must))
    # The scan can fail: a committee note planted in a letter is found.
    planted = plain(open(os.path.join(out, "all", "2026-002.md"), encoding="utf-8").read())
    note = dossiers["2026-002"]["consensus"]["debat"]["note"]
    if not leaks(planted + "\n" + note, dossiers["2026-002"], published):
        problems.append("the scan misses a committee note planted in a letter")
    print("letters: %d scanned over %d runs; %d problem(s)" % (scanned, len(runs), len(problems)))
    for p in problems:
        print("  " + p)
    return 1 if problems or scanned < len(dossiers) else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])))
