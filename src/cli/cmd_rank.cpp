// ess-eval rank PATH...: the batch pipeline (batch.hpp) with a worker that reduces each dossier
// to one RankRow; the rows then go through a sort by rank (rank_records.hpp: ranks, funding
// line, group tallies) and the report is rendered from the rows on disk as it is written.
// With --call (call_run.hpp), the call's dossiers under the call's grid and budgets; with
// --format scdl, the call's awards as open data instead (rank_awards.hpp, report/scdl.hpp).
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <system_error>

#include "batch.hpp"
#include "call_run.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/report/rank_report.hpp"
#include "ess/report/scdl.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "rank_awards.hpp"
#include "rank_records.hpp"

namespace ess::cli {

namespace {

const DossierReading rank_reading{
    false, "this file is a grid; rank takes dossiers",
    "to score the dossiers with this grid, pass it with --grid FILE",
    "this file is neither a grid (no 'grid:' key) nor a dossier (no 'dossier:' key)",
    "a dossier starts with dossier: <id>"};

bool passes_filters(const Dossier& d, const Options& o, const CallRun& call) {
  return call.keeps(d) && (o.territory.empty() || d.territory == o.territory) &&
         (o.theme.empty() || d.theme == o.theme);
}

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  ScoreOptions score;
  const CallRun& call;

  // read → load → filter → grid → validate → score → one row.
  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, rank_reading);
    if (!read) return std::nullopt;  // a record without an id is only counted
    BatchRecord record{read->dossier.id, read->id_pos, false, {}};
    RankRecord rank;
    if (!passes_filters(read->dossier, options, call)) {
      diags.items().clear();  // not part of this ranking
      record.excluded = true;
      return record;
    }
    const LoadedGrid* grid = call.check(read->dossier, grids, diags);
    if (grid && !batch.refuses(diags)) {
      std::optional<DossierResult> result = score_dossier(grid->index, read->dossier, score, diags);
      if (result && !batch.refuses(diags)) {
        rank.scored = true;
        rank.grid = grid;
        rank.grid_pos = read->dossier.grid_pos;
        rank.row = summarise(*result);
        rank.row.id_pos = read->id_pos;
        if (options.scdl) rank.extra = encode_award_candidate(read->dossier);
      }
    }
    encode_rank_record(rank, record.bytes);
    return record;
  }
};

// The awards of the call as SCDL « subventions » (§4), from the rows ranked on disk.
int open_data(const Options& options, const CallRun& call, AwardPass& awards,
              const RankedRows& rows, BatchRun& batch) {
  std::vector<Diagnostic> diags;
  std::string csv = render_scdl(*call.call(), awards.finish(rows), diags);
  batch.add_diagnostics(std::move(diags));
  RunOutcome outcome = batch.print_diagnostics();
  return worse(emit(options.output, csv), exit_code(outcome));
}

int rank(const Options& given, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(given);
  std::optional<CallRun> call = resolve_call(given, store, early);
  if (call && given.scdl && !call->call())
    return usage_error(given,
                       "--format scdl takes the awards of a call file: pass --call with "
                       "a call file, or the id of one in criteria/calls/");
  const Options options = call ? options_under_call(given, *call, early) : given;
  if (!call) {
    for (const auto& d : store.grid_diagnostics()) early.push_back(d);
    return worse(exit_invalid, exit_code(print_diagnostics(early, options)));
  }
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  // A ranking shows totals, decisions and flags: none of a report's explanations.
  Worker worker{options, limits_from(options), grids, batch, score_options(options, false), *call};
  RankPass pass(options);
  AwardPass awards;
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) {
        pass.consume(record);
        if (options.scdl && !record.bytes.empty() && record.bytes[0] != 0)
          awards.consume(decode_rank_record(record.bytes));
      },
      Progress::wanted(options));

  const LoadedGrid* grid = call->grid() ? call->grid() : pass.grid();
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
  report.call = call->id();
  if (const Call* c = call->call()) report.call_title = c->title;
  report.territory = options.territory;
  report.theme = options.theme;
  report.files = batch.files();
  report.filtered_out = batch.excluded();
  if (options.scdl) return open_data(options, *call, awards, rows, batch);

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
  if (!inputs.any() && early.empty()) return usage_error(options, "no dossier to rank");
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0))
    return usage_error(options, "--budget must be an amount of 0 or more");
  return run_batch([&] { return rank(options, inputs, early); });
}

}  // namespace ess::cli
