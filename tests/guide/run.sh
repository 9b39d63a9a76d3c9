#!/usr/bin/env bash
# The officers' guide, doc/guide-instruction.md, run as written: its ```sh blocks, in order, in
# one shell, from an empty scratch folder, with the built ess-eval first on PATH and messages in
# French (LANG=fr_FR.UTF-8, as on a French officer's machine). Fails when:
#   - a command exits non-zero, unless its line ends with `# échec attendu : code N` and it
#     exits with exactly N (and then it fails if the command succeeds);
#   - a line of a ```text block (what the guide says the commands print) is not a line printed
#     by the ```sh block before it (no-break spaces compared as spaces);
#   - the guide has too few blocks to be the guide (a fence renamed would make this test empty).
# Exit 77 (skipped) without pandoc, which the guide uses to make Word documents.
#   tests/guide/run.sh BUILD/ess-eval REPO
set -u
ess=$1 root=$2
guide=$root/doc/guide-instruction.md
command -v pandoc >/dev/null || { echo "SKIP: pandoc is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/scratch" "$work/out"
ln -s "$(cd "$(dirname "$ess")" && pwd)/$(basename "$ess")" "$work/bin/ess-eval"

# The script: each sh block writes its output (stdout and stderr) to out/block-N.txt.
/usr/bin/python3 - "$guide" "$work" <<'PY' || exit 1
import pathlib, re, sys
guide, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
blocks, fence, lines = [], None, []
for line in guide.read_text().splitlines():
    if fence is None:
        m = re.match(r"^```(\w+)\s*$", line)
        if m:
            fence, lines = m.group(1), []
    elif line == "```":
        blocks.append((fence, lines))
        fence = None
    else:
        lines.append(line)
if fence is not None:
    sys.exit(f"{guide}: a ``` block is never closed")
expected = re.compile(r"^(.*\S)\s+# échec attendu : code (\d+)\s*$")
script = ["set -eo pipefail"]
checks, sh = [], 0
for kind, body in blocks:
    if kind == "sh":
        sh += 1
        script.append(f'exec >"{work}/out/block-{sh}.txt" 2>&1')
        script.append(f'echo {sh} >"{work}/out/current"')
        for line in body:
            m = expected.match(line)
            if m:
                command, code = m.group(1), m.group(2)
                script.append(f"if {{ {command}; }}; then rc=0; else rc=$?; fi")
                script.append(f'if [ "$rc" != {code} ]; then echo "expected exit {code}, got $rc: {command}"; exit 1; fi')
            else:
                script.append(line)
    elif kind == "text":
        if sh == 0:
            sys.exit(f"{guide}: a text block before any sh block")
        checks.append((sh, body))
if sh < 12:
    sys.exit(f"{guide}: only {sh} sh blocks; is this the guide?")
(work / "guide.sh").write_text("\n".join(script) + "\n")
with open(work / "checks.txt", "w") as f:
    for block, body in checks:
        for line in body:
            if line.strip():
                f.write(f"{block}\t{line}\n")
print(f"{sh} command blocks, {len(checks)} outputs to check")
PY

cd "$work/scratch"
env -u LC_ALL -u LC_MESSAGES -u ESS_EVAL_GRID_PATH LANG=fr_FR.UTF-8 PATH="$work/bin:$PATH" \
  bash "$work/guide.sh" </dev/null
rc=$?
if [ $rc != 0 ]; then
  block=$(cat "$work/out/current" 2>/dev/null || echo "?")
  echo "FAIL: block $block of doc/guide-instruction.md exits $rc; its output:"
  cat "$work/out/block-$block.txt" 2>/dev/null
  exit 1
fi

# No-break spaces (French typography in the messages) compare as the spaces the guide shows.
/usr/bin/python3 - "$work" <<'PY'
import pathlib, sys
work = pathlib.Path(sys.argv[1])
plain = lambda text: text.replace("\u00a0", " ").replace("\u202f", " ")
failed = 0
for entry in (work / "checks.txt").read_text().splitlines():
    block, line = entry.split("\t", 1)
    printed = plain((work / "out" / f"block-{block}.txt").read_text())
    if plain(line) not in printed.splitlines():
        print(f"FAIL: block {block} does not print: {line}\n--- it printed:\n{printed}")
        failed += 1
if not failed:
    print("ok: every command of the guide works as written, and prints what it shows")
sys.exit(1 if failed else 0)
PY
