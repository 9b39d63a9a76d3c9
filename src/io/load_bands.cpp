// The decision bands of a grid, read from YAML.
#include <fmt/format.h>

#include "ess/model/messages.hpp"
#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

using namespace fmt::literals;

void read_bands(const YamlNode& node, std::vector<Band>& bands, Diagnostics& diags) {
  if (!node.is_seq()) {
    wrong_type(node, "decision", phrase(Msg::expect_band_list), diags);
    return;
  }
  if (node.items.empty()) {
    diags.error(node.pos, say(Msg::empty_bands), say(Msg::empty_bands_hint));
    return;
  }
  for (const auto& item : node.items) {
    MapReader r(item, phrase(Msg::what_band), diags, {"min", "label", "fundable"});
    const YamlNode* min = r.require("min");
    const YamlNode* label = r.require("label");
    Band band;
    band.pos = item.pos;
    auto v = min ? read_number(*min, phrase(Msg::what_band_min), diags) : std::nullopt;
    if (!v || !label || !read_text(*label, phrase(Msg::what_band_label), diags, band.label))
      continue;
    band.min = *v;
    if (const YamlNode* f = r.get("fundable")) {
      band.fundable_pos = f->pos;
      band.fundable = read_bool(*f, "fundable", diags);
    }
    if (bands.empty() && band.min != 0)
      diags.error(min->pos, say(Msg::first_band_not_zero), say(Msg::first_band_hint));
    if (!bands.empty() && !(band.min > bands.back().min))
      diags.error(min->pos, say(Msg::bands_not_increasing, "value"_a = clip(min->text),
                                "previous"_a = bands.back().min));
    if (band.min > 100) diags.error(min->pos, say(Msg::band_above_100));
    for (const auto& other : bands)
      if (other.label == band.label)
        diags.error(label->pos, say(Msg::same_band_label, "label"_a = band.label));
    bands.push_back(std::move(band));
  }
}

}  // namespace ess
