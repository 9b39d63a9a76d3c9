#include "ess/model/shares.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ess {

std::vector<long> round_shares(const std::vector<double>& parts, long units) {
  std::vector<long> out(parts.size(), 0);
  double total = 0;
  for (double p : parts) total += std::max(p, 0.0);
  if (!(total > 0) || !std::isfinite(total) || units <= 0) return out;
  std::vector<double> remainder(parts.size(), 0);
  long given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    double exact = static_cast<double>(units) * std::max(parts[i], 0.0) / total;
    out[i] = std::min(static_cast<long>(std::floor(exact)), units);
    remainder[i] = exact - static_cast<double>(out[i]);
    given += out[i];
  }
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < units && k < order.size(); ++k, ++given) ++out[order[k]];
  // A positive part shown as 0 takes a unit from the largest share that can spare one; this
  // also keeps any share below the whole, since every other positive part then has a unit.
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!(parts[i] > 0) || out[i] > 0) continue;
    auto largest = std::max_element(out.begin(), out.end());
    if (*largest <= 1) break;
    --*largest;
    ++out[i];
  }
  return out;
}

}  // namespace ess
