#pragma once
// How much each decision owes to the exact weights: weights perturbed at random (Monte Carlo),
// and one at a time, on dossiers already scored under one grid. Each dossier is held as a
// SensitivityDossier — its leaf scores and what decides its status, about a hundred bytes for
// the built-in grid — never as the loaded dossier: a batch of any size fits.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/core/scoring.hpp"

namespace ess {

struct SensitivityOptions {
  double spread = 0.2;  // each weight × a factor drawn uniformly in [1 − spread, 1 + spread]
  unsigned samples = 1000;
  std::uint64_t seed = 1;
  unsigned jobs = 1;
};

// One scored dossier, reduced to what rescoring under other weights needs (and the report
// shows). Leaf thresholds and missing leaves do not move with the weights; node minimums do.
struct SensitivityDossier {
  std::string id, title;
  double total = 0;
  DossierStatus status = DossierStatus::ok;
  std::size_t band = 0;
  std::vector<double> leaf_s;  // per criterion, grid order: s of a scored leaf, NaN otherwise
  std::vector<std::uint32_t> eliminatory_leaves;  // leaves below an eliminatory minimum
  bool missing = false;                           // a leaf neither scored nor N/A
};

SensitivityDossier sensitivity_dossier(const DossierResult& result);
void encode_sensitivity_dossier(const SensitivityDossier& dossier, std::string& out);
SensitivityDossier decode_sensitivity_dossier(std::string_view bytes);  // throws on bad bytes

// Outcomes are indexed: the grid's bands in order, then ineligible, incomplete, not assessed.
struct DossierSensitivity {
  std::vector<double> outcome_probability;
  std::optional<unsigned> rank_p5, rank_p95;  // among dossiers ok in the same sample
  double total_p5 = 0, total_p95 = 0;
};

struct CriterionInfluence {
  std::size_t criterion = 0;        // index in grid order (depth-first, as DossierResult)
  const Criterion* node = nullptr;  // in the grid analysed
  std::string path;                 // ids from the top: "gouvernance/transparence"
  unsigned decisions_changed = 0;   // dossiers whose outcome changes at weight × (1 ± spread)
  double mean_abs_delta = 0;        // mean |Δ total| over dossiers and both directions
};

struct SensitivityResult {
  std::vector<DossierSensitivity> dossiers;   // parallel to the input
  std::vector<CriterionInfluence> influence;  // most influential first
  std::size_t outcome_count = 0;
};

// All dossiers must come from `grid`. Deterministic for a seed, whatever `jobs`. Memory: the
// dossiers, plus for each the tails of its totals and ranks that the 5 and 95 % percentiles
// need (about a tenth of the samples), never samples × dossiers.
// `on_sample`, when given, is called after each Monte Carlo sample, from any worker thread: the
// hook of a progress line (the core itself never prints).
SensitivityResult analyse_sensitivity(const Grid& grid,
                                      const std::vector<SensitivityDossier>& dossiers,
                                      const SensitivityOptions& options,
                                      const std::function<void()>& on_sample = {});

}  // namespace ess
