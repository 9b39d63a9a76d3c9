// §2.6 and notes/rules.md "Ranking": rows from results, ranks with ties, the funding line,
// group summaries. Every rule about the order of dossiers lives here.
#include "ess/ranking.hpp"

#include "ess/i18n.hpp"

#include <algorithm>
#include <cmath>
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

FundingLine rank_rows(std::vector<RankRow>& rows, std::optional<double> budget) {
  std::sort(rows.begin(), rows.end(), [](const RankRow& a, const RankRow& b) {
    int sa = status_order(a.status), sb = status_order(b.status);
    if (sa != sb) return sa < sb;
    if (a.status == DossierStatus::ok && sort_key(a.total) != sort_key(b.total))
      return sort_key(a.total) > sort_key(b.total);
    return a.dossier < b.dossier;
  });
  std::size_t ranked = 0;
  while (ranked < rows.size() && rows[ranked].status == DossierStatus::ok) ++ranked;

  // Tie groups: walking down the totals, one within the tolerance of the previous one joins
  // its group. Each group is then listed by id and shares the rank of its first place.
  for (std::size_t first = 0; first < ranked;) {
    std::size_t end = first + 1;
    while (end < ranked && std::fabs(rows[end - 1].total - rows[end].total) < tolerance) ++end;
    std::sort(rows.begin() + static_cast<std::ptrdiff_t>(first),
              rows.begin() + static_cast<std::ptrdiff_t>(end),
              [](const RankRow& a, const RankRow& b) { return a.dossier < b.dossier; });
    for (std::size_t i = first; i < end; ++i) rows[i].rank = first + 1;
    first = end;
  }

  FundingLine line;
  line.budget = budget;
  double cumulative = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RankRow& row = rows[i];
    row.funded = false;
    row.would_fit = false;
    if (i >= ranked) {
      row.rank.reset();
      row.cumulative.reset();
      continue;
    }
    cumulative += row.requested.value_or(0);
    row.cumulative = cumulative;
    if (!budget || line.first_unfunded) continue;
    if (cumulative <= *budget + tolerance) {
      row.funded = true;
      ++line.funded_count;
      line.funded_total = cumulative;
    } else {
      line.first_unfunded = i;
    }
  }
  if (line.first_unfunded) {
    for (std::size_t i = *line.first_unfunded + 1; i < ranked; ++i) {
      if (rows[i].requested.value_or(0) <= line.remaining() + tolerance) {
        rows[i].would_fit = true;
        line.would_fit.push_back(i);
      }
    }
  }
  return line;
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

void resolve_decisions(std::vector<RankRow>& rows, const Grid& grid, Language language) {
  const ReportWords& words = report_words(language);
  for (RankRow& row : rows) {
    switch (row.status) {
      case DossierStatus::ok:
        row.decision = row.band < grid.decision.size() ? grid.decision[row.band].label : "";
        break;
      case DossierStatus::ineligible:
        row.decision = std::string(words.ineligible);
        break;
      case DossierStatus::incomplete:
        row.decision = std::string(words.incomplete);
        break;
    }
  }
}

std::vector<std::string> decision_labels(const Grid& grid, Language language) {
  std::vector<std::string> labels;
  auto add = [&](const std::string& label) {
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  };
  for (auto band = grid.decision.rbegin(); band != grid.decision.rend(); ++band) add(band->label);
  add(std::string(report_words(language).ineligible));
  add(std::string(report_words(language).incomplete));
  return labels;
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

std::vector<GroupSummary> summarise_groups(const std::vector<RankRow>& rows, GroupKey key,
                                           const std::vector<std::string>& labels) {
  std::map<std::string, GroupSummary> by_value;
  std::map<std::string, std::vector<double>> totals;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RankRow& row = rows[i];
    const std::string& value = group_value(row, key);
    GroupSummary& g = by_value[value];
    if (g.count == 0) {
      g.value = value;
      for (const auto& label : labels) g.decisions.emplace_back(label, 0);
    }
    ++g.count;
    g.rows.push_back(i);
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
    if (row.rank) totals[value].push_back(row.total);
  }
  std::vector<GroupSummary> out;
  out.reserve(by_value.size());
  for (auto& [value, g] : by_value) {
    auto it = totals.find(value);
    if (it != totals.end() && !it->second.empty()) {
      std::vector<double>& t = it->second;
      g.ranked = t.size();
      double sum = 0;
      for (double v : t) sum += v;
      g.mean = sum / static_cast<double>(t.size());
      std::sort(t.begin(), t.end());
      std::size_t n = t.size();
      g.median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace ess
