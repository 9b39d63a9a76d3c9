#pragma once
// Aggregation up the criteria tree (§2.3), on a vector of leaf scores: the one computation
// that totals, points to gain, the path to the next band and the assessors' totals share.
#include <optional>
#include <vector>

#include "ess/core/assessor_views.hpp"
#include "ess/core/scoring.hpp"

namespace ess {

struct Tree {
  std::vector<const Criterion*> nodes;  // depth-first, grid order
  std::vector<std::vector<std::size_t>> children;
  std::vector<std::size_t> axes;
  std::vector<double> weights;  // the grid's, per node; sensitivity analysis perturbs a copy
};

Tree build_tree(const Grid& grid);

// s per criterion: leaves given (nullopt = left out: N/A or missing), nodes computed.
struct Evaluation {
  std::vector<std::optional<double>> s;
  std::optional<double> total;  // 0..100; nullopt when nothing at all is scored
};

Evaluation evaluate(const Tree& tree, std::vector<std::optional<double>> leaf_s);

// Effective weights for the criteria that `s` includes (0 for the others).
std::vector<double> effective_weights(const Tree& tree,
                                      const std::vector<std::optional<double>>& s);

// An assessment's own leaf scores: its values where it gave one (and no consensus overrides
// it), the consolidated ones elsewhere. `scored_any`: whether it scored or marked any leaf.
// The one rule for assessors' own totals (assessor_views.cpp).
std::vector<std::optional<double>> own_leaf_scores(const DossierResult& result,
                                                   std::size_t assessment, bool& scored_any);

// assessor_views (assessor_views.hpp) on a tree already built: scoring asks it for every dossier.
std::vector<AssessorView> assessor_views(const Tree& tree, const DossierResult& result);

}  // namespace ess
