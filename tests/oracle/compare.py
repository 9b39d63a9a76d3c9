#!/usr/bin/python3
"""Run the C++ ess-eval on generated data and compare it with the oracle.

    python3 tests/oracle/compare.py --ess-eval build/ess-eval                 # seed 1, 30 cases
    python3 tests/oracle/compare.py --ess-eval build/ess-eval --seed 7 --count 200
    python3 tests/oracle/compare.py --ess-eval build/ess-eval --data /tmp/ess-cases

For every dossier of every case (OUT/<case>/grid.yaml + OUT/<case>/dossiers/*.yaml, see
gen.py) it runs
    ess-eval score --grid G --format json D
and, once per case, over every file (the invalid ones too)
    ess-eval rank --grid G --format json [--budget B] D...
    ess-eval rank --grid G --format json --group-by K [--budget GROUP=B ...] D...  (some cases)
and compares, to 1e-9 absolute: total, status, decision; every criterion's s, points_to_gain,
effective_weight, target, gap, value, spread, self_gap (and a leaf's status and omitted_by);
each assessment's own total and band (`assessors`); the missing-score warnings of omissions;
each rank row's rank, place in the list,
status, total and file, an invalid file's error code, and under a budget its funded flag and
why it is not funded (`unfunded`); under --group-by, each row's funded flag and `unfunded`;
and the x-expect total range of hand-written cases. Every disagreement is printed; the last
line is exactly `N passed, M failed` (N files that agree, M that do not); the exit status is
1 on any failure. Written from the man page (man/ess-eval.1) and README.md beside this file,
never from the C++.
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

def run_json(cmd, expected_rc=0):
    """Runs cmd; returns (parsed JSON or None, problem text or None)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env["LC_ALL"] = "C"                    # diagnostics in English: compare_omission_warnings
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env)
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
    if p.returncode != expected_rc:
        return doc, (f"exit {p.returncode}, not {expected_rc} (stdout parsed anyway); stderr: "
                     f"{stderr[:500]}")
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
        with open(os.path.join(path, "case.json"), encoding="utf-8") as f:
            self.meta = json.load(f)
        self.budget = self.meta.get("budget")
        self.group_by = self.meta.get("group_by")
        self.group_budgets = self.meta.get("group_budgets")
        self.invalid = self.meta.get("invalid") or {}          # file name -> expected code
        every = sorted(glob.glob(os.path.join(path, "dossiers", "*.yaml")))
        self.files = [f for f in every if os.path.basename(f) not in self.invalid]
        self.invalid_files = [f for f in every if os.path.basename(f) in self.invalid]


STATISTIC = "mean"  # set from --consolidate in main()


def decision_diff(what, ours, theirs, grid):
    """`decision` of ok/ineligible/incomplete is known; that of not-assessed is a word of its
    own that no document gives (oracle.py, DECISION_WORDS): a string that is neither a band's
    label nor the word of another status."""
    if ours["status"] != "not-assessed":
        return value_diff(what, ours["decision"], theirs)
    others = {label for _, label, _ in grid.bands}
    others |= set(oracle.DECISION_WORDS.get(grid.language, oracle.DECISION_WORDS["en"]).values())
    if isinstance(theirs, str) and theirs.strip() and theirs not in others:
        return None
    return f"{what}: ess-eval {show(theirs)} is not a word of its own for not-assessed"


def names(listed):
    """omitted_by as names, whether ess-eval lists names or {assessor, ...} objects."""
    if not isinstance(listed, list):
        return listed
    return [x.get("assessor") if isinstance(x, dict) else x for x in listed]


def compare_assessors(ours, theirs):
    problems = []
    if not isinstance(theirs, list) or len(theirs) != len(ours):
        return [f"assessors: ess-eval {show(theirs)[:200]} != oracle {len(ours)} objects"]
    for i, (mine, t) in enumerate(zip(ours, theirs)):
        label = f"assessors[{i}] ({mine['assessor']})"
        if not isinstance(t, dict):
            problems.append(f"{label}: not an object")
            continue
        for field in ("assessor", "role", "date", "decision"):
            p = value_diff(f"{label} {field}", mine[field], t.get(field))
            if p:
                problems.append(p)
        p = number_diff(f"{label} total", mine["total"], t.get("total"))
        if p:
            problems.append(p)
    return problems


def compare_omission_warnings(ours, theirs, dossier):
    """An omission is never silent (man page, "Several assessments"): for every leaf that an
    assessment leaves out while another scores it or marks it N/A, a warning missing-score
    names that assessment's assessor and the leaf; and no missing-score names a pair that is
    not in the oracle's omitted_by."""
    problems = []
    diagnostics = theirs.get("diagnostics")
    if not isinstance(diagnostics, list):
        return ["diagnostics: not an array"]
    said = [str(d.get("message")) for d in diagnostics
            if isinstance(d, dict) and d.get("code") == "missing-score"]
    assessments = dossier.get("assessments") or []
    for c in ours["criteria"]:
        if c["kind"] != "leaf" or not c["omitted_by"]:
            continue
        entered = len(assessments) - len(c["omitted_by"])
        for who in c["omitted_by"]:
            named = any(f"'{c['criterion']}'" in m and who in m for m in said)
            if entered > 0 and not named:
                problems.append(f"diagnostics: no missing-score for {who} leaving out "
                                f"{c['criterion']}")
    omitted = {(who, c["criterion"]) for c in ours["criteria"] if c["kind"] == "leaf"
               for who in c["omitted_by"]}
    for m in said:
        named = [pair for pair in omitted if f"'{pair[1]}'" in m and pair[0] in m]
        if not named and assessments:
            problems.append(f"diagnostics: missing-score {show(m)} names no omission")
    return problems


def compare_score(ours, theirs, dossier, grid):
    problems = []
    for p in (value_diff("status", ours["status"], theirs.get("status")),
              decision_diff("decision", ours, theirs.get("decision"), grid)):
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
            for p in (value_diff(f"{label} status", c["status"], t.get("status")),
                      value_diff(f"{label} omitted_by", c["omitted_by"],
                                 names(t.get("omitted_by")))):
                if p:
                    problems.append(p)
    for cid in their_criteria:
        problems.append(f"criterion {cid}: in ess-eval's criteria[] but not in the grid")
    problems.extend(compare_assessors(ours["assessors"], theirs.get("assessors")))
    problems.extend(compare_omission_warnings(ours, theirs, dossier))
    return problems


def row_key(row):
    """A rank row by its file's name (every file read is a row, invalid ones too); the
    generated files are named <dossier id>.yaml."""
    path = row.get("file")
    if isinstance(path, str) and path:
        return os.path.basename(path)
    return f"{row.get('dossier')}.yaml"


def compare_rank(ours, theirs, funding, invalid_codes, positions=True, label="rank"):
    """Returns {file name: [problems]}. funding: a budget was given (funded and unfunded are
    compared); positions: compare the place in the list and the rank (not under --group-by)."""
    problems = {}
    rows = theirs.get("dossiers") if isinstance(theirs, dict) else None
    if not isinstance(rows, list):
        for row in ours["dossiers"]:
            problems.setdefault(row_key(row), []).append(f"{label}: no `dossiers` array in the output")
        return problems
    their_rows = {}
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            their_rows[row_key(row)] = (i, row)
    for i, row in enumerate(ours["dossiers"]):
        key = row_key(row)
        mine = problems.setdefault(key, [])
        if key not in their_rows:
            mine.append(f"{label}: {key} absent from ess-eval's ranking")
            continue
        j, t = their_rows.pop(key)
        checks = [value_diff(f"{label} status", row["status"], t.get("status")),
                  value_diff(f"{label} file", os.path.basename(row["file"]),
                             os.path.basename(str(t.get("file"))))]
        if positions:
            if i != j:
                mine.append(f"{label}: listed at position {j + 1} by ess-eval, {i + 1} by the oracle")
            checks += [value_diff(f"{label} rank", row["rank"], t.get("rank")),
                       number_diff(f"{label} total", row["total"], t.get("total"))]
        if row["status"] == "invalid":
            code = invalid_codes.get(key)
            if code not in json.dumps(t.get("error"), ensure_ascii=False):
                checks.append(f"{label} error: ess-eval {show(t.get('error'))} does not name {code}")
        if funding:
            funded = t.get("funded")
            if row["rank"] is None and funded is None:
                funded = False                           # unranked: null means not funded too
            checks += [value_diff(f"{label} funded", row["funded"], funded),
                       value_diff(f"{label} unfunded", row["unfunded"], t.get("unfunded"))]
        mine.extend(p for p in checks if p)
    for key in their_rows:
        problems.setdefault(key, []).append(f"{label}: listed by ess-eval but not by the oracle")
    return problems


def rank_command(binary, case, extra, budgets, group_by=None):
    cmd = [binary, "rank", "--grid", case.grid_path, "--format", "json"] + extra
    if group_by:
        cmd += ["--group-by", group_by]
    for b in budgets:
        cmd += ["--budget", b]
    return cmd + case.files + case.invalid_files


def run_rank(binary, case, extra, ours, results, cmds, budgets, group_by, label, positions):
    cmd = rank_command(binary, case, extra, budgets, group_by)
    cmds[label] = cmd
    doc, problem = run_json(cmd, 1 if case.invalid_files else 0)    # a refused file: exit 1
    if problem:
        for key in results:
            results[key].append(f"{label}: {problem}")
    if doc is not None:
        for key, problems in compare_rank(ours, doc, bool(budgets), case.invalid,
                                          positions, label).items():
            results.setdefault(key, []).extend(problems)


def check_case(case, binary, consolidate, pool):
    """Returns an ordered {file name: [problems]} for the case, and the commands run."""
    results = {}
    grid = oracle.Grid.load(case.grid_path)
    dossiers = [oracle.load_dossier(f) for f in case.files]
    ours = {}
    for f, d in zip(case.files, dossiers):
        key = os.path.basename(f)
        results[key] = []
        try:
            ours[key] = oracle.score_dossier(grid, d, consolidate)
            ours[key]["file"] = f
        except oracle.OracleError as e:
            results[key].append(f"the oracle refuses this dossier: {e}")
    for f in case.invalid_files:
        results[os.path.basename(f)] = []

    extra = ["--consolidate", consolidate] if consolidate != "mean" else []
    cmds = {os.path.basename(f): [binary, "score", "--grid", case.grid_path, "--format",
                                  "json"] + extra + [f] for f in case.files}
    futures = {key: pool.submit(run_json, cmd) for key, cmd in cmds.items()}
    for f, d in zip(case.files, dossiers):
        key, did = os.path.basename(f), str(d.get("dossier"))
        doc, problem = futures[key].result()
        if problem:
            results[key].append(f"score: {problem}")
        if isinstance(doc, list):
            doc = next((x for x in doc if isinstance(x, dict) and str(x.get("dossier")) == did),
                       None)
        if not isinstance(doc, dict):
            if not problem:
                results[key].append("score: no JSON object for this dossier")
            continue
        if key in ours:
            results[key].extend(compare_score(ours[key], doc, d, grid))

    if len(ours) == len(dossiers):
        invalid = [(None, f) for f in case.invalid_files]
        scored = list(ours.values())
        plain = [budget_arg(case.budget)] if case.budget is not None else []
        run_rank(binary, case, extra, oracle.rank(grid, scored, case.budget, invalid=invalid),
                 results, cmds, plain, None, "rank", True)
        if case.group_by:
            if case.group_budgets:
                budgets = [f"{name}={budget_arg(b)}" for name, b in case.group_budgets.items()]
                ranking = oracle.rank(grid, scored, None, case.group_by, case.group_budgets,
                                      invalid=invalid)
            else:
                budgets = plain
                ranking = oracle.rank(grid, scored, case.budget, case.group_by, invalid=invalid)
            run_rank(binary, case, extra, ranking, results, cmds, budgets, case.group_by,
                     "rank --group-by", False)
    return results, cmds


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
            failed += len(case.files) + len(case.invalid_files)
        print(f"every dossier counts as failed ({failed} in {len(cases)} cases)")
    else:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
            for case in cases:
                results, cmds = check_case(case, binary, args.consolidate, pool)
                for key, problems in results.items():
                    if not problems:
                        passed += 1
                        continue
                    failed += 1
                    print(f"FAIL {case.name}/{key}")
                    for problem in problems:
                        print(f"  {problem}")
                    if key in cmds:
                        print(f"  reproduce: {' '.join(cmds[key])}")
                    for label in ("rank", "rank --group-by"):
                        if label in cmds and any(p.startswith(label + ":") or
                                                 p.startswith(label + " ") for p in problems):
                            print(f"  {label}: {' '.join(cmds[label])}")
                    if key in cmds:
                        print(f"  oracle:    python3 {os.path.join(HERE, 'oracle.py')} score "
                              f"--grid {case.grid_path} {cmds[key][-1]}")
    if tmp and not args.keep and not (failed and not not_ready):
        shutil.rmtree(tmp, ignore_errors=True)
    elif tmp:
        print(f"cases kept in {tmp}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
