// ess-eval rank PATH...: every dossier read, checked, scored and reduced to one RankRow by the
// workers, the rows streamed to temporary files (ess/spill.hpp); then three passes over them
// in sorted order: ids (duplicates, the ranking's grid), ranking (ranks, funding line, group
// tallies), and the report. Memory stays flat however many dossiers a folder holds: the
// bytes, YAML tree and result of a file live only while a worker handles it, and a row only
// while a pass looks at it.
#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <system_error>
#include <unordered_map>

#include "common.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/load.hpp"
#include "ess/io/spill.hpp"
#include "ess/report/rank_report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "parallel_inputs.hpp"
#include "progress.hpp"
#include "rank_records.hpp"

namespace ess::cli {

namespace {

// The grid of each `grid:` reference, looked up once: GridStore::for_dossier takes a lock and
// searches the file system (up to eight stat calls) every time, for every dossier.
class GridCache {
 public:
  explicit GridCache(GridStore& store) : store_(store) {}

  const LoadedGrid* for_dossier(const Dossier& dossier, Diagnostics& diags) {
    std::string key = dossier.grid_id + '@' + dossier.grid_version;
    {
      std::shared_lock lock(mutex_);
      auto it = found_.find(key);
      if (it != found_.end()) return it->second;
    }
    const LoadedGrid* grid = store_.for_dossier(dossier, diags);  // failures say why each time
    if (grid) {
      std::unique_lock lock(mutex_);
      found_.emplace(std::move(key), grid);
    }
    return grid;
  }

 private:
  GridStore& store_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, const LoadedGrid*> found_;
};

struct Context {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  ScoreOptions score;
};

Consolidation consolidation_of(const std::string& name) {
  if (name == "median") return Consolidation::median;
  if (name == "min") return Consolidation::min;
  return Consolidation::mean;
}

bool passes_filters(const Dossier& d, const Options& o) {
  return (o.call.empty() || d.call == o.call) &&
         (o.territory.empty() || d.territory == o.territory) &&
         (o.theme.empty() || d.theme == o.theme);
}

// The position of the `dossier:` key, where a duplicate id is reported.
Pos id_position(const YamlNode& root) {
  for (const auto& key : root.keys)
    if (key.text == "dossier") return key.pos;
  return root.pos;
}

// read → parse → load → filter → grid → validate → score → one row. Returns early, with the
// reason in `diags`, at the first stage a file cannot pass.
void rank_one(FileRecord& record, const Context& ctx, Diagnostics& diags) {
  RankRow& row = record.row;
  std::optional<Dossier> dossier;
  {
    std::string bytes;
    if (!read_file_bytes(row.file, ctx.limits.max_file_bytes, bytes, diags)) return;
    YamlNode root;
    if (!parse_yaml(bytes, ctx.limits, root, diags)) return;
    DocumentKind kind = document_kind(root);
    if (kind == DocumentKind::grid) {
      diags.error("unknown-document", root.pos, "this file is a grid; rank takes dossiers",
                  "to score the dossiers with this grid, pass it with --grid FILE");
      return;
    }
    if (kind != DocumentKind::dossier) {
      diags.error("unknown-document", root.pos,
                  "this file is neither a grid (no 'grid:' key) nor a dossier (no 'dossier:' key)",
                  "a dossier starts with dossier: <id>");
      return;
    }
    dossier = load_dossier(root, diags);
    if (!dossier) return;
    if (!dossier->id.empty()) {
      row.dossier = dossier->id;
      row.id_pos = id_position(root);
      record.has_id = true;
    }
  }  // the bytes and the tree go here
  if (!passes_filters(*dossier, ctx.options)) {
    diags.items().clear();  // not part of this ranking
    return;
  }
  record.kept = true;
  const LoadedGrid* grid = ctx.grids.for_dossier(*dossier, diags);
  if (!grid || !check_grid_reference(grid->grid, *dossier, diags)) return;
  validate_dossier(grid->index, *dossier, diags);
  if (ctx.options.strict) promote_warnings(diags.items());
  if (diags.has_errors()) return;
  std::optional<DossierResult> result = score_dossier(grid->index, *dossier, ctx.score, diags);
  if (!result) return;
  Pos id_pos = row.id_pos;
  row = summarise(*result);
  row.id_pos = id_pos;
  record.grid = grid;
  record.grid_pos = dossier->grid_pos;
  record.scored = true;
}

ReportFormat format_of(const std::string& name) {
  if (name == "csv") return ReportFormat::csv;
  if (name == "json") return ReportFormat::json;
  return ReportFormat::markdown;
}

// Standard output or a file, in chunks as the report is rendered (emit_stream).
int write_report(const RankReport& report, const Options& options, const ReportOptions& ro) {
  return emit_stream(options.output, [&](const Sink& sink) {
    render_ranking(report, format_of(options.format), ro, sink);
  });
}

Language language_of(const Options& options, const LoadedGrid* grid) {
  if (options.lang == "en") return Language::en;
  if (options.lang == "fr") return Language::fr;
  return grid ? grid->grid.language : Language::fr;
}

int rank(const Options& options, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(options);
  GridCache grids(store);
  // A ranking shows totals, decisions and flags: none of a report's explanations.
  Context ctx{options,
              limits_from(options),
              grids,
              {.consolidation = consolidation_of(options.consolidate), .explain = false}};
  RankBatch batch(options);
  for (auto& d : early) batch.add_diagnostic(std::move(d));
  early.clear();

  {
    bool show = Progress::wanted(options);
    Progress progress(show ? inputs.count() : 0, show);
    std::vector<Diagnostic> walk_diags;
    for_each_input_parallel(inputs, job_count(options), walk_diags, [&](const std::string& path) {
      FileRecord record;
      record.row.file = path;
      Diagnostics diags(path);
      rank_one(record, ctx, diags);
      if (options.strict) promote_warnings(diags.items());
      if (diags.has_errors()) record.scored = false;
      batch.add_file(std::move(record), std::move(diags.items()));
      progress.step();
    });
    for (auto& d : walk_diags) batch.add_diagnostic(std::move(d));
  }

  const LoadedGrid* grid = batch.check_ids();
  if (!grid && !options.grid.empty()) {
    Diagnostics unused;  // a grid that fails to load is reported through grid_diagnostics
    grid = store.by_reference(options.grid, unused);
  }
  for (auto& d : store.grid_diagnostics()) batch.add_diagnostic(std::move(d));
  const Language language = language_of(options, grid);

  RankReport report;
  report.grid = grid ? &grid->grid : nullptr;
  RankedRowsOnDisk rows = batch.rank(grid, language, report);
  report.rows = &rows;
  if (!options.group_by.empty()) report.group_by = parse_group_key(options.group_by);
  report.call = options.call;
  report.territory = options.territory;
  report.theme = options.theme;

  DiagnosticOutcome outcome = batch.print_diagnostics();
  report.diagnostics = [&](const std::function<void(const Diagnostic&)>& fn) {
    batch.for_each_diagnostic(fn);
  };
  ReportOptions ro;
  ro.language = language;
  ro.csv_separator = options.csv_sep.empty() ? ',' : options.csv_sep[0];
  // As `score`: a decimal comma only for ';' and French words (a spreadsheet set up in French).
  ro.decimal_comma = ro.csv_separator == ';' && language == Language::fr;
  int written = write_report(report, options, ro);
  if (written != exit_ok) return written;
  if (outcome.io_error) return exit_io;
  return outcome.failed ? exit_invalid : exit_ok;
}

}  // namespace

int run_rank(const Options& options) {
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty()) {
    fmt::print(stderr,
               "ess-eval rank: error: no dossier to rank\nRun 'ess-eval rank --help' for usage.\n");
    return exit_usage;
  }
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0)) {
    fmt::print(stderr,
               "ess-eval rank: error: --budget must be an amount of 0 or more\n"
               "Run 'ess-eval rank --help' for usage.\n");
    return exit_usage;
  }
  try {
    return rank(options, inputs, early);
  } catch (const std::system_error& e) {
    // The temporary files (the message names the folder): a full or read-only TMPDIR.
    // Nothing was written.
    report_error("", e.what());
    return exit_io;
  }
}

}  // namespace ess::cli
