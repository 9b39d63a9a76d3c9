// ess-eval sensitivity DOSSIERS...: how robust each decision is to the exact weights.
#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "cli/scored_file.hpp"
#include "ess/i18n.hpp"
#include "ess/parallel.hpp"
#include "ess/report_sensitivity.hpp"

namespace ess::cli {

int run_sensitivity(const Options& options) {
  if (options.samples == 0 || !(options.spread >= 0 && options.spread < 1)) {
    fmt::print(
        stderr,
        "ess-eval sensitivity: error: --samples must be at least 1 and --spread in [0, 1)\n");
    return exit_usage;
  }
  std::vector<Diagnostic> all;
  std::vector<std::string> paths = collect_inputs(options, all);
  if (paths.empty() && all.empty()) {
    fmt::print(stderr, "ess-eval sensitivity: error: no dossier given\n");
    return exit_usage;
  }
  GridStore store = make_grid_store(options);
  ParseLimits limits = limits_from(options);
  ScoreOptions score_options = score_options_from(options.consolidate);
  std::deque<ScoredFile> files(paths.size());
  parallel_for(files.size(), job_count(options), [&](std::size_t i) {
    files[i].path = paths[i];
    score_file(files[i], store, limits, score_options);
  });

  SensitivityReport report;
  for (auto& f : files) {
    all.insert(all.end(), f.diags.items().begin(), f.diags.items().end());
    if (!f.result) continue;
    if (!report.results.empty() && f.result->grid != report.results.front()->grid) {
      all.push_back({Severity::error, "grid-mismatch", f.path, f.dossier->grid_pos,
                     "sensitivity compares dossiers of one grid; this one names another",
                     "pass --grid"});
      continue;
    }
    report.results.push_back(&*f.result);
  }
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  std::sort(report.results.begin(), report.results.end(),
            [](const DossierResult* a, const DossierResult* b) {
              return a->dossier->id < b->dossier->id;
            });
  bool failed = report_diagnostics(all, options);
  if (report.results.empty()) return failed ? exit_invalid : exit_ok;

  report.options = {options.spread, options.samples, options.seed, job_count(options)};
  report.language =
      options.lang.empty() ? report.results.front()->grid->language : *parse_language(options.lang);
  report.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  report.analysis = analyse_sensitivity(report.results, report.options);
  std::string text = options.format == "csv"    ? render_sensitivity_csv(report)
                     : options.format == "json" ? render_sensitivity_json(report)
                                                : render_sensitivity_markdown(report);
  int rc = emit(options.output, text);
  if (rc != exit_ok) return rc;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
