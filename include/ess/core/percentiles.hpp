#pragma once
// Nearest-rank percentiles of a stream of values without keeping the stream: only the lowest
// and highest values the asked percentiles can reach. Sensitivity keeps, per dossier, the 5 and
// 95 % of its totals and ranks over the samples this way: about a tenth of the samples, never
// all of them.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

namespace ess {

// The 0-based position of the p-th percentile among m sorted values (nearest rank: the
// ceil(p·m)-th, at least the first).
inline std::size_t percentile_index(std::size_t m, double p) {
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(m)));
  return std::min(m, std::max<std::size_t>(rank, 1)) - 1;
}

// How many of the lowest values the `low` percentile, and of the highest the `high` one, can
// reach among up to `max_count` values.
struct TailSizes {
  std::size_t low = 0, high = 0;
};
TailSizes tail_sizes(std::size_t max_count, double low, double high);

// The lowest and the highest values of a stream, as many as TailSizes says: percentile(p) for
// those two p is what the full sorted stream would give.
template <class T>
class Tails {
 public:
  void add(T value, const TailSizes& sizes) {
    ++count_;
    keep(low_, value, sizes.low, std::less<T>());
    keep(high_, value, sizes.high, std::greater<T>());
  }
  std::size_t count() const { return count_; }
  // The nearest-rank percentile of every value added (count() > 0), for a `p` the sizes were
  // computed for.
  T percentile(double p) const {
    std::size_t i = percentile_index(count_, p);
    if (i < low_.size()) {
      std::vector<T> sorted = low_;
      std::sort(sorted.begin(), sorted.end());
      return sorted[i];
    }
    std::vector<T> sorted = high_;
    std::sort(sorted.begin(), sorted.end(), std::greater<T>());
    return sorted[count_ - 1 - i];
  }

 private:
  // A heap whose top is the worst value kept: `better(a, b)` when a belongs more than b.
  template <class Better>
  static void keep(std::vector<T>& heap, T value, std::size_t size, Better better) {
    if (size == 0) return;
    if (heap.size() < size) {
      if (heap.empty()) heap.reserve(size);
      heap.push_back(value);
      std::push_heap(heap.begin(), heap.end(), better);
    } else if (better(value, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.back() = value;
      std::push_heap(heap.begin(), heap.end(), better);
    }
  }
  std::vector<T> low_, high_;
  std::size_t count_ = 0;
};

}  // namespace ess
