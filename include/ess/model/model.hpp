#pragma once
// The grid and the dossier as plain structs, each value with the position it was read at.
// Built by the loaders (load.hpp); checked by the validators (validate.hpp); read by scoring.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ess/model/diagnostic.hpp"

namespace ess {

enum class Language : std::uint8_t { fr, en };

// ---------------------------------------------------------------- grid

enum class ScaleType : std::uint8_t { levels, yesno, numeric };
enum class Better : std::uint8_t { higher, lower };

struct Level {
  double value = 0;
  std::string label;
  std::string description;
  Pos pos;
};

struct ValuePoint {  // a point of a value function: x in the scale's units, s in [0, 1]
  double x = 0;
  double s = 0;
};

struct Scale {
  std::string id;
  ScaleType type = ScaleType::levels;
  std::string title;
  std::string description;
  std::string unit;
  std::vector<Level> levels;       // levels: in file order
  std::optional<double> min, max;  // numeric bounds
  Better better = Better::higher;  // numeric linear only
  std::vector<ValuePoint> points;  // numeric, piecewise-linear
  std::vector<ValuePoint> steps;   // numeric, step function
  Pos pos;
};

enum class FactOp : std::uint8_t { declared, constant, sum, product, ratio, diversity };

struct Fact {
  std::string id;
  std::string title;
  std::string unit;
  std::string description;
  FactOp op = FactOp::declared;
  double constant = 0;
  std::vector<std::string> operands;
  Pos pos;
};

enum class Aggregation : std::uint8_t { weighted_mean, weighted_geometric, min };
enum class EvidencePolicy : std::uint8_t { recommended, required, none };

struct Criterion {
  std::string id;
  std::string title;
  std::string description;
  double weight = 1;
  Aggregation aggregation = Aggregation::weighted_mean;
  std::optional<double> minimum;  // nodes: 0..100; leaves: the scale's units (labels resolved)
  bool eliminatory = false;
  std::vector<Criterion> children;
  // leaves
  std::string scale;
  std::string from;              // fact id, when the value comes from the dossier's facts
  std::optional<double> target;  // the scale's units; absent: the scale's best
  EvidencePolicy evidence = EvidencePolicy::recommended;
  bool allow_na = false;
  std::string guidance;
  Pos pos;
  Pos weight_pos, target_pos, minimum_pos;

  bool is_leaf() const { return children.empty(); }
};

struct Band {
  double min = 0;
  std::string label;
  std::optional<bool> fundable;  // as written; band_fundable() (decision.hpp) says the default
  Pos pos;
  Pos fundable_pos;
};

struct Grid {
  std::string id;
  std::string version;
  std::string title;
  Language language = Language::fr;
  std::string currency = "EUR";  // ISO 4217: how amounts are written (number_words.hpp)
  std::string description;
  std::vector<Scale> scales;
  std::vector<Fact> facts;
  std::vector<Criterion> criteria;  // the top-level nodes (axes)
  std::vector<Band> decision;
  double disagreement = 0.34;
  std::string file;    // where it was read from (or "<built-in>/...")
  std::string sha256;  // of the bytes as read
  Pos pos;

  const Scale* find_scale(const std::string& id) const;
  const Fact* find_fact(const std::string& id) const;
};

// ---------------------------------------------------------------- dossier

enum class Role : std::uint8_t { analyst, self, partner, committee };

// One entry of `scores:` or `consensus:`, as written; resolved against the grid by validation.
struct ScoreEntry {
  std::string criterion;
  Pos pos;  // of the criterion key
  enum class Kind : std::uint8_t { value, na } kind = Kind::value;
  std::string raw;  // the level, value or yes/no as written
  bool raw_quoted = false;
  bool raw_is_level = false;  // given with `level:` rather than `value:`
  Pos value_pos;
  double value = 0;  // resolved, in the scale's units (set by validate_dossier)
  bool resolved = false;
  std::string na_reason;
  std::string evidence;
  std::string comment;
  std::string note;  // consensus: the committee's note
};

struct Assessment {
  std::string assessor;
  Role role = Role::analyst;
  std::string date;
  std::vector<ScoreEntry> scores;
  Pos pos;
};

struct DeclaredFact {
  std::string id;
  double value = 0;
  Pos pos;
};

struct Dossier {
  std::string id;
  std::string title;
  std::string applicant;
  std::string grid_id;
  std::string grid_version;  // empty: not pinned
  std::string call, territory, theme;
  std::optional<double> requested;
  std::string siret, rna;              // checked by the loader (identifiers.hpp)
  std::optional<double> project_cost;  // the project's total cost
  std::optional<double> awarded;       // after the committee: the amount it awarded
  std::vector<DeclaredFact> facts;
  std::vector<Assessment> assessments;
  std::vector<ScoreEntry> consensus;
  std::string file;
  Pos pos, grid_pos;
  Pos siret_pos, rna_pos, awarded_pos;
};

const char* role_name(Role r);  // the English token, as JSON and CSV write it
// analyst | self | partner | committee, or their French names analyste | auto-évaluation
// (auto-evaluation) | partenaire | comité (comite), in any case.
std::optional<Role> parse_role(std::string_view word);
std::vector<std::string> role_words();  // every word parse_role takes, for suggestions
const char* aggregation_name(Aggregation a);

// Visits criteria depth-first, parents before children, in file order.
template <class F>
void for_each_criterion(const std::vector<Criterion>& nodes, F&& f, int depth = 0) {
  for (const auto& c : nodes) {
    f(c, depth);
    for_each_criterion(c.children, f, depth + 1);
  }
}

}  // namespace ess
