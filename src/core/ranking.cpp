// §2.6: rows from results, ranks with ties, the funding line,
// group summaries. Every rule about the order of dossiers lives here.
#include "ess/core/ranking.hpp"

#include "ess/model/decision.hpp"
#include "ess/model/text.hpp"

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

// §2.6: ranked, then ineligible, incomplete, not assessed, and files refused by validation.
int status_order(DossierStatus s) {
  switch (s) {
    case DossierStatus::ok:
      return 0;
    case DossierStatus::ineligible:
      return 1;
    case DossierStatus::incomplete:
      return 2;
    case DossierStatus::not_assessed:
      return 3;
    case DossierStatus::invalid:
      return 4;
  }
  return 4;
}

// A total that is not a number (it cannot happen with a valid grid) sorts last, never
// breaking the sort.
double sort_key(double total) {
  return std::isnan(total) ? -std::numeric_limits<double>::infinity() : total;
}

}  // namespace

const char* unfunded_token(Unfunded why) {
  switch (why) {
    case Unfunded::budget:
      return "budget";
    case Unfunded::not_fundable:
      return "not-fundable";
    case Unfunded::below_line:
      return "below-line";
    case Unfunded::no_budget:
      return "no-budget";
    case Unfunded::none:
      break;
  }
  return "";
}

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
  row.fundable = result.grid && band_fundable(result.grid->decision, row.band);
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

RankRow invalid_row(std::string file, const Dossier* dossier, std::string code,
                    std::string message) {
  RankRow row;
  row.file = std::move(file);
  row.status = DossierStatus::invalid;
  row.fundable = false;
  row.error_code = std::move(code);
  row.error_message = std::move(message);
  if (dossier) {
    row.dossier = dossier->id;
    row.title = dossier->title;
    row.id_pos = dossier->pos;
    row.call = dossier->call;
    row.territory = dossier->territory;
    row.theme = dossier->theme;
    row.requested = dossier->requested;
  }
  return row;
}

void refuse_row(RankRow& row, std::string code, std::string message) {
  row.status = DossierStatus::invalid;
  row.fundable = false;
  row.total = 0;
  row.axes.clear();
  row.eliminatory.clear();
  row.below_minimum.clear();
  row.missing.clear();
  row.na.clear();
  row.flags = 0;
  row.error_code = std::move(code);
  row.error_message = std::move(message);
}

namespace {

bool rank_order(const RankRow& a, const RankRow& b) {
  int sa = status_order(a.status), sb = status_order(b.status);
  if (sa != sb) return sa < sb;
  if (a.status == DossierStatus::ok && sort_key(a.total) != sort_key(b.total))
    return sort_key(a.total) > sort_key(b.total);
  if (a.status == DossierStatus::invalid && a.dossier.empty() != b.dossier.empty())
    return b.dossier.empty();  // a file without an id after those with one
  if (a.dossier != b.dossier) return a.dossier < b.dossier;
  return a.file < b.file;
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
  if (row.status == DossierStatus::invalid) key += row.dossier.empty() ? '\1' : '\0';
  // Highest first: the complement of the ascending bytes.
  if (row.status == DossierStatus::ok) {
    std::size_t at = key.size();
    append_ordered(key, sort_key(row.total));
    for (std::size_t i = at; i < key.size(); ++i) key[i] = static_cast<char>(~key[i]);
  }
  append_ordered(key, std::string_view(row.dossier));
  return key;
}

RankStream::RankStream(FundingPlan plan, std::function<void(RankRow&&)> emit,
                       std::function<void(const RankRow&)> exact_order)
    : plan_(std::move(plan)), emit_(std::move(emit)), exact_order_(std::move(exact_order)) {
  whole_.funding.budget = plan_.budget;
  if (plan_.by)
    for (const GroupBudget& b : plan_.budgets) {
      Line& line = groups_[match_key(b.group)];
      line.funding.key = match_key(b.group);
      line.funding.name = b.group;
      line.funding.budget = b.amount;
    }
  line_.budget = plan_.budget;
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
  if (!plan_.by) {
    line_ = whole_.funding;
    return;
  }
  // Budgets per group: the sum of the lines, for the header.
  line_ = FundingLine();
  line_.budget = 0.0;
  for (const auto& [key, line] : groups_) {
    if (!line.funding.budget) continue;
    *line_.budget += *line.funding.budget;
    line_.funded_count += line.funding.funded_count;
    line_.funded_total += line.funding.funded_total;
    line_.would_fit += line.funding.would_fit;
    line_.ranked += line.funding.ranked;
  }
}

std::vector<FundingLine> RankStream::lines() const {
  std::vector<FundingLine> out;
  for (const auto& [key, line] : groups_) out.push_back(line.funding);
  return out;
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

RankStream::Line& RankStream::line_of(const RankRow& row) {
  if (!plan_.by) return whole_;
  std::string key = group_of(row, *plan_.by);
  auto [it, added] = groups_.try_emplace(key);
  if (added) {
    it->second.funding.key = key;
    it->second.funding.name = group_value(row, *plan_.by);
  }
  return it->second;
}

// Running sum and funding of one row at the next position.
void RankStream::place(RankRow& row) {
  const std::size_t position = position_++;
  row.funded = row.would_fit = row.draws_line = false;
  row.unfunded = Unfunded::none;
  if (row.status != DossierStatus::ok) {
    row.rank.reset();
    row.cumulative.reset();
    return;
  }
  Line& line = line_of(row);
  line.cumulative += row.requested.value_or(0);
  row.cumulative = line.cumulative;
  ++line.funding.ranked;
  if (!plan_.any()) return;
  if (!line.funding.budget) {
    row.unfunded = Unfunded::no_budget;
    return;
  }
  fund(line.funding, row, position);
}

void fund(FundingLine& line, RankRow& row, std::size_t position) {
  const double request = row.requested.value_or(0);
  if (!line.first_unfunded) {
    if (row.fundable && row.cumulative.value_or(0) <= line.budget.value_or(0) + tolerance) {
      row.funded = true;
      ++line.funded_count;
      line.funded_total = *row.cumulative;
      return;
    }
    line.first_unfunded = position;
    row.draws_line = true;
    row.unfunded = line.drawn_by = row.fundable ? Unfunded::budget : Unfunded::not_fundable;
    return;
  }
  // Below the line the budget left is fixed: what would still fit is named, never funded.
  if (!row.fundable) {
    row.unfunded = Unfunded::not_fundable;
  } else if (request <= line.remaining() + tolerance) {
    row.would_fit = true;
    row.unfunded = Unfunded::below_line;
    ++line.would_fit;
  } else {
    row.unfunded = Unfunded::budget;
  }
}

FundingLine rank_rows(std::vector<RankRow>& rows, std::optional<double> budget) {
  FundingPlan plan;
  plan.budget = budget;
  return rank_rows(rows, plan);
}

FundingLine rank_rows(std::vector<RankRow>& rows, const FundingPlan& plan,
                      std::vector<FundingLine>* group_lines) {
  std::sort(rows.begin(), rows.end(), rank_order);
  std::vector<RankRow> ranked;
  ranked.reserve(rows.size());
  RankStream stream(plan, [&](RankRow&& row) { ranked.push_back(std::move(row)); });
  for (RankRow& row : rows) stream.add(std::move(row));
  stream.finish();
  rows = std::move(ranked);
  if (group_lines) *group_lines = stream.lines();
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

void resolve_decision(RankRow& row, Language language) {
  row.decision = std::string(status_word(row.status, language));
}

void resolve_decisions(std::vector<RankRow>& rows, const Grid& grid, Language language) {
  for (RankRow& row : rows) resolve_decision(row, grid, language);
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

std::string group_of(const RankRow& row, GroupKey key) {
  return match_key(group_value(row, key));
}

GroupTally::GroupTally(GroupKey key, std::vector<std::string> labels,
                       std::map<std::string, std::size_t> ranked_per_value)
    : key_(key), labels_(std::move(labels)) {
  for (auto& [value, n] : ranked_per_value) medians_[value].ranked = n;
}

// The median of n ranked totals is the middle one (n odd) or the mean of the two middle ones,
// counted from the lowest: positions n/2 and n/2 - 1, met here from the highest down.
void GroupTally::see_ranked(const RankRow& row) {
  Median& m = medians_[group_of(row, key_)];
  if (m.seen >= m.ranked) {  // more than announced: no median rather than a wrong one
    ++m.seen;
    return;
  }
  std::size_t from_lowest = m.ranked - 1 - m.seen++;
  if (from_lowest == m.ranked / 2) m.high = row.total;
  if (m.ranked % 2 == 0 && from_lowest + 1 == m.ranked / 2) m.low = row.total;
}

void GroupTally::add(const RankRow& row) {
  const std::string value = group_of(row, key_);
  GroupSummary& g = groups_[value];
  if (g.count == 0) {
    g.key = value;
    for (const auto& label : labels_) g.decisions.emplace_back(label, 0);
  }
  ++spellings_[value][group_value(row, key_)];
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
    // Shown under its most frequent spelling; among as frequent ones, the first in byte order.
    std::size_t most = 0;
    for (const auto& [spelling, n] : spellings_[value])
      if (n > most) {
        most = n;
        g.value = spelling;
      }
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

void attach_lines(std::vector<GroupSummary>& groups, const std::vector<FundingLine>& lines) {
  auto line = lines.begin();  // both by key
  for (GroupSummary& g : groups) {
    while (line != lines.end() && line->key < g.key) ++line;
    if (line != lines.end() && line->key == g.key) g.line = *line;
  }
}

std::vector<GroupSummary> summarise_groups(const std::vector<RankRow>& rows, GroupKey key,
                                           const std::vector<std::string>& labels) {
  std::map<std::string, std::size_t> ranked;
  std::vector<const RankRow*> exact;
  for (const RankRow& row : rows)
    if (row.rank) {
      ++ranked[group_of(row, key)];
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
    return group_of(*a, key) < group_of(*b, key);
  });
  for (const RankRow* row : order) fn(*row);
}

void RankCounts::add(const RankRow& row) {
  ++rows;
  ranked += row.rank.has_value();
  ineligible += row.status == DossierStatus::ineligible;
  incomplete += row.status == DossierStatus::incomplete;
  not_assessed += row.status == DossierStatus::not_assessed;
  invalid += row.status == DossierStatus::invalid;
}

}  // namespace ess
