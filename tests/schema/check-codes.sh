#!/usr/bin/env bash
# Every diagnostic code the sources can emit is documented in the man page (and vice versa
# nothing is checked here: tests/unit/test_messages.cpp checks that every code the man page
# documents has an entry in the message catalogue, in French and in English), and no diagnostic
# is made with its code and message written out rather than worded from the catalogue.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
/usr/bin/python3 - "$root" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
text = "\n".join(p.read_text() for p in sorted((root / "src").rglob("*.cpp")))
codes = set(re.findall(r'(?:\.error|\.warning|\bnote)\(\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', text))
codes |= set(re.findall(r'Severity::(?:error|warning|note),\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', text))
codes |= set(re.findall(r'\bcode\s*=\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', text))
# The message catalogue (src/model/message_catalogue.cpp): each entry names the code of the
# diagnostics worded from it, which io, model and core raise with say(Msg::...).
codes |= set(re.findall(r'\{M::\w+,\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', text))
man = (root / "man" / "ess-eval.1").read_text().replace("\\-", "-")
documented = set(re.findall(r"^\.B ([a-z][a-z0-9-]+)\s*$", man, re.M))
missing = sorted(codes - documented)
for code in missing:
    print(f"FAIL: code '{code}' is emitted by src/ but not documented in man/ess-eval.1")
# Every diagnostic is worded from the catalogue, in both languages: a diagnostic made with a
# code written out (diags.error("code", ...), {Severity::error, "code", ...}) carries a message
# written out too, in one language only. say(Msg::...) and make_diagnostic() take the code from
# the catalogue's entry.
written_out = re.compile(r'(?:\.error|\.warning)\(\s*"|Severity::(?:error|warning|note),\s*"')
unworded = []
for path in sorted((root / "src").rglob("*.cpp")):
    if path.name == "diagnostic.cpp":  # the overloads themselves
        continue
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if written_out.search(line):
            unworded.append(f"{path.relative_to(root)}:{n}")
for where in unworded:
    print(f"FAIL: {where}: a diagnostic with its code written out: word it with say(Msg::...)")
failed = len(missing) + len(unworded)
print(f"{len(codes) - len(missing)} codes documented, {failed} failed")
sys.exit(1 if failed else 0)
PY
