#!/usr/bin/python3
"""Run the C++ ess-eval on generated data and compare it with the oracle.

    python3 tests/oracle/compare.py --ess-eval build/ess-eval                 # seed 1, 30 cases
    python3 tests/oracle/compare.py --ess-eval build/ess-eval --seed 7 --count 200
    python3 tests/oracle/compare.py --ess-eval build/ess-eval --data /tmp/ess-cases

For every dossier of every case (OUT/<case>/grid.yaml + OUT/<case>/dossiers/*.yaml, see
gen.py) it runs
    ess-eval score --grid G --format json D
and, once per case,
    ess-eval rank --grid G --format json [--budget B] D...
and compares, to 1e-9 absolute: total, status, decision; every criterion's s, points_to_gain
and effective_weight (and a leaf's status); each dossier's rank, place in the list and, under a
budget, its funded flag; and the x-expect total range of hand-written cases. Every
disagreement is printed; the last line is exactly `N passed, M failed` (N dossiers that
agree, M that do not); the exit status is 1 on any failure.
"""

import argparse
import concurrent.futures
import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import oracle  # noqa: E402

TOL = 1e-9
TIMEOUT = 120            # seconds per ess-eval run; the spec says it never hangs


# ---------------------------------------------------------------------------------------------
# Comparing values
# ---------------------------------------------------------------------------------------------

def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def same_number(ours, theirs):
    if ours is None or theirs is None:
        return ours is None and theirs is None
    if not is_num(theirs) or not math.isfinite(theirs):
        return False
    return abs(ours - theirs) <= TOL


def show(x):
    return json.dumps(x, ensure_ascii=False)


def number_diff(what, ours, theirs):
    if same_number(ours, theirs):
        return None
    extra = ""
    if is_num(ours) and is_num(theirs):
        extra = f" (|diff| = {abs(ours - theirs):.3g})"
    return f"{what}: ess-eval {show(theirs)} != oracle {show(ours)}{extra}"


def value_diff(what, ours, theirs):
    if ours == theirs:
        return None
    return f"{what}: ess-eval {show(theirs)} != oracle {show(ours)}"


# ---------------------------------------------------------------------------------------------
# Running the binary
# ---------------------------------------------------------------------------------------------

def run_json(cmd):
    """Runs cmd; returns (parsed JSON or None, problem text or None)."""
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT} s: {' '.join(cmd)}"
    except OSError as e:
        return None, f"cannot run {cmd[0]}: {e}"
    stderr = p.stderr.decode("utf-8", "replace").strip()
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, (f"exit {p.returncode}, stdout is not JSON ({e}); stderr: "
                      f"{stderr[:500] or '(empty)'}")
    if p.returncode != 0:
        return doc, f"exit {p.returncode} (stdout parsed anyway); stderr: {stderr[:500]}"
    return doc, None


def budget_arg(b):
    return str(b) if isinstance(b, int) else repr(b)


# ---------------------------------------------------------------------------------------------
# One case
# ---------------------------------------------------------------------------------------------

class Case:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(os.path.normpath(path))
        self.grid_path = os.path.join(path, "grid.yaml")
        self.files = sorted(glob.glob(os.path.join(path, "dossiers", "*.yaml")))
        with open(os.path.join(path, "case.json"), encoding="utf-8") as f:
            self.meta = json.load(f)
        self.budget = self.meta.get("budget")


STATISTIC = "mean"  # set from --consolidate in main()


def compare_score(ours, theirs, dossier):
    problems = []
    for field in ("status", "decision"):
        p = value_diff(field, ours[field], theirs.get(field))
        if p:
            problems.append(p)
    p = number_diff("total", ours["total"], theirs.get("total"))
    if p:
        problems.append(p)
    # Published expectations hold for the default statistic (the mean) only.
    expect = (dossier.get("x-expect") or {}) if STATISTIC == "mean" else {}
    if "total" in expect and is_num(theirs.get("total")):
        lo, hi = expect["total"]
        if not lo <= theirs["total"] <= hi:
            problems.append(f"total {theirs['total']!r} outside the published x-expect [{lo}, {hi}]")
    if "decision" in expect and theirs.get("decision") != expect["decision"]:
        problems.append(f"decision {show(theirs.get('decision'))} != published x-expect "
                        f"{show(expect['decision'])}")

    their_criteria = {}
    for c in theirs.get("criteria") or []:
        if isinstance(c, dict) and "criterion" in c:
            their_criteria[c["criterion"]] = c
    for c in ours["criteria"]:
        t = their_criteria.pop(c["criterion"], None)
        label = f"criterion {c['path']}"
        if t is None:
            problems.append(f"{label}: absent from ess-eval's criteria[]")
            continue
        for field in ("s", "points_to_gain", "effective_weight", "target", "gap", "value", "spread", "self_gap"):
            p = number_diff(f"{label} {field}", c[field], t.get(field))
            if p:
                problems.append(p)
        if c["kind"] == "leaf":
            p = value_diff(f"{label} status", c["status"], t.get("status"))
            if p:
                problems.append(p)
    for cid in their_criteria:
        problems.append(f"criterion {cid}: in ess-eval's criteria[] but not in the grid")
    return problems


def compare_rank(ours, theirs, budget):
    """Returns {dossier id: [problems]}."""
    problems = {}
    rows = theirs.get("dossiers") if isinstance(theirs, dict) else None
    if not isinstance(rows, list):
        for row in ours["dossiers"]:
            problems.setdefault(row["dossier"], []).append("rank: no `dossiers` array in the output")
        return problems
    their_rows = {}
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            their_rows[str(row.get("dossier"))] = (i, row)
    for i, row in enumerate(ours["dossiers"]):
        did = row["dossier"]
        mine = problems.setdefault(did, [])
        if did not in their_rows:
            mine.append("rank: dossier absent from ess-eval's ranking")
            continue
        j, t = their_rows.pop(did)
        if i != j:
            mine.append(f"rank: listed at position {j + 1} by ess-eval, {i + 1} by the oracle")
        for p in (value_diff("rank", row["rank"], t.get("rank")),
                  value_diff("rank status", row["status"], t.get("status")),
                  number_diff("rank total", row["total"], t.get("total"))):
            if p:
                mine.append(p)
        if budget is not None:
            funded = t.get("funded")
            if row["rank"] is None and funded is None:
                funded = False                           # unranked: null means not funded too
            p = value_diff(f"funded (budget {budget_arg(budget)})", row["funded"], funded)
            if p:
                mine.append(p)
    for did in their_rows:
        problems.setdefault(did, []).append("rank: listed by ess-eval but not by the oracle")
    return problems


def check_case(case, binary, consolidate, pool):
    """Returns an ordered {dossier id: [problems]} for the case."""
    results = {}
    grid = oracle.Grid.load(case.grid_path)
    dossiers = [oracle.load_dossier(f) for f in case.files]
    ours = {}
    for f, d in zip(case.files, dossiers):
        did = str(d.get("dossier"))
        results[did] = []
        try:
            ours[did] = oracle.score_dossier(grid, d, consolidate)
        except oracle.OracleError as e:
            results[did].append(f"the oracle refuses this dossier: {e}")

    extra = ["--consolidate", consolidate] if consolidate != "mean" else []
    score_cmds = {str(d.get("dossier")): [binary, "score", "--grid", case.grid_path, "--format",
                                          "json"] + extra + [f]
                  for f, d in zip(case.files, dossiers)}
    futures = {did: pool.submit(run_json, cmd) for did, cmd in score_cmds.items()}
    for f, d in zip(case.files, dossiers):
        did = str(d.get("dossier"))
        doc, problem = futures[did].result()
        if problem:
            results[did].append(f"score: {problem}")
        if isinstance(doc, list):
            doc = next((x for x in doc if isinstance(x, dict) and str(x.get("dossier")) == did),
                       None)
        if not isinstance(doc, dict):
            if not problem:
                results[did].append("score: no JSON object for this dossier")
            continue
        if did in ours:
            results[did].extend(compare_score(ours[did], doc, d))

    if len(ours) == len(dossiers):
        ranking = oracle.rank(grid, list(ours.values()), case.budget)
        cmd = [binary, "rank", "--grid", case.grid_path, "--format", "json"] + extra
        if case.budget is not None:
            cmd += ["--budget", budget_arg(case.budget)]
        cmd += case.files
        score_cmds[None] = cmd
        doc, problem = run_json(cmd)
        if problem:
            for did in results:
                results[did].append(f"rank: {problem}")
        if doc is not None:
            for did, problems in compare_rank(ranking, doc, case.budget).items():
                results.setdefault(did, []).extend(problems)
    return results, score_cmds


# ---------------------------------------------------------------------------------------------

def binary_problem(path):
    if not os.path.exists(path):
        return f"{path} does not exist (is ess-eval built?)"
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        return f"{path} is not an executable file"
    return None


def main(argv=None):
    p = argparse.ArgumentParser(description="compare ess-eval with the Python oracle")
    p.add_argument("--ess-eval", required=True, dest="binary", help="path to the ess-eval binary")
    p.add_argument("--data", help="cases written by gen.py (default: generate them now)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=30, help="cases to generate (without --data)")
    p.add_argument("--consolidate", default="mean", choices=oracle.STATISTICS,
                   help="passed to ess-eval as --consolidate when not mean")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--keep", action="store_true", help="keep the generated cases")
    args = p.parse_args(argv)
    global STATISTIC
    STATISTIC = args.consolidate

    tmp = None
    data = args.data
    if data is None:
        tmp = tempfile.mkdtemp(prefix="ess-oracle-")
        data = tmp
        gen.generate(args.seed, args.count, data)
        print(f"generated {args.count} cases with seed {args.seed} in {data} "
              f"(python3 tests/oracle/gen.py --seed {args.seed} --count {args.count} --out DIR)")
    cases = [Case(os.path.dirname(g)) for g in sorted(glob.glob(os.path.join(data, "*", "grid.yaml")))]
    if not cases:
        print(f"compare: no case (*/grid.yaml) under {data}")
        print("0 passed, 1 failed")
        return 1

    binary = os.path.abspath(args.binary) if os.sep in args.binary else (
        shutil.which(args.binary) or args.binary)
    not_ready = binary_problem(binary)
    passed = failed = 0
    if not_ready:
        print(f"compare: ess-eval is not ready: {not_ready}")
        for case in cases:
            failed += len(case.files)
        print(f"every dossier counts as failed ({failed} in {len(cases)} cases)")
    else:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            for case in cases:
                results, cmds = check_case(case, binary, args.consolidate, pool)
                for did, problems in results.items():
                    if not problems:
                        passed += 1
                        continue
                    failed += 1
                    print(f"FAIL {case.name}/{did}")
                    for problem in problems:
                        print(f"  {problem}")
                    if did in cmds:
                        print(f"  reproduce: {' '.join(cmds[did])}")
                    if any(p.startswith("rank") for p in problems) and None in cmds:
                        print(f"  rank:      {' '.join(cmds[None])}")
                    print(f"  oracle:    python3 {os.path.join(HERE, 'oracle.py')} score "
                          f"--grid {case.grid_path} {cmds.get(did, ['?'])[-1]}")
    if tmp and not args.keep and not (failed and not not_ready):
        shutil.rmtree(tmp, ignore_errors=True)
    elif tmp:
        print(f"cases kept in {tmp}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
