#pragma once
// `grid impact`: what a change of grid does to real dossiers — each scored under OLD and NEW,
// totals, ranks, decisions and statuses before and after, the criteria that moved each total,
// and a summary (decisions changed, dossiers NEW makes invalid, Kendall's tau of the rankings).
// Dossiers name their grid by id; a pinned version is not checked here: the point is to score
// the same dossiers under both versions.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ess/core/ranking.hpp"
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

struct TransitionCount {
  std::string before, after;  // as DecisionTransition
  std::size_t count = 0;
};

struct GridIdentity {
  std::string id, version, file, sha256;
};
GridIdentity grid_identity(const Grid& grid);

// The summary of a comparison, built row by row (ImpactSummaryBuilder): a batch of any size
// is summarised holding the counts and two ranks per dossier, never the rows.
struct ImpactSummary {
  std::size_t rows = 0;                      // dossiers compared
  std::size_t valid_in_both = 0;             // scored under both grids
  std::size_t decisions_changed = 0;         // decision_changed()
  std::size_t invalid_under_new = 0;         // not valid under NEW
  std::size_t ranked_in_both = 0;            // with a rank under both grids
  std::vector<TransitionCount> transitions;  // by (before, after)
  std::optional<double> kendall_tau;         // τ-b between the two rankings; none below 2 dossiers
};

class ImpactSummaryBuilder {
 public:
  explicit ImpactSummaryBuilder(std::size_t rows = 0);  // rows: room for their ranks at once
  void add(const ImpactRow& row);                       // any order, ranks given (ImpactRanker)
  ImpactSummary finish() &&;

 private:
  ImpactSummary summary_;
  std::map<std::pair<std::string, std::string>, std::size_t> transitions_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranks_;  // before, after: 8 bytes a row
};

// The orders of a comparison, as byte strings (memcmp order), so that a batch too large to hold
// can go through external sorts:
// - the ranking of one side (§2.6, rank_key): ok dossiers by total, highest first, then the
//   others; assign the ranks by reading rows in this order through ImpactRanker;
// - the report's rows: |delta| largest first (noise below the tolerance ignored), then id, then
//   file; rows without a delta last, by id.
std::string impact_rank_key(const ImpactRow& row, bool after);
std::string impact_row_key(const ImpactRow& row);

// Competition ranks of one side, for rows met in impact_rank_key order.
class ImpactRanker {
 public:
  explicit ImpactRanker(bool after) : after_(after) {}
  void rank(ImpactRow& row);

 private:
  bool after_;
  CompetitionRanks ranks_;
};

// Rows as bytes and back, for a batch's temporary files. The per-leaf points are not kept (the
// shifts are computed from them already), nor the diagnostics of a side that is valid.
void encode_impact_row(const ImpactRow& row, std::string& out);
ImpactRow decode_impact_row(std::string_view bytes);  // throws std::runtime_error on bad bytes

// A comparison held in memory, every table in report order: what summarise_impact builds from
// rows already scored (through the same keys, ranker and summary as a streamed batch).
struct ImpactTables {
  GridIdentity old_grid, new_grid;
  std::vector<ImpactRow> rows;                  // impact_row_key order
  std::vector<DecisionTransition> transitions;  // by (before, after), ids sorted
  std::vector<std::size_t> invalid_under_new;   // indices in rows, by id
  ImpactSummary summary;
};

// Validates a copy of the dossier against the grid, scores it, and reduces it to one side
// (whether the dossier belongs to the comparison at all, by its grid id, is the caller's check).
ImpactSide score_side(const GridIndex& index, const Dossier& dossier, const ScoreOptions& options,
                      Language language);

// One row: the dossier under both grids, with the criteria that moved its total most.
ImpactRow impact_row(const GridIndex& old_index, const GridIndex& new_index, const Dossier& dossier,
                     const ScoreOptions& options, Language language);

// Ranks both sides, sorts the rows, and fills the summary.
ImpactTables summarise_impact(const Grid& old_grid, const Grid& new_grid,
                              std::vector<ImpactRow> rows);

// Kendall's τ-b of paired observations: (concordant − discordant) / √((n0 − n1)(n0 − n2)),
// with values within the scoring tolerance counted as ties (a run of close values is one tie,
// as in a ranking). None when undefined (fewer than two pairs, or one side all tied).
// O(n log n) (Knight's algorithm): a batch of 50 000 dossiers is compared in milliseconds.
std::optional<double> kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);
// The same for pairs of ranks (ties exact), in their own memory and 4 bytes a pair more.
std::optional<double> kendall_tau_b(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs);

}  // namespace ess
