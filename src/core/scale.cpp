#include "ess/core/scale.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace ess {

namespace {

double interpolate(const std::vector<ValuePoint>& pts, double v) {
  if (v <= pts.front().x) return pts.front().s;
  if (v >= pts.back().x) return pts.back().s;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    if (v <= pts[i].x) {
      const ValuePoint& a = pts[i - 1];
      const ValuePoint& b = pts[i];
      return a.s + (b.s - a.s) * (v - a.x) / (b.x - a.x);
    }
  }
  return pts.back().s;
}

double step(const std::vector<ValuePoint>& pts, double v) {
  double s = pts.front().s;
  for (const auto& p : pts)
    if (p.x <= v) s = p.s;
  return s;
}

}  // namespace

double normalise(const Scale& scale, double value) {
  switch (scale.type) {
    case ScaleType::yesno:
      return value;  // yes 1, no 0: a mean of several is the share of yes
    case ScaleType::levels: {
      auto [lo, hi] =
          std::minmax_element(scale.levels.begin(), scale.levels.end(),
                              [](const Level& a, const Level& b) { return a.value < b.value; });
      return (value - lo->value) / (hi->value - lo->value);
    }
    case ScaleType::numeric:
      if (!scale.points.empty()) return interpolate(scale.points, value);
      if (!scale.steps.empty()) return step(scale.steps, value);
      {
        double s = (value - *scale.min) / (*scale.max - *scale.min);
        return scale.better == Better::lower ? 1.0 - s : s;
      }
  }
  return 0;
}

double best_value(const Scale& scale) {
  switch (scale.type) {
    case ScaleType::yesno:
      return 1;
    case ScaleType::levels: {
      double best = scale.levels.front().value;
      for (const auto& l : scale.levels) best = std::max(best, l.value);
      return best;
    }
    case ScaleType::numeric: {
      const auto& pts = scale.points.empty() ? scale.steps : scale.points;
      if (!pts.empty()) {
        const ValuePoint* best = &pts.front();
        for (const auto& p : pts)
          if (p.s > best->s) best = &p;
        return best->x;
      }
      return scale.better == Better::lower ? *scale.min : *scale.max;
    }
  }
  return 0;
}

double nearest_best_value(const Scale& scale, double value) {
  const auto& pts = scale.points.empty() ? scale.steps : scale.points;
  if (scale.type != ScaleType::numeric || pts.empty()) return best_value(scale);
  double best_s = pts.front().s;
  for (const auto& p : pts) best_s = std::max(best_s, p.s);
  double nearest = best_value(scale);
  for (const auto& p : pts)
    if (p.s == best_s && std::fabs(p.x - value) < std::fabs(nearest - value)) nearest = p.x;
  return nearest;
}

}  // namespace ess
