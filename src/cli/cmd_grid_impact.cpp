// ess-eval grid impact OLD NEW DOSSIERS...: every dossier scored under both grids, compared.
// OLD and NEW are files or REV:PATH (as for grid diff); DOSSIERS files or folders.
#include <fmt/format.h>

#include <cstdio>

#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "ess/grid_diff.hpp"
#include "ess/grid_impact.hpp"
#include "ess/i18n.hpp"
#include "ess/load.hpp"
#include "ess/parallel.hpp"
#include "ess/ranking.hpp"

namespace ess::cli {

namespace {

bool is_io_code(const std::string& code) {
  return code == "io-error" || code == "not-found" || code == "is-directory" ||
         code == "file-too-large" || code == "git-error";
}

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
  std::string bytes;
  if (!read_file_bytes(path, c.limits.max_file_bytes, bytes, diags)) return std::nullopt;
  YamlNode root;
  if (!parse_yaml(bytes, c.limits, root, diags)) return std::nullopt;
  DocumentKind kind = document_kind(root);
  if (kind == DocumentKind::grid) return std::nullopt;
  if (kind != DocumentKind::dossier) {
    diags.error("unknown-document", root.pos, "this file is not a dossier (no 'dossier:' key)");
    return std::nullopt;
  }
  std::optional<Dossier> dossier = load_dossier(root, diags);
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

}  // namespace

int run_grid_impact(const Options& options) {
  if (options.paths.size() < 3) {
    fmt::print(stderr,
               "ess-eval grid impact: error: give OLD, NEW and at least one dossier or folder\n"
               "Run 'ess-eval grid impact --help' for usage.\n");
    return exit_usage;
  }
  ParseLimits limits = limits_from(options);
  std::vector<Diagnostic> all;
  std::optional<Grid> grids[2];
  for (int i = 0; i < 2; ++i) {
    Diagnostics diags(options.paths[i]);
    grids[i] = load_grid_source(options.paths[i], limits, diags);
    if (diags.has_errors()) grids[i].reset();
    all.insert(all.end(), diags.items().begin(), diags.items().end());
  }
  if (!grids[0] || !grids[1]) {
    report_diagnostics(all, options);
    for (const auto& d : all)
      if (d.severity == Severity::error && is_io_code(d.code)) return exit_io;
    return exit_invalid;
  }
  Options inputs = options;
  inputs.paths.assign(options.paths.begin() + 2, options.paths.end());
  std::vector<std::string> files = collect_inputs(inputs, all);

  Language language = parse_language(options.lang).value_or(grids[1]->language);
  ScoreOptions score;
  if (options.consolidate == "median") score.consolidation = Consolidation::median;
  if (options.consolidate == "min") score.consolidation = Consolidation::min;
  Comparison c{*grids[0], *grids[1], index_grid(*grids[0]), index_grid(*grids[1]), limits,
               score,     language};
  std::vector<std::optional<ImpactRow>> slots(files.size());
  std::vector<Diagnostics> file_diags(files.size());
  parallel_for(files.size(), job_count(options), [&](std::size_t i) {
    file_diags[i] = Diagnostics(files[i]);
    slots[i] = compare_file(files[i], c, file_diags[i]);
  });
  std::vector<ImpactRow> rows;
  for (std::size_t i = 0; i < files.size(); ++i) {
    all.insert(all.end(), file_diags[i].items().begin(), file_diags[i].items().end());
    if (slots[i]) rows.push_back(std::move(*slots[i]));
  }
  report_duplicates(rows, all);

  ImpactReport report = summarise_impact(*grids[0], *grids[1], std::move(rows), language);
  if (options.fail_on_decision_change)
    for (const auto& r : report.rows)
      if (r.decision_changed()) {
        auto word = [&](const ImpactSide& s) {
          return s.valid ? s.decision : std::string("invalid");
        };
        all.push_back({Severity::error,
                       "decision-changed",
                       r.file,
                       {},
                       fmt::format("the decision on dossier '{}' changes: {} -> {}", r.dossier,
                                   word(r.before), word(r.after)),
                       "review the grid change with the committee before merging it"});
      }
  bool failed = report_diagnostics(all, options);
  report.diagnostics = all;
  ImpactOptions impact_options;
  impact_options.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  std::string text = options.format == "csv"    ? render_impact_csv(report, impact_options)
                     : options.format == "json" ? render_impact_json(report, impact_options)
                                                : render_impact_markdown(report, impact_options);
  int written = emit(options.output, text);
  if (written != exit_ok) return written;
  for (const auto& d : all)
    if (d.severity == Severity::error && is_io_code(d.code)) return exit_io;
  return failed ? exit_invalid : exit_ok;
}

}  // namespace ess::cli
