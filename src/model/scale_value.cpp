#include "ess/model/scale_value.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"

namespace ess {

using namespace fmt::literals;

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

namespace {

std::optional<double> yes_or_no(Language grid_language, const ScaleText& node,
                                const std::string& what, Diagnostics& diags) {
  bool french = grid_language == Language::fr;
  if (!node.quoted) {
    if (node.text == "yes" || node.text == "true" || (french && node.text == "oui")) return 1.0;
    if (node.text == "no" || node.text == "false" || (french && node.text == "non")) return 0.0;
  }
  diags.error(node.pos, say(french ? Msg::not_oui_non : Msg::not_yes_no, "what"_a = what,
                            "value"_a = clip(node.text)));
  return std::nullopt;
}

std::optional<double> level(const Scale& scale, const ScaleText& node, const std::string& what,
                            Diagnostics& diags) {
  if (!node.quoted) {
    if (auto v = parse_number_text(node.text)) {
      for (const auto& l : scale.levels)
        if (l.value == *v) return l.value;
    }
  }
  std::vector<std::string> labels;
  for (const auto& l : scale.levels) {
    if (same_ignoring_case(l.label, node.text)) return l.value;
    labels.push_back(l.label);
  }
  std::vector<std::string> names;
  for (const auto& l : scale.levels) names.push_back(fmt::format("{} {}", l.value, l.label));
  // suggest, not closest_match: a dossier with thousands of misspelt levels (or one of
  // a megabyte) would otherwise spend minutes on edit distances.
  std::string close = suggest(std::string(node.text), labels);
  diags.error(
      node.pos,
      say(Msg::unknown_level, "what"_a = what, "value"_a = clip(node.text), "scale"_a = scale.id),
      close.empty() ? say(Msg::levels_hint, "levels"_a = fmt::join(names, ", "))
                    : say(Msg::did_you_mean, "word"_a = close));
  return std::nullopt;
}

}  // namespace

std::optional<double> resolve_scale_value(const Scale& scale, Language grid_language,
                                          const ScaleText& node, const std::string& what,
                                          Diagnostics& diags) {
  switch (scale.type) {
    case ScaleType::yesno:
      return yes_or_no(grid_language, node, what, diags);
    case ScaleType::levels:
      return level(scale, node, what, diags);
    case ScaleType::numeric: {
      auto v = check_number_text(node.text, node.quoted, node.pos, what, diags);
      if (!v) return std::nullopt;
      if (!within_bounds(scale, *v)) {
        diags.error(node.pos,
                    say(Msg::value_out_of_range, "what"_a = what, "value"_a = clip(node.text),
                        "min"_a = scale.min ? fmt::format("{}", *scale.min) : "-inf",
                        "max"_a = scale.max ? fmt::format("{}", *scale.max) : "+inf"));
        return std::nullopt;
      }
      return v;
    }
  }
  return std::nullopt;
}

}  // namespace ess
