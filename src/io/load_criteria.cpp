// The criteria tree of a grid: nodes with children, leaves with a scale.
#include <fmt/format.h>

#include <set>

#include "ess/io/load.hpp"
#include "ess/model/scale_value.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

std::string list_ids(const std::vector<std::string>& ids) {
  if (ids.empty()) return "none";
  if (ids.size() <= 20) return fmt::format("{}", fmt::join(ids, ", "));
  return fmt::format("{}, ... ({} in all)", fmt::join(ids.begin(), ids.begin() + 20, ", "),
                     ids.size());
}

// A target or a leaf's minimum, read on the leaf's scale. Whatever is wrong with the value
// (a level that does not exist, a number out of bounds, neither yes nor no) is reported
// under the key's own code, as the man page lists it.
std::optional<double> read_leaf_bound(const Scale& scale, const YamlNode& node,
                                      const std::string& what, const char* code,
                                      Diagnostics& diags) {
  Diagnostics local(diags.file());
  auto v = read_scale_value(scale, node, what, local);
  for (auto d : local.items()) {
    if (d.severity == Severity::error) d.code = code;
    diags.add(std::move(d));
  }
  return v;
}

void read_leaf(MapReader& r, Criterion& c, const Grid& grid, const std::set<std::string>& refused,
               Diagnostics& diags) {
  if (const YamlNode* n = r.get("scale")) {
    if (read_id(*n, "scale", diags, c.scale) && !grid.find_scale(c.scale)) {
      if (refused.count(c.scale)) return;  // defined, but wrong: said at its definition
      std::vector<std::string> ids;
      for (const auto& s : grid.scales) ids.push_back(s.id);
      std::string close = suggest(c.scale, ids);
      diags.error("unknown-scale", n->pos,
                  fmt::format("criterion '{}' uses scale '{}', which the grid does not define",
                              c.id, c.scale),
                  close.empty() ? fmt::format("defined scales: {}", list_ids(ids))
                                : fmt::format("did you mean '{}'?", close));
      return;
    }
  }
  if (const YamlNode* n = r.get("from")) {
    if (read_id(*n, "from", diags, c.from) && !grid.find_fact(c.from)) {
      if (refused.count(c.from)) return;
      std::vector<std::string> ids;
      for (const auto& f : grid.facts) ids.push_back(f.id);
      std::string close = suggest(c.from, ids);
      diags.error(
          "unknown-fact", n->pos,
          fmt::format(
              "criterion '{}' takes its value from fact '{}', which the grid does not define", c.id,
              c.from),
          close.empty() ? fmt::format("defined facts: {}", list_ids(ids))
                        : fmt::format("did you mean '{}'?", close));
      return;
    }
  }
  if (c.scale.empty() && c.from.empty()) {
    if (r.get("scale") || r.get("from")) return;  // an invalid id: already reported
    diags.error("leaf-without-scale", c.pos,
                fmt::format("criterion '{}' has no children, no scale and no from", c.id),
                "give it a scale (assessors score it) or from: a fact (the dossier's figures)");
    return;
  }
  const Scale& scale = scale_of(grid, c);
  if (const YamlNode* n = r.get("target")) {
    c.target_pos = n->pos;
    c.target =
        read_leaf_bound(scale, *n, fmt::format("target of '{}'", c.id), "invalid-target", diags);
  }
  if (const YamlNode* n = r.get("minimum")) {
    c.minimum_pos = n->pos;
    c.minimum =
        read_leaf_bound(scale, *n, fmt::format("minimum of '{}'", c.id), "invalid-minimum", diags);
  }
  if (const YamlNode* n = r.get("evidence")) {
    if (n->is_scalar() && n->text == "required")
      c.evidence = EvidencePolicy::required;
    else if (n->is_scalar() && n->text == "none")
      c.evidence = EvidencePolicy::none;
    else if (!(n->is_scalar() && n->text == "recommended"))
      diags.error("invalid-value", n->pos, "evidence must be required, recommended or none");
  }
  if (const YamlNode* n = r.get("allow_na"))
    if (auto b = read_bool(*n, "allow_na", diags)) c.allow_na = *b;
  if (const YamlNode* n = r.get("guidance")) read_text(*n, "guidance", diags, c.guidance);
}

void read_node_keys(MapReader& r, Criterion& c, Diagnostics& diags) {
  for (const char* k : {"scale", "from", "target", "evidence", "allow_na"})
    if (r.get(k))
      diags.error("unknown-key", r.key_pos(k),
                  fmt::format("'{}' applies to leaves; criterion '{}' has children", k, c.id));
  if (const YamlNode* n = r.get("aggregation")) {
    if (n->is_scalar() && n->text == "weighted-mean")
      c.aggregation = Aggregation::weighted_mean;
    else if (n->is_scalar() && n->text == "weighted-geometric")
      c.aggregation = Aggregation::weighted_geometric;
    else if (n->is_scalar() && n->text == "min")
      c.aggregation = Aggregation::min;
    else
      diags.error("invalid-value", n->pos,
                  fmt::format("aggregation '{}' is not weighted-mean, weighted-geometric or min",
                              clip(n->text)));
  }
  if (const YamlNode* n = r.get("minimum")) {
    c.minimum_pos = n->pos;
    c.minimum = read_number(*n, "minimum", diags);
    if (c.minimum && (*c.minimum < 0 || *c.minimum > 100))
      diags.error("invalid-minimum", n->pos,
                  fmt::format("the minimum of '{}' is a score from 0 to 100", c.id));
  }
  if (const YamlNode* n = r.get("guidance")) read_text(*n, "guidance", diags, c.guidance);
}

}  // namespace

std::optional<Criterion> read_criterion(const YamlNode& node, const Grid& grid,
                                        const std::set<std::string>& refused, Diagnostics& diags) {
  MapReader r(node, "a criterion", diags,
              {"id", "title", "description", "weight", "aggregation", "minimum", "eliminatory",
               "children", "scale", "from", "target", "evidence", "allow_na", "guidance"});
  if (!r.ok()) return std::nullopt;
  Criterion c;
  c.pos = node.pos;
  const YamlNode* id = r.require("id");
  if (!id || !read_id(*id, "criterion id", diags, c.id)) return std::nullopt;
  c.pos = id->pos;
  if (const YamlNode* n = r.require("title")) read_text(*n, "title", diags, c.title);
  if (const YamlNode* n = r.get("description")) read_text(*n, "description", diags, c.description);
  if (const YamlNode* n = r.get("weight")) {
    c.weight_pos = n->pos;
    if (auto w = read_number(*n, "weight", diags)) {
      if (*w < 0)
        diags.error("invalid-weight", n->pos, fmt::format("the weight of '{}' is negative", c.id),
                    "weights are relative among siblings: 0 or more");
      c.weight = *w;
    }
  }
  if (const YamlNode* n = r.get("eliminatory"))
    if (auto b = read_bool(*n, "eliminatory", diags)) c.eliminatory = *b;
  const YamlNode* children = r.get("children");
  if (children) {
    if (!children->is_seq() || children->items.empty()) {
      wrong_type(*children, "children", "a non-empty list of criteria", diags);
      return std::nullopt;
    }
    read_node_keys(r, c, diags);
    for (const auto& item : children->items)
      if (auto child = read_criterion(item, grid, refused, diags))
        c.children.push_back(std::move(*child));
    if (c.children.size() != children->items.size()) return std::nullopt;
  } else {
    if (r.get("aggregation"))
      diags.error(
          "unknown-key", r.key_pos("aggregation"),
          fmt::format("'aggregation' applies to criteria with children; '{}' has none", c.id));
    read_leaf(r, c, grid, refused, diags);
  }
  if (c.eliminatory && !c.minimum && !r.get("minimum"))
    diags.error("invalid-minimum", r.key_pos("eliminatory"),
                fmt::format("'{}' is eliminatory but has no minimum to fail", c.id),
                "add minimum: the level below which the dossier is ineligible");
  return c;
}

}  // namespace ess
