// ess-eval pack PATH...: the committee's pack of a call, or its public account (§7), through
// the batch pipeline: the workers score each dossier to a rank row that carries the note the
// committee must read (RankRow::note); the rows are ranked on disk as for `rank`
// (rank_records.hpp), with the call's grid and budgets (call_run.hpp); the document is then
// written as it is rendered (report/pack.hpp: summary, ranking, what to discuss, from the rows
// on disk), each dossier's page from its dossier scored again in ranking order, and the call's
// sums at the end. Memory stays flat: nothing is kept per dossier.
#include <algorithm>

#include "batch.hpp"
#include "call_run.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/pack.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "pack_pages.hpp"
#include "progress.hpp"
#include "rank_records.hpp"

namespace ess::cli {

namespace {

const DossierReading pack_reading{false, Msg::pack_takes_dossiers, Msg::rank_grid_hint,
                                  Msg::not_a_dossier, Msg::pack_takes_folders_hint};

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  const CallRun& call;

  // read → load → the call's? → grid → validate → score → a rank row and the note.
  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, pack_reading);
    if (!read) return std::nullopt;
    BatchRecord record{read->dossier.id, read->id_pos, false, {}};
    if (!call.keeps(read->dossier)) {
      diags.items().clear();  // another call's dossier: not in this pack
      record.excluded = true;
      return record;
    }
    RankRecord rank;
    const LoadedGrid* grid = call.check(read->dossier, grids, diags);
    if (grid && !batch.refuses(diags)) {
      std::optional<DossierResult> result =
          score_dossier(grid->index, read->dossier, score_options(options), diags);
      if (result && !batch.refuses(diags)) {
        rank.scored = true;
        rank.grid = grid;
        rank.grid_pos = read->dossier.grid_pos;
        rank.row = summarise(*result);
        rank.row.id_pos = read->id_pos;
        rank.row.note = encode_note(*result);  // travels with the row, to « what to discuss »
      }
    }
    encode_rank_record(rank, record.bytes);
    return record;
  }
};

// The pack's header: the call's, when the run has a call file.
PackCall pack_call(const Options& options, const CallRun& call, const LoadedGrid& grid) {
  PackCall out;
  out.grid = &grid.grid;
  out.language = report_options(options, &grid.grid).language;
  out.audience = options.audience;
  out.format = options.pack_format;
  out.grid_sha256 = grid.grid.sha256;
  out.group_by = options.group_by;
  out.call_id = call.id();
  if (const Call* c = call.call()) {
    out.call_title = c->title;
    out.funder = c->funder.name;
    if (c->decision) out.date = c->decision->date;
  }
  return out;
}

int pack(const Options& given, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(given);
  std::optional<CallRun> call = resolve_call(given, store, early);
  const Options options = call ? options_under_call(given, *call, early) : given;
  if (!call) {
    for (const auto& d : store.grid_diagnostics()) early.push_back(d);
    return worse(exit_invalid, exit_code(print_diagnostics(early, options)));
  }
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  Worker worker{options, limits_from(options), grids, batch, *call};
  RankPass pass(options);
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) {
        // A file refused before it was scored is no row: the pack lists it from the run's
        // diagnostics (RefusedOnDisk), and a row without its grid cannot be ranked.
        if (record.bytes.empty() || record.bytes[0] == 0) return;
        pass.consume(record);
      },
      Progress::wanted(options));

  const LoadedGrid* grid = call->grid() ? call->grid() : pass.grid();
  batch.add_diagnostics(store.grid_diagnostics());
  if (!grid) {  // no dossier scored: nothing to pack; the diagnostics say why
    RunOutcome outcome = batch.print_diagnostics();
    return outcome.error ? exit_code(outcome)
                         : usage_error(options, phrase(Msg::usage_no_call_dossier_for_pack));
  }
  PackCall header = pack_call(options, *call, *grid);
  RankReport ranking;  // what the ranking pass fills: counts, funding line, groups
  RankedRowsOnDisk rows = pass.rank(grid, header.language, ranking, batch);
  header.rows = &rows;
  header.funding = ranking.funding;
  RefusedOnDisk refused(batch);
  if (refused.size() > 0) header.refused = &refused;
  header.other_calls = batch.excluded();

  PagePass pages{options, *call, grids, *grid, batch};
  int written = emit_stream(options.output, [&](const Sink& sink) {
    PackRenderer renderer(header, sink);
    PackTally tally(grid->grid);
    renderer.begin();
    pages.run(rows, [&](const DossierResult& result, const RankRow& row) {
      tally.add(result, row);
      renderer.dossier(result, row);
    });
    renderer.end(tally);
  });
  RunOutcome outcome = batch.print_diagnostics();
  return worse(written, exit_code(outcome));
}

}  // namespace

int run_pack(const Options& options) {
  // The pack reads each dossier twice (its rank, then its page): standard input reads once.
  if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end())
    return usage_error(options, phrase(Msg::usage_pack_stdin));
  if (auto usage = budget_usage(options)) return usage_error(options, *usage);
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty())
    return usage_error(options, phrase(Msg::usage_no_dossier_for_pack));
  return run_batch([&] { return pack(options, inputs, early); });
}

}  // namespace ess::cli
