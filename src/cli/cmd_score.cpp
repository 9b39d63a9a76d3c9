// ess-eval score DOSSIER...: the batch pipeline (batch.hpp) with a worker that checks, scores
// and renders each dossier; the reports are written in dossier-id order (§2.7): on stdout, in
// one file (-o), or one file per dossier plus an index (--out-dir), as they come. With --call
// (call_run.hpp), only the call's dossiers, under the call's grid.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "batch.hpp"
#include "call_run.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/core/scoring.hpp"
#include "ess/io/atomic_file.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"
#include "ess/report/report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace ess::cli {

namespace {

namespace fs = std::filesystem;
using namespace fmt::literals;

const DossierReading score_reading{false, Msg::grid_not_dossier, Msg::score_takes_dossiers_hint,
                                   Msg::not_a_dossier, Msg::score_takes_dossiers_hint};

// What a worker leaves of a scored dossier: its report, rendered, and its line of the index.
struct ScoreRecord {
  std::string report;
  IndexLine index;
  Language language = Language::fr;  // of the report
};

void encode(const ScoreRecord& r, std::string& out) {
  ByteWriter w(out);
  w.text(r.report);
  w.text(r.index.dossier);
  w.text(r.index.title);
  w.raw(r.index.total);
  w.text(r.index.decision);
  w.raw(static_cast<std::uint8_t>(r.index.status));
  w.raw(static_cast<std::uint8_t>(r.language));
}

ScoreRecord decode(std::string_view bytes) {
  ByteReader in(bytes);
  ScoreRecord r;
  r.report = in.text();
  r.index.dossier = in.text();
  r.index.title = in.text();
  r.index.total = in.raw<double>();
  r.index.decision = in.text();
  r.index.status = static_cast<DossierStatus>(in.raw<std::uint8_t>());
  r.language = static_cast<Language>(in.raw<std::uint8_t>());
  return r;
}

// One report as it goes out: --out-dir writes each dossier's whole report (a CSV with its
// header), the standard output and -o the stream of ReportStream.
std::string render(const DossierResult& result, const Options& options, const ReportOptions& ro,
                   const Diagnostics& diags) {
  switch (options.format) {
    case ReportFormat::markdown:
      return render_markdown(result, ro);
    case ReportFormat::csv:
      return options.out_dir.empty() ? csv_rows(result, ro) : render_csv(result, ro);
    case ReportFormat::json: {
      std::vector<Diagnostic> own = diags.items();
      sort_diagnostics(own);
      return render_json(result, ro, own);
    }
  }
  return {};
}

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  const CallRun& call;

  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, score_reading);
    if (!read) return std::nullopt;
    Dossier& dossier = read->dossier;
    BatchRecord record{dossier.id, read->id_pos, false, {}};
    if (!call.keeps(dossier)) {
      diags.items().clear();  // another call's dossier: not part of this run
      record.excluded = true;
      return record;
    }
    if (!options.out_dir.empty() && dossier.id == "index")
      diags.error(dossier.pos, say(Msg::index_dossier_id), say(Msg::index_dossier_id_hint));
    // A dossier with load errors is not matched to a grid: its own errors are the ones to fix.
    if (diags.has_errors()) return record;
    const LoadedGrid* grid = call.check(dossier, grids, diags);
    if (!grid || batch.refuses(diags)) return record;
    std::optional<DossierResult> result =
        score_dossier(grid->index, dossier, score_options(options), diags);
    if (!result) return record;
    const ReportOptions ro = report_options(options, &grid->grid);
    ScoreRecord score{render(*result, options, ro, diags), index_line(*result, {}, ro.language),
                      ro.language};
    encode(score, record.bytes);
    return record;
  }
};

// --out-dir: one file per dossier as the records come, and the index beside them, in the
// language of the first report (by id).
class OutDir {
 public:
  explicit OutDir(const Options& options) : options_(options) {}

  void add(ScoreRecord r) {
    std::string file = r.index.dossier + "." + report_extension(options_.format);
    if (emit(options_.out_dir + "/" + file, r.report) != exit_ok) {
      rc_ = exit_io;
      return;
    }
    if (!index_) {
      Options first = options_;
      first.language = r.language;
      index_file_ = std::make_unique<AtomicFile>(options_.out_dir + "/index." +
                                                 report_extension(options_.format));
      index_ = std::make_unique<IndexStream>(options_.format, report_options(first, nullptr),
                                             [this](std::string_view s) { index_file_->write(s); });
    }
    r.index.file = std::move(file);
    index_->add(r.index);
  }

  int finish() {
    if (!index_) return rc_;
    index_->finish();
    if (!index_file_->commit()) {
      report_error(index_file_->path(), index_file_->reason());
      return exit_io;
    }
    return rc_;
  }

 private:
  const Options& options_;
  std::unique_ptr<AtomicFile> index_file_;
  std::unique_ptr<IndexStream> index_;
  int rc_ = exit_ok;
};

int score(const Options& options, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(options);
  std::optional<CallRun> call = resolve_call(options, store, early);
  if (!call) {
    for (const auto& d : store.grid_diagnostics()) early.push_back(d);
    return worse(exit_invalid, exit_code(print_diagnostics(early, options)));
  }
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  Worker worker{options, limits_from(options), grids, batch, *call};
  std::optional<OutDir> out_dir;
  if (!options.out_dir.empty()) out_dir.emplace(options);
  RecordLog reports;  // in id order, for the standard output or -o
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) {
        if (record.bytes.empty()) return;  // not scored
        if (out_dir)
          out_dir->add(decode(record.bytes));
        else
          reports.append(record.bytes);
      },
      out_dir && Progress::wanted(options));
  batch.add_diagnostics(store.grid_diagnostics());
  RunOutcome outcome = batch.print_diagnostics();
  int written = exit_ok;
  if (out_dir) {
    written = out_dir->finish();
  } else if (reports.size() > 0) {
    written = emit_stream(options.output, [&](const Sink& sink) {
      // The CSV header's separator is the only option it needs.
      ReportStream stream(options.format, report_options(options, nullptr), batch.files() > 1,
                          sink);
      reports.for_each([&](std::string_view bytes) { stream.add(decode(bytes).report); });
      stream.finish();
    });
  }
  return worse(written, exit_code(outcome));
}

}  // namespace

int run_score(const Options& options) {
  if (!options.output.empty() && !options.out_dir.empty())
    return usage_error(options, phrase(Msg::usage_output_and_out_dir));
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty())
    return usage_error(options, phrase(Msg::usage_no_dossier_to_score));
  if (!options.out_dir.empty() && !make_out_dir(options.out_dir)) return exit_io;
  return run_batch([&] { return score(options, inputs, early); });
}

}  // namespace ess::cli
