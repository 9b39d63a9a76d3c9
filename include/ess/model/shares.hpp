#pragma once
// Shares of one whole shown side by side (§2.7): the probabilities of a sensitivity row, the
// parts of a resource mix. Rounded each on its own they may add up to 99.9 % or 100.1 %, and a
// rare outcome may show as 0 %: rounded together here, they add up exactly.
#include <vector>

namespace ess {

// `parts` (negative ones count as 0) as whole numbers of `units` (1000: tenths of a percent)
// that add up to exactly `units` when any part is positive (all 0 otherwise): each part's
// floor, then the units left to the largest remainders (ties: the earlier part). Then a part
// that is not 0 never shows as 0, and none that is not the whole shows as the whole: a unit
// moves to it from the largest share (possible whenever the positive parts are no more than
// `units`).
std::vector<long> round_shares(const std::vector<double>& parts, long units);

}  // namespace ess
