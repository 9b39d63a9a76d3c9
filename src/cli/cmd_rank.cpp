// ess-eval rank PATH...: the batch pipeline (batch.hpp) with a worker that reduces each dossier
// to one RankRow; the rows then go through a sort by rank (rank_records.hpp: ranks, funding
// line, group tallies) and the report is rendered from the rows on disk as it is written.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <system_error>

#include "batch.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/rank_report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "rank_records.hpp"

namespace ess::cli {

namespace {

const DossierReading rank_reading{false, Msg::rank_takes_dossiers, Msg::rank_grid_hint,
                                  Msg::neither_grid_nor_dossier, Msg::dossier_starts_hint};

bool passes_filters(const Dossier& d, const Options& o) {
  return (o.call.empty() || d.call == o.call) &&
         (o.territory.empty() || d.territory == o.territory) &&
         (o.theme.empty() || d.theme == o.theme);
}

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  ScoreOptions score;

  // read → load → filter → grid → validate → score → one row.
  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, rank_reading);
    if (!read) return std::nullopt;  // a record without an id is only counted
    BatchRecord record{read->dossier.id, read->id_pos, false, {}};
    RankRecord rank;
    if (!passes_filters(read->dossier, options)) {
      diags.items().clear();  // not part of this ranking
      record.excluded = true;
      return record;
    }
    const LoadedGrid* grid = check_against_grid(read->dossier, grids, diags);
    if (grid && !batch.refuses(diags)) {
      std::optional<DossierResult> result = score_dossier(grid->index, read->dossier, score, diags);
      if (result && !batch.refuses(diags)) {
        rank.scored = true;
        rank.grid = grid;
        rank.grid_pos = read->dossier.grid_pos;
        rank.row = summarise(*result);
        rank.row.id_pos = read->id_pos;
      }
    }
    encode_rank_record(rank, record.bytes);
    return record;
  }
};

int rank(const Options& options, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(options);
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  // A ranking shows totals, decisions and flags: none of a report's explanations.
  Worker worker{options, limits_from(options), grids, batch, score_options(options, false)};
  RankPass pass(options);
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) { pass.consume(record); },
      Progress::wanted(options));

  const LoadedGrid* grid = pass.grid();
  if (!grid && !options.grid.empty()) {
    Diagnostics unused;  // a grid that fails to load is reported through grid_diagnostics
    grid = store.by_reference(options.grid, unused);
  }
  batch.add_diagnostics(store.grid_diagnostics());
  const ReportOptions ro = report_options(options, grid ? &grid->grid : nullptr);

  RankReport report;
  report.grid = grid ? &grid->grid : nullptr;
  RankedRowsOnDisk rows = pass.rank(grid, ro.language, report, batch);
  report.rows = &rows;
  report.group_by = options.group_by;
  report.call = options.call;
  report.territory = options.territory;
  report.theme = options.theme;
  report.files = batch.files();
  report.filtered_out = batch.excluded();

  RunOutcome outcome = batch.print_diagnostics();
  report.diagnostics = [&](const std::function<void(const Diagnostic&)>& fn) {
    batch.for_each_diagnostic(fn);
  };
  int written = emit_stream(
      options.output, [&](const Sink& sink) { render_ranking(report, options.format, ro, sink); });
  return worse(written, exit_code(outcome));
}

}  // namespace

int run_rank(const Options& options) {
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty())
    return usage_error(options, phrase(Msg::usage_no_dossier_to_rank));
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0))
    return usage_error(options, phrase(Msg::usage_budget));
  return run_batch([&] { return rank(options, inputs, early); });
}

}  // namespace ess::cli
