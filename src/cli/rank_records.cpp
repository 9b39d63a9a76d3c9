#include "rank_records.hpp"

#include "ess/model/byte_codec.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

void encode_rank_record(const RankRecord& r, std::string& out) {
  out.clear();
  ByteWriter w(out);
  w.raw(static_cast<std::uint8_t>(r.scored));
  if (r.scored) {
    w.raw(reinterpret_cast<std::uintptr_t>(r.grid));
    w.raw(r.grid_pos.line);
    w.raw(r.grid_pos.col);
    w.text(r.extra);
  }
  encode_row(r.row, out);
}

RankRecord decode_rank_record(std::string_view bytes) {
  ByteReader in(bytes);
  RankRecord r;
  r.scored = in.raw<std::uint8_t>() != 0;
  if (r.scored) {
    r.grid = reinterpret_cast<const LoadedGrid*>(in.raw<std::uintptr_t>());
    r.grid_pos.line = in.raw<decltype(r.grid_pos.line)>();
    r.grid_pos.col = in.raw<decltype(r.grid_pos.col)>();
    r.extra = in.text();
  }
  r.row = decode_row(in.rest());
  return r;
}

// ---------------------------------------------------------------- rows on disk

RankedRowsOnDisk::RankedRowsOnDisk() = default;

void RankedRowsOnDisk::append(const RankRow& row, const std::optional<GroupKey>& group_by) {
  buffer_.clear();
  encode_row(row, buffer_);
  if (group_by) {
    std::string key;
    append_ordered(key, group_of(row, *group_by));
    put_ordered(key, rows_.size());
    grouped_.add(key, buffer_);
  }
  rows_.append(buffer_);
}

void RankedRowsOnDisk::for_each(const std::function<void(const RankRow&)>& fn) const {
  rows_.for_each([&](std::string_view bytes) { fn(decode_row(bytes)); });
}

void RankedRowsOnDisk::for_each_grouped(GroupKey,
                                        const std::function<void(const RankRow&)>& fn) const {
  grouped_.for_each_sorted(
      [&](std::string_view, std::string_view bytes) { fn(decode_row(bytes)); });
}

// ---------------------------------------------------------------- the ranking

void RankPass::consume(const BatchRecord& record) {
  if (record.bytes.empty()) return;
  RankRecord r = decode_rank_record(record.bytes);
  if (r.scored) {
    grids_.add(r.grid);
    if (options_.group_by && r.row.status == DossierStatus::ok)
      ++ranked_per_group_[{r.grid, group_of(r.row, *options_.group_by)}];
  }
  add(r.row, record.bytes);
}

void RankPass::refuse(const std::string& path, const BatchRecord& record, const Diagnostic& why) {
  RankRecord r;
  r.row = invalid_row(path, nullptr, why.code, why.message);
  r.row.dossier = record.id;
  std::string bytes;
  encode_rank_record(r, bytes);
  add(r.row, bytes);
}

void RankPass::add(const RankRow& row, std::string_view bytes) {
  std::string key = rank_key(row);
  append_ordered(key, row.file);
  (row.status == DossierStatus::invalid ? invalid_ : ranking_).add(key, bytes);
}

RankedRowsOnDisk RankPass::rank(const LoadedGrid* grid, Language language, RankReport& report,
                                BatchRun& batch) {
  RankedRowsOnDisk rows;
  const LoadedGrid* chosen = grids_.chosen();
  std::optional<GroupTally> tally;
  if (options_.group_by && chosen) {
    std::map<std::string, std::size_t> ranked;
    for (const auto& [at, n] : ranked_per_group_)
      if (at.first == chosen) ranked[at.second] = n;
    tally.emplace(*options_.group_by, decision_labels(chosen->grid, language), std::move(ranked));
  }
  RankStream stream(
      funding_plan(options_),
      [&](RankRow&& row) {
        if (grid)
          resolve_decision(row, grid->grid, language);
        else
          resolve_decision(row, language);
        report.counts.add(row);
        if (tally) tally->add(row);
        rows.append(row, options_.group_by);
      },
      [&](const RankRow& row) {
        if (tally) tally->see_ranked(row);
      });
  ranking_.for_each_sorted([&](std::string_view, std::string_view payload) {
    RankRecord r = decode_rank_record(payload);
    if (r.grid == chosen) {
      stream.add(std::move(r.row));
      return;
    }
    // Scored under another grid: totals of different grids do not compare.
    Diagnostic why = grids_.refusal(r.row.file, r.grid_pos, *r.grid, Msg::what_this_ranking,
                                    Msg::rank_grids_hint);
    refuse_row(r.row, why.code, why.message);
    batch.add_diagnostic(std::move(why));
    std::string bytes;
    encode_rank_record(r, bytes);
    add(r.row, bytes);
  });
  ranking_ = ExternalSorter(spill_budget(sorter_budget));
  // Refused files last (§2.6), each by id, then file.
  invalid_.for_each_sorted([&](std::string_view, std::string_view payload) {
    stream.add(decode_rank_record(payload).row);
  });
  invalid_ = ExternalSorter(spill_budget(sorter_budget));
  stream.finish();
  report.funding = stream.funding();
  if (tally) report.groups = std::move(*tally).finish();
  if (options_.group_by && !options_.group_budgets.empty()) {
    report.group_lines = stream.lines();
    attach_lines(report.groups, report.group_lines);
  }
  return rows;
}

FundingPlan funding_plan(const Options& options) {
  FundingPlan plan;
  plan.budget = options.budget;
  if (!options.group_budgets.empty()) {
    plan.by = options.group_by;
    plan.budgets = options.group_budgets;
  }
  return plan;
}

}  // namespace ess::cli
