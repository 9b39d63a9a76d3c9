#include "ess/model/scale_value.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ess/model/text.hpp"

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

std::optional<double> resolve_scale_value(const Scale& scale, const ScaleText& node,
                                          const std::string& what, Diagnostics& diags) {
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
      std::string close = suggest(std::string(node.text), labels);
      diags.error(
          "unknown-level", node.pos,
          fmt::format("{}: '{}' is not a level of scale '{}'", what, clip(node.text), scale.id),
          close.empty() ? fmt::format("levels: {}", fmt::join(names, ", "))
                        : fmt::format("did you mean '{}'?", close));
      return std::nullopt;
    }
    case ScaleType::numeric: {
      auto v = check_number_text(node.text, node.quoted, node.pos, what, diags);
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
