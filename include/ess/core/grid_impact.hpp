#pragma once
// `grid impact`: what a change of grid does to real dossiers — each scored under OLD and NEW,
// totals, ranks, decisions and statuses before and after, the criteria that moved each total,
// and a summary (decisions changed, dossiers NEW makes invalid, Kendall's tau of the rankings).
// Dossiers name their grid by id; a pinned version is not checked here: the point is to score
// the same dossiers under both versions.
#include <optional>
#include <string>
#include <vector>

#include "ess/core/scoring.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"

namespace ess {

// One dossier under one grid.
struct ImpactSide {
  bool valid = false;  // validated without error and scored
  double total = 0;
  DossierStatus status = DossierStatus::ok;
  std::string decision;                                // as the report shows it ("" when not valid)
  std::optional<std::size_t> rank;                     // competition rank among the ok dossiers
  std::vector<std::pair<std::string, double>> points;  // per leaf: 100·ew·s, grid order
  std::vector<Diagnostic> diagnostics;                 // validation and scoring, against this grid
};

// A leaf's contribution to the total before and after (0 where it is not scored or absent).
struct CriterionShift {
  std::string criterion;
  double before = 0, after = 0;
  double delta() const { return after - before; }
};

struct ImpactRow {
  std::string dossier, title, file;
  ImpactSide before, after;
  std::vector<CriterionShift> shifts;  // the leaves that moved the total most, |Δ| desc, ≤ 3

  std::optional<double> delta() const {
    if (!before.valid || !after.valid) return std::nullopt;
    return after.total - before.total;
  }
  // The outcome changed: another decision, or valid on one side only.
  bool decision_changed() const {
    return before.valid != after.valid || (before.valid && before.decision != after.decision);
  }
};

struct DecisionTransition {
  std::string before, after;          // decision labels; "" for a dossier invalid on that side
  std::vector<std::string> dossiers;  // ids
};

struct GridIdentity {
  std::string id, version, file, sha256;
};

struct ImpactReport {
  GridIdentity old_grid, new_grid;
  Language language = Language::fr;
  std::vector<ImpactRow> rows;  // |delta| desc, then id; rows without a delta last, by id
  std::vector<DecisionTransition> transitions;  // by (before, after)
  std::size_t decisions_changed = 0;
  std::vector<std::size_t> invalid_under_new;  // indices in rows, by id
  std::size_t ranked_in_both = 0;
  std::optional<double> kendall_tau;    // τ-b between the two rankings; none below 2 dossiers
  std::vector<Diagnostic> diagnostics;  // about the files themselves (unreadable, not dossiers)
};

// Validates a copy of the dossier against the grid, scores it, and reduces it to one side
// (whether the dossier belongs to the comparison at all, by its grid id, is the caller's check).
ImpactSide score_side(const GridIndex& index, const Dossier& dossier, const ScoreOptions& options,
                      Language language);

// One row: the dossier under both grids, with the criteria that moved its total most.
ImpactRow impact_row(const GridIndex& old_index, const GridIndex& new_index, const Dossier& dossier,
                     const ScoreOptions& options, Language language);

// Ranks both sides, sorts the rows, and fills the summary.
ImpactReport summarise_impact(const Grid& old_grid, const Grid& new_grid,
                              std::vector<ImpactRow> rows, Language language);

// Kendall's τ-b of paired observations: (concordant − discordant) / √((n0 − n1)(n0 − n2)),
// with values within the scoring tolerance counted as ties. None when undefined (fewer than
// two pairs, or one side all tied).
std::optional<double> kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace ess
