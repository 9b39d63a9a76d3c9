#pragma once
// A dossier's facts: declared ones, the grid's constants, and the ones derived from them.
#include <optional>
#include <string>
#include <vector>

#include "ess/grid_index.hpp"
#include "ess/model.hpp"

namespace ess {

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

// One value per grid fact, in grid order. Cycles are impossible: the grid loader refuses them.
std::vector<FactValue> compute_facts(const GridIndex& index, const Dossier& dossier);

}  // namespace ess
