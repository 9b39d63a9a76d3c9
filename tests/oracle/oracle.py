#!/usr/bin/python3
"""Independent reference implementation ("oracle") of ess-eval's scoring rules.

Written from the specification alone, as the repository states it -- the man page
`man/ess-eval.1` (sections SCORING, OPTIONS "Ranking", FILES "Grid format" and "Dossier
format"), with the field names of `--format json` -- and never from the C++ sources, so that
comparing the two catches mistakes in either. README.md beside this file lists the
readings it makes where the text leaves room.

It is a specification in code: plain, slow where slowness makes it clearer, no cleverness.
Inputs are trusted to be valid (they come from gen.py); only the checks that change a score
are made, and anything else that looks wrong raises OracleError.

Usage:
    python3 oracle.py score --grid GRID.yaml [--consolidate mean|median|min] DOSSIER.yaml...
    python3 oracle.py rank  --grid GRID.yaml [--budget B | --budget GROUP=B ...]
                            [--group-by territory|theme|call] [--consolidate ...] DOSSIER.yaml...

Every comparison that involves a total, a threshold, a target or an amount uses the same
absolute tolerance EPS = 1e-9 (man page, "Missing, thresholds, decision").
"""

import argparse
import functools
import hashlib
import json
import sys
import unicodedata

import yaml

EPS = 1e-9

AGGREGATIONS = ("weighted-mean", "weighted-geometric", "min")
STATISTICS = ("mean", "median", "min")

# The words used as `decision` for a dossier that gets no band (doc/guide-instruction.md:
# « Inéligible », « Incomplet »). No document gives the word of `not-assessed`: the oracle
# leaves its decision None and compare.py only checks that ess-eval's is a word of its own
# (neither a band's label nor one of these).
DECISION_WORDS = {
    "fr": {"ineligible": "Inéligible", "incomplete": "Incomplet"},
    "en": {"ineligible": "Ineligible", "incomplete": "Incomplete"},
}

# Roles and their French names, in any case (man page, "Dossier format").
ROLES = {"analyst": "analyst", "analyste": "analyst", "self": "self",
         "auto-évaluation": "self", "auto-evaluation": "self", "partner": "partner",
         "partenaire": "partner", "committee": "committee", "comité": "committee",
         "comite": "committee"}


def role_of(assessment):
    raw = str(assessment.get("role"))
    return ROLES.get(raw.lower(), raw)


def fold(text):
    """A name ignoring case and accents (groups, GROUP= of --budget; man page, "Ranking")."""
    decomposed = unicodedata.normalize("NFD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class OracleError(Exception):
    """Input the oracle refuses (out-of-bounds value, unknown label, nothing scored...)."""


def is_number(x):
    # PyYAML reads `yes`/`no` as booleans, and bool is an int in Python: exclude it.
    return isinstance(x, (int, float)) and not isinstance(x, bool)


# ---------------------------------------------------------------------------------------------
# Scales (man page: FILES "Grid format", SCORING "Normalised leaf score")
# ---------------------------------------------------------------------------------------------

class Scale:
    """One scale of the grid: kind is levels | yesno | linear | points | steps."""

    def __init__(self, scale_id, d):
        self.id = scale_id
        self.unit = d.get("unit")
        self.min = self.max = None
        if d["type"] == "levels":
            self.kind = "levels"
            self.levels = [(lv["value"], str(lv["label"])) for lv in d["levels"]]
            values = [v for v, _ in self.levels]
            self.vmin, self.vmax = min(values), max(values)
        elif d["type"] == "yesno":
            self.kind = "yesno"
        elif d["type"] == "numeric":
            self.min, self.max = d.get("min"), d.get("max")
            self.better = d.get("better", "higher")
            if "points" in d:
                self.kind = "points"
                self.points = [(p[0], p[1]) for p in d["points"]]
            elif "steps" in d:
                self.kind = "steps"
                self.points = [(p[0], p[1]) for p in d["steps"]]
            else:
                self.kind = "linear"
                if self.min is None or self.max is None:
                    raise OracleError(f"scale {scale_id}: linear numeric needs min and max")
        else:
            raise OracleError(f"scale {scale_id}: unknown type {d['type']!r}")

    # --- reading a value written in the scale's units -------------------------------------
    def value_of(self, raw, what="value"):
        """The numeric value of `raw` (a level value or label, yes/no, or a number)."""
        if self.kind == "levels":
            if is_number(raw):
                for v, _ in self.levels:
                    if v == raw:
                        return v
                raise OracleError(f"scale {self.id}: {what} {raw!r} is not a level value")
            for v, label in self.levels:             # labels match ignoring case, accents kept
                if label.lower() == str(raw).lower():
                    return v
            raise OracleError(f"scale {self.id}: {what} {raw!r} is not a level label")
        if self.kind == "yesno":
            if raw is True or raw in ("yes", "oui"):    # oui/non: French grids (gen.py only
                return 1                                 # writes them in French grids)
            if raw is False or raw in ("no", "non"):
                return 0
            raise OracleError(f"scale {self.id}: {what} {raw!r} is not yes/no")
        if not is_number(raw):
            raise OracleError(f"scale {self.id}: {what} {raw!r} is not a number")
        self.check_bounds(raw, what)
        return raw

    def check_bounds(self, v, what="value"):
        # A numeric value outside min/max is an error, whatever the mapping.
        if self.kind in ("linear", "points", "steps"):
            if (self.min is not None and v < self.min) or (self.max is not None and v > self.max):
                raise OracleError(f"scale {self.id}: {what} {v!r} outside [{self.min}, {self.max}]")

    def value_of_entry(self, entry):
        """The value of a score or consensus entry: {level: ...} or {value: ...}."""
        raw = entry["level"] if "level" in entry else entry["value"]
        return self.value_of(raw)

    # --- s in [0, 1] ---------------------------------------------------------------------
    def normalise(self, v):
        if self.kind == "levels":
            return (v - self.vmin) / (self.vmax - self.vmin)
        if self.kind == "yesno":
            return v
        if self.kind == "linear":
            s = (v - self.min) / (self.max - self.min)
            return 1 - s if self.better == "lower" else s
        if self.kind == "points":
            return interpolate(self.points, v)
        return step(self.points, v)

    def best_value(self):
        """Default target: the scale's best value (README.md, choice 9)."""
        if self.kind == "levels":
            return self.vmax
        if self.kind == "yesno":
            return 1
        if self.kind == "linear":
            return self.min if self.better == "lower" else self.max
        best_s = max(s for _, s in self.points)
        return next(x for x, s in self.points if s == best_s)

    def nearest_best_value(self, v):
        """Default target for one dossier: on a value function with several best points
        (a plateau), the best point nearest to the dossier's value."""
        if self.kind not in ("points", "steps"):
            return self.best_value()
        best_s = max(s for _, s in self.points)
        nearest = self.best_value()
        for x, s in self.points:
            if s == best_s and abs(x - v) < abs(nearest - v):
                nearest = x
        return nearest

    def label_of(self, v):
        if self.kind != "levels":
            return None
        for value, label in self.levels:
            if value == v:
                return label
        return None


def interpolate(points, v):
    """Piecewise-linear through the points, clamped to the first/last point's s."""
    if v <= points[0][0]:
        return points[0][1]
    if v >= points[-1][0]:
        return points[-1][1]
    for (x0, s0), (x1, s1) in zip(points, points[1:]):
        if x0 <= v <= x1:
            return s0 + (v - x0) * (s1 - s0) / (x1 - x0)
    raise AssertionError("unreachable")


def step(points, v):
    """s of the largest x <= v; below the first x, the first s."""
    s = points[0][1]
    for x, sx in points:
        if x <= v:
            s = sx
    return s


# ---------------------------------------------------------------------------------------------
# Grid: facts and the criteria tree
# ---------------------------------------------------------------------------------------------

class Criterion:
    def __init__(self, d, parent, scales):
        self.id = d["id"]
        self.title = d.get("title", self.id)
        self.weight = d.get("weight", 1)
        self.parent = parent
        self.path = f"{parent.path}/{self.id}" if parent else self.id
        self.minimum_raw = d.get("minimum")
        self.eliminatory = bool(d.get("eliminatory", False))
        self.children = [Criterion(c, self, scales) for c in d.get("children", [])]
        self.is_leaf = not self.children
        if self.is_leaf:
            self.scale = scales[d["scale"]]
            self.from_fact = d.get("from")
            self.allow_na = bool(d.get("allow_na", False))
            raw_target = d.get("target")
            self.default_target = raw_target is None
            self.target = (self.scale.best_value() if raw_target is None
                           else self.scale.value_of(raw_target, "target"))
            self.s_target = self.scale.normalise(self.target)
            self.s_minimum = (None if self.minimum_raw is None
                              else self.scale.normalise(self.scale.value_of(self.minimum_raw, "minimum")))
        else:
            self.aggregation = d.get("aggregation", "weighted-mean")
            if self.aggregation not in AGGREGATIONS:
                raise OracleError(f"criterion {self.id}: unknown aggregation {self.aggregation!r}")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def leaves(self):
        return [c for c in self.walk() if c.is_leaf]


class Grid:
    def __init__(self, d, sha256=None):
        self.raw = d
        self.id = d["grid"]
        self.version = str(d.get("version"))
        self.title = d.get("title")
        self.language = d.get("language", "fr")
        self.sha256 = sha256
        self.scales = {sid: Scale(sid, sd) for sid, sd in (d.get("scales") or {}).items()}
        self.facts = list(d.get("facts") or [])
        self.top = [Criterion(c, None, self.scales) for c in d["criteria"]]
        # (min, label, fundable), lowest first; fundable defaults to every band but the lowest
        # (man page, "Grid format").
        bands = sorted(d.get("decision") or [], key=lambda b: b["min"])
        self.bands = [(b["min"], b["label"], bool(b.get("fundable", i > 0)))
                      for i, b in enumerate(bands)]
        self.disagreement = d.get("disagreement")

    @classmethod
    def load(cls, path):
        with open(path, "rb") as f:
            data = f.read()
        return cls(yaml.safe_load(data.decode("utf-8")), hashlib.sha256(data).hexdigest())

    def criteria(self):
        for c in self.top:
            yield from c.walk()

    def leaves(self):
        return [c for c in self.criteria() if c.is_leaf]


def load_dossier(path):
    with open(path, "rb") as f:
        return yaml.safe_load(f.read().decode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Facts (man page, "Grid format"): declared, constant, sum, product, ratio, diversity
# ---------------------------------------------------------------------------------------------

def evaluate_facts(grid, declared):
    """Returns ({fact id: value or None}, {fact id: why it is undefined})."""
    defs = {f["id"]: f for f in grid.facts}
    values, why = {}, {}

    def ev(fid, stack=()):
        if fid in values:
            return values[fid]
        if fid in stack:
            raise OracleError(f"fact cycle through {fid}")
        f = defs[fid]
        ops = [k for k in ("value", "sum", "product", "ratio", "diversity") if k in f]
        reason = None
        if not ops:                                   # declared by the dossier
            v = declared.get(fid)
            if v is None:
                reason = f"fact {fid} is not given by the dossier"
        elif ops[0] == "value":                       # constant
            v = f["value"]
        else:
            op = ops[0]
            args = [ev(a, stack + (fid,)) for a in f[op]]
            undefined = [a for a, x in zip(f[op], args) if x is None]
            v = None
            if undefined:
                reason = f"fact {fid} depends on undefined {', '.join(undefined)}"
            elif op == "sum":
                v = 0
                for x in args:
                    v = v + x
            elif op == "product":
                v = 1
                for x in args:
                    v = v * x
            elif op == "ratio":
                if args[1] == 0:
                    reason = f"fact {fid}: zero denominator ({f[op][1]} = 0)"
                else:
                    v = args[0] / args[1]
            elif op == "diversity":
                total = 0
                for x in args:
                    total = total + x
                if total == 0:
                    reason = f"fact {fid}: the listed amounts sum to 0"
                else:
                    v = 1 - sum((x / total) ** 2 for x in args)
        values[fid] = v
        if reason:
            why[fid] = reason
        return v

    for f in grid.facts:
        ev(f["id"])
    return values, why


# ---------------------------------------------------------------------------------------------
# Consolidating the assessments of one leaf (man page, SCORING "Several assessments")
# ---------------------------------------------------------------------------------------------

def statistic(values, how, normalise=None):
    if how == "min" and normalise is not None:
        # The most severe judgement: the value with the lowest s (on a "better: lower" scale
        # that is the highest value). Ties between equal s keep the first value given.
        worst = values[0]
        for v in values[1:]:
            if normalise(v) < normalise(worst):
                worst = v
        return worst
    if how == "mean":
        total = 0
        for v in values:
            total = total + v
        return total / len(values)
    if how == "min":
        return min(values)
    ordered = sorted(values)                         # median; even count: mean of the middle two
    n = len(ordered)
    if n % 2:
        return ordered[n // 2]
    return (ordered[n // 2 - 1] + ordered[n // 2]) / 2


class LeafState:
    def __init__(self):
        self.status = "missing"          # scored | na | missing
        self.value = None                # consolidated (or reconciled) value, scale units
        self.s = None
        self.spread = None
        self.self_gap = None
        self.flags = []                  # partial_na, disagreement, consensus, self_only, from_fact
        self.reason = None               # why missing / why N/A
        self.raw = []                    # [{assessor, role, value|na}]
        self.consensus_note = None
        self.omitted_by = []             # counted assessors who left the leaf out (omission)


def consolidate_leaf(leaf, grid, dossier, counted, self_only, facts, fact_why, how):
    st = LeafState()
    scale = leaf.scale
    if leaf.from_fact:
        st.flags.append("from_fact")
        v = facts.get(leaf.from_fact)
        if v is None:
            st.reason = fact_why.get(leaf.from_fact, f"fact {leaf.from_fact} undefined")
            return st
        scale.check_bounds(v, f"fact {leaf.from_fact}")
        st.status, st.value, st.s = "scored", v, scale.normalise(v)
        return st

    values, na_reasons = [], []
    for a in dossier.get("assessments") or []:
        entry = (a.get("scores") or {}).get(leaf.id)
        if entry is None:
            continue
        if "na" in entry:
            st.raw.append({"assessor": a.get("assessor"), "role": role_of(a), "na": entry["na"]})
        else:
            st.raw.append({"assessor": a.get("assessor"), "role": role_of(a),
                           "value": scale.value_of_entry(entry)})
    # omitted_by (man page, "Several assessments"): every assessment, self included, should
    # score the leaf or mark it N/A; those that give neither are named, in the order of the
    # file (README.md, choice 5). The leaf is scored from the counted ones that scored it.
    st.omitted_by = [str(a.get("assessor")) for a in dossier.get("assessments") or []
                     if (a.get("scores") or {}).get(leaf.id) is None]
    entries = [(a, (a.get("scores") or {}).get(leaf.id)) for a in counted]
    for a, entry in entries:
        if entry is None:
            continue
        if "na" in entry:
            na_reasons.append(str(entry["na"]))
        else:
            values.append(scale.value_of_entry(entry))

    consensus = (dossier.get("consensus") or {}).get(leaf.id)
    if consensus is not None and "na" not in consensus:
        # A consensus entry replaces the consolidated value (whatever the assessments said).
        st.status, st.value = "scored", scale.value_of_entry(consensus)
        st.flags.append("consensus")
        st.consensus_note = consensus.get("note")
    elif consensus is not None:
        st.status, st.reason = "na", str(consensus["na"])
        st.flags.append("consensus")
    elif values:
        st.status, st.value = "scored", statistic(values, how, scale.normalise)
    elif na_reasons:
        st.status, st.reason = "na", "; ".join(na_reasons)
    else:
        st.reason = "no assessment scores this criterion"
    if st.status == "scored":
        st.s = scale.normalise(st.value)
        if values and na_reasons:
            st.flags.append("partial_na")
    if self_only:
        st.flags.append("self_only")

    # Spread among the counted assessors that give a value (null if fewer than 2).
    if len(values) >= 2:
        ss = [scale.normalise(v) for v in values]
        st.spread = max(ss) - min(ss)
        if grid.disagreement is not None and st.spread >= grid.disagreement - EPS:
            st.flags.append("disagreement")

    # Self gap: s(mean of the self values) - s(consolidated); null if self-only or no self value.
    if not self_only and st.status == "scored":
        self_values = []
        for a in dossier.get("assessments") or []:
            entry = (a.get("scores") or {}).get(leaf.id)
            if role_of(a) == "self" and entry is not None and "na" not in entry:
                self_values.append(scale.value_of_entry(entry))
        if self_values:
            st.self_gap = scale.normalise(statistic(self_values, "mean")) - st.s
    return st


def counted_assessments(dossier):
    """Non-self assessments if there is at least one; otherwise the self ones (self_only)."""
    assessments = dossier.get("assessments") or []
    others = [a for a in assessments if role_of(a) != "self"]
    if others:
        return others, False
    return list(assessments), bool(assessments)


# ---------------------------------------------------------------------------------------------
# Aggregation up the tree (man page, SCORING "Aggregation and total")
# ---------------------------------------------------------------------------------------------

def aggregate(method, items):
    """items: [(weight, s)] of the included children, with sum of weights > 0."""
    wsum = 0
    for w, _ in items:
        wsum = wsum + w
    if method == "weighted-mean":
        acc = 0
        for w, s in items:
            acc = acc + w * s
        return acc / wsum
    positive = [(w, s) for w, s in items if w > 0]     # zero weights are ignored
    if method == "min":
        return min(s for _, s in positive)
    if any(s == 0 for _, s in positive):                # weighted-geometric
        return 0.0
    acc = 1.0
    for w, s in positive:
        acc = acc * s ** (w / wsum)
    return acc


def evaluate_tree(grid, leaf_status, leaf_s):
    """Node statuses and scores bottom-up.

    leaf_status: {leaf id: scored|na|missing}; leaf_s: {leaf id: s} for scored leaves.
    Returns ({criterion id: status}, {criterion id: S or None}, S(root) or None).
    """
    status, score = {}, {}

    def has_missing(node):
        return any(leaf_status[l.id] == "missing" for l in node.leaves())

    def visit(node):
        if node.is_leaf:
            status[node.id] = leaf_status[node.id]
            score[node.id] = leaf_s.get(node.id) if status[node.id] == "scored" else None
            return
        for c in node.children:
            visit(c)
        items = [(c.weight, score[c.id]) for c in node.children if status[c.id] == "scored"]
        if sum(w for w, _ in items) > 0:
            status[node.id] = "scored"
            score[node.id] = aggregate(node.aggregation, items)
        else:
            status[node.id] = "missing" if has_missing(node) else "na"
            score[node.id] = None

    for c in grid.top:
        visit(c)
    items = [(c.weight, score[c.id]) for c in grid.top if status[c.id] == "scored"]
    root = aggregate("weighted-mean", items) if sum(w for w, _ in items) > 0 else None
    return status, score, root


def effective_weights(grid, status):
    """Product of w_i / sum(w over included siblings) along the path; 0 if not included."""
    ew = {}

    def assign(children, factor):
        wsum = sum(c.weight for c in children if status[c.id] == "scored")
        for c in children:
            if status[c.id] == "scored" and wsum > 0:
                ew[c.id] = factor * (c.weight / wsum)
            else:
                ew[c.id] = 0.0
            assign(c.children, ew[c.id])

    assign(grid.top, 1.0)
    return ew


# ---------------------------------------------------------------------------------------------
# Scoring one dossier (man page, SCORING)
# ---------------------------------------------------------------------------------------------

def band_index(grid, total):
    """Index of the highest band whose min <= total (with tolerance), or None."""
    found = None
    for i, (lo, _, _) in enumerate(grid.bands):
        if lo <= total + EPS:
            found = i
    return found


def score_dossier(grid, dossier, how="mean"):
    if how not in STATISTICS:
        raise OracleError(f"unknown statistic {how!r}")
    facts, fact_why = evaluate_facts(grid, dossier.get("facts") or {})
    counted, self_only = counted_assessments(dossier)
    leaves = grid.leaves()
    states = {l.id: consolidate_leaf(l, grid, dossier, counted, self_only, facts, fact_why, how)
              for l in leaves}
    leaf_status = {lid: st.status for lid, st in states.items()}
    base_s = {lid: st.s for lid, st in states.items() if st.status == "scored"}

    status, score, root = evaluate_tree(grid, leaf_status, base_s)
    if root is None:
        raise OracleError(f"dossier {dossier.get('dossier')}: nothing scored [nothing-scored]")
    total = 100 * root

    def total_with(overrides):
        s = dict(base_s)
        s.update(overrides)
        return 100 * evaluate_tree(grid, leaf_status, s)[2]

    ew = effective_weights(grid, status)

    # Points to gain: exact rescoring with the leaf at its target (man page, "Gaps").
    below_target = [l for l in leaves
                    if status[l.id] == "scored" and states[l.id].s < l.s_target - EPS]
    ptg = {}
    for l in leaves:
        if status[l.id] != "scored":
            ptg[l.id] = None
        elif l in below_target:
            ptg[l.id] = total_with({l.id: l.s_target}) - total
        else:
            ptg[l.id] = 0.0

    # Threshold failures: only scored criteria can fail.
    failures = []
    for c in grid.criteria():
        if status[c.id] != "scored" or c.minimum_raw is None:
            continue
        if c.is_leaf:
            failed = states[c.id].s < c.s_minimum - EPS
        else:
            failed = 100 * score[c.id] < c.minimum_raw - EPS
        if failed:
            failures.append(c)
    eliminatory_failures = [c for c in failures if c.eliminatory]
    missing = [l for l in leaves if status[l.id] == "missing"]

    # Status precedence (man page, "Missing, thresholds, decision"): not-assessed, ineligible,
    # incomplete, ok. Not assessed: the grid has leaves that assessors score and the dossier
    # has no assessment but self (or none); its total, from the self values, is indicative.
    words = DECISION_WORDS.get(grid.language, DECISION_WORDS["en"])
    scored_by_assessors = any(not l.from_fact for l in leaves)
    not_assessed = scored_by_assessors and not any(
        role_of(a) != "self" for a in dossier.get("assessments") or [])
    if not_assessed:
        dossier_status, decision = "not-assessed", None
    elif eliminatory_failures:
        dossier_status, decision = "ineligible", words["ineligible"]
    elif missing:
        dossier_status, decision = "incomplete", words["incomplete"]
    else:
        i = band_index(grid, total)
        dossier_status, decision = "ok", (grid.bands[i][1] if i is not None else None)

    # Path to the next band (man page, "Gaps").
    if dossier_status == "ineligible":
        path = {"eliminatory_failures": [failure_entry(c, states, score) for c in eliminatory_failures]}
    else:
        path = path_to_next_band(grid, total, below_target, ptg, total_with)

    criteria = []
    for c in grid.criteria():
        criteria.append(criterion_entry(dossier, c, states, status, score, ew, ptg,
                                        c in failures))

    na_list = []
    for l in leaves:
        if status[l.id] == "na":
            na_list.append({"criterion": l.id, "path": l.path, "reason": states[l.id].reason,
                            "points_moved": points_moved(grid, l, leaf_status, base_s)})
    missing_list = [{"criterion": l.id, "path": l.path, "reason": states[l.id].reason}
                    for l in missing]

    diagnostics = []
    if self_only:
        diagnostics.append({"severity": "note", "code": "self-only",
                            "message": "only self assessments: they are used"})
    for l in leaves:
        for flag in states[l.id].flags:
            if flag in ("partial_na", "disagreement"):
                diagnostics.append({"severity": "warning", "code": flag.replace("_", "-"),
                                    "criterion": l.id})
    for l in missing:
        diagnostics.append({"severity": "warning", "code": "missing", "criterion": l.id,
                            "message": states[l.id].reason})

    return {
        "dossier": str(dossier.get("dossier")),
        "title": dossier.get("title"),
        "applicant": dossier.get("applicant"),
        "call": dossier.get("call"),
        "territory": dossier.get("territory"),
        "theme": dossier.get("theme"),
        "requested": dossier.get("requested"),
        "grid": {"id": grid.id, "version": grid.version, "sha256": grid.sha256},
        "total": total,
        "decision": decision,
        "status": dossier_status,
        "axes": {c.id: (100 * score[c.id] if score[c.id] is not None else None) for c in grid.top},
        "criteria": criteria,
        "path_to_next_band": path,
        "na": na_list,
        "missing": missing_list,
        "facts": {f["id"]: facts[f["id"]] for f in grid.facts},
        "diagnostics": diagnostics,
        "self_only": self_only,
        "assessors": assessor_totals(grid, dossier, leaf_status, base_s),
        "threshold_failures": [c.id for c in failures],
    }


def band_label(grid, total):
    i = band_index(grid, total)
    return grid.bands[i][1] if i is not None else None


def assessor_totals(grid, dossier, leaf_status, base_s):
    """Each assessment's own total (man page, "Several assessments"): the total its values
    give, with the value used (consolidated, or the consensus) wherever it gives none, marks the
    leaf N/A, or a consensus replaces it; and the band it falls in (eliminatory conditions and
    missing criteria aside). Self-assessments included, in the order of the file. An
    assessment that gives nothing at all (neither a value nor N/A) has no total of its own:
    null (README.md, choice 17)."""
    consensus = dossier.get("consensus") or {}
    out = []
    for a in dossier.get("assessments") or []:
        scores = a.get("scores") or {}
        status, s = dict(leaf_status), dict(base_s)
        gives_something = any(scores.get(leaf.id) is not None for leaf in grid.leaves())
        for leaf in grid.leaves():
            entry = scores.get(leaf.id)
            if leaf.from_fact or entry is None or "na" in entry or leaf.id in consensus:
                continue
            status[leaf.id] = "scored"
            s[leaf.id] = leaf.scale.normalise(leaf.scale.value_of_entry(entry))
        root = evaluate_tree(grid, status, s)[2] if gives_something else None
        total = None if root is None else 100 * root
        out.append({"assessor": a.get("assessor"), "role": role_of(a),
                    "date": None if a.get("date") is None else str(a.get("date")),
                    "total": total,
                    "decision": None if total is None else band_label(grid, total)})
    return out


def failure_entry(c, states, score):
    if c.is_leaf:
        return {"criterion": c.id, "path": c.path, "s": states[c.id].s, "s_minimum": c.s_minimum,
                "minimum": c.minimum_raw}
    return {"criterion": c.id, "path": c.path, "score": 100 * score[c.id], "minimum": c.minimum_raw}


def criterion_entry(dossier, c, states, status, score, ew, ptg, failed):
    e = {"dossier": str(dossier.get("dossier")), "criterion": c.id, "path": c.path,
         "level": None, "value": None, "s": score[c.id], "weight": c.weight,
         "effective_weight": ew[c.id], "target": None, "gap": None, "points_to_gain": None,
         "spread": None, "self_gap": None, "status": status[c.id]}
    if c.is_leaf:
        st = states[c.id]
        e["value"] = st.value
        e["level"] = c.scale.label_of(st.value) if st.value is not None else None
        target = c.target
        if c.default_target and st.value is not None:
            target = c.scale.nearest_best_value(st.value)
        e["target"] = target
        if st.status == "scored":
            e["gap"] = abs(target - st.value) if st.s < c.s_target - EPS else 0.0
        e["points_to_gain"] = ptg[c.id]
        e["spread"] = st.spread
        e["self_gap"] = st.self_gap
        e["flags"] = st.flags
        e["reason"] = st.reason
        e["raw"] = st.raw
        e["consensus_note"] = st.consensus_note
        e["omitted_by"] = st.omitted_by
        e["s_target"] = c.s_target
    e["kind"] = "leaf" if c.is_leaf else "node"
    e["threshold_failure"] = failed
    e["eliminatory"] = c.eliminatory
    return e


def by_points_then_id(a, b):
    """Descending points to gain (equal within EPS), then criterion id ascending (bytes)."""
    (pa, ida), (pb, idb) = a, b
    if abs(pa - pb) >= EPS:
        return -1 if pa > pb else 1
    ka, kb = ida.encode("utf-8"), idb.encode("utf-8")
    return (ka > kb) - (ka < kb)


def path_to_next_band(grid, total, below_target, ptg, total_with):
    i = band_index(grid, total)
    nxt = 0 if i is None else i + 1
    if nxt >= len(grid.bands):
        return None                                       # already in the highest band
    goal_min, goal_label, _ = grid.bands[nxt]
    order = sorted([(ptg[l.id], l.id) for l in below_target],
                   key=functools.cmp_to_key(by_points_then_id))
    targets = {l.id: l.s_target for l in below_target}
    raised, steps_, reached, now = {}, [], False, total
    for points, lid in order:
        raised[lid] = targets[lid]
        now = total_with(raised)
        steps_.append({"criterion": lid, "points_to_gain": points, "total_after": now})
        if now >= goal_min - EPS:
            reached = True
            break
    return {"band": grid.bands[i][1] if i is not None else None,
            "next_band": goal_label, "next_min": goal_min,
            "steps": steps_, "reachable": reached,
            "out_of_reach": not reached}


def points_moved(grid, leaf, leaf_status, base_s):
    """For information (README.md, choice 13): 100 x effective weight the N/A leaf would have had if it were
    scored (everything else as is) x the renormalised mean s of its included siblings."""
    siblings = leaf.parent.children if leaf.parent else grid.top
    status, score, _ = evaluate_tree(grid, leaf_status, base_s)
    items = [(c.weight, score[c.id]) for c in siblings
             if c is not leaf and status[c.id] == "scored"]
    if sum(w for w, _ in items) <= 0:
        return None
    mean_s = aggregate("weighted-mean", items)
    hypothetical = dict(leaf_status)
    hypothetical[leaf.id] = "scored"
    s = dict(base_s)
    s[leaf.id] = 0.0                                       # its value does not change weights
    h_status, _, _ = evaluate_tree(grid, hypothetical, s)
    return 100 * effective_weights(grid, h_status)[leaf.id] * mean_s


# ---------------------------------------------------------------------------------------------
# Ranking and funding line (man page, SCORING "Ranking and funding line")
# ---------------------------------------------------------------------------------------------

def id_key(dossier_id):
    return dossier_id.encode("utf-8")


UNRANKED_ORDER = ("ineligible", "incomplete", "not-assessed")


def rank(grid, results, budget=None, group_by=None, group_budgets=None, invalid=()):
    """The `rank` JSON object of score_dossier() outputs (each may carry "file": its path).

    budget: one funding line over the whole ranking (also with group_by); group_budgets:
    {group name: amount} with group_by (territory | theme | call): one line per group, a group
    without a budget is not funded. invalid: [(dossier id or None, path)] of files refused by
    validation, rows of the ranking too.
    """
    ok = sorted((r for r in results if r["status"] == "ok"),
                key=lambda r: (-r["total"], id_key(r["dossier"])))
    # Tie groups: a dossier within EPS of the previous one's total shares its rank; inside a
    # group the dossiers are listed by id (the exact order of 0.1+0.2 against 0.3 must not
    # decide anything).
    groups = []
    for r in ok:
        if groups and abs(groups[-1][-1]["total"] - r["total"]) < EPS:
            groups[-1].append(r)
        else:
            groups.append([r])
    out = []
    position = 1
    cumulative = 0
    for g in groups:
        for r in sorted(g, key=lambda r: id_key(r["dossier"])):
            requested = r.get("requested")
            cumulative = cumulative + (requested if requested is not None else 0)
            out.append(rank_row(position, r, cumulative))
        position += len(g)

    funding = budget is not None or group_budgets is not None
    would_fit, funded_total = [], None
    if group_budgets is not None:
        budgets = {fold(name): amount for name, amount in group_budgets.items()}
        for key in sorted({group_key(row, group_by) for row in out}, key=str):
            rows = [row for row in out if group_key(row, group_by) == key]
            if key is not None and key in budgets:
                _, fits = funding_line(grid, rows, budgets[key])
                would_fit += fits
            else:
                for row in rows:
                    row["funded"], row["unfunded"] = False, "no-budget"
    elif budget is not None:
        funded_total, would_fit = funding_line(grid, out, budget)

    # Unranked rows: ineligible, incomplete, not-assessed, then invalid files, each by id.
    for status in UNRANKED_ORDER:
        for r in sorted((r for r in results if r["status"] == status),
                        key=lambda r: id_key(r["dossier"])):
            row = rank_row(None, r, None)
            row["funded"] = False if funding else None
            out.append(row)
    for did, path in sorted(invalid, key=lambda x: id_key(x[0] or x[1])):
        out.append({"rank": None, "dossier": did, "title": None, "total": None,
                    "decision": None, "status": "invalid", "axes": None, "requested": None,
                    "cumulative": None, "funded": False if funding else None,
                    "unfunded": None, "file": path})

    return {
        "grid": {"id": grid.id, "version": grid.version, "sha256": grid.sha256},
        "dossiers": out,
        "groups": [],
        "diagnostics": [],
        "budget": budget,
        "funded_total": funded_total,
        "would_fit": would_fit if funding else None,
    }


def group_key(row, group_by):
    value = row.get(group_by)
    return None if value is None else fold(value)


def band_fundable(grid, total):
    i = band_index(grid, total)
    return i is not None and grid.bands[i][2]


def funding_line(grid, rows, budget):
    """Funds the ranked rows (in rank order) while the cumulative `requested` stays within the
    budget and their band is fundable; the first that does not fit, or whose band is not
    fundable, draws the line and no later one is funded. Sets each row's `funded` and, when
    not funded, `unfunded`: not-fundable (its band; it wins when both hold, README.md choice
    14), budget (over what is left), below-line (fundable and fits what is left, but after the
    line). Returns (funded total, ids that would fit)."""
    cumulative, funded_total, line_drawn = 0, 0, False
    for row in rows:
        requested = row["requested"] if row["requested"] is not None else 0
        cumulative = cumulative + requested
        if not line_drawn and band_fundable(grid, row["total"]) and cumulative <= budget + EPS:
            row["funded"], row["unfunded"] = True, None
            funded_total = cumulative
        else:
            line_drawn = True
            row["funded"] = False
    remaining = budget - funded_total
    would_fit = []
    for row in rows:
        if row["funded"]:
            continue
        requested = row["requested"] if row["requested"] is not None else 0
        if not band_fundable(grid, row["total"]):
            row["unfunded"] = "not-fundable"
        elif requested <= remaining + EPS:
            row["unfunded"] = "below-line"
            would_fit.append(row["dossier"])
        else:
            row["unfunded"] = "budget"
    return funded_total, would_fit


def rank_row(rank_no, r, cumulative):
    return {"rank": rank_no, "dossier": r["dossier"], "title": r["title"], "total": r["total"],
            "decision": r["decision"], "status": r["status"], "axes": r["axes"],
            "requested": r.get("requested"), "cumulative": cumulative, "funded": None,
            "unfunded": None, "file": r.get("file"), "territory": r.get("territory"),
            "theme": r.get("theme"), "call": r.get("call")}


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def main(argv=None):
    p = argparse.ArgumentParser(description="ess-eval scoring oracle (reference implementation)")
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("score", "rank"):
        sp = sub.add_parser(name)
        sp.add_argument("--grid", required=True)
        sp.add_argument("--consolidate", default="mean", choices=STATISTICS)
        if name == "rank":
            sp.add_argument("--budget", action="append", default=[],
                            help="AMOUNT, or GROUP=AMOUNT (repeated) with --group-by")
            sp.add_argument("--group-by", choices=("territory", "theme", "call"))
        sp.add_argument("dossiers", nargs="+")
    args = p.parse_args(argv)

    try:
        grid = Grid.load(args.grid)
        results = []
        for path in args.dossiers:
            results.append(score_dossier(grid, load_dossier(path), args.consolidate))
            results[-1]["file"] = path
    except OracleError as e:
        print(f"oracle: error: {e}", file=sys.stderr)
        return 1
    if args.command == "score":
        results.sort(key=lambda r: id_key(r["dossier"]))
        doc = results[0] if len(results) == 1 else results
    else:
        budget, group_budgets = None, None
        for b in args.budget:
            if "=" in b:
                name, amount = b.rsplit("=", 1)
                group_budgets = dict(group_budgets or {}, **{name: float(amount)})
            else:
                budget = float(b)
        if group_budgets is not None and (budget is not None or args.group_by is None):
            print("oracle: error: GROUP=AMOUNT needs --group-by and no plain --budget",
                  file=sys.stderr)
            return 2
        doc = rank(grid, results, budget, args.group_by, group_budgets)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
