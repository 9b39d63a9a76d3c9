#!/bin/sh
# Checks schemas/grid.schema.json, dossier.schema.json and call.schema.json against the
# repository's files:
#   - the schemas compile under JSON Schema draft 2020-12 (ajv strict mode);
#   - every criteria/*.yaml validates against the grid schema, every criteria/calls/*.yaml
#     against the call schema;
#   - every examples/dossiers/*.yaml and calibration dossier (criteria/*.calibration/*.yaml,
#     criteria/calls/*.calibration/*.yaml) validates against the dossier schema;
#   - every examples/invalid/*.yaml whose leading `# expect: LINE:COL CODE ...` lines name a code
#     a schema can see (unknown key, wrong type, bad id...) is REJECTED by its schema.
#
# Usage: tests/schema/check-schemas.sh AJV [REPO]
#   AJV   the ajv executable of ajv-cli 5, installed with ajv-formats beside it, e.g.
#         npm install --prefix /tmp/ajv ajv-cli@5 ajv-formats  ->  /tmp/ajv/node_modules/.bin/ajv
#   REPO  the repository root (default: two folders above this script)
# Needs /usr/bin/python3 with PyYAML (Debian's python3-yaml).
# Prints one line per check and `N passed, M failed` last; exits 0 when all pass, 1 when one
# fails, 2 on a usage error.
#
# YAML is read as YAML 1.2 (core schema), as ess-eval and the YAML language server read it:
# PyYAML alone is YAML 1.1 and would turn `yes`/`no`/`on` into booleans, dates into date
# objects and `017` into 15; the loader below resets PyYAML's implicit resolvers to the 1.2
# core ones, so `value: yes` stays the string "yes" and `date: 2026-03-12` stays a string.

set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 AJV [REPO]" >&2
  exit 2
fi
ajv=$1
if [ ! -x "$ajv" ]; then
  echo "$0: $ajv is not an executable (ajv from ajv-cli 5)" >&2
  exit 2
fi
if [ $# -eq 2 ]; then
  repo=$2
else
  repo=$(cd "$(dirname "$0")/../.." && pwd)
fi
python=/usr/bin/python3
if ! "$python" -c 'import yaml' 2>/dev/null; then
  echo "$0: $python with PyYAML is required (apt-get install python3-yaml)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/check-schemas.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT HUP INT TERM

"$python" - "$ajv" "$repo" "$work" <<'PYTHON'
import glob
import json
import math
import os
import re
import subprocess
import sys

import yaml

ajv, repo, work = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]

# Diagnostic codes a JSON schema can see on its own (no other file, no arithmetic, no parser
# detail). A file in examples/invalid/ expecting one of them must be rejected by its schema.
SCHEMA_VISIBLE = {
    "unknown-key",        # additionalProperties: false (x-* allowed)
    "missing-key",        # required
    "wrong-type",         # type
    "invalid-id",         # id pattern
    "invalid-role",       # role enum
    "invalid-date",       # YYYY-MM-DD pattern + format date (calendar)
    "invalid-version",    # MAJOR.MINOR.PATCH pattern
    "invalid-weight",     # weight >= 0
    "na-without-reason",  # na: a non-empty reason
    "leaf-without-scale", # a criterion needs children, scale or from
    "fact-operation",     # at most one of value/sum/product/ratio/diversity; ratio of two
    "invalid-rna",        # W + 9 digits pattern
    "unpinned-grid",      # a call's grid: <id>@<version> pattern
}
# Visible only in some forms; visible_form() below says whether a file's form is one of them.
#   invalid-number: a quoted number ("12") is a string to a schema, .nan/.inf/1e400 become
#     non-numbers here; 017 or 1_000 are not visible once read as YAML 1.2 (017 is 17).
#   scale-function: s outside 0..1, points with steps, non-pairs; not x out of order.
#   scale-levels: fewer than two levels; not two levels with the same value or label.
#   decision-bands: no band at 0, a min outside 0..100; not bands out of order, repeated labels.
#   invalid-siret: not 14 digits; not a wrong Luhn checksum.
CONDITIONAL = {"invalid-number", "scale-function", "scale-levels", "decision-bands",
               "invalid-siret"}

FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"
                      r"|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$")


def non_finite(token):
    """Is this plain scalar a YAML 1.2 float that is not a finite number (.nan, .inf, 1e400)?"""
    word = re.split(r"[\s,}\]#]", token, 1)[0]
    if not FLOAT_12.match(word):
        return False
    return not math.isfinite(float(re.sub(r"\.(inf|Inf|INF)", "inf",
                                          re.sub(r"\.(nan|NaN|NAN)", "nan", word))))


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def scales_of(data):
    scales = data.get("scales") if isinstance(data, dict) else None
    return [v for v in scales.values() if isinstance(v, dict)] if isinstance(scales, dict) else []


def visible_form(code, lines, line_no, col, data):
    """Is this file's form of a CONDITIONAL code one a schema can see?"""
    if code == "invalid-number":
        if not (0 < line_no <= len(lines) and col > 0):
            return False
        token = lines[line_no - 1][col - 1:]
        return token[:1] in ("'", '"') or non_finite(token)
    if code == "scale-function":
        for scale in scales_of(data):
            if "points" in scale and "steps" in scale:
                return True
            for pairs in (scale.get("points"), scale.get("steps")):
                if pairs is None:
                    continue
                if not isinstance(pairs, list) or not pairs:
                    return True
                for pair in pairs:
                    if (not isinstance(pair, list) or len(pair) != 2
                            or not all(is_number(v) for v in pair) or not 0 <= pair[1] <= 1):
                        return True
        return False
    if code == "scale-levels":
        return any(scale.get("type") == "levels"
                   and (not isinstance(scale.get("levels"), list) or len(scale["levels"]) < 2)
                   for scale in scales_of(data))
    if code == "invalid-siret":
        if not (0 < line_no <= len(lines) and col > 0):
            return False
        token = lines[line_no - 1][col - 1:].strip().strip('"\'')
        digits = re.match(r"[^\s,}\"']*", token).group(0)
        return not re.fullmatch(r"[0-9]{14}", digits)
    if code == "decision-bands":
        bands = data.get("decision") if isinstance(data, dict) else None
        if not isinstance(bands, list):
            return False
        mins = [b.get("min") for b in bands if isinstance(b, dict)]
        return (not any(is_number(m) and m == 0 for m in mins)
                or any(not is_number(m) or not 0 <= m <= 100 for m in mins))
    return False


EXPECT = re.compile(r"^#\s*expect:\s*(\d+):(\d+)\s+([a-z][a-z0-9-]*)")


# ---------------------------------------------------------------- YAML 1.2 core schema loader

class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of 1.1's."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(regexp), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # 1.2: 017 is seventeen


def construct_float(loader, node):
    value = float(loader.construct_scalar(node).replace(".inf", "inf").replace(".Inf", "inf")
                  .replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan")
                  .replace(".NAN", "nan"))
    # JSON has no NaN or infinity, and ess-eval refuses them: keep them as a non-number.
    return value if math.isfinite(value) else "<not a finite number>"


def construct_mapping(loader, node):
    result = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "complex key (not a scalar)", key_node.start_mark)
        # ess-eval compares keys by their text: `2026:` and `"2026":` are the key "2026".
        result[key_node.value] = loader.construct_object(value_node, deep=True)
    return result


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def load_yaml(path):
    with open(path, "rb") as f:
        return yaml.load(f.read().decode("utf-8"), Loader=Yaml12Loader)


# ---------------------------------------------------------------- checks

results = []  # (ok, line)


def report(ok, line):
    results.append(ok)
    print(("ok    " if ok else "FAIL  ") + line, flush=True)


def rel(path):
    return os.path.relpath(path, repo)


def yaml_files(pattern):
    found = []
    for ext in ("yaml", "yml"):
        found += glob.glob(os.path.join(repo, pattern + "." + ext))
    return sorted(found)


def describe_errors(text):
    """ajv's JSON error list as one short line: `/path: message 'key'; ...`."""
    try:
        errors = json.loads(text)
    except ValueError:
        return " ".join(text.split())
    said = []
    for e in errors:
        params = e.get("params", {})
        extra = params.get("additionalProperty")
        if "allowedValues" in params:
            extra = "|".join(str(v) for v in params["allowedValues"])
        line = "%s: %s%s" % (e.get("instancePath") or "/", e.get("message", e.get("keyword")),
                             " (%s)" % extra if extra else "")
        if line not in said:
            said.append(line)
    return "; ".join(said)


def run_ajv(schema, jobs):
    """jobs: list of (json_path, ...). Returns {json_path: (valid, error_text)}."""
    if not jobs:
        return {}
    cmd = [ajv, "validate", "--spec=draft2020", "-c", "ajv-formats", "--all-errors",
           "--errors=json", "-s", schema]
    for path in jobs:
        cmd += ["-d", path]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    outcome = {}
    for line in proc.stdout.splitlines():
        if line.endswith(" valid"):
            outcome[line[: -len(" valid")]] = (True, "")
    current = None
    for line in proc.stderr.splitlines():
        if line.endswith(" invalid") and line[: -len(" invalid")] in jobs:
            current = line[: -len(" invalid")]
            outcome[current] = (False, "")
        elif current is not None:
            valid, text = outcome[current]
            outcome[current] = (valid, text + line + "\n")
    for path, (valid, text) in list(outcome.items()):
        if valid is False:
            outcome[path] = (False, describe_errors(text))
    for path in jobs:
        if path not in outcome:
            outcome[path] = (None, (proc.stderr.strip() or proc.stdout.strip())[:500])
    return outcome


schemas = {
    "grid": os.path.join(repo, "schemas", "grid.schema.json"),
    "dossier": os.path.join(repo, "schemas", "dossier.schema.json"),
    "call": os.path.join(repo, "schemas", "call.schema.json"),
}
usable = {}
for kind, schema in schemas.items():
    proc = subprocess.run([ajv, "compile", "--spec=draft2020", "-c", "ajv-formats", "-s", schema],
                          capture_output=True, text=True)
    ok = proc.returncode == 0 and "strict mode" not in proc.stderr
    usable[kind] = ok
    detail = "" if ok else ": " + (proc.stderr.strip() or proc.stdout.strip())
    report(ok, "%s compiles (draft 2020-12, strict)%s" % (rel(schema), detail))

# What each file must do: (path, kind, expect_valid, why)
cases = []
for path in yaml_files("criteria/*"):
    cases.append((path, "grid", True, ""))
for path in yaml_files("criteria/calls/*"):
    cases.append((path, "call", True, ""))
for path in (yaml_files("examples/dossiers/*") + yaml_files("criteria/*.calibration/*")
             + yaml_files("criteria/calls/*.calibration/*")):
    cases.append((path, "dossier", True, ""))

skipped = []
for path in yaml_files("examples/invalid/*"):
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8", "replace").split("\n")
    expects = []
    for line in lines:
        if not line.startswith("#"):
            break
        m = EXPECT.match(line)
        if m:
            expects.append((int(m.group(1)), int(m.group(2)), m.group(3)))
    if not expects:
        skipped.append((path, "no '# expect:' line"))
        continue
    try:
        data = load_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        data = None  # not YAML to PyYAML either: only parser-level codes can be expected
    visible = []
    for line_no, col, code in expects:
        if code in SCHEMA_VISIBLE:
            visible.append(code)
        elif code in CONDITIONAL and visible_form(code, lines, line_no, col, data):
            visible.append(code + " (in this form)")
    if not visible:
        skipped.append((path, "expects " + ", ".join(c for _, _, c in expects)))
        continue
    cases.append((path, None, False, ", ".join(visible)))

# Convert every file to JSON, then validate each batch with one ajv run per schema.
batches = {"grid": [], "dossier": [], "call": []}
planned = []
for index, (path, kind, expect_valid, why) in enumerate(cases):
    try:
        data = load_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as e:
        report(False, "%s: cannot be read as YAML 1.2 to check it: %s"
               % (rel(path), str(e).replace("\n", " ")))
        continue
    if kind is None:  # an invalid example: its top key says what it is, as in ess-eval
        if isinstance(data, dict) and "dossier" in data:
            kind = "dossier"
        elif isinstance(data, dict) and "call" in data:
            kind = "call"
        elif isinstance(data, dict) and "grid" in data:
            kind = "grid"
        else:
            skipped.append((path, "neither a grid nor a dossier"))
            continue
    if not usable[kind]:
        report(False, "%s: not checked, %s does not compile" % (rel(path), rel(schemas[kind])))
        continue
    json_path = os.path.join(work, "%04d.json" % index)
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, default=str)  # an explicit !!timestamp: ISO text
    batches[kind].append(json_path)
    planned.append((path, kind, expect_valid, why, json_path))

outcomes = {}
for kind, jobs in batches.items():
    outcomes.update(run_ajv(schemas[kind], jobs))

for path, kind, expect_valid, why, json_path in planned:
    valid, errors = outcomes[json_path]
    name = "%s.schema.json" % kind
    if valid is None:
        report(False, "%s: ajv gave no verdict: %s" % (rel(path), errors))
    elif expect_valid and valid:
        report(True, "%s valid against %s" % (rel(path), name))
    elif expect_valid:
        report(False, "%s should be valid against %s: %s" % (rel(path), name, errors))
    elif not valid:
        report(True, "%s rejected by %s (expects %s): %s" % (rel(path), name, why, errors))
    else:
        report(False, "%s should be rejected by %s (expects %s) but validates"
               % (rel(path), name, why))

for path, why in skipped:
    print("skip  %s: not schema-visible (%s)" % (rel(path), why))
passed = sum(1 for ok in results if ok)
failed = len(results) - passed
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYTHON
exit $?
