#include "impact_passes.hpp"

#include <fmt/format.h>

#include "ess/core/ranking.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

void ImpactPasses::consume(const BatchRecord& record) {
  ImpactRow row = decode_impact_row(record.bytes);
  if (row.decision_changed()) {
    std::string key, ids;
    for (const std::string* text : {&row.before.decision, &row.after.decision, &row.dossier}) {
      append_ordered(key, *text);
      ByteWriter(ids).text(*text);
    }
    changed_.add(key, ids);
    if (options_.fail_on_decision_change) {
      auto word = [](const ImpactSide& s) {
        return s.valid ? s.decision : phrase(Msg::word_invalid);
      };
      batch_.add_diagnostic(make_diagnostic(
          Severity::error, row.file, {},
          say(Msg::decision_changed, fmt::arg("dossier", row.dossier),
              fmt::arg("before", word(row.before)), fmt::arg("after", word(row.after))),
          say(Msg::decision_changed_hint)));
    }
  }
  ++rows_;
  if (!row.after.valid) invalid_.append(record.bytes);  // in id order already
  by_old_rank_.add(impact_rank_key(row, false), record.bytes);
}

ImpactReport ImpactPasses::finish(const Grid& old_grid, const Grid& new_grid) {
  ImpactRanker old_ranks(false), new_ranks(true);
  by_old_rank_.for_each_sorted([&](std::string_view, std::string_view bytes) {
    ImpactRow row = decode_impact_row(bytes);
    old_ranks.rank(row);
    buffer_.clear();
    encode_impact_row(row, buffer_);
    by_new_rank_.add(impact_rank_key(row, true), buffer_);
  });
  by_old_rank_ = ExternalSorter(spill_budget(sorter_budget));
  ImpactSummaryBuilder summary(rows_);
  by_new_rank_.for_each_sorted([&](std::string_view, std::string_view bytes) {
    ImpactRow row = decode_impact_row(bytes);
    new_ranks.rank(row);
    summary.add(row);
    buffer_.clear();
    encode_impact_row(row, buffer_);
    in_order_.add(impact_row_key(row), buffer_);
  });
  by_new_rank_ = ExternalSorter(spill_budget(sorter_budget));

  ImpactReport report;
  report.old_grid = grid_identity(old_grid);
  report.new_grid = grid_identity(new_grid);
  report.summary = std::move(summary).finish();
  report.rows = [this](const std::function<void(const ImpactRow&)>& fn) {
    in_order_.for_each_sorted(
        [&](std::string_view, std::string_view bytes) { fn(decode_impact_row(bytes)); });
  };
  report.changed = [this](const TransitionVisitor& fn) {
    changed_.for_each_sorted([&](std::string_view, std::string_view bytes) {
      ByteReader in(bytes);
      std::string before = in.text(), after = in.text(), id = in.text();
      fn(before, after, id);
    });
  };
  // Ranks are not shown for these: the rows as the workers left them do.
  report.invalid_under_new = [this](const std::function<void(const ImpactRow&)>& fn) {
    invalid_.for_each([&](std::string_view bytes) { fn(decode_impact_row(bytes)); });
  };
  report.diagnostics = [this](const std::function<void(const Diagnostic&)>& fn) {
    batch_.for_each_diagnostic(fn);
  };
  return report;
}

}  // namespace ess::cli
