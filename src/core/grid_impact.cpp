// `grid impact`: dossiers scored under two grids, compared. Ranks come from ranking.hpp (the
// same competition ranking and tie tolerance as `rank`), decision words from
// ess/model/decision.hpp; rendered by ess/report/grid_impact_render.hpp.
#include "ess/core/grid_impact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "ess/core/ranking.hpp"
#include "ess/core/validate.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"

namespace ess {

ImpactSide score_side(const GridIndex& index, const Dossier& dossier, const ScoreOptions& options,
                      Language language) {
  ImpactSide side;
  Dossier copy = dossier;  // validation resolves values on the grid's scales: one copy per grid
  Diagnostics diags(dossier.file);
  validate_dossier(index, copy, diags);
  std::optional<DossierResult> result;
  if (!diags.has_errors()) result = score_dossier(index, copy, options, diags);
  side.diagnostics = std::move(diags.items());
  if (!result) return side;
  side.valid = true;
  side.total = result->total;
  side.status = result->status;
  side.decision = decision_label(*result, language);
  for (const auto& c : result->criteria)
    if (c.is_leaf())
      side.points.emplace_back(c.criterion->id, 100 * c.effective_weight * c.s.value_or(0));
  return side;
}

namespace {

std::vector<CriterionShift> shifts_of(const ImpactSide& before, const ImpactSide& after) {
  std::map<std::string, CriterionShift> by_id;
  for (const auto& [id, p] : before.points) {
    by_id[id].criterion = id;
    by_id[id].before = p;
  }
  for (const auto& [id, p] : after.points) {
    by_id[id].criterion = id;
    by_id[id].after = p;
  }
  std::vector<CriterionShift> out;
  for (const auto& [id, s] : by_id)
    if (std::fabs(s.delta()) > tolerance) out.push_back(s);
  std::stable_sort(out.begin(), out.end(), [](const CriterionShift& a, const CriterionShift& b) {
    return std::fabs(a.delta()) > std::fabs(b.delta());
  });
  if (out.size() > 3) out.resize(3);
  return out;
}

// Sorting key of |delta| that ignores floating-point noise below the tolerance.
long long magnitude_key(double delta) {
  return std::llround(std::fabs(delta) / tolerance);
}

void assign_ranks(std::vector<ImpactRow>& rows, bool after) {
  std::vector<RankRow> ranking;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ImpactSide& side = after ? rows[i].after : rows[i].before;
    if (!side.valid) continue;
    RankRow r;
    r.dossier = rows[i].dossier;
    r.file = std::to_string(i);  // the way back to the row
    r.total = side.total;
    r.status = side.status;
    ranking.push_back(std::move(r));
  }
  rank_rows(ranking, std::nullopt);
  for (const auto& r : ranking) {
    ImpactSide& side = after ? rows[std::stoul(r.file)].after : rows[std::stoul(r.file)].before;
    if (r.rank) side.rank = *r.rank;
  }
}

int sign_of(double d) {
  return std::fabs(d) < tolerance ? 0 : (d > 0 ? 1 : -1);
}

}  // namespace

ImpactRow impact_row(const GridIndex& old_index, const GridIndex& new_index, const Dossier& dossier,
                     const ScoreOptions& options, Language language) {
  ImpactRow row;
  row.dossier = dossier.id;
  row.title = dossier.title;
  row.file = dossier.file;
  row.before = score_side(old_index, dossier, options, language);
  row.after = score_side(new_index, dossier, options, language);
  if (row.before.valid && row.after.valid) row.shifts = shifts_of(row.before, row.after);
  return row;
}

std::optional<double> kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return std::nullopt;
  double concordant = 0, discordant = 0, ties_x = 0, ties_y = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      int sx = sign_of(x[i] - x[j]), sy = sign_of(y[i] - y[j]);
      if (sx == 0) ties_x += 1;
      if (sy == 0) ties_y += 1;
      if (sx * sy > 0) concordant += 1;
      if (sx * sy < 0) discordant += 1;
    }
  double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  double denominator = std::sqrt((pairs - ties_x) * (pairs - ties_y));
  if (denominator <= 0) return std::nullopt;
  return (concordant - discordant) / denominator;
}

ImpactReport summarise_impact(const Grid& old_grid, const Grid& new_grid,
                              std::vector<ImpactRow> rows, Language language) {
  ImpactReport report;
  report.old_grid = {old_grid.id, old_grid.version, old_grid.file, old_grid.sha256};
  report.new_grid = {new_grid.id, new_grid.version, new_grid.file, new_grid.sha256};
  report.language = language;
  assign_ranks(rows, false);
  assign_ranks(rows, true);
  std::sort(rows.begin(), rows.end(), [](const ImpactRow& a, const ImpactRow& b) {
    auto da = a.delta(), db = b.delta();
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && magnitude_key(*da) != magnitude_key(*db))
      return magnitude_key(*da) > magnitude_key(*db);
    return std::tie(a.dossier, a.file) < std::tie(b.dossier, b.file);
  });
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> transitions;
  std::vector<double> rank_before, rank_after;
  std::vector<std::pair<std::string, std::size_t>> invalid;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ImpactRow& r = rows[i];
    if (r.decision_changed()) {
      ++report.decisions_changed;
      transitions[{r.before.decision, r.after.decision}].push_back(r.dossier);
    }
    if (!r.after.valid) invalid.emplace_back(r.dossier, i);
    if (r.before.rank && r.after.rank) {
      rank_before.push_back(static_cast<double>(*r.before.rank));
      rank_after.push_back(static_cast<double>(*r.after.rank));
    }
  }
  for (auto& [key, ids] : transitions) {
    std::sort(ids.begin(), ids.end());
    report.transitions.push_back({key.first, key.second, ids});
  }
  std::sort(invalid.begin(), invalid.end());
  for (const auto& [id, i] : invalid) report.invalid_under_new.push_back(i);
  report.ranked_in_both = rank_before.size();
  report.kendall_tau = kendall_tau_b(rank_before, rank_after);
  report.rows = std::move(rows);
  return report;
}

}  // namespace ess
