// ess-eval letter DOSSIER...: one letter per applicant (§7) through the batch pipeline
// (batch.hpp): each worker checks, scores and writes its dossier's letter; the letters go out in
// dossier-id order, each to its own file in --out-dir as it comes (memory flat), or one after
// the other on standard output. The letterhead and the date are the run's: the call's, or
// --letterhead and --date; never the day the letter is printed, so that the same inputs give
// the same bytes.
#include <filesystem>
#include <optional>
#include <system_error>

#include "batch.hpp"
#include "call_run.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/io/load.hpp"
#include "ess/io/spill.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"
#include "ess/report/letter.hpp"
#include "ess/report/report.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace ess::cli {

namespace {

const DossierReading letter_reading{false, Msg::grid_not_dossier, Msg::letter_takes_dossiers_hint,
                                    Msg::not_a_dossier, Msg::letter_takes_folders_hint};

// What every letter of the run shares.
struct LetterRun {
  std::optional<Letterhead> letterhead;
  std::string date, reference, call_title;
};

// The call's letterhead, date, reference and title, each replaced by its option when given.
std::optional<LetterRun> letter_run(const Options& options, const CallRun& call,
                                    std::vector<Diagnostic>& diags) {
  LetterRun run;
  if (const Call* c = call.call()) {
    run.letterhead = c->letterhead;
    run.call_title = c->title;
    if (c->decision) {
      run.date = c->decision->date;
      run.reference = c->decision->reference;
    }
  }
  if (!options.date.empty()) run.date = options.date;
  if (!options.letterhead.empty()) {
    Diagnostics read(options.letterhead);
    run.letterhead = load_letterhead_file(options.letterhead, limits_from(options), read);
    diags.insert(diags.end(), read.items().begin(), read.items().end());
    if (!run.letterhead) return std::nullopt;
  }
  return run;
}

// What a letter lacks, said once for the run (§7: the letters are written all the same).
// Returns false when --strict makes it an error: then no letter is written.
bool warn_missing(const Options& options, const LetterRun& run) {
  bool ok = true;
  auto say_once = [&](Msg message, Msg hint, const char* code) {
    std::string text = phrase(message) + phrase(Msg::list_separator) + phrase(hint);
    if (options.strict) {
      report_error("", text, code);
      ok = false;
    } else {
      report_warning(text, code);
    }
  };
  if (!run.letterhead)
    say_once(Msg::letter_no_letterhead, Msg::letter_no_letterhead_hint, "letter-no-letterhead");
  if (run.date.empty()) say_once(Msg::letter_no_date, Msg::letter_no_date_hint, "letter-no-date");
  return ok;
}

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  const CallRun& call;
  const LetterRun& run;

  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, letter_reading);
    if (!read) return std::nullopt;
    Dossier& dossier = read->dossier;
    BatchRecord record{dossier.id, read->id_pos, false, {}};
    if (!call.keeps(dossier)) {
      diags.items().clear();  // another call's dossier: no letter in this run
      record.excluded = true;
      return record;
    }
    if (diags.has_errors()) return record;
    const LoadedGrid* grid = call.check(dossier, grids, diags);
    if (!grid || batch.refuses(diags)) return record;
    std::optional<DossierResult> result =
        score_dossier(grid->index, dossier, score_options(options), diags);
    if (!result) return record;
    LetterInput in = letter_input(*result, options.language);
    in.letterhead = run.letterhead;
    in.date = run.date;
    in.reference = run.reference;
    in.call_title = run.call_title;
    record.bytes = render_letter(in);
    return record;
  }
};

int letters(const Options& given, const InputStream& inputs, std::vector<Diagnostic>& early) {
  GridStore store = make_grid_store(given);
  std::optional<CallRun> call = resolve_call(given, store, early);
  std::optional<LetterRun> run;
  if (call) run = letter_run(given, *call, early);
  if (!run) {
    for (const auto& d : store.grid_diagnostics()) early.push_back(d);
    return worse(exit_invalid, exit_code(print_diagnostics(early, given)));
  }
  const Options& options = given;
  if (!warn_missing(options, *run)) return exit_invalid;  // --strict: no letter written
  if (!options.out_dir.empty() && !make_out_dir(options.out_dir)) return exit_io;
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  Worker worker{options, limits_from(options), grids, batch, *call, *run};
  RecordLog letters;  // in id order, for the standard output
  int written = exit_ok;
  batch.run(
      inputs, std::cref(worker),
      [&](const std::string&, const BatchRecord& record) {
        if (record.bytes.empty()) return;  // no letter: the diagnostics say why
        if (options.out_dir.empty())
          letters.append(record.bytes);
        else
          written = worse(written, emit(options.out_dir + "/" + record.id + ".md", record.bytes));
      },
      !options.out_dir.empty() && Progress::wanted(options));
  batch.add_diagnostics(store.grid_diagnostics());
  RunOutcome outcome = batch.print_diagnostics();
  if (letters.size() > 0)
    written = emit_stream("", [&](const Sink& sink) {
      bool first = true;
      letters.for_each([&](std::string_view letter) {
        if (!first) sink(markdown_separator());
        first = false;
        sink(letter);
      });
    });
  return worse(written, exit_code(outcome));
}

}  // namespace

int run_letter(const Options& options) {
  if (!options.date.empty() && !is_iso_date(options.date))
    return usage_error(options, phrase(Msg::usage_letter_date));
  std::vector<Diagnostic> early;
  InputStream inputs(options, early);
  if (!inputs.any() && early.empty())
    return usage_error(options, phrase(Msg::usage_no_dossier_for_letters));
  return run_batch([&] { return letters(options, inputs, early); });
}

}  // namespace ess::cli
