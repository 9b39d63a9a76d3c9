// ess-eval grid impact OLD NEW DOSSIERS...: every dossier scored under both grids, compared.
// OLD and NEW are files or REV:PATH (as for grid diff); DOSSIERS files or folders.
#include <fmt/format.h>

#include <cstdio>

#include "common.hpp"
#include "ess/core/parallel.hpp"
#include "ess/core/ranking.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/report/grid_impact_render.hpp"
#include "ess/report/i18n.hpp"
#include "grid_pair.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "scored_file.hpp"

namespace ess::cli {

namespace {

struct Comparison {
  const Grid& old_grid;
  const Grid& new_grid;
  GridIndex old_index, new_index;
  ParseLimits limits;
  ScoreOptions score;
  Language language;
};

// One file: read, parse, load as a dossier of the compared grid, then scored under both.
// Grid files met in a folder are skipped (a project folder holds both).
std::optional<ImpactRow> compare_file(const std::string& path, const Comparison& c,
                                      Diagnostics& diags) {
  std::optional<Dossier> dossier = read_dossier(path, c.limits, diags, {GridFiles::skip, {}});
  if (!dossier) return std::nullopt;
  dossier->file = path;
  if (dossier->grid_id != c.old_grid.id && dossier->grid_id != c.new_grid.id) {
    diags.warning(
        "grid-mismatch", dossier->grid_pos,
        fmt::format("this dossier names grid '{}', not the grid compared ('{}'): left out",
                    dossier->grid_id, c.new_grid.id));
    return std::nullopt;
  }
  return impact_row(c.old_index, c.new_index, *dossier, c.score, c.language);
}

void report_duplicates(const std::vector<ImpactRow>& rows, std::vector<Diagnostic>& all) {
  std::vector<std::string_view> ids;
  for (const auto& r : rows) ids.push_back(r.dossier);
  for (const auto& group : find_duplicate_ids(ids))
    for (std::size_t k = 1; k < group.size(); ++k)
      all.push_back({Severity::warning,
                     "duplicate-dossier",
                     rows[group[k]].file,
                     {},
                     fmt::format("dossier id '{}' is also used by {}", rows[group[k]].dossier,
                                 rows[group[0]].file),
                     "ids must be unique within a batch"});
}

// Every file compared, in parallel; their diagnostics appended to `all` in the files' order.
std::vector<ImpactRow> compare_files(const std::vector<std::string>& files, const Comparison& c,
                                     const Options& options, std::vector<Diagnostic>& all) {
  std::vector<std::optional<ImpactRow>> slots(files.size());
  std::vector<Diagnostics> file_diags(files.size());
  Progress progress(files.size(), Progress::wanted(options));
  parallel_for(files.size(), job_count(options), [&](std::size_t i) {
    file_diags[i] = Diagnostics(files[i]);
    slots[i] = compare_file(files[i], c, file_diags[i]);
    progress.step();
  });
  progress.finish();
  std::vector<ImpactRow> rows;
  for (std::size_t i = 0; i < files.size(); ++i) {
    all.insert(all.end(), file_diags[i].items().begin(), file_diags[i].items().end());
    if (slots[i]) rows.push_back(std::move(*slots[i]));
  }
  return rows;
}

// --fail-on-decision-change: one error per dossier whose outcome the new grid changes.
void refuse_decision_changes(const ImpactReport& report, std::vector<Diagnostic>& all) {
  auto word = [](const ImpactSide& s) { return s.valid ? s.decision : std::string("invalid"); };
  for (const auto& r : report.rows)
    if (r.decision_changed())
      all.push_back({Severity::error,
                     "decision-changed",
                     r.file,
                     {},
                     fmt::format("the decision on dossier '{}' changes: {} -> {}", r.dossier,
                                 word(r.before), word(r.after)),
                     "review the grid change with the committee before merging it"});
}

std::string render(const ImpactReport& report, const Options& options) {
  ImpactOptions impact_options;
  impact_options.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  return options.format == "csv"    ? render_impact_csv(report, impact_options)
         : options.format == "json" ? render_impact_json(report, impact_options)
                                    : render_impact_markdown(report, impact_options);
}

}  // namespace

int run_grid_impact(const Options& options) {
  if (options.paths.size() < 3) {
    fmt::print(stderr,
               "ess-eval grid impact: error: give OLD, NEW and at least one dossier or folder\n"
               "Run 'ess-eval grid impact --help' for usage.\n");
    return exit_usage;
  }
  std::vector<Diagnostic> all;
  int failure = exit_ok;
  std::optional<GridPair> grids = load_grid_pair(options, all, failure);
  if (!grids) return failure;
  Options inputs = options;
  inputs.paths.assign(options.paths.begin() + 2, options.paths.end());
  std::vector<std::string> files = collect_inputs(inputs, all);

  Language language = parse_language(options.lang).value_or(grids->new_grid.language);
  Comparison c{grids->old_grid,
               grids->new_grid,
               index_grid(grids->old_grid),
               index_grid(grids->new_grid),
               limits_from(options),
               score_options_from(options.consolidate),
               language};
  std::vector<ImpactRow> rows = compare_files(files, c, options, all);
  report_duplicates(rows, all);
  ImpactReport report =
      summarise_impact(grids->old_grid, grids->new_grid, std::move(rows), language);
  if (options.fail_on_decision_change) refuse_decision_changes(report, all);
  bool failed = report_diagnostics(all, options);
  report.diagnostics = all;
  int written = emit(options.output, render(report, options));
  if (written != exit_ok) return written;
  for (const auto& d : all)
    if (d.severity == Severity::error && is_grid_io_code(d.code)) return exit_io;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
