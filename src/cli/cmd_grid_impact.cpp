// ess-eval grid impact OLD NEW DOSSIERS...: every dossier scored under both grids, compared.
// OLD and NEW are files or REV:PATH (as for grid diff); DOSSIERS files or folders, through the
// batch pipeline (batch.hpp); the rankings, the order of the report and the summary through
// temporary files (impact_passes.hpp).
#include <fmt/format.h>

#include <cstdio>

#include "batch.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/grid_impact_render.hpp"
#include "grid_pair.hpp"
#include "impact_passes.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace ess::cli {

namespace {

// Grid files met in a folder are skipped: a project folder holds both.
const DossierReading impact_reading{true, Msg::not_a_dossier, {}, Msg::not_a_dossier, {}};

struct Worker {
  const Grid& old_grid;
  const Grid& new_grid;
  GridIndex old_index, new_index;
  ParseLimits limits;
  ScoreOptions score;
  Language language;

  // Read, load as a dossier of the compared grid, then scored under both.
  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, impact_reading);
    if (!read) return std::nullopt;
    Dossier& dossier = read->dossier;
    dossier.file = path;
    if (dossier.grid_id != old_grid.id && dossier.grid_id != new_grid.id) {
      diags.warning(dossier.grid_pos, say(Msg::impact_other_grid, fmt::arg("grid", dossier.grid_id),
                                          fmt::arg("compared", new_grid.id)));
      return std::nullopt;
    }
    BatchRecord record{dossier.id, read->id_pos, false, {}};
    ImpactRow row = impact_row(old_index, new_index, dossier, score, language);
    omission_warnings(row, diags);
    encode_impact_row(row, record.bytes);
    return record;
  }

  // §1.2: an omission is never silent, here as in every command: the missing-score warnings
  // under either grid (a line both give is printed once), errors with --strict.
  static void omission_warnings(const ImpactRow& row, Diagnostics& diags) {
    const std::string_view code = message_catalogue()[std::size_t(Msg::missing_score)].code;
    for (const ImpactSide* side : {&row.before, &row.after})
      for (const Diagnostic& d : side->diagnostics)
        if (d.severity == Severity::warning && d.code == code) diags.add(d);
  }
};

int impact(const Options& options, const GridPair& grids, std::vector<Diagnostic>& early) {
  Options dossiers = options;
  dossiers.paths.assign(options.paths.begin() + 2, options.paths.end());
  InputStream inputs(dossiers, early);
  const ReportOptions ro = report_options(options, &grids.new_grid);
  Worker worker{grids.old_grid,
                grids.new_grid,
                index_grid(grids.old_grid),
                index_grid(grids.new_grid),
                limits_from(options),
                score_options(options),
                ro.language};
  BatchRun batch(dossiers);
  batch.add_diagnostics(std::move(early));
  ImpactPasses passes(options, batch);
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) { passes.consume(record); },
      Progress::wanted(options));
  RunOutcome outcome = batch.print_diagnostics();
  ImpactReport report = passes.finish(grids.old_grid, grids.new_grid);
  int written = emit_stream(
      options.output, [&](const Sink& sink) { render_impact(report, options.format, ro, sink); });
  return worse(written, exit_code(outcome));
}

}  // namespace

int run_grid_impact(const Options& options) {
  if (options.paths.size() < 3) return usage_error(options, phrase(Msg::usage_impact));
  std::vector<Diagnostic> early;
  std::optional<GridPair> grids = load_grid_pair(options, early);
  if (!grids) {
    RunOutcome outcome = print_diagnostics(early, options);
    return exit_code(outcome);
  }
  return run_batch([&] { return impact(options, *grids, early); });
}

}  // namespace ess::cli
