// ess-eval sensitivity DOSSIERS...: how robust each decision is to the exact weights.
#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report_sensitivity.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "scored_file.hpp"

namespace ess::cli {

namespace {

// Every dossier scored, in parallel. A deque: results point into their files, which never move.
std::deque<ScoredFile> score_files(const std::vector<std::string>& paths, GridStore& store,
                                   const Options& options) {
  ParseLimits limits = limits_from(options);
  ScoreOptions score_options = score_options_from(options.consolidate);
  std::deque<ScoredFile> files(paths.size());
  Progress progress(files.size(), Progress::wanted(options));
  parallel_for(files.size(), job_count(options), [&](std::size_t i) {
    files[i].path = paths[i];
    score_file(files[i], store, limits, score_options);
    progress.step();
  });
  return files;
}

// The scored dossiers of the first grid met, by id; the others are grid-mismatch errors.
std::vector<const DossierResult*> results_of_one_grid(const std::deque<ScoredFile>& files,
                                                      std::vector<Diagnostic>& all) {
  std::vector<const DossierResult*> results;
  for (const auto& f : files) {
    all.insert(all.end(), f.diags.items().begin(), f.diags.items().end());
    if (!f.result) continue;
    if (!results.empty() && f.result->grid != results.front()->grid) {
      all.push_back({Severity::error, "grid-mismatch", f.path, f.dossier->grid_pos,
                     "sensitivity compares dossiers of one grid; this one names another",
                     "pass --grid"});
      continue;
    }
    results.push_back(&*f.result);
  }
  std::sort(results.begin(), results.end(), [](const DossierResult* a, const DossierResult* b) {
    return a->dossier->id < b->dossier->id;
  });
  return results;
}

}  // namespace

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
  std::deque<ScoredFile> files = score_files(paths, store, options);
  SensitivityReport report;
  report.results = results_of_one_grid(files, all);
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  bool failed = report_diagnostics(all, options);
  if (report.results.empty()) return failed ? exit_invalid : exit_ok;

  report.options = {options.spread, options.samples, options.seed, job_count(options)};
  report.language =
      options.lang.empty() ? report.results.front()->grid->language : *parse_language(options.lang);
  report.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  {
    Progress progress(report.options.samples, Progress::wanted(options));
    report.analysis = analyse_sensitivity(report.results, report.options, [&] { progress.step(); });
  }
  std::string text = options.format == "csv"    ? render_sensitivity_csv(report)
                     : options.format == "json" ? render_sensitivity_json(report)
                                                : render_sensitivity_markdown(report);
  int rc = emit(options.output, text);
  if (rc != exit_ok) return rc;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
