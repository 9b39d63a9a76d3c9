// ess-eval rank PATH...: the batch pipeline (batch.hpp) with a worker that reduces each file to
// one RankRow (a scored dossier's, or a refused file's with its first error); the rows then go
// through a sort by rank (rank_records.hpp: ranks, funding lines, group tallies) and the report
// is rendered from the rows on disk as it is written. With --call (call_run.hpp), the call's
// dossiers under the call's grid and budgets; with --format scdl, the call's awards as open
// data instead (rank_awards.hpp, report/scdl.hpp).
#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <system_error>
#include <tuple>

#include "batch.hpp"
#include "call_run.hpp"
#include "common.hpp"
#include "dossier_stage.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"
#include "ess/report/rank_report.hpp"
#include "ess/report/scdl.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "rank_awards.hpp"
#include "rank_records.hpp"

namespace ess::cli {

namespace {

const DossierReading rank_reading{false, Msg::rank_takes_dossiers, Msg::rank_grid_hint,
                                  Msg::neither_grid_nor_dossier, Msg::dossier_starts_hint};

// The filters (§2.6): a dossier's call, territory and theme, matched ignoring case and accents.
struct Filter {
  const char* option;
  const std::string Options::*wanted;
  const std::string Dossier::*field;
};
constexpr Filter filters[] = {{"--call", &Options::call, &Dossier::call},
                              {"--territory", &Options::territory, &Dossier::territory},
                              {"--theme", &Options::theme, &Dossier::theme}};

bool passes_filters(const Dossier& d, const Options& o) {
  for (const Filter& f : filters)
    if (!(o.*f.wanted).empty() && !same_name(d.*f.field, o.*f.wanted)) return false;
  return true;
}

// The values met for each filter, to name when a filter matches nothing: the `kept` smallest
// keys (the same whatever --jobs), each with its spellings counted.
class FilterValues {
 public:
  static constexpr std::size_t kept = 12;
  void see(const Dossier& d, const Options& o) {
    if (o.call.empty() && o.territory.empty() && o.theme.empty()) return;
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < std::size(filters); ++i) {
      if ((o.*filters[i].wanted).empty()) continue;
      const std::string& value = d.*filters[i].field;
      auto& seen = seen_[i];
      std::string key = match_key(value);
      if (key == match_key(o.*filters[i].wanted)) hit_[i] = true;
      if (seen.size() >= kept && !seen.count(key) && key > seen.rbegin()->first) {
        more_[i] = true;
        continue;
      }
      ++seen[key][value];
      if (seen.size() > kept) {
        seen.erase(std::prev(seen.end()));
        more_[i] = true;
      }
    }
  }
  void matched() { ++matched_; }
  // When no dossier passed them all, a warning for each filter that no dossier matches.
  void warn(const Options& o, BatchRun& batch) const {
    if (matched_ > 0) return;
    for (std::size_t i = 0; i < std::size(filters); ++i) {
      const std::string& wanted = o.*filters[i].wanted;
      if (wanted.empty() || hit_[i]) continue;
      std::vector<std::string> names;
      for (const auto& [key, spellings] : seen_[i]) names.push_back(most_frequent(spellings));
      Said message =
          say(Msg::no_match, fmt::arg("option", filters[i].option), fmt::arg("value", clip(wanted)),
              fmt::arg("values", name_list(names, more_[i])));
      batch.add_diagnostic({Severity::warning,
                            std::string(message.code),
                            "",
                            {},
                            std::move(message.text),
                            phrase(Msg::no_match_hint)});
    }
  }
  static std::string most_frequent(const std::map<std::string, std::size_t>& spellings) {
    std::string best;
    std::size_t most = 0;
    for (const auto& [spelling, n] : spellings)
      if (n > most) most = n, best = spelling;
    return best;
  }
  static std::string name_list(const std::vector<std::string>& names, bool more) {
    if (names.empty()) return phrase(Msg::none);
    std::string list;
    for (const auto& n : names)
      if (!n.empty()) list += (list.empty() ? "" : ", ") + clip(n);
    if (list.empty()) return phrase(Msg::none);
    return more ? list + ", ..." : list;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::map<std::string, std::size_t>> seen_[std::size(filters)];
  bool more_[std::size(filters)] = {};
  bool hit_[std::size(filters)] = {};  // a dossier matched this filter, whatever the others
  std::atomic<std::size_t> matched_{0};
};

// The first error of a file, by line then column: what its row says.
RankRow refused(const std::string& path, const Dossier* dossier, const Diagnostics& diags) {
  const Diagnostic* first = nullptr;
  for (const Diagnostic& d : diags.items())
    if (d.severity == Severity::error &&
        (!first || std::tie(d.pos.line, d.pos.col) < std::tie(first->pos.line, first->pos.col)))
      first = &d;
  return invalid_row(path, dossier, first ? first->code : "", first ? first->message : "");
}

struct Worker {
  const Options& options;
  ParseLimits limits;
  GridCache& grids;
  BatchRun& batch;
  ScoreOptions score;
  FilterValues& values;
  const CallRun& call;

  // read → load → filter → grid → validate → score → one row; a refused file is a row too.
  std::optional<BatchRecord> operator()(const std::string& path, Diagnostics& diags) const {
    std::optional<ReadDossier> read = read_dossier(path, limits, diags, rank_reading);
    RankRecord rank;
    if (!read) {
      batch.refuses(diags);  // --strict
      rank.row = refused(path, nullptr, diags);
      BatchRecord record{{}, {}, false, {}, true};
      encode_rank_record(rank, record.bytes);
      return record;
    }
    BatchRecord record{read->dossier.id, read->id_pos, false, {}, read->dossier.id.empty()};
    values.see(read->dossier, options);
    if (!passes_filters(read->dossier, options)) {
      diags.items().clear();  // not part of this ranking
      record.excluded = true;
      return record;
    }
    values.matched();
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
    if (!rank.scored) {
      batch.refuses(diags);
      rank.row = refused(path, &read->dossier, diags);
      rank.row.id_pos = read->id_pos;
    }
    encode_rank_record(rank, record.bytes);
    return record;
  }
};

// A --budget GROUP= that names no group of the ranking: said, with the groups there are.
void warn_unmatched_budgets(const Options& options, const RankReport& report, BatchRun& batch) {
  if (!options.group_by) return;
  for (const GroupBudget& b : options.group_budgets) {
    std::string key = match_key(b.group);
    bool found = false;
    std::vector<std::string> names;
    for (const GroupSummary& g : report.groups) {
      found = found || g.key == key;
      if (names.size() < FilterValues::kept) names.push_back(g.value);
    }
    if (found) continue;
    Said message = say(Msg::no_match_group, fmt::arg("group", clip(b.group)),
                       fmt::arg("key", group_key_name(*options.group_by)),
                       fmt::arg("values", FilterValues::name_list(
                                              names, report.groups.size() > FilterValues::kept)));
    batch.add_diagnostic({Severity::warning,
                          std::string(message.code),
                          "",
                          {},
                          std::move(message.text),
                          phrase(Msg::no_match_hint)});
  }
}

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
  if (call && given.scdl && !call->call()) return usage_error(given, phrase(Msg::scdl_needs_call));
  const Options options = call ? options_under_call(given, *call, early) : given;
  if (!call) {
    for (const auto& d : store.grid_diagnostics()) early.push_back(d);
    return worse(exit_invalid, exit_code(print_diagnostics(early, options)));
  }
  GridCache grids(store);
  BatchRun batch(options);
  batch.add_diagnostics(std::move(early));
  FilterValues values;
  // A ranking shows totals, decisions and flags: none of a report's explanations.
  Worker worker{options, limits_from(options), grids, batch, score_options(options, false), values,
                *call};
  RankPass pass(options);
  AwardPass awards;
  batch.on_refused([&](const std::string& path, const BatchRecord& record, const Diagnostic& why) {
    pass.refuse(path, record, why);
  });
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
  values.warn(options, batch);
  warn_unmatched_budgets(options, report, batch);
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
  if (!inputs.any() && early.empty())
    return usage_error(options, phrase(Msg::usage_no_dossier_to_rank));
  if (auto usage = budget_usage(options)) return usage_error(options, *usage);
  return run_batch([&] { return rank(options, inputs, early); });
}

}  // namespace ess::cli
