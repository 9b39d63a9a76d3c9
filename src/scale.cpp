#include "ess/scale.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "yaml_read.hpp"

namespace ess {

const Scale& scale_of(const Grid& grid, const Criterion& leaf) {
  static const Scale unit_interval = [] {
    Scale s;
    s.id = "";
    s.type = ScaleType::numeric;
    s.min = 0;
    s.max = 1;
    return s;
  }();
  if (leaf.scale.empty()) return unit_interval;
  const Scale* s = grid.find_scale(leaf.scale);
  return s ? *s : unit_interval;
}

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

bool within_bounds(const Scale& scale, double value) {
  switch (scale.type) {
    case ScaleType::yesno:
      return value == 0 || value == 1;
    case ScaleType::levels:
      return std::any_of(scale.levels.begin(), scale.levels.end(),
                         [&](const Level& l) { return l.value == value; });
    case ScaleType::numeric:
      return !(scale.min && value < *scale.min) && !(scale.max && value > *scale.max);
  }
  return false;
}

std::string value_label(const Scale& scale, double value) {
  if (scale.type == ScaleType::yesno) return value >= 0.5 ? "yes" : "no";
  for (const auto& l : scale.levels)
    if (l.value == value) return l.label;
  return "";
}

std::optional<double> read_scale_value(const Scale& scale, const YamlNode& node,
                                       const std::string& what, Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, "a single value", diags);
    return std::nullopt;
  }
  switch (scale.type) {
    case ScaleType::yesno:
      if (!node.quoted && (node.text == "yes" || node.text == "true")) return 1.0;
      if (!node.quoted && (node.text == "no" || node.text == "false")) return 0.0;
      diags.error("invalid-value", node.pos,
                  fmt::format("{}: '{}' is not yes or no", what, clip(node.text)));
      return std::nullopt;
    case ScaleType::levels: {
      if (!node.quoted) {
        if (auto v = parse_number_text(node.text)) {
          for (const auto& l : scale.levels)
            if (l.value == *v) return l.value;
        }
      }
      std::vector<std::string> labels;
      for (const auto& l : scale.levels) {
        if (l.label == node.text) return l.value;
        labels.push_back(l.label);
      }
      std::vector<std::string> names;
      for (const auto& l : scale.levels) names.push_back(fmt::format("{} {}", l.value, l.label));
      // suggest, not closest_match: a dossier with thousands of misspelt levels (or one of
      // a megabyte) would otherwise spend minutes on edit distances.
      std::string close = suggest(node.text, labels);
      diags.error(
          "unknown-level", node.pos,
          fmt::format("{}: '{}' is not a level of scale '{}'", what, clip(node.text), scale.id),
          close.empty() ? fmt::format("levels: {}", fmt::join(names, ", "))
                        : fmt::format("did you mean '{}'?", close));
      return std::nullopt;
    }
    case ScaleType::numeric: {
      auto v = read_number(node, what, diags);
      if (!v) return std::nullopt;
      if (!within_bounds(scale, *v)) {
        diags.error("value-out-of-range", node.pos,
                    fmt::format("{}: {} is outside the scale's bounds [{}, {}]", what,
                                clip(node.text), scale.min ? fmt::format("{}", *scale.min) : "-inf",
                                scale.max ? fmt::format("{}", *scale.max) : "+inf"));
        return std::nullopt;
      }
      return v;
    }
  }
  return std::nullopt;
}

}  // namespace ess
