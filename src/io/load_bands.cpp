// The decision bands of a grid, read from YAML.
#include <fmt/format.h>

#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

void read_bands(const YamlNode& node, std::vector<Band>& bands, Diagnostics& diags) {
  if (!node.is_seq()) {
    wrong_type(node, "decision", "a list of bands {min, label}", diags);
    return;
  }
  if (node.items.empty()) {
    diags.error("decision-bands", node.pos, "decision is an empty list",
                "list the bands lowest first, from {min: 0, label: ...}");
    return;
  }
  for (const auto& item : node.items) {
    MapReader r(item, "a decision band", diags, {"min", "label", "fundable"});
    const YamlNode* min = r.require("min");
    const YamlNode* label = r.require("label");
    Band band;
    band.pos = item.pos;
    auto v = min ? read_number(*min, "a band's min", diags) : std::nullopt;
    if (!v || !label || !read_text(*label, "a band's label", diags, band.label)) continue;
    band.min = *v;
    if (const YamlNode* f = r.get("fundable")) {
      band.fundable_pos = f->pos;
      band.fundable = read_bool(*f, "fundable", diags);
    }
    if (bands.empty() && band.min != 0)
      diags.error("decision-bands", min->pos, "the first decision band must start at 0",
                  "every total from 0 to 100 must fall in a band");
    if (!bands.empty() && !(band.min > bands.back().min))
      diags.error("decision-bands", min->pos,
                  fmt::format("decision bands must be listed lowest first ({} after {})",
                              clip(min->text), bands.back().min));
    if (band.min > 100) diags.error("decision-bands", min->pos, "a band's min must be at most 100");
    for (const auto& other : bands)
      if (other.label == band.label)
        diags.error("decision-bands", label->pos,
                    fmt::format("two bands are labelled '{}'", band.label));
    bands.push_back(std::move(band));
  }
}

}  // namespace ess
