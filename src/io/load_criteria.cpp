// The criteria tree of a grid: nodes with children, leaves with a scale.
#include <fmt/format.h>

#include <set>

#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/scale_value.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

std::string list_ids(const std::vector<std::string>& ids) {
  if (ids.empty()) return phrase(Msg::none);
  if (ids.size() <= 20) return fmt::format("{}", fmt::join(ids, ", "));
  return phrase(Msg::ids_and_more, "ids"_a = fmt::join(ids.begin(), ids.begin() + 20, ", "),
                "count"_a = ids.size());
}

// A target or a leaf's minimum, read on the leaf's scale. Whatever is wrong with the value
// (a level that does not exist, a number out of bounds, neither yes nor no) is reported
// under the key's own code, as the man page lists it; `hint` says what the key takes when the
// diagnostic has no hint of its own.
std::optional<double> read_leaf_bound(const Scale& scale, Language grid_language,
                                      const YamlNode& node, const std::string& what, Said hint,
                                      Diagnostics& diags) {
  Diagnostics local(diags.file());
  auto v = read_scale_value(scale, grid_language, node, what, local);
  for (auto d : local.items()) {
    if (d.severity == Severity::error) d.code = hint.code;
    if (d.hint.empty()) d.hint = hint.text;
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
      diags.error(n->pos, say(Msg::unknown_scale, "criterion"_a = c.id, "scale"_a = c.scale),
                  close.empty() ? say(Msg::defined_scales_hint, "ids"_a = list_ids(ids))
                                : did_you_mean(close));
      return;
    }
  }
  if (const YamlNode* n = r.get("from")) {
    if (read_id(*n, "from", diags, c.from) && !grid.find_fact(c.from)) {
      if (refused.count(c.from)) return;
      std::vector<std::string> ids;
      for (const auto& f : grid.facts) ids.push_back(f.id);
      std::string close = suggest(c.from, ids);
      diags.error(n->pos, say(Msg::criterion_from_unknown, "criterion"_a = c.id, "fact"_a = c.from),
                  close.empty() ? say(Msg::defined_facts_hint, "ids"_a = list_ids(ids))
                                : did_you_mean(close));
      return;
    }
  }
  if (c.scale.empty() && c.from.empty()) {
    if (r.get("scale") || r.get("from")) return;  // an invalid id: already reported
    diags.error(c.pos, say(Msg::leaf_without_scale, "criterion"_a = c.id),
                say(Msg::leaf_without_scale_hint));
    return;
  }
  const Scale& scale = scale_of(grid, c);
  if (const YamlNode* n = r.get("target")) {
    c.target_pos = n->pos;
    c.target =
        read_leaf_bound(scale, grid.language, *n, phrase(Msg::what_target_of, "criterion"_a = c.id),
                        say(Msg::invalid_target_hint), diags);
  }
  if (const YamlNode* n = r.get("minimum")) {
    c.minimum_pos = n->pos;
    c.minimum = read_leaf_bound(scale, grid.language, *n,
                                phrase(Msg::what_minimum_of, "criterion"_a = c.id),
                                say(Msg::invalid_leaf_minimum_hint), diags);
  }
  if (const YamlNode* n = r.get("evidence")) {
    if (n->is_scalar() && n->text == "required")
      c.evidence = EvidencePolicy::required;
    else if (n->is_scalar() && n->text == "none")
      c.evidence = EvidencePolicy::none;
    else if (!(n->is_scalar() && n->text == "recommended"))
      diags.error(n->pos, say(Msg::bad_evidence_policy));
  }
  if (const YamlNode* n = r.get("allow_na"))
    if (auto b = read_bool(*n, "allow_na", diags)) c.allow_na = *b;
  if (const YamlNode* n = r.get("guidance")) read_text(*n, "guidance", diags, c.guidance);
}

void read_node_keys(MapReader& r, Criterion& c, Diagnostics& diags) {
  for (const char* k : {"scale", "from", "target", "evidence", "allow_na"})
    if (r.get(k))
      diags.error(r.key_pos(k), say(Msg::leaf_key_on_node, "key"_a = k, "criterion"_a = c.id));
  if (const YamlNode* n = r.get("aggregation")) {
    if (n->is_scalar() && n->text == "weighted-mean")
      c.aggregation = Aggregation::weighted_mean;
    else if (n->is_scalar() && n->text == "weighted-geometric")
      c.aggregation = Aggregation::weighted_geometric;
    else if (n->is_scalar() && n->text == "min")
      c.aggregation = Aggregation::min;
    else
      diags.error(n->pos, say(Msg::bad_aggregation, "value"_a = clip(n->text)));
  }
  if (const YamlNode* n = r.get("minimum")) {
    c.minimum_pos = n->pos;
    c.minimum = read_number(*n, "minimum", diags);
    if (c.minimum && (*c.minimum < 0 || *c.minimum > 100))
      diags.error(n->pos, say(Msg::node_minimum_range, "criterion"_a = c.id));
  }
  if (const YamlNode* n = r.get("guidance")) read_text(*n, "guidance", diags, c.guidance);
}

}  // namespace

std::optional<Criterion> read_criterion(const YamlNode& node, const Grid& grid,
                                        const std::set<std::string>& refused, Diagnostics& diags) {
  MapReader r(node, phrase(Msg::what_criterion), diags,
              {"id", "title", "description", "weight", "aggregation", "minimum", "eliminatory",
               "children", "scale", "from", "target", "evidence", "allow_na", "guidance"});
  if (!r.ok()) return std::nullopt;
  Criterion c;
  c.pos = node.pos;
  const YamlNode* id = r.require("id");
  if (!id || !read_id(*id, phrase(Msg::what_criterion_id), diags, c.id)) return std::nullopt;
  c.pos = id->pos;
  if (const YamlNode* n = r.require("title")) read_text(*n, "title", diags, c.title);
  if (const YamlNode* n = r.get("description")) read_text(*n, "description", diags, c.description);
  if (const YamlNode* n = r.get("weight")) {
    c.weight_pos = n->pos;
    if (auto w = read_number(*n, "weight", diags)) {
      if (*w < 0)
        diags.error(n->pos, say(Msg::negative_weight, "criterion"_a = c.id),
                    say(Msg::negative_weight_hint));
      c.weight = *w;
    }
  }
  if (const YamlNode* n = r.get("eliminatory"))
    if (auto b = read_bool(*n, "eliminatory", diags)) c.eliminatory = *b;
  const YamlNode* children = r.get("children");
  if (children) {
    if (!children->is_seq() || children->items.empty()) {
      wrong_type(*children, "children", phrase(Msg::expect_nonempty_criteria_list), diags);
      return std::nullopt;
    }
    read_node_keys(r, c, diags);
    for (const auto& item : children->items)
      if (auto child = read_criterion(item, grid, refused, diags))
        c.children.push_back(std::move(*child));
    if (c.children.size() != children->items.size()) return std::nullopt;
  } else {
    if (r.get("aggregation"))
      diags.error(r.key_pos("aggregation"), say(Msg::aggregation_on_leaf, "criterion"_a = c.id));
    read_leaf(r, c, grid, refused, diags);
  }
  if (c.eliminatory && !c.minimum && !r.get("minimum"))
    diags.error(r.key_pos("eliminatory"),
                say(Msg::eliminatory_without_minimum, "criterion"_a = c.id),
                say(Msg::eliminatory_hint));
  return c;
}

}  // namespace ess
