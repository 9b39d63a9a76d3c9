#pragma once
// How much each decision owes to the exact weights: weights perturbed at random (Monte Carlo),
// and one at a time, on dossiers already scored under one grid.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "ess/core/scoring.hpp"

namespace ess {

struct SensitivityOptions {
  double spread = 0.2;  // each weight × a factor drawn uniformly in [1 − spread, 1 + spread]
  unsigned samples = 1000;
  std::uint64_t seed = 1;
  unsigned jobs = 1;
};

// Outcomes are indexed: the grid's bands in order, then ineligible, then incomplete.
struct DossierSensitivity {
  std::vector<double> outcome_probability;
  std::optional<unsigned> rank_p5, rank_p95;  // among dossiers ok in the same sample
  double total_p5 = 0, total_p95 = 0;
};

struct CriterionInfluence {
  std::size_t criterion = 0;       // index in DossierResult::criteria (grid order)
  unsigned decisions_changed = 0;  // dossiers whose outcome changes at weight × (1 ± spread)
  double mean_abs_delta = 0;       // mean |Δ total| over dossiers and both directions
};

struct SensitivityResult {
  std::vector<DossierSensitivity> dossiers;   // parallel to the input
  std::vector<CriterionInfluence> influence;  // most influential first
  std::size_t outcome_count = 0;
};

// All results must come from the same grid. Deterministic for a seed, whatever `jobs`.
// `on_sample`, when given, is called after each Monte Carlo sample, from any worker thread: the
// hook of a progress line (the core itself never prints).
SensitivityResult analyse_sensitivity(const std::vector<const DossierResult*>& results,
                                      const SensitivityOptions& options,
                                      const std::function<void()>& on_sample = {});

}  // namespace ess
