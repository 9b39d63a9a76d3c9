// Grid YAML to model. Structural checks here; cross-references in validate_grid.cpp.
#include <fmt/format.h>

#include <set>

#include "ess/io/load.hpp"
#include "ess/model/grid_checks.hpp"
#include "ess/model/language.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/number_words.hpp"
#include "ess/model/scale_value.hpp"
#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

DocumentKind document_kind(const YamlNode& root) {
  if (!root.is_map()) return DocumentKind::unknown;
  if (root.find("dossier")) return DocumentKind::dossier;
  if (root.find("call")) return DocumentKind::call;
  if (root.find("grid")) return DocumentKind::grid;
  return DocumentKind::unknown;
}

namespace {

using namespace fmt::literals;

// Far beyond any real grid; they keep every per-criterion loop (here, in validation and in
// scoring) fast whatever a hostile file holds.
constexpr std::size_t max_grid_items = 1000;

bool too_many(const YamlNode& list, Msg items, Diagnostics& diags) {
  if (list.items.size() <= max_grid_items) return false;
  diags.error(list.pos,
              say(Msg::too_many_items, "count"_a = list.items.size(), "items"_a = phrase(items),
                  "max"_a = max_grid_items),
              say(Msg::grid_meant_hint));
  return true;
}

std::vector<ValuePoint> read_points(const YamlNode& node, const std::string& what,
                                    Diagnostics& diags) {
  std::vector<ValuePoint> pts;
  if (!node.is_seq() || node.items.empty()) {
    diags.error(node.pos, say(Msg::points_not_list, "what"_a = what));
    return pts;
  }
  if (too_many(node, Msg::items_points, diags)) return pts;
  for (const auto& item : node.items) {
    if (!item.is_seq() || item.items.size() != 2) {
      diags.error(item.pos, say(Msg::point_not_pair, "what"_a = what));
      return {};
    }
    auto x = read_number(item.items[0], what, diags);
    auto s = read_number(item.items[1], what, diags);
    if (!x || !s) return {};
    if (*s < 0 || *s > 1) {
      diags.error(item.items[1].pos,
                  say(Msg::s_outside_unit, "what"_a = what, "value"_a = item.items[1].text));
      return {};
    }
    if (!pts.empty() && *x <= pts.back().x) {
      diags.error(item.items[0].pos,
                  say(Msg::x_not_increasing, "what"_a = what, "value"_a = item.items[0].text,
                      "previous"_a = pts.back().x));
      return {};
    }
    pts.push_back({*x, *s});
  }
  return pts;
}

void read_levels(const YamlNode& node, Scale& scale, Diagnostics& diags) {
  if (!node.is_seq() || node.items.size() < 2) {
    diags.error(node.pos, say(Msg::too_few_levels, "scale"_a = scale.id));
    return;
  }
  if (too_many(node, Msg::items_levels, diags)) return;
  for (const auto& item : node.items) {
    MapReader r(item, phrase(Msg::what_level), diags, {"value", "label", "description"});
    Level level;
    level.pos = item.pos;
    const YamlNode* v = r.require("value");
    const YamlNode* l = r.require("label");
    auto value = v ? read_number(*v, phrase(Msg::what_level_value), diags) : std::nullopt;
    if (!value || !l || !read_text(*l, phrase(Msg::what_level_label), diags, level.label)) continue;
    level.value = *value;
    if (const YamlNode* d = r.get("description"))
      read_text(*d, phrase(Msg::what_description), diags, level.description);
    for (const auto& other : scale.levels) {
      if (other.value == level.value)
        diags.error(v->pos, say(Msg::same_level_value, "scale"_a = scale.id, "value"_a = v->text));
      // Dossiers cite labels ignoring case: Établi and établi would be one level.
      if (other.label == level.label)
        diags.error(l->pos,
                    say(Msg::same_level_label, "scale"_a = scale.id, "label"_a = level.label),
                    say(Msg::same_level_label_hint));
      else if (same_ignoring_case(other.label, level.label))
        diags.error(l->pos,
                    say(Msg::same_level_label_case, "scale"_a = scale.id, "label"_a = other.label,
                        "other"_a = level.label),
                    say(Msg::same_level_label_case_hint));
    }
    scale.levels.push_back(std::move(level));
  }
}

void read_numeric(MapReader& r, Scale& scale, Diagnostics& diags) {
  if (const YamlNode* n = r.get("min")) scale.min = read_number(*n, "min", diags);
  if (const YamlNode* n = r.get("max")) scale.max = read_number(*n, "max", diags);
  if (const YamlNode* n = r.get("better")) {
    if (n->is_scalar() && n->text == "lower")
      scale.better = Better::lower;
    else if (!(n->is_scalar() && n->text == "higher"))
      diags.error(n->pos, say(Msg::bad_better));
  }
  const YamlNode* points = r.get("points");
  const YamlNode* steps = r.get("steps");
  if (points && steps) {
    diags.error(steps->pos, say(Msg::points_and_steps, "scale"_a = scale.id));
    return;
  }
  if (points) scale.points = read_points(*points, "points", diags);
  if (steps) scale.steps = read_points(*steps, "steps", diags);
  if (scale.min && scale.max && !(*scale.min < *scale.max))
    diags.error(r.key_pos("max"), say(Msg::min_not_below_max, "scale"_a = scale.id));
  if (!points && !steps && (!scale.min || !scale.max))
    diags.error(r.node().pos, say(Msg::linear_needs_bounds, "scale"_a = scale.id),
                say(Msg::linear_needs_bounds_hint));
}

std::optional<Scale> read_scale(const YamlKey& key, const YamlNode& node, Diagnostics& diags) {
  Scale scale;
  scale.id = key.text;
  scale.pos = key.pos;
  if (!is_valid_id(scale.id)) diags.error(key.pos, say(Msg::invalid_scale_id, "id"_a = scale.id));
  MapReader r(node, phrase(Msg::what_scale, "scale"_a = scale.id), diags,
              {"type", "title", "description", "unit", "levels", "min", "max", "better", "points",
               "steps"});
  const YamlNode* type = r.require("type");
  if (!type) return std::nullopt;
  if (const YamlNode* n = r.get("title")) read_text(*n, "title", diags, scale.title);
  if (const YamlNode* n = r.get("description"))
    read_text(*n, "description", diags, scale.description);
  if (const YamlNode* n = r.get("unit")) read_text(*n, "unit", diags, scale.unit);
  auto refuse = [&](std::initializer_list<const char*> keys, const char* kind) {
    for (const char* k : keys)
      if (r.get(k))
        diags.error(r.key_pos(k), say(Msg::key_not_for_scale, "key"_a = k, "kind"_a = kind));
  };
  std::size_t errors = diags.error_count();
  if (type->text == "levels") {
    scale.type = ScaleType::levels;
    refuse({"min", "max", "better", "points", "steps"}, "levels");
    if (const YamlNode* levels = r.require("levels")) read_levels(*levels, scale, diags);
  } else if (type->text == "yesno") {
    scale.type = ScaleType::yesno;
    refuse({"levels", "min", "max", "better", "points", "steps"}, "yesno");
  } else if (type->text == "numeric") {
    scale.type = ScaleType::numeric;
    refuse({"levels"}, "numeric");
    read_numeric(r, scale, diags);
  } else {
    diags.error(type->pos, say(Msg::bad_scale_type, "value"_a = clip(type->text)));
  }
  if (diags.error_count() != errors) return std::nullopt;
  return scale;
}

std::optional<Fact> read_fact(const YamlNode& node, Diagnostics& diags) {
  MapReader r(
      node, phrase(Msg::what_fact), diags,
      {"id", "title", "unit", "description", "value", "sum", "product", "ratio", "diversity"});
  if (!r.ok()) return std::nullopt;
  Fact fact;
  fact.pos = node.pos;
  const YamlNode* id = r.require("id");
  if (!id || !read_id(*id, phrase(Msg::what_fact_id), diags, fact.id)) return std::nullopt;
  fact.pos = id->pos;
  if (const YamlNode* n = r.get("title")) read_text(*n, "title", diags, fact.title);
  if (const YamlNode* n = r.get("unit")) read_text(*n, "unit", diags, fact.unit);
  if (const YamlNode* n = r.get("description"))
    read_text(*n, "description", diags, fact.description);
  static const std::pair<const char*, FactOp> ops[] = {{"value", FactOp::constant},
                                                       {"sum", FactOp::sum},
                                                       {"product", FactOp::product},
                                                       {"ratio", FactOp::ratio},
                                                       {"diversity", FactOp::diversity}};
  const YamlNode* op_node = nullptr;
  for (const auto& [name, op] : ops) {
    const YamlNode* n = r.get(name);
    if (!n) continue;
    if (op_node) {
      diags.error(r.key_pos(name), say(Msg::fact_two_operations, "fact"_a = fact.id));
      return std::nullopt;
    }
    op_node = n;
    fact.op = op;
  }
  if (!op_node) return fact;  // declared by the dossier
  if (fact.op == FactOp::constant) {
    auto v = read_number(*op_node, phrase(Msg::what_fact_value), diags);
    if (!v) return std::nullopt;
    fact.constant = *v;
    return fact;
  }
  if (!op_node->is_seq() || op_node->items.empty()) {
    diags.error(op_node->pos, say(Msg::fact_needs_operands, "fact"_a = fact.id));
    return std::nullopt;
  }
  for (const auto& item : op_node->items) {
    std::string ref;
    if (!read_id(item, phrase(Msg::what_fact_reference), diags, ref)) return std::nullopt;
    fact.operands.push_back(ref);
  }
  if (fact.op == FactOp::ratio && fact.operands.size() != 2) {
    diags.error(op_node->pos, say(Msg::ratio_two_facts, "fact"_a = fact.id));
    return std::nullopt;
  }
  return fact;
}

}  // namespace

// Criteria read in their own file: they need the scales to resolve targets and minimums.
// `refused`: ids of scales and facts the grid defines but that could not be read (already
// reported), so that the criteria using them are not also told that they do not exist.
std::optional<Criterion> read_criterion(const YamlNode& node, const Grid& grid,
                                        const std::set<std::string>& refused, Diagnostics& diags);

namespace {

// Every criterion of the tree, nodes and leaves: maps that have an id, inside `children`.
std::size_t count_criteria(const YamlNode& list) {
  std::size_t n = 0;
  for (const auto& item : list.items) {
    ++n;
    if (const YamlNode* children = item.is_map() ? item.find("children") : nullptr)
      n += count_criteria(*children);
  }
  return n;
}

bool too_many_criteria(const YamlNode& list, Diagnostics& diags) {
  std::size_t n = count_criteria(list);
  if (n <= max_grid_items) return false;
  diags.error(list.pos,
              say(Msg::too_many_items, "count"_a = n, "items"_a = phrase(Msg::items_criteria),
                  "max"_a = max_grid_items),
              say(Msg::grid_meant_hint));
  return true;
}

}  // namespace

std::optional<Grid> load_grid(const YamlNode& root, Diagnostics& diags) {
  reset_suggestion_budget();
  std::size_t errors_before = diags.error_count();
  MapReader r(root, phrase(Msg::what_grid), diags,
              {"grid", "version", "title", "language", "currency", "description", "scales", "facts",
               "criteria", "decision", "disagreement"});
  if (!r.ok()) return std::nullopt;
  Grid grid;
  grid.pos = root.pos;
  std::set<std::string> refused;
  if (const YamlNode* n = r.require("grid")) read_id(*n, phrase(Msg::what_grid_id), diags, grid.id);
  if (const YamlNode* n = r.require("version")) {
    if (read_text(*n, "version", diags, grid.version) && !is_semver(grid.version))
      diags.error(n->pos, say(Msg::invalid_version, "version"_a = clip(n->text)),
                  say(Msg::invalid_version_hint));
  }
  if (const YamlNode* n = r.require("title")) read_text(*n, "title", diags, grid.title);
  if (const YamlNode* n = r.get("description"))
    read_text(*n, "description", diags, grid.description);
  if (const YamlNode* n = r.get("language")) {
    std::optional<Language> language;
    if (n->is_scalar()) language = parse_language(n->text);
    if (language)
      grid.language = *language;
    else
      diags.error(n->pos, say(Msg::bad_language, "value"_a = clip(n->text)));
  }
  if (const YamlNode* n = r.get("currency")) {
    if (n->is_scalar() && is_currency_code(n->text))
      grid.currency = n->text;
    else
      diags.error(n->pos, say(Msg::bad_currency, "value"_a = clip(n->text)));
  }
  if (const YamlNode* n = r.get("disagreement")) {
    if (auto v = read_number(*n, "disagreement", diags)) {
      if (*v <= 0 || *v > 1) diags.error(n->pos, say(Msg::bad_disagreement));
      grid.disagreement = *v;
    }
  }
  if (const YamlNode* n = r.get("scales")) {
    if (!n->is_map())
      wrong_type(*n, "scales", phrase(Msg::expect_scale_map), diags);
    else if (too_many(*n, Msg::items_scales, diags))
      for (const auto& k : n->keys) refused.insert(k.text);
    else
      for (std::size_t i = 0; i < n->keys.size(); ++i) {
        if (auto s = read_scale(n->keys[i], n->items[i], diags))
          grid.scales.push_back(std::move(*s));
        else
          refused.insert(n->keys[i].text);
      }
  }
  if (const YamlNode* n = r.get("facts")) {
    std::set<std::string> refused_facts;
    if (!n->is_seq()) {
      wrong_type(*n, "facts", phrase(Msg::expect_fact_list), diags);
    } else {
      bool whole_list = too_many(*n, Msg::items_facts, diags);
      for (const auto& item : n->items) {
        if (!whole_list)
          if (auto f = read_fact(item, diags)) {
            grid.facts.push_back(std::move(*f));
            continue;
          }
        const YamlNode* id = item.is_map() ? item.find("id") : nullptr;
        if (id && id->is_scalar()) refused_facts.insert(id->text);
      }
    }
    // A fact that could not be read still stands for its id, so that the facts using it are
    // not also told that it does not exist. The grid has errors: it is never used.
    for (const auto& id : refused_facts) {
      refused.insert(id);
      if (grid.find_fact(id)) continue;
      Fact placeholder;
      placeholder.id = id;
      grid.facts.push_back(std::move(placeholder));
    }
  }
  if (const YamlNode* n = r.require("criteria")) {
    if (!n->is_seq()) {
      wrong_type(*n, "criteria", phrase(Msg::expect_criteria_list), diags);
    } else if (n->items.empty()) {
      diags.error(n->pos, say(Msg::empty_criteria), say(Msg::empty_criteria_hint));
    } else if (!too_many_criteria(*n, diags)) {
      for (const auto& item : n->items)
        if (auto c = read_criterion(item, grid, refused, diags))
          grid.criteria.push_back(std::move(*c));
    }
  }
  if (const YamlNode* n = r.require("decision")) {
    if (!too_many(*n, Msg::items_bands, diags)) read_bands(*n, grid.decision, diags);
  }
  check_grid_references(grid, diags);
  if (diags.error_count() != errors_before) return std::nullopt;
  return grid;
}

std::optional<Grid> load_grid_bytes(std::string_view bytes, const std::string& file,
                                    const ParseLimits& limits, Diagnostics& diags) {
  YamlNode root;
  std::size_t errors_before = diags.error_count();
  if (!parse_yaml(bytes, limits, root, diags)) return std::nullopt;
  if (diags.error_count() != errors_before) return std::nullopt;  // e.g. a duplicate key
  if (document_kind(root) != DocumentKind::grid) {
    diags.error(root.pos, say(Msg::not_a_grid));
    return std::nullopt;
  }
  auto grid = load_grid(root, diags);
  if (grid) {
    grid->file = file;
    grid->sha256 = sha256_hex(bytes);
  }
  return grid;
}

std::optional<Grid> load_grid_file(const std::string& path, const ParseLimits& limits,
                                   Diagnostics& diags) {
  std::string bytes;
  if (!read_file_bytes(path, limits.max_file_bytes, bytes, diags)) return std::nullopt;
  return load_grid_bytes(bytes, path, limits, diags);
}

}  // namespace ess
