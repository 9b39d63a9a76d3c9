#pragma once
// What scoring finds out about one dossier (§2), as plain data: every criterion's value, score,
// weight and gap, the decision's inputs, the facts. Built by the core (score_dossier), read by
// the renderers; nothing here computes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/model.hpp"

namespace ess {

enum class Consolidation : std::uint8_t { mean, median, min };

const char* consolidation_token(Consolidation consolidation);             // mean | median | min
std::optional<Consolidation> parse_consolidation(std::string_view name);  // --consolidate

struct FactValue {
  enum class Why : std::uint8_t {
    defined,
    not_given,
    zero_denominator,
    undefined_operand,
    no_total,
    negative_amount,
    overflow
  };
  std::optional<double> value;
  Why why = Why::defined;
  std::string operand;  // the operand that left it undefined, for undefined_operand
};

inline constexpr double tolerance = 1e-9;  // totals, thresholds and bands compare with it

enum class CriterionStatus : std::uint8_t { scored, na, missing };
// §2.4 and §2.6: ok, ineligible, incomplete, not-assessed (no assessment but the applicant's own:
// an indicative total, never ranked or funded), in this order of report. `invalid` is never a
// score's: it is the status of a rank row for a file refused by validation.
enum class DossierStatus : std::uint8_t { ok, ineligible, incomplete, not_assessed, invalid };

// One assessment's word on a leaf.
struct AssessorScore {
  std::size_t assessment = 0;  // index in Dossier::assessments
  bool na = false;
  double value = 0;  // scale units (when not na)
  double s = 0;
  const ScoreEntry* entry = nullptr;
};

struct CriterionResult {
  const Criterion* criterion = nullptr;
  std::string path;  // ids from the top: "gouvernance/participation"
  int depth = 0;
  std::size_t parent = static_cast<std::size_t>(-1);  // index in DossierResult::criteria
  CriterionStatus status = CriterionStatus::missing;

  std::optional<double> value;          // leaves: consolidated value used (consensus if any)
  std::optional<double> s;              // leaves: normalised; nodes: aggregate, both in [0, 1]
  std::string level;                    // label of `value` when it is exactly a level (or yes/no)
  double weight = 0;                    // as in the grid
  double effective_weight = 0;          // product of w/Σw along the path; 0 when left out
  double nominal_effective_weight = 0;  // the same with every criterion scored (grid view)

  // leaves only
  std::optional<double> target, s_target;
  std::optional<double> gap;             // scale units
  std::optional<double> points_to_gain;  // on the total
  std::optional<double> consolidated;    // the statistic over assessors, before consensus
  const ScoreEntry* consensus = nullptr;
  std::vector<AssessorScore> counted;  // the assessments consolidation used
  std::vector<AssessorScore> self;     // self-assessments, set apart
  std::optional<double> spread;        // max s − min s over counted values
  bool disagreement = false;           // spread ≥ grid's disagreement
  bool straddles_band = false;         // highest vs lowest assessor: different decisions
  std::optional<double> self_s, self_gap;
  bool partial_na = false;  // some counted assessors said N/A, others scored
  // The assessments (any role, dossier order) with no entry for this leaf: §1.2 omissions when
  // the leaf is scored or N/A from the others, the reason when it is missing. Assessed leaves.
  std::vector<std::size_t> omitted_by;
  std::optional<double> fact_value;  // `from:` leaves
  FactValue::Why fact_why = FactValue::Why::defined;
  std::string fact_operand;
  std::optional<double> points_moved;  // N/A leaves: points its weight carried to siblings

  // every criterion with a minimum
  bool below_minimum = false;
  bool eliminatory_failure = false;

  bool is_leaf() const { return criterion->is_leaf(); }
  // §1.2: an omission — left out by some assessments, scored or N/A from the others.
  bool omission() const { return status != CriterionStatus::missing && !omitted_by.empty(); }
};

struct PathStep {
  std::size_t criterion = 0;  // index in DossierResult::criteria
  double points_to_gain = 0;  // as ranked
  double total_after = 0;
};

struct PathToNextBand {
  std::optional<std::size_t> next_band;  // index in Grid::decision; none at the top band
  bool reachable = false;
  std::vector<PathStep> steps;
};

struct DossierResult {
  const Dossier* dossier = nullptr;
  const Grid* grid = nullptr;
  double total = 0;  // 0..100, unrounded
  DossierStatus status = DossierStatus::ok;
  std::optional<std::size_t> band;        // band of the total, whatever the status
  std::vector<CriterionResult> criteria;  // depth-first, file order (grid order)
  std::vector<std::size_t> axes;          // the top-level criteria's indices
  PathToNextBand path;
  std::vector<std::size_t> eliminatory_failures;
  std::vector<std::size_t> threshold_failures;  // eliminatory or not
  std::vector<std::size_t> na, missing;         // leaves
  std::vector<FactValue> facts;                 // one per grid fact
  bool self_only = false;                       // no assessment but self-assessments
  bool assessors_straddle_band = false;         // assessors' own totals fall in different bands
  Consolidation consolidation = Consolidation::mean;
};

// ok | ineligible | incomplete | not-assessed | invalid
const char* status_token(DossierStatus status);
const char* criterion_status_token(CriterionStatus status);  // scored | na | missing

}  // namespace ess
