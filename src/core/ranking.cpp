// §2.6: rows from results, ranks with ties, the funding line,
// group summaries. Every rule about the order of dossiers lives here.
#include "ess/core/ranking.hpp"

#include "ess/model/decision.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>

namespace ess {

namespace {

std::vector<std::string> ids_of(const DossierResult& result, const std::vector<std::size_t>& at) {
  std::vector<std::string> ids;
  ids.reserve(at.size());
  for (std::size_t i : at) ids.push_back(result.criteria[i].criterion->id);
  return ids;
}

int status_order(DossierStatus s) {
  switch (s) {
    case DossierStatus::ok:
      return 0;
    case DossierStatus::ineligible:
      return 1;
    case DossierStatus::incomplete:
      return 2;
  }
  return 2;
}

// A total that is not a number (it cannot happen with a valid grid) sorts last, never
// breaking the sort.
double sort_key(double total) {
  return std::isnan(total) ? -std::numeric_limits<double>::infinity() : total;
}

}  // namespace

bool same_total(double a, double b) {
  return std::fabs(a - b) < tolerance;
}

std::size_t CompetitionRanks::next(double total) {
  if (++seen_ == 1 || !same_total(last_, total)) rank_ = seen_;
  last_ = total;
  return rank_;
}

RankRow summarise(const DossierResult& result) {
  const Dossier& d = *result.dossier;
  RankRow row;
  row.dossier = d.id;
  row.title = d.title;
  row.file = d.file;
  row.id_pos = d.pos;
  row.call = d.call;
  row.territory = d.territory;
  row.theme = d.theme;
  row.total = result.total;
  row.status = result.status;
  row.band = result.band.value_or(0);
  row.requested = d.requested;
  row.axes.reserve(result.axes.size());
  for (std::size_t a : result.axes) {
    const CriterionResult& c = result.criteria[a];
    row.axes.push_back(c.status == CriterionStatus::scored && c.s ? std::optional(100 * *c.s)
                                                                  : std::nullopt);
  }
  if (result.self_only) row.flags |= flag_self_only;
  if (result.assessors_straddle_band) row.flags |= flag_split_decision;
  for (const CriterionResult& c : result.criteria) {
    if (c.disagreement) row.flags |= flag_disagreement;
    if (c.partial_na) row.flags |= flag_partial_na;
  }
  row.eliminatory = ids_of(result, result.eliminatory_failures);
  for (std::size_t i : result.threshold_failures)
    if (!result.criteria[i].eliminatory_failure)
      row.below_minimum.push_back(result.criteria[i].criterion->id);
  row.missing = ids_of(result, result.missing);
  row.na = ids_of(result, result.na);
  return row;
}

namespace {

bool rank_order(const RankRow& a, const RankRow& b) {
  int sa = status_order(a.status), sb = status_order(b.status);
  if (sa != sb) return sa < sb;
  if (a.status == DossierStatus::ok && sort_key(a.total) != sort_key(b.total))
    return sort_key(a.total) > sort_key(b.total);
  return a.dossier < b.dossier;
}

// Big-endian bits of a double, flipped so that unsigned byte order is numeric order.
void append_ordered(std::string& key, double value) {
  if (value == 0) value = 0;  // -0 and +0 are the same total
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  bits = (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((bits >> shift) & 0xff);
}

}  // namespace

void append_ordered(std::string& key, std::string_view text) {
  for (char ch : text) {
    key += ch;
    if (ch == '\0') key += '\x01';
  }
  key.append(2, '\0');
}

std::string rank_key(const RankRow& row) {
  std::string key(1, static_cast<char>(status_order(row.status)));
  // Highest first: the complement of the ascending bytes.
  if (row.status == DossierStatus::ok) {
    std::size_t at = key.size();
    append_ordered(key, sort_key(row.total));
    for (std::size_t i = at; i < key.size(); ++i) key[i] = static_cast<char>(~key[i]);
  }
  append_ordered(key, std::string_view(row.dossier));
  return key;
}

RankStream::RankStream(std::optional<double> budget, std::function<void(RankRow&&)> emit,
                       std::function<void(const RankRow&)> exact_order)
    : emit_(std::move(emit)), exact_order_(std::move(exact_order)) {
  line_.budget = budget;
}

void RankStream::add(RankRow row) {
  if (row.status != DossierStatus::ok) {
    flush_ties();
    place(row);
    emit_(std::move(row));
    return;
  }
  if (exact_order_) exact_order_(row);
  // Tie groups (CompetitionRanks): each is then listed by id and shares the rank of its first
  // place.
  const std::size_t rank = ranks_.next(row.total);
  if (!ties_.empty() && rank != ties_rank_) flush_ties();
  ties_rank_ = rank;
  ties_.push_back(std::move(row));
}

void RankStream::finish() {
  flush_ties();
}

void RankStream::flush_ties() {
  if (ties_.empty()) return;
  std::sort(ties_.begin(), ties_.end(),
            [](const RankRow& a, const RankRow& b) { return a.dossier < b.dossier; });
  for (RankRow& row : ties_) {
    row.rank = ties_rank_;
    place(row);
    emit_(std::move(row));
  }
  ties_.clear();
}

// Running sum and funding of one row at the next position.
void RankStream::place(RankRow& row) {
  const std::size_t position = position_++;
  row.funded = row.would_fit = row.draws_line = false;
  if (row.status != DossierStatus::ok) {
    row.rank.reset();
    row.cumulative.reset();
    return;
  }
  cumulative_ += row.requested.value_or(0);
  row.cumulative = cumulative_;
  if (!line_.budget) return;
  if (!line_.first_unfunded) {
    if (cumulative_ <= *line_.budget + tolerance) {
      row.funded = true;
      ++line_.funded_count;
      line_.funded_total = cumulative_;
    } else {
      line_.first_unfunded = position;
      row.draws_line = true;
    }
  } else if (row.requested.value_or(0) <= line_.remaining() + tolerance) {
    // Below the line the budget left is fixed: what would still fit is named, never funded.
    row.would_fit = true;
    ++line_.would_fit;
  }
}

FundingLine rank_rows(std::vector<RankRow>& rows, std::optional<double> budget) {
  std::sort(rows.begin(), rows.end(), rank_order);
  std::vector<RankRow> ranked;
  ranked.reserve(rows.size());
  RankStream stream(budget, [&](RankRow&& row) { ranked.push_back(std::move(row)); });
  for (RankRow& row : rows) stream.add(std::move(row));
  stream.finish();
  rows = std::move(ranked);
  return stream.funding();
}

std::vector<std::vector<std::size_t>> find_duplicate_ids(const std::vector<std::string_view>& ids) {
  std::vector<std::size_t> order(ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ids[a] != ids[b] ? ids[a] < ids[b] : a < b;
  });
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t end = i + 1;
    while (end < order.size() && ids[order[end]] == ids[order[i]]) ++end;
    if (end - i > 1)
      groups.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(i),
                          order.begin() + static_cast<std::ptrdiff_t>(end));
    i = end;
  }
  return groups;
}

void resolve_decision(RankRow& row, const Grid& grid, Language language) {
  row.decision = decision_label(grid, row.status, row.band, language);
}

void resolve_decisions(std::vector<RankRow>& rows, const Grid& grid, Language language) {
  for (RankRow& row : rows) resolve_decision(row, grid, language);
}

std::optional<GroupKey> parse_group_key(std::string_view name) {
  if (name == "call") return GroupKey::call;
  if (name == "territory") return GroupKey::territory;
  if (name == "theme") return GroupKey::theme;
  return std::nullopt;
}

const char* group_key_name(GroupKey key) {
  switch (key) {
    case GroupKey::call:
      return "call";
    case GroupKey::territory:
      return "territory";
    case GroupKey::theme:
      return "theme";
  }
  return "call";
}

const std::string& group_value(const RankRow& row, GroupKey key) {
  switch (key) {
    case GroupKey::call:
      return row.call;
    case GroupKey::territory:
      return row.territory;
    case GroupKey::theme:
      return row.theme;
  }
  return row.call;
}

GroupTally::GroupTally(GroupKey key, std::vector<std::string> labels,
                       std::map<std::string, std::size_t> ranked_per_value)
    : key_(key), labels_(std::move(labels)) {
  for (auto& [value, n] : ranked_per_value) medians_[value].ranked = n;
}

// The median of n ranked totals is the middle one (n odd) or the mean of the two middle ones,
// counted from the lowest: positions n/2 and n/2 - 1, met here from the highest down.
void GroupTally::see_ranked(const RankRow& row) {
  Median& m = medians_[group_value(row, key_)];
  if (m.seen >= m.ranked) {  // more than announced: no median rather than a wrong one
    ++m.seen;
    return;
  }
  std::size_t from_lowest = m.ranked - 1 - m.seen++;
  if (from_lowest == m.ranked / 2) m.high = row.total;
  if (m.ranked % 2 == 0 && from_lowest + 1 == m.ranked / 2) m.low = row.total;
}

void GroupTally::add(const RankRow& row) {
  const std::string& value = group_value(row, key_);
  GroupSummary& g = groups_[value];
  if (g.count == 0) {
    g.value = value;
    for (const auto& label : labels_) g.decisions.emplace_back(label, 0);
  }
  ++g.count;
  g.requested += row.requested.value_or(0);
  if (row.funded) {
    ++g.funded_count;
    g.funded += row.requested.value_or(0);
  }
  for (auto& [label, n] : g.decisions)
    if (label == row.decision) {
      ++n;
      break;
    }
  if (row.rank) {
    ++g.ranked;
    sums_[value] += row.total;  // in report order, the order the mean has always been summed in
  }
}

std::vector<GroupSummary> GroupTally::finish() && {
  std::vector<GroupSummary> out;
  out.reserve(groups_.size());
  for (auto& [value, g] : groups_) {
    if (g.ranked) {
      g.mean = sums_[value] / static_cast<double>(g.ranked);
      auto m = medians_.find(value);
      if (m != medians_.end() && m->second.ranked == g.ranked && m->second.seen == g.ranked &&
          m->second.high)
        g.median = g.ranked % 2 ? *m->second.high : (*m->second.low + *m->second.high) / 2;
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GroupSummary> summarise_groups(const std::vector<RankRow>& rows, GroupKey key,
                                           const std::vector<std::string>& labels) {
  std::map<std::string, std::size_t> ranked;
  std::vector<const RankRow*> exact;
  for (const RankRow& row : rows)
    if (row.rank) {
      ++ranked[group_value(row, key)];
      exact.push_back(&row);
    }
  std::stable_sort(exact.begin(), exact.end(), [](const RankRow* a, const RankRow* b) {
    return sort_key(a->total) > sort_key(b->total);
  });
  GroupTally tally(key, labels, std::move(ranked));
  for (const RankRow* row : exact) tally.see_ranked(*row);
  for (const RankRow& row : rows) tally.add(row);
  return std::move(tally).finish();
}

void RankedRowsInMemory::for_each(const std::function<void(const RankRow&)>& fn) const {
  for (const RankRow& row : rows_) fn(row);
}

void RankedRowsInMemory::for_each_grouped(GroupKey key,
                                          const std::function<void(const RankRow&)>& fn) const {
  std::vector<const RankRow*> order;
  order.reserve(rows_.size());
  for (const RankRow& row : rows_) order.push_back(&row);
  std::stable_sort(order.begin(), order.end(), [&](const RankRow* a, const RankRow* b) {
    return group_value(*a, key) < group_value(*b, key);
  });
  for (const RankRow* row : order) fn(*row);
}

void RankCounts::add(const RankRow& row) {
  ++rows;
  ranked += row.rank.has_value();
  ineligible += row.status == DossierStatus::ineligible;
  incomplete += row.status == DossierStatus::incomplete;
}

}  // namespace ess
