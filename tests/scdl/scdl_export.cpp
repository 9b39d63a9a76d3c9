// Test driver of the SCDL renderer on real files, until `rank --call --format scdl` wires it:
//   scdl_export CALL.yaml DOSSIER.yaml...
// Loads the call and the dossiers whose `call:` is its id, takes every one of them as funded
// by the funding line (the committee's `awarded` wins when any dossier records one, as
// choose_awards says), and prints the CSV on stdout and the diagnostics on stderr. Exit 0, or
// 1 when a diagnostic is an error, 3 when a file cannot be read.
#include <cstdio>
#include <string>
#include <vector>

#include "ess/core/awards.hpp"
#include "ess/io/load.hpp"
#include "ess/model/format.hpp"
#include "ess/report/scdl.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: scdl_export CALL.yaml DOSSIER.yaml...\n", stderr);
    return 2;
  }
  ess::ParseLimits limits;
  ess::Diagnostics call_diags(argv[1]);
  auto call = ess::load_call_file(argv[1], limits, call_diags);
  std::vector<ess::Diagnostic> all = call_diags.items();
  bool unreadable = !call;
  std::vector<ess::AwardCandidate> candidates;
  for (int i = 2; i < argc && call; ++i) {
    ess::Diagnostics diags(argv[i]);
    std::string bytes;
    ess::YamlNode root;
    std::optional<ess::Dossier> dossier;
    if (ess::read_file_bytes(argv[i], limits.max_file_bytes, bytes, diags) &&
        ess::parse_yaml(bytes, limits, root, diags))
      dossier = ess::load_dossier(root, diags);
    all.insert(all.end(), diags.items().begin(), diags.items().end());
    if (!dossier) unreadable = true;
    if (dossier && !diags.has_errors() && dossier->call == call->id)
      candidates.push_back(ess::award_candidate(*dossier, true));
  }
  std::string csv;
  if (call && !call_diags.has_errors())
    csv = ess::render_scdl(*call, ess::choose_awards(std::move(candidates)), all);
  std::fwrite(csv.data(), 1, csv.size(), stdout);
  ess::sort_diagnostics(all);
  std::fputs(ess::format_diagnostics(all, ess::DiagnosticFormat::gnu).c_str(), stderr);
  bool errors = false;
  for (const auto& d : all) errors = errors || d.severity == ess::Severity::error;
  return unreadable ? 3 : errors ? 1 : 0;
}
