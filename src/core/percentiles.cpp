#include "ess/core/percentiles.hpp"

namespace ess {

// The stream may hold any count up to the largest (a dossier is ranked in some samples only):
// the sizes cover every one, whatever p and however its product rounds.
TailSizes tail_sizes(std::size_t max_count, double low, double high) {
  TailSizes t;
  for (std::size_t m = 1; m <= max_count; ++m) {
    t.low = std::max(t.low, percentile_index(m, low) + 1);
    t.high = std::max(t.high, m - percentile_index(m, high));
  }
  return t;
}

}  // namespace ess
