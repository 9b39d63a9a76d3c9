// ess-eval sensitivity DOSSIERS...: how robust each decision is to the exact weights. The
// dossiers go through the batch pipeline (batch.hpp); each is kept as a SensitivityDossier (its
// leaf scores and what decides its status: about a hundred bytes), never as the loaded file.
#include <fmt/format.h>

#include <vector>

#include "batch.hpp"
#include "batch_grid.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/report_sensitivity.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace ess::cli {

namespace {

struct Entry {
  const LoadedGrid* grid = nullptr;
  Pos grid_pos;
  std::string path;
  SensitivityDossier dossier;
};

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;

  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, {});
    if (!read) return std::nullopt;
    BatchRecord record{read->dossier.id, read->id_pos, false, {}};
    const LoadedGrid* grid = check_against_grid(read->dossier, grids, diags);
    if (!grid || batch.refuses(diags)) return record;
    std::optional<DossierResult> result =
        score_dossier(grid->index, read->dossier, score_options(options, false), diags);
    if (!result) return record;
    ByteWriter w(record.bytes);
    w.raw(reinterpret_cast<std::uintptr_t>(grid));
    w.raw(read->dossier.grid_pos.line);
    w.raw(read->dossier.grid_pos.col);
    encode_sensitivity_dossier(sensitivity_dossier(*result), record.bytes);
    return record;
  }
};

Entry decode_entry(const std::string& path, std::string_view bytes) {
  ByteReader in(bytes);
  Entry e;
  e.grid = reinterpret_cast<const LoadedGrid*>(in.raw<std::uintptr_t>());
  e.grid_pos.line = in.raw<decltype(e.grid_pos.line)>();
  e.grid_pos.col = in.raw<decltype(e.grid_pos.col)>();
  e.path = path;
  e.dossier = decode_sensitivity_dossier(in.rest());
  return e;
}

int sensitivity(const Options& options, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(options);
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  Worker worker{options, limits_from(options), grids, batch};
  // The records wait in a temporary file while the batch's grid is not known; then only the
  // dossiers of that grid are held, in a vector of their exact number.
  RecordLog records;
  BatchGrid grid_of_batch;
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string& path, const BatchRecord& record) {
        if (record.bytes.empty()) return;  // not scored
        std::string bytes;
        ByteWriter(bytes).text(path);
        bytes += record.bytes;
        records.append(bytes);
        grid_of_batch.add(
            reinterpret_cast<const LoadedGrid*>(ByteReader(record.bytes).raw<std::uintptr_t>()));
      },
      Progress::wanted(options));

  const LoadedGrid* grid = grid_of_batch.chosen();
  std::vector<SensitivityDossier> dossiers;
  dossiers.reserve(grid_of_batch.count(grid));
  records.for_each([&](std::string_view bytes) {
    ByteReader in(bytes);
    std::string path = in.text();
    Entry e = decode_entry(path, in.rest());
    if (e.grid == grid)
      dossiers.push_back(std::move(e.dossier));
    else
      batch.add_diagnostic(grid_of_batch.refusal(e.path, e.grid_pos, *e.grid,
                                                 Msg::what_this_analysis, Msg::analyse_grids_hint));
  });
  batch.add_diagnostics(store.grid_diagnostics());
  RunOutcome outcome = batch.print_diagnostics();
  if (dossiers.empty()) return exit_code(outcome);

  SensitivityReport report;
  report.grid = &grid->grid;
  report.dossiers = &dossiers;
  report.options = {options.spread, options.samples, options.seed, job_count(options)};
  report.report = report_options(options, &grid->grid);
  {
    Progress progress(report.options.samples, Progress::wanted(options));
    report.analysis =
        analyse_sensitivity(grid->grid, dossiers, report.options, [&] { progress.step(); });
  }
  std::string text = options.format == ReportFormat::csv    ? render_sensitivity_csv(report)
                     : options.format == ReportFormat::json ? render_sensitivity_json(report)
                                                            : render_sensitivity_markdown(report);
  return worse(emit(options.output, text), exit_code(outcome));
}

}  // namespace

int run_sensitivity(const Options& options) {
  if (options.samples == 0 || !(options.spread >= 0 && options.spread < 1))
    return usage_error(options, phrase(Msg::usage_sensitivity));
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty()) return usage_error(options, phrase(Msg::usage_no_dossier));
  return run_batch([&] { return sensitivity(options, inputs, early); });
}

}  // namespace ess::cli
