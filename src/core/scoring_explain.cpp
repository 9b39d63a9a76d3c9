// What the numbers mean for the applicant: thresholds, status, points to gain, the path to
// the next band, where assessors' disagreement would change the decision, N/A redistribution.
#include <algorithm>

#include "ess/core/scoring.hpp"
#include "scoring_tree.hpp"

namespace ess {

namespace {

std::vector<std::optional<double>> current_leaves(const DossierResult& result) {
  std::vector<std::optional<double>> s(result.criteria.size());
  for (std::size_t i = 0; i < result.criteria.size(); ++i)
    if (result.criteria[i].is_leaf()) s[i] = result.criteria[i].s;
  return s;
}

double total_of(const Tree& tree, const std::vector<std::optional<double>>& s) {
  return evaluate(tree, s).total.value_or(0);
}

void classify(DossierResult& result) {
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    CriterionResult& r = result.criteria[i];
    if (r.below_minimum) {
      result.threshold_failures.push_back(i);
      if (r.criterion->eliminatory) {
        r.eliminatory_failure = true;
        result.eliminatory_failures.push_back(i);
      }
    }
    if (!r.is_leaf()) continue;
    if (r.status == CriterionStatus::na) result.na.push_back(i);
    if (r.status == CriterionStatus::missing) result.missing.push_back(i);
  }
  result.band = band_of(*result.grid, result.total);
  result.status = dossier_status(is_not_assessed(*result.grid, *result.dossier),
                                 !result.eliminatory_failures.empty(), !result.missing.empty());
}

void points_to_gain(const Tree& tree, DossierResult& result) {
  auto base = current_leaves(result);
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    CriterionResult& r = result.criteria[i];
    if (!r.is_leaf() || !r.s) continue;
    if (*r.s >= *r.s_target - tolerance) {
      r.points_to_gain = 0.0;
      continue;
    }
    auto raised = base;
    raised[i] = r.s_target;
    r.points_to_gain = total_of(tree, raised) - result.total;
  }
}

void path_to_next_band(const Tree& tree, DossierResult& result) {
  const Grid& grid = *result.grid;
  if (result.status == DossierStatus::ineligible || *result.band + 1 >= grid.decision.size())
    return;
  std::size_t next = *result.band + 1;
  result.path.next_band = next;
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    const CriterionResult& r = result.criteria[i];
    if (r.is_leaf() && r.s && *r.s < *r.s_target - tolerance) candidates.push_back(i);
  }
  std::sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    const CriterionResult& ra = result.criteria[a];
    const CriterionResult& rb = result.criteria[b];
    if (*ra.points_to_gain != *rb.points_to_gain) return *ra.points_to_gain > *rb.points_to_gain;
    return ra.criterion->id < rb.criterion->id;
  });
  auto s = current_leaves(result);
  for (std::size_t i : candidates) {
    s[i] = result.criteria[i].s_target;
    double total = total_of(tree, s);
    result.path.steps.push_back({i, *result.criteria[i].points_to_gain, total});
    if (total >= grid.decision[next].min - tolerance) {
      result.path.reachable = true;
      return;
    }
  }
}

// The decision each end of a leaf's spread would give, everything else as consolidated.
void straddles(const Tree& tree, DossierResult& result, bool per_leaf) {
  const Grid& grid = *result.grid;
  auto base = current_leaves(result);
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    CriterionResult& r = result.criteria[i];
    if (!r.is_leaf() || !r.spread) continue;
    r.disagreement = *r.spread >= grid.disagreement - tolerance;
    if (!per_leaf) continue;
    double lo = 1, hi = 0;
    for (const auto& a : r.counted)
      if (!a.na) lo = std::min(lo, a.s), hi = std::max(hi, a.s);
    auto low = base, high = base;
    low[i] = lo;
    high[i] = hi;
    r.straddles_band = band_of(grid, total_of(tree, low)) != band_of(grid, total_of(tree, high));
  }
  // Each counted assessor's own total (assessor_views), the self-assessment set apart.
  std::optional<std::size_t> first_band;
  for (const AssessorView& view : assessor_views(tree, result)) {
    if (result.dossier->assessments[view.assessment].role == Role::self && !result.self_only)
      continue;
    std::size_t band = view.band.value_or(0);
    if (first_band && *first_band != band) result.assessors_straddle_band = true;
    if (!first_band) first_band = band;
  }
}

// For an N/A leaf: what its weight would have carried, at the level of what received it.
void points_moved(const Tree& tree, DossierResult& result) {
  auto base = current_leaves(result);
  Evaluation now = evaluate(tree, base);
  for (std::size_t i : result.na) {
    auto with = base;
    with[i] = 0.0;  // included, so its would-be weight is known; the value does not matter
    double would = effective_weights(tree, evaluate(tree, with).s)[i];
    std::size_t up = result.criteria[i].parent;
    while (up != static_cast<std::size_t>(-1) && !now.s[up]) up = result.criteria[up].parent;
    double receiving = up == static_cast<std::size_t>(-1) ? result.total / 100 : *now.s[up];
    result.criteria[i].points_moved = 100 * would * receiving;
  }
}

}  // namespace

void explain_result(const Tree& tree, DossierResult& result, bool explain) {
  classify(result);
  if (explain) {
    points_to_gain(tree, result);
    path_to_next_band(tree, result);
  }
  straddles(tree, result, explain);
  if (explain) points_moved(tree, result);
}

}  // namespace ess
