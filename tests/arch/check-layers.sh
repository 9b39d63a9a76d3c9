#!/usr/bin/env bash
# The layers of ARCHITECTURE.md, checked on every #include of src/ and include/ess/:
#   model   sees model                          (no I/O, no YAML)
#   io      sees model, io, and yaml-cpp        (the only user of yaml-cpp)
#   core    sees model, core                    (pure functions of the model)
#   report  sees model, core, report
#   cli     sees everything; only src/cli/main.cpp includes CLI11
# A quoted include is either "ess/<layer>/..." or a header beside the file (no '/', no '..').
# Prints each forbidden edge as file:line and exits 1 when there is one.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
status=0
for f in src/*.cpp src/*.hpp include/ess/*.hpp; do
  [ -e "$f" ] && { echo "$f: every file belongs to a layer folder" >&2; status=1; }
done
files=$(ls src/{model,io,core,report,cli}/*.[ch]pp include/ess/{model,io,core,report}/*.hpp 2>/dev/null)
# shellcheck disable=SC2086
awk '
  BEGIN {
    sees["model"] = " model "; sees["io"] = " model io "; sees["core"] = " model core "
    sees["report"] = " model core report "; sees["cli"] = " model io core report "
  }
  FNR == 1 {
    n = split(FILENAME, part, "/")
    layer = (part[1] == "src") ? part[2] : part[3]
    dir = FILENAME; sub(/\/[^\/]*$/, "", dir)
  }
  /^[ \t]*#[ \t]*include/ {
    target = $0; sub(/^[^<"]*[<"]/, "", target); sub(/[>"].*$/, "", target)
    where = FILENAME ":" FNR ": "
    if (target ~ /^yaml-cpp\//) {
      if (layer != "io") { print where "only io reads YAML; " layer " includes " target; bad = 1 }
    } else if (target ~ /^CLI\//) {
      if (FILENAME != "src/cli/main.cpp") { print where "only src/cli/main.cpp includes CLI11"; bad = 1 }
    } else if ($0 ~ /"/) {
      if (target ~ /^ess\//) {
        split(target, t, "/")
        if (index(sees[layer], " " t[2] " ") == 0 || t[3] == "") {
          print where "layer " layer " may not include " target " (it sees:" sees[layer] ")"; bad = 1
        }
      } else if (target ~ /\//) {
        print where "\"" target "\": include a public header as \"ess/<layer>/...\", or a header beside the file"; bad = 1
      } else if ((getline probe < (dir "/" target)) < 0) {
        print where "\"" target "\" is not beside " FILENAME; bad = 1
      } else close(dir "/" target)
    }
  }
  END { exit bad }
' $files >&2 || status=1
exit $status
