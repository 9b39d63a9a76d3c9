#!/usr/bin/python3
"""Seeded generator of random, VALID ess-eval grids and dossiers, for compare.py (formats: the
man page man/ess-eval.1, FILES "Grid format" and "Dossier format").

    python3 tests/oracle/gen.py --seed 7 --count 40 --out /tmp/ess-cases

writes OUT/case-0001/ ... OUT/case-NNNN/, each with
    grid.yaml            a random grid: tree 1-3 levels deep, all aggregations, zero weights,
                         every scale kind, every fact operation, targets, minimums, bands
                         (some not fundable)
    dossiers/*.yaml      3-10 dossiers: several assessments and roles (French names too),
                         labels and values, N/A, omitted leaves, self-only dossiers, consensus,
                         omitted facts, requested amounts, and twins (same scores under another
                         id; mathematically equal totals reached through different arithmetic);
                         in some cases one file that validation refuses
    case.json            {"seed", "case", "budget" (or null), "group_by", "group_budgets",
                          "invalid" ({file: code}), "notes"}
and OUT/published-*/ : hand-written cases whose expected totals are known (comments and
`x-expect` in each dossier).

The same seed always writes the same bytes. The oracle is used only to place band boundaries
exactly on (or within 1e-12 of) a dossier's total, to pick budgets that fit exactly, and to
make sure every dossier has something scored.
"""

import argparse
import copy
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

# ---------------------------------------------------------------------------------------------
# A small YAML writer: block mappings, flow lists of numbers, every scalar written on purpose
# ---------------------------------------------------------------------------------------------


class Plain(str):
    """A scalar written as is (yes/no, dates, ids, labels known to be safe)."""


YES, NO = Plain("yes"), Plain("no")
# Words that YAML 1.1 (PyYAML) or 1.2 would not read back as a plain string.
RESERVED = {"yes", "no", "true", "false", "on", "off", "y", "n", "null", "~"}
SAFE_PLAIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 '’._()/-]*$")


def scalar(v):
    if isinstance(v, Plain):
        return str(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = repr(v)
        if "e" in text or "inf" in text or "nan" in text:
            raise ValueError(f"refusing to write {v!r}: not a plain decimal")
        return text
    if (SAFE_PLAIN.match(v) and v.lower() not in RESERVED and not v.endswith(" ")
            and ": " not in v and " #" not in v):
        return v
    return json.dumps(v, ensure_ascii=False)          # a JSON string is a YAML double-quoted one


def is_scalar(v):
    return not isinstance(v, (dict, list))


def flow(v):
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v)


def emit(obj, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            key = scalar(Plain(k) if re.match(r"^[a-z0-9x][a-z0-9_-]*$", k) else k)
            if is_scalar(v):
                lines.append(f"{pad}{key}: {scalar(v)}")
            elif isinstance(v, list) and all(is_scalar(x) or isinstance(x, list) for x in v):
                lines.append(f"{pad}{key}: {flow(v)}")
            elif not v:
                lines.append(f"{pad}{key}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(emit(v, indent + 2))
    else:
        for item in obj:
            if isinstance(item, dict):
                sub = emit(item, indent + 2)
                sub[0] = pad + "- " + sub[0][indent + 2:]
                lines.extend(sub)
            else:
                lines.append(f"{pad}- {flow(item)}")
    return lines


def write_yaml(path, obj, header):
    text = "".join(f"# {h}\n" for h in header) + "\n".join(emit(obj)) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

LEVEL_PATTERNS = [[0, 1, 2, 3], [0, 1, 2, 4], [1, 2, 3, 5], [0, 2, 5], [0, 1],
                  [0, 1, 2, 3, 4], [0, 0.5, 1], [2, 4, 6, 10]]
LEVEL_LABELS = {
    "fr": ["Absent", "Émergent", "Établi", "Exemplaire", "Remarquable"],
    "en": ["Absent", "Emerging", "Established", "Exemplary", "Outstanding"],
}
BAND_LABELS = {
    "fr": ["Défavorable", "Réservé", "Favorable", "Très favorable"],
    "en": ["Unfavourable", "Reserved", "Favourable", "Highly favourable"],
}
BOUNDARY_LABEL = {"fr": "Seuil exact", "en": "Exact threshold"}
TOPICS = ["gouvernance", "participation", "reciprocite", "transparence", "debat", "savoirs",
          "suivi", "impact", "partenariats", "benevolat", "hybridation", "ancrage",
          "egalite", "formation", "ecologie", "cooperation", "mutualisation", "utilite"]
ROLES = ["analyst", "partner", "committee"]
NAMES = ["A. Martin", "B. Nguyen", "C. Diallo", "D. Moreau", "É. Lefèvre", "F. Rossi"]
ORGS = ["Épicerie solidaire La Soupe aux Cailloux", "Recyclerie du Val", "SCIC Énergie Partagée",
        "Tiers-lieu La Fabrique", "AMAP des Coteaux", "Chantier d'insertion Les Jardins",
        "Coopérative: mobilité rurale", "Café associatif #3"]
TERRITORIES = ["Haute-Vienne", "Creuse", "Corrèze", "Gironde"]
THEMES = ["alimentation durable", "réemploi", "mobilité", "culture"]
CALLS = ["aap-2026-alimentation", "aap-2026-reemploi"]

# Facts: every grid declares all of them; leaves use some through `from:`.
FACTS = [
    {"id": "ventes", "title": "Ventes et prestations", "unit": "EUR"},
    {"id": "subventions", "title": "Subventions publiques", "unit": "EUR"},
    {"id": "dons", "title": "Dons et mécénat", "unit": "EUR"},
    {"id": "heures-benevoles", "title": "Heures de bénévolat", "unit": "h"},
    {"id": "taux-horaire", "title": "Valorisation d'une heure", "unit": "EUR/h", "value": 11.88},
    {"id": "valeur-benevolat", "title": "Bénévolat valorisé", "product": ["heures-benevoles",
                                                                         "taux-horaire"]},
    {"id": "ressources", "title": "Ressources",
     "sum": ["ventes", "subventions", "dons", "valeur-benevolat"]},
    {"id": "part-non-marchande", "title": "Part non marchande",
     "ratio": ["subventions", "ressources"]},
    {"id": "dons-par-subvention", "title": "Dons par euro de subvention",
     "ratio": ["dons", "subventions"]},                    # denominator may be 0
    {"id": "hybridation", "title": "Hybridation des ressources",
     "diversity": ["ventes", "subventions", "dons", "valeur-benevolat"]},
]
DECLARED = ["ventes", "subventions", "dons", "heures-benevoles"]
# fact -> scales whose bounds always hold for its values
FACT_SCALES = {
    "part-non-marchande": ["part"], "hybridation": ["part"],
    "dons-par-subvention": ["effet-levier"], "heures-benevoles": ["heures", "paliers-heures"],
    "valeur-benevolat": ["montant"], "ressources": ["montant"], "ventes": ["montant", "paliers-montant"],
}


# ---------------------------------------------------------------------------------------------
# Grid
# ---------------------------------------------------------------------------------------------

def gen_scales(rng, lang):
    scales = {}
    for i in range(rng.randint(1, 3)):
        values = rng.choice(LEVEL_PATTERNS)
        labels = LEVEL_LABELS[lang]
        scales[f"niveau-{i + 1}"] = {"type": "levels", "levels": [
            {"value": v, "label": labels[j], **({"description": f"Niveau {j}"} if rng.random() < .3 else {})}
            for j, v in enumerate(values)]}
    scales["oui-non"] = {"type": "yesno"}
    scales["pourcentage"] = {"type": "numeric", "unit": "%", "min": 0, "max": 100,
                             **({"better": "higher"} if rng.random() < .5 else {})}
    scales["delai"] = {"type": "numeric", "unit": "jours", "min": rng.choice([0, 5]),
                       "max": rng.choice([60, 90]), "better": "lower"}
    scales["part"] = {"type": "numeric", "unit": "ratio", "min": 0, "max": 1}
    if rng.random() < .7:
        scales["heures"] = {"type": "numeric", "unit": "h/an", "min": 0,
                            "points": [[0, 0], [rng.choice([200, 500]), 0.4], [2000, 0.8], [5000, 1]]}
    else:                                             # a value function with an optimum
        scales["heures"] = {"type": "numeric", "unit": "h/an", "min": 0,
                            "points": [[0, 0], [1500, 1], [4000, 0.6], [6000, 0.5]]}
    scales["paliers"] = {"type": "numeric", "unit": "actions",   # no bounds: 0 is below 1
                         "steps": [[1, 0.2], [rng.choice([3, 5]), 0.5], [10, 0.8], [20, 1]]}
    scales["paliers-heures"] = {"type": "numeric", "unit": "h", "min": 0,
                                "steps": [[0, 0], [100, 0.3], [1000, 0.7], [3000, 1]]}
    scales["montant"] = {"type": "numeric", "unit": "EUR", "min": 0,
                         "points": [[0, 0], [50000, 0.5], [200000, 1]]}
    scales["paliers-montant"] = {"type": "numeric", "unit": "EUR", "min": 0,
                                 "steps": [[0, 0.1], [20000, 0.4], [100000, 1]]}
    scales["effet-levier"] = {"type": "numeric", "unit": "ratio",
                              "points": [[0, 0], [0.5, 0.6], [2, 1]]}
    return scales


def scale_value(rng, scale, near=None):
    """A random valid value in the scale's units (a level value, 0/1, or a number)."""
    kind = scale_kind(scale)
    if kind == "levels":
        values = [lv["value"] for lv in scale["levels"]]
        if near is not None:
            i = min(max(values.index(near) + rng.choice([-1, 0, 0, 1]), 0), len(values) - 1)
            return values[i]
        return rng.choice(values)
    if kind == "yesno":
        return near if near is not None and rng.random() < .8 else rng.choice([0, 1])
    if scale.get("unit") == "ratio" and kind == "linear":
        return rng.randint(0, 100) / 100
    if kind == "linear":
        lo, hi = scale["min"], scale["max"]
        v = rng.randint(lo, hi) if rng.random() < .7 else round(rng.uniform(lo, hi), 1)
        return v
    xs = [p[0] for p in scale.get("points") or scale["steps"]]
    lo = scale.get("min", min(0, xs[0]))
    hi = int(xs[-1] * 1.2)
    return rng.randint(int(lo), hi)


def scale_kind(scale):
    if scale["type"] != "numeric":
        return scale["type"]
    return "points" if "points" in scale else "steps" if "steps" in scale else "linear"


def as_written(rng, scale, v, lang=None):
    """How a value is written: a level by value or by label (sometimes in another case), yes/no
    (oui/non in a French grid's dossiers), or a number."""
    kind = scale_kind(scale)
    if kind == "levels":
        if rng.random() < .5:
            label = next(lv["label"] for lv in scale["levels"] if lv["value"] == v)
            return rng.choice([label, label, label.lower(), label.upper()])
        return v
    if kind == "yesno":
        if lang == "fr" and rng.random() < .3:
            return Plain("oui") if v == 1 else Plain("non")
        return YES if v == 1 else NO
    return v


# Roles as a dossier may write them: the English token or the French name, in any case.
ROLE_NAMES = {"analyst": ["analyste", "Analyste"], "partner": ["partenaire"],
              "committee": ["comité", "Comité", "comite"],
              "self": ["auto-évaluation", "Auto-évaluation", "auto-evaluation"]}


def written_role(rng, role):
    return rng.choice(ROLE_NAMES[role]) if rng.random() < .25 else role


class TreeBuilder:
    def __init__(self, rng, scales, lang):
        self.rng, self.scales, self.lang = rng, scales, lang
        self.used = []
        self.decimal_pairs = []              # [(leaf a, leaf b)] sibling part leaves, equal weights

    def new_id(self):
        topic = self.rng.choice(TOPICS)
        cid = f"{topic}-{len(self.used) + 1}"
        self.used.append(cid)
        return cid

    def weights(self, n):
        ws = [self.rng.choice([1, 1, 1, 2, 3, 0.5, 1.5, 0]) for _ in range(n)]
        if all(w == 0 for w in ws):
            ws[self.rng.randrange(n)] = 1
        return ws

    def leaf(self, weight):
        rng = self.rng
        cid = self.new_id()
        d = {"id": cid, "title": f"Critère {cid}", "weight": weight}
        r = rng.random()
        if r < .15:
            fact = rng.choice(sorted(FACT_SCALES))
            d["scale"] = rng.choice(FACT_SCALES[fact])
            d["from"] = fact
        else:
            names = [s for s in self.scales if s not in ("montant", "paliers-heures",
                                                         "paliers-montant", "effet-levier")]
            d["scale"] = rng.choice(names)
        scale = self.scales[d["scale"]]
        if rng.random() < .35:
            v = scale_value(rng, scale)
            d["target"] = as_written(rng, scale, v)
        if rng.random() < .25:
            v = scale_value(rng, scale)
            if scale_kind(scale) == "levels":
                v = scale["levels"][min(1, len(scale["levels"]) - 1)]["value"]
            d["minimum"] = YES if scale_kind(scale) == "yesno" else v
            if rng.random() < .4:
                d["eliminatory"] = True
        if "from" not in d and rng.random() < .25:
            d["allow_na"] = True
        elif "from" not in d and rng.random() < .1:
            d["allow_na"] = False
        if rng.random() < .5:
            # (never `required` together with allow_na: an N/A entry carries no evidence)
            d["evidence"] = rng.choice(["recommended", "none"] +
                                       ([] if d.get("allow_na") else ["required"]))
        if rng.random() < .2:
            d["guidance"] = "Ce que l'analyste regarde : PV d'AG, comptes publiés."
        if rng.random() < .1:
            d["x-note"] = "champ libre"
        return d

    def node(self, depth, max_depth, weight):
        rng = self.rng
        cid = self.new_id()
        d = {"id": cid, "title": f"Axe {cid}", "weight": weight}
        aggregation = rng.choice(["weighted-mean", "weighted-mean", "weighted-geometric", "min",
                                  None])
        if aggregation:
            d["aggregation"] = aggregation
        if rng.random() < .2:
            d["minimum"] = rng.choice([20, 30, 40, 50, 55.5])
            if rng.random() < .3:
                d["eliminatory"] = True
        n = rng.randint(1, 4)
        children = []
        for w in self.weights(n):
            if depth + 1 < max_depth and rng.random() < .4:
                children.append(self.node(depth + 1, max_depth, w))
            else:
                children.append(self.leaf(w))
        if aggregation in (None, "weighted-mean") and rng.random() < .4:
            children.extend(self.decimal_pair())
        d["children"] = children
        return d

    def decimal_pair(self):
        """Two sibling leaves on the 0..1 scale with equal weights (for 0.1+0.2 twins)."""
        w = self.rng.choice([1, 2])
        pair = [{"id": self.new_id(), "title": "Part décimale", "scale": "part", "weight": w}
                for _ in range(2)]
        self.decimal_pairs.append((pair[0]["id"], pair[1]["id"]))
        return pair

    def tree(self):
        rng = self.rng
        max_depth = rng.randint(1, 3)
        top = []
        for w in self.weights(rng.randint(2, 4)):
            if max_depth > 1 and rng.random() < .8:
                top.append(self.node(1, max_depth, w))
            else:
                top.append(self.leaf(w))
        if rng.random() < .3:
            top.extend(self.decimal_pair())
        return top


def gen_grid(rng, seed, index):
    lang = rng.choice(["fr", "en"])
    scales = gen_scales(rng, lang)
    builder = TreeBuilder(rng, scales, lang)
    criteria = builder.tree()
    n_bands = rng.randint(2, 4)
    mins = sorted(rng.sample([30, 40, 50, 60, 70, 80], n_bands - 1))
    bands = [{"min": 0, "label": BAND_LABELS[lang][0]}] + [
        {"min": m, "label": BAND_LABELS[lang][i + 1]} for i, m in enumerate(mins)]
    # fundable: default every band but the lowest; sometimes said explicitly, sometimes a
    # higher band is not fundable, rarely the lowest is.
    for i, band in enumerate(bands):
        r = rng.random()
        if i == 0:
            if r < .3:
                band["fundable"] = False
            elif r < .4:
                band["fundable"] = True
        elif r < .2:
            band["fundable"] = False
        elif r < .3:
            band["fundable"] = True
    grid = {"grid": f"grille-{seed}-{index}", "version": Plain(f"1.{index % 7}.{seed % 10}"),
            "title": f"Grille générée {seed}/{index}", "language": lang}
    if rng.random() < .3:
        grid["description"] = "Grille *générée* pour comparer l'oracle et ess-eval."
    grid.update({"scales": scales, "facts": FACTS, "criteria": criteria, "decision": bands,
                 "disagreement": rng.choice([0.25, 0.34, 0.5])})
    return grid, builder.decimal_pairs


def leaves_of(criteria):
    for c in criteria:
        if "children" in c:
            yield from leaves_of(c["children"])
        else:
            yield c


# ---------------------------------------------------------------------------------------------
# Dossiers
# ---------------------------------------------------------------------------------------------

def dossier_id(rng, n):
    return rng.choice([f"2026-{n:03d}", f"AAP-2026-{n:03d}", f"D{n:06d}", f"dossier-{n}"])


def gen_dossier(rng, grid, did, profile):
    scales = grid["scales"]
    leaves = [l for l in leaves_of(grid["criteria"]) if "from" not in l]
    d = {"dossier": Plain(did), "title": rng.choice(ORGS), "applicant": f"Association {did}",
         "grid": Plain(grid["grid"] + (f"@{grid['version']}" if rng.random() < .5 else ""))}
    for key, pool in (("call", CALLS), ("territory", TERRITORIES), ("theme", THEMES)):
        if rng.random() < .6:
            d[key] = rng.choice(pool)
            if key != "call" and rng.random() < .15:       # one group, another spelling
                d[key] = spelling(rng, d[key])
    if rng.random() < .85:
        d["requested"] = rng.choice([5000, 7500, 10000, 12000, 15000, 20000, 25000, 30000,
                                     1000.1, 2000.2, 3000.3])
    facts = {}
    for f in DECLARED:
        if profile == "complete" or rng.random() < .85:
            if f == "subventions" and rng.random() < .2:
                facts[f] = 0
            elif f == "heures-benevoles":
                facts[f] = rng.randint(0, 6000)
            else:
                facts[f] = rng.randint(0, 3000) * 100
    if facts or rng.random() < .5:
        d["facts"] = facts

    if profile == "self-only":
        roles = ["self"] * rng.randint(1, 2)
    else:
        roles = [rng.choice(ROLES) for _ in range(rng.randint(1, 3))]
        if rng.random() < .5:
            roles.insert(rng.randrange(len(roles) + 1), "self")
    if profile == "omissions" and len(roles) - roles.count("self") < 2:
        roles.append(rng.choice(ROLES))
    hard_missing = set()
    if profile == "incomplete":
        hard_missing = {l["id"] for l in rng.sample(leaves, min(len(leaves), rng.randint(1, 2)))}
    base = {l["id"]: scale_value(rng, scales[l["scale"]]) for l in leaves}
    na_leaves = {l["id"] for l in leaves if l.get("allow_na")
                 and rng.random() < (.7 if profile == "na-heavy" else .25)}
    assessments = []
    for k, role in enumerate(roles):
        scores = {}
        for l in leaves:
            lid, scale = l["id"], scales[l["scale"]]
            if lid in hard_missing and role != "self":
                continue
            if rng.random() < (.2 if profile == "omissions" else .05) and profile != "complete":
                continue                               # one assessor forgets it
            if lid in na_leaves and rng.random() < .85:
                scores[lid] = {"na": rng.choice(["Structure créée en 2026",
                                                 "Not applicable: no premises",
                                                 "Sans objet"])}
                continue
            v = scale_value(rng, scale, near=base[lid] if scale_kind(scale) in ("levels", "yesno")
                            else None)
            if scale_kind(scale) == "linear" and rng.random() < .6:
                v = base[lid]
            key = "level" if scale_kind(scale) == "levels" else "value"
            entry = {key: as_written(rng, scale, v, grid["language"])}
            if l.get("evidence") == "required" or rng.random() < .3:
                entry["evidence"] = "PV d'AG 2025 : 45 adhérents votants"
            if rng.random() < .1:
                entry["comment"] = "Comptes publiés en ligne"
            scores[lid] = entry
        assessments.append({"assessor": NAMES[k % len(NAMES)], "role": written_role(rng, role),
                            "date": Plain(f"2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"),
                            "scores": scores})
    d["assessments"] = assessments
    if profile != "self-only" and rng.random() < .25:
        consensus = {}
        for l in rng.sample(leaves, min(len(leaves), rng.randint(1, 2))):
            counted = [a for a, role in zip(assessments, roles) if role != "self"]
            if any(l["id"] in a["scores"] and "na" not in a["scores"][l["id"]] for a in counted):
                scale = scales[l["scale"]]
                key = "level" if scale_kind(scale) == "levels" else "value"
                consensus[l["id"]] = {key: as_written(rng, scale, scale_value(rng, scale),
                                                      grid["language"]),
                                      "note": "Comité du 2026-04-02 : pièces jugées probantes"}
        if consensus:
            d["consensus"] = consensus
    if rng.random() < .1:
        d["x-origin"] = "gen.py"
    return d


def spelling(rng, name):
    """The same group name in another case or without its accents (one group for ess-eval)."""
    plain = unicodedata.normalize("NFD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return rng.choice([name.lower(), name.upper(), plain, plain.lower()])


def twin(rng, d, did, decimal_pairs):
    """A copy under another id; sometimes with a decimal pair rewritten (a, b) -> (a+b, 0)."""
    t = copy.deepcopy(d)
    t["dossier"] = Plain(did)
    t["title"] = d["title"] + " (jumeau)"
    note = "exact twin"
    if decimal_pairs and rng.random() < .7:
        a_id, b_id = rng.choice(decimal_pairs)
        for orig, tw in zip(d["assessments"], t["assessments"]):
            x = rng.randint(0, 10)
            y = rng.randint(0, 10 - x)
            orig["scores"][a_id] = {"value": x / 10}
            orig["scores"][b_id] = {"value": y / 10}
            tw["scores"][a_id] = {"value": (x + y) / 10}
            tw["scores"][b_id] = {"value": 0}
        for doc in (d, t):
            for lid in (a_id, b_id):
                (doc.get("consensus") or {}).pop(lid, None)
            if "consensus" in doc and not doc["consensus"]:
                del doc["consensus"]
        note = f"decimal twin on {a_id}/{b_id}"
    return t, note


def to_python(obj):
    """What PyYAML would read back (yes/no -> bool), so the oracle can score in memory."""
    if isinstance(obj, dict):
        return {k: to_python(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_python(v) for v in obj]
    if isinstance(obj, Plain) and obj in ("yes", "no"):
        return obj == "yes"
    if isinstance(obj, Plain):
        return str(obj)
    return obj


# ---------------------------------------------------------------------------------------------
# One case
# ---------------------------------------------------------------------------------------------

def score_all(grid, dossiers):
    g = oracle.Grid(to_python(grid))
    return g, [oracle.score_dossier(g, to_python(d)) for d in dossiers]


def gen_case(seed, index, out):
    rng = random.Random(f"ess-eval-oracle:{seed}:{index}")
    grid, decimal_pairs = gen_grid(rng, seed, index)
    g = oracle.Grid(to_python(grid))
    notes = []
    dossiers, ids = [], []
    n = rng.randint(3, 10)
    while len(dossiers) < n:
        did = dossier_id(rng, rng.randint(1, 999))
        if did in ids:
            continue
        profile = rng.choices(["complete", "incomplete", "na-heavy", "self-only", "omissions"],
                              [45, 15, 12, 12, 16])[0]
        for attempt in range(20):
            d = gen_dossier(rng, grid, did, profile if attempt < 10 else "complete")
            try:
                oracle.score_dossier(g, to_python(d))
                break
            except oracle.OracleError as e:
                if "nothing-scored" not in str(e):
                    raise
        else:
            continue
        dossiers.append(d)
        ids.append(did)
    sources = list(dossiers)
    for _ in range(rng.randint(1, 3)):                 # deliberately equal totals
        did = dossier_id(rng, rng.randint(1, 999))
        if did in ids or not sources:
            continue
        src = sources.pop(rng.randrange(len(sources)))   # each original twinned at most once
        t, note = twin(rng, src, did, decimal_pairs)
        dossiers.append(t)
        ids.append(did)
        notes.append(f"{did}: {note} of {src['dossier']}")

    _, results = score_all(grid, dossiers)
    # A band boundary on (or within float noise of) one dossier's total.
    candidates = []
    for r in results:
        t = r["total"]
        d = round(t, 6)
        if r["status"] == "ok" and 0 < d < 100 and abs(t - d) < 1e-9:
            candidates.append((t != d, d, r["dossier"]))
    if candidates and rng.random() < .8:
        candidates.sort(key=lambda c: (not c[0], c[2]))   # prefer float noise over exact
        noisy, d, who = candidates[0] if rng.random() < .7 else rng.choice(candidates)
        if all(b["min"] != d for b in grid["decision"]):
            band = {"min": d, "label": BOUNDARY_LABEL[grid["language"]]}
            if rng.random() < .3:               # fundable decided within the tolerance too
                band["fundable"] = False
            grid["decision"].append(band)
            grid["decision"].sort(key=lambda b: b["min"])
            notes.append(f"band at {d!r} on the total of {who} ({'within noise' if noisy else 'exact'})")

    g, results = score_all(grid, dossiers)
    for r, d in zip(results, dossiers):
        r["territory"], r["theme"], r["call"] = d.get("territory"), d.get("theme"), d.get("call")
    budget = None
    ranking = oracle.rank(g, results)
    ranked = [row for row in ranking["dossiers"] if row["rank"] is not None]
    if ranked and rng.random() < .8:
        budget, note = pick_budget(rng, ranked)
        notes.append(f"budget: {note}")
    group_by, group_budgets = None, None
    if ranked and rng.random() < .5:
        group_by = rng.choice(["territory", "territory", "theme", "call"])
        group_budgets, note = pick_group_budgets(rng, ranked, group_by)
        notes.append(f"--group-by {group_by}: {note}")
    invalid = None
    if rng.random() < .25:
        invalid, note = broken_dossier(rng, grid, dossiers, ids)
        notes.append(note)

    used = {l["scale"] for l in leaves_of(grid["criteria"])}
    grid["scales"] = {k: v for k, v in grid["scales"].items() if k in used}

    case_dir = os.path.join(out, f"case-{index:04d}")
    os.makedirs(os.path.join(case_dir, "dossiers"), exist_ok=True)
    header = [f"generated by tests/oracle/gen.py --seed {seed} (case {index})"]
    write_yaml(os.path.join(case_dir, "grid.yaml"), grid, header)
    for d in dossiers + ([invalid["dossier"]] if invalid else []):
        write_yaml(os.path.join(case_dir, "dossiers", f"{d['dossier']}.yaml"), d, header)
    meta = {"seed": seed, "case": index, "budget": budget, "group_by": group_by,
            "group_budgets": group_budgets,
            "invalid": ({f"{invalid['dossier']['dossier']}.yaml": invalid["code"]}
                        if invalid else {}),
            "notes": notes}
    with open(os.path.join(case_dir, "case.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=2)
        f.write("\n")


def amount(x):
    x = round(x, 2)
    return int(x) if x == int(x) else x


def pick_budget(rng, ranked):
    """A budget that fits the first k ranked exactly, stops in the middle of the next one, or
    covers every request (then only a band that is not fundable can draw the line)."""
    requests = [row["requested"] or 0 for row in ranked]
    r = rng.random()
    if r < .25:
        return amount(sum(requests) + rng.choice([0, 1000])), "covers every request"
    k = rng.randint(1, len(ranked))
    exact = sum(requests[:k])
    if r < .65 or k == len(ranked):
        return amount(exact), f"fits the first {k} ranked exactly"
    return amount(exact + requests[k] / 2), f"the first {k} fit, the next does not"


def pick_group_budgets(rng, ranked, group_by):
    """{name as written on the command line: amount} for some groups of the ranked dossiers
    (at times one group is left without a budget), or None for one plain --budget."""
    if rng.random() < .15:
        return None, "plain --budget over the whole ranking"
    names = {}
    for row in ranked:
        if row[group_by] is not None:
            names.setdefault(oracle.fold(row[group_by]), row[group_by])
    keys = sorted(names)
    if not keys:
        return None, "no dossier has a group: plain --budget"
    if len(keys) > 1 and rng.random() < .4:
        keys.remove(rng.choice(keys))
    budgets = {}
    for key in keys:
        rows = [row for row in ranked if row[group_by] is not None
                and oracle.fold(row[group_by]) == key]
        name = names[key] if rng.random() < .6 else spelling(rng, names[key])
        budgets[name], _ = pick_budget(rng, rows)
    return budgets, "budgets " + ", ".join(f"{k}={v}" for k, v in budgets.items())


def broken_dossier(rng, grid, dossiers, ids):
    """A copy of a dossier under a new id with a number written as on paper in French, which
    validation refuses (invalid-number): a row `invalid` of the ranking."""
    while True:
        did = dossier_id(rng, rng.randint(1, 999))
        if did not in ids:
            break
    d = copy.deepcopy(rng.choice(dossiers))
    d["dossier"] = Plain(did)
    pct = [l["id"] for l in leaves_of(grid["criteria"])
           if l["scale"] == "pourcentage" and "from" not in l]
    first = d["assessments"][0]["scores"]
    scored = [lid for lid in pct if lid in first and "na" not in first[lid]]
    if scored and rng.random() < .7:
        first[scored[0]] = dict(first[scored[0]], value=Plain("31,5"))   # evidence kept
        how = f"{scored[0]}: 31,5"
    else:
        d["requested"] = Plain("12 500")
        how = "requested: 12 500"
    return {"dossier": d, "code": "invalid-number"}, f"{did}.yaml is invalid ({how})"


# ---------------------------------------------------------------------------------------------
# Hand-written published cases (expected totals in comments and in x-expect)
# ---------------------------------------------------------------------------------------------

WSM_GRID = """\
# Weighted sum model, the textbook example (Wikipedia "Weighted sum model", after
# Triantaphyllou, Multi-Criteria Decision Making Methods, 2000): weights .20 .15 .40 .25;
# A1 = 25 20 15 30, A2 = 10 30 20 30, A3 = 30 10 30 10. Published scores: A1 21.5,
# A2 22, A3 22 -- A2 and A3 tie.
# Here s = v/100 and the weights sum to 100, so total = sum(w_i * v_i) / 100.
grid: published-wsm
version: 1.0.0
title: Weighted sum model (textbook example)
language: en
scales:
  score: {type: numeric, min: 0, max: 100}
criteria:
  - id: all
    title: All criteria
    weight: 1
    aggregation: {aggregation}
    children:
      - {id: c1, title: C1, scale: score, weight: 20}
      - {id: c2, title: C2, scale: score, weight: 15}
      - {id: c3, title: C3, scale: score, weight: 40}
      - {id: c4, title: C4, scale: score, weight: 25}
decision:
  - {min: 0, label: Low}
  - {min: 21.75, label: Preferred}
disagreement: 0.34
"""

WSM_DOSSIER = """\
# {comment}
dossier: {id}
title: Alternative {ID}
grid: {grid}
requested: {requested}
x-expect: {{decision: {decision}, total: [{lo}, {hi}]}}
assessments:
  - assessor: Textbook
    role: analyst
    date: 2000-01-01
    scores:
      c1: {{value: {v1}}}
      c2: {{value: {v2}}}
      c3: {{value: {v3}}}
      c4: {{value: {v4}}}
"""

PUBLISHED_WSM = [
    # (id, values, expected total, decision, comment)
    ("a1", (25, 20, 15, 30), 21.5, "Low", "(25*20 + 20*15 + 15*40 + 30*25)/100 = 2150/100 = 21.5"),
    ("a2", (10, 30, 20, 30), 22.0, "Preferred", "(10*20 + 30*15 + 20*40 + 30*25)/100 = 2200/100 = 22"),
    ("a3", (30, 10, 30, 10), 22.0, "Preferred", "(30*20 + 10*15 + 30*40 + 10*25)/100 = 2200/100 = 22"),
]

PUBLISHED_WPM = [
    # Weighted product model on the same data (Wikipedia "Weighted product model"): published
    # ratios P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059, so A1 > A2 > A3.
    # total = 100 * prod (v_i/100)^(w_i/100), by hand with ln:
    ("a1", (25, 20, 15, 30), 20.63, "Low",
     "100*exp(.2 ln .25 + .15 ln .2 + .4 ln .15 + .25 ln .3) = 100*exp(-1.578516) = 20.63"),
    ("a2", (10, 30, 20, 30), 20.48, "Low",
     "100*exp(.2 ln .1 + .15 ln .3 + .4 ln .2 + .25 ln .3) = 100*exp(-1.585881) = 20.48"),
    ("a3", (30, 10, 30, 10), 19.33, "Low",
     "100*exp(.2 ln .3 + .15 ln .1 + .4 ln .3 + .25 ln .1) = 100*exp(-1.643418) = 19.33"),
]

SPEC_GRID = """\
# The example grid of ess-eval's specification, completed so that it is valid.
grid: ess-citoyennete-economique
version: 1.2.0
title: Citoyenneté économique — grille d'instruction
language: fr
scales:
  niveau:
    type: levels
    levels:
      - {value: 0, label: Absent, description: "Aucune démarche"}
      - {value: 1, label: Émergent}
      - {value: 2, label: Établi}
      - {value: 3, label: Exemplaire}
  oui-non: {type: yesno}
  heures:
    type: numeric
    unit: h/an
    min: 0
    points: [[0, 0], [500, 0.4], [2000, 0.8], [5000, 1]]
  part: {type: numeric, unit: ratio, min: 0, max: 1}
facts:
  - {id: ventes, title: Ventes et prestations, unit: EUR}
  - {id: subventions, title: Subventions publiques, unit: EUR}
  - {id: dons, title: Dons et mécénat, unit: EUR}
  - {id: heures-benevoles, title: Heures de bénévolat, unit: h}
  - {id: taux-horaire, title: Valorisation d'une heure bénévole, unit: EUR/h, value: 11.88}
  - {id: valeur-benevolat, product: [heures-benevoles, taux-horaire], unit: EUR}
  - {id: ressources, sum: [ventes, subventions, dons, valeur-benevolat], unit: EUR}
  - {id: part-non-marchande, ratio: [subventions, ressources], unit: ratio}
  - {id: hybridation, diversity: [ventes, subventions, dons, valeur-benevolat]}
criteria:
  - id: gouvernance
    title: Susciter la gouvernance
    weight: 3
    aggregation: weighted-mean
    minimum: 40
    children:
      - id: participation
        title: Qualités et quantités des participations
        scale: niveau
        weight: 2
        target: 3
        minimum: 1
        eliminatory: true
        evidence: required
      - {id: transparence, title: Transparence, scale: niveau, weight: 1, target: Établi}
      - {id: benevolat, title: Heures de bénévolat, scale: heures, weight: 1, from: heures-benevoles}
  - id: debat
    title: Débat interne et externe
    weight: 1
    aggregation: weighted-geometric
    children:
      - {id: debat-interne, title: Débat interne, scale: oui-non, weight: 1, allow_na: true}
      - {id: hybride, title: Hybridation, scale: part, weight: 1, from: hybridation}
decision:
  - {min: 0, label: Défavorable}
  - {min: 50, label: Réservé}
  - {min: 70, label: Favorable}
disagreement: 0.34
"""

SPEC_DOSSIER = """\
# The example dossier of ess-eval's specification. By hand:
#  participation: analyst 2, partner 3 (self ignored) -> 2.5 -> s = 2.5/3 = .833333
#  transparence: 2 and 1 -> 1.5 -> s = .5 (target Établi: s .666667)
#  benevolat: 3200 h on the points -> .8 + (1200/3000)*.2 = .88
#  gouvernance = (2*.833333 + .5 + .88)/4 = 3.046667/4 = .761667
#  debat-interne: analyst N/A, partner yes -> 1 (partial N/A)
#  hybridation: valeur-benevolat = 3200*11.88 = 38016; ressources = 206016;
#    shares .582479 .194160 .038832 .184529; squares .339282 .037698 .001508 .034051
#    -> 1 - .412539 = .587461
#  debat = (1 * .587461)^(1/2) = .766460
#  total = 100 * (3*.761667 + .766460)/4 = 100 * 3.051461/4 = 76.29 -> Favorable
dossier: 2026-042
title: Épicerie solidaire La Soupe aux Cailloux
applicant: Association Les Cailloux
grid: ess-citoyennete-economique@1.2.0
call: aap-2026-alimentation
territory: Haute-Vienne
theme: alimentation durable
requested: 25000
x-expect: {decision: Favorable, total: [76.28, 76.30]}
facts:
  ventes: 120000
  subventions: 40000
  dons: 8000
  heures-benevoles: 3200
assessments:
  - assessor: A. Martin
    role: analyst
    date: 2026-03-12
    scores:
      participation: {level: 2, evidence: "PV d'AG 2025 : 45 adhérents votants"}
      transparence: {level: Établi, comment: "Comptes publiés en ligne"}
      debat-interne: {na: "Structure créée en 2026"}
  - assessor: B. Nguyen
    role: partner
    date: 2026-03-20
    scores:
      participation: {level: Exemplaire, evidence: "Registre des présences"}
      transparence: {level: 1}
      debat-interne: {value: yes}
  - assessor: Les Cailloux
    role: self
    date: 2026-02-01
    scores:
      participation: {level: 3, evidence: "Auto-évaluation"}
      transparence: {level: 3}
      debat-interne: {value: yes}
"""


def write_published(out):
    for name, aggregation, rows in (("published-wsm", "weighted-mean", PUBLISHED_WSM),
                                    ("published-wpm", "weighted-geometric", PUBLISHED_WPM)):
        base = os.path.join(out, name)
        os.makedirs(os.path.join(base, "dossiers"), exist_ok=True)
        text = WSM_GRID.replace("{aggregation}", aggregation)
        if aggregation == "weighted-geometric":
            text = text.replace("grid: published-wsm", "grid: published-wpm").replace(
                "Weighted sum model (textbook example)", "Weighted product model (textbook example)")
        with open(os.path.join(base, "grid.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        for did, vals, total, decision, comment in rows:
            tol = 1e-9 if aggregation == "weighted-mean" else 0.005
            with open(os.path.join(base, "dossiers", f"{did}.yaml"), "w", encoding="utf-8") as f:
                f.write(WSM_DOSSIER.format(
                    comment=comment, id=did, ID=did.upper(), grid=name, requested=10000,
                    decision=decision, lo=repr(round(total - tol, 10)),
                    hi=repr(round(total + tol, 10)), v1=vals[0], v2=vals[1], v3=vals[2],
                    v4=vals[3]))
        with open(os.path.join(base, "case.json"), "w", encoding="utf-8") as f:
            json.dump({"seed": None, "case": name, "budget": 20000,
                       "notes": ["published example; budget 20000 funds exactly the top two"]},
                      f, indent=2)
            f.write("\n")
    base = os.path.join(out, "published-spec-example")
    os.makedirs(os.path.join(base, "dossiers"), exist_ok=True)
    with open(os.path.join(base, "grid.yaml"), "w", encoding="utf-8") as f:
        f.write(SPEC_GRID)
    with open(os.path.join(base, "dossiers", "2026-042.yaml"), "w", encoding="utf-8") as f:
        f.write(SPEC_DOSSIER)
    with open(os.path.join(base, "case.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": None, "case": "published-spec-example", "budget": None,
                   "notes": ["the spec's own example"]}, f, indent=2)
        f.write("\n")


def generate(seed, count, out, published=True):
    os.makedirs(out, exist_ok=True)
    for i in range(1, count + 1):
        gen_case(seed, i, out)
    if published:
        write_published(out)


def main(argv=None):
    p = argparse.ArgumentParser(description="generate random valid ess-eval grids and dossiers")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--count", type=int, default=20, help="number of cases (grid + dossiers)")
    p.add_argument("--out", required=True)
    p.add_argument("--no-published", action="store_true", help="skip the hand-written cases")
    args = p.parse_args(argv)
    generate(args.seed, args.count, args.out, not args.no_published)
    return 0


if __name__ == "__main__":
    sys.exit(main())
