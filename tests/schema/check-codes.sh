#!/usr/bin/env bash
# Every diagnostic code the sources can emit is documented in the man page (and vice versa
# nothing is checked here: tests/unit/test_messages.cpp checks that every code the man page
# documents has an entry in the message catalogue).
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
print(f"{len(codes) - len(missing)} passed, {len(missing)} failed")
sys.exit(1 if missing else 0)
PY
