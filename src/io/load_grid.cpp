// Grid YAML to model. Structural checks here; cross-references in validate_grid.cpp.
#include <fmt/format.h>

#include <set>

#include "ess/io/load.hpp"
#include "ess/model/grid_checks.hpp"
#include "ess/model/language.hpp"
#include "ess/model/scale_value.hpp"
#include "load_bands.hpp"
#include "yaml_read.hpp"

namespace ess {

DocumentKind document_kind(const YamlNode& root) {
  if (!root.is_map()) return DocumentKind::unknown;
  if (root.find("dossier")) return DocumentKind::dossier;
  if (root.find("grid")) return DocumentKind::grid;
  return DocumentKind::unknown;
}

namespace {

// Far beyond any real grid; they keep every per-criterion loop (here, in validation and in
// scoring) fast whatever a hostile file holds.
constexpr std::size_t max_grid_items = 1000;

bool too_many(const YamlNode& list, const char* what, Diagnostics& diags) {
  if (list.items.size() <= max_grid_items) return false;
  diags.error(
      "too-many-nodes", list.pos,
      fmt::format("{} {}: a grid may hold at most {}", list.items.size(), what, max_grid_items),
      "check that it is the grid meant");
  return true;
}

std::vector<ValuePoint> read_points(const YamlNode& node, const std::string& what,
                                    Diagnostics& diags) {
  std::vector<ValuePoint> pts;
  if (!node.is_seq() || node.items.empty()) {
    diags.error("scale-function", node.pos, fmt::format("{} must be a list of [x, s] pairs", what));
    return pts;
  }
  if (too_many(node, "points", diags)) return pts;
  for (const auto& item : node.items) {
    if (!item.is_seq() || item.items.size() != 2) {
      diags.error("scale-function", item.pos,
                  fmt::format("each of {} must be a pair [x, s]", what));
      return {};
    }
    auto x = read_number(item.items[0], what, diags);
    auto s = read_number(item.items[1], what, diags);
    if (!x || !s) return {};
    if (*s < 0 || *s > 1) {
      diags.error("scale-function", item.items[1].pos,
                  fmt::format("{}: s = {} is outside [0, 1]", what, item.items[1].text));
      return {};
    }
    if (!pts.empty() && *x <= pts.back().x) {
      diags.error("scale-function", item.items[0].pos,
                  fmt::format("{}: x must increase strictly ({} after {})", what,
                              item.items[0].text, pts.back().x));
      return {};
    }
    pts.push_back({*x, *s});
  }
  return pts;
}

void read_levels(const YamlNode& node, Scale& scale, Diagnostics& diags) {
  if (!node.is_seq() || node.items.size() < 2) {
    diags.error("scale-levels", node.pos,
                fmt::format("scale '{}' needs a list of at least two levels", scale.id));
    return;
  }
  if (too_many(node, "levels", diags)) return;
  for (const auto& item : node.items) {
    MapReader r(item, "a level", diags, {"value", "label", "description"});
    Level level;
    level.pos = item.pos;
    const YamlNode* v = r.require("value");
    const YamlNode* l = r.require("label");
    auto value = v ? read_number(*v, "a level's value", diags) : std::nullopt;
    if (!value || !l || !read_text(*l, "a level's label", diags, level.label)) continue;
    level.value = *value;
    if (const YamlNode* d = r.get("description"))
      read_text(*d, "a description", diags, level.description);
    for (const auto& other : scale.levels) {
      if (other.value == level.value)
        diags.error("scale-levels", v->pos,
                    fmt::format("scale '{}': two levels have the value {}", scale.id, v->text));
      if (other.label == level.label)
        diags.error("scale-levels", l->pos,
                    fmt::format("scale '{}': two levels are labelled '{}'", scale.id, level.label),
                    "dossiers may cite a level by its label: labels must differ");
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
      diags.error("invalid-value", n->pos, "better must be 'higher' or 'lower'");
  }
  const YamlNode* points = r.get("points");
  const YamlNode* steps = r.get("steps");
  if (points && steps) {
    diags.error("scale-function", steps->pos,
                fmt::format("scale '{}' has both points and steps; keep one", scale.id));
    return;
  }
  if (points) scale.points = read_points(*points, "points", diags);
  if (steps) scale.steps = read_points(*steps, "steps", diags);
  if (scale.min && scale.max && !(*scale.min < *scale.max))
    diags.error("scale-bounds", r.key_pos("max"),
                fmt::format("scale '{}': min must be below max", scale.id));
  if (!points && !steps && (!scale.min || !scale.max))
    diags.error("scale-bounds", r.node().pos,
                fmt::format("scale '{}' is linear: it needs both min and max", scale.id),
                "add min and max, or a value function with points or steps");
}

std::optional<Scale> read_scale(const YamlKey& key, const YamlNode& node, Diagnostics& diags) {
  Scale scale;
  scale.id = key.text;
  scale.pos = key.pos;
  if (!is_valid_id(scale.id))
    diags.error("invalid-id", key.pos, fmt::format("scale id '{}' is not a valid id", scale.id));
  MapReader r(node, fmt::format("scale '{}'", scale.id), diags,
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
        diags.error("unknown-key", r.key_pos(k),
                    fmt::format("'{}' does not apply to a {} scale", k, kind));
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
    diags.error("invalid-value", type->pos,
                fmt::format("scale type '{}' is not levels, yesno or numeric", clip(type->text)));
  }
  if (diags.error_count() != errors) return std::nullopt;
  return scale;
}

std::optional<Fact> read_fact(const YamlNode& node, Diagnostics& diags) {
  MapReader r(
      node, "a fact", diags,
      {"id", "title", "unit", "description", "value", "sum", "product", "ratio", "diversity"});
  if (!r.ok()) return std::nullopt;
  Fact fact;
  fact.pos = node.pos;
  const YamlNode* id = r.require("id");
  if (!id || !read_id(*id, "fact id", diags, fact.id)) return std::nullopt;
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
      diags.error("fact-operation", r.key_pos(name),
                  fmt::format("fact '{}' has more than one operation; keep exactly one", fact.id));
      return std::nullopt;
    }
    op_node = n;
    fact.op = op;
  }
  if (!op_node) return fact;  // declared by the dossier
  if (fact.op == FactOp::constant) {
    auto v = read_number(*op_node, "a fact's value", diags);
    if (!v) return std::nullopt;
    fact.constant = *v;
    return fact;
  }
  if (!op_node->is_seq() || op_node->items.empty()) {
    diags.error("fact-operation", op_node->pos,
                fmt::format("fact '{}': the operation needs a list of fact ids", fact.id));
    return std::nullopt;
  }
  for (const auto& item : op_node->items) {
    std::string ref;
    if (!read_id(item, "a fact reference", diags, ref)) return std::nullopt;
    fact.operands.push_back(ref);
  }
  if (fact.op == FactOp::ratio && fact.operands.size() != 2) {
    diags.error(
        "fact-operation", op_node->pos,
        fmt::format("fact '{}': ratio takes exactly two facts [numerator, denominator]", fact.id));
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
  diags.error("too-many-nodes", list.pos,
              fmt::format("{} criteria: a grid may hold at most {}", n, max_grid_items),
              "check that it is the grid meant");
  return true;
}

}  // namespace

std::optional<Grid> load_grid(const YamlNode& root, Diagnostics& diags) {
  reset_suggestion_budget();
  std::size_t errors_before = diags.error_count();
  MapReader r(root, "the grid", diags,
              {"grid", "version", "title", "language", "description", "scales", "facts", "criteria",
               "decision", "disagreement"});
  if (!r.ok()) return std::nullopt;
  Grid grid;
  grid.pos = root.pos;
  std::set<std::string> refused;
  if (const YamlNode* n = r.require("grid")) read_id(*n, "grid id", diags, grid.id);
  if (const YamlNode* n = r.require("version")) {
    if (read_text(*n, "version", diags, grid.version) && !is_semver(grid.version))
      diags.error(
          "invalid-version", n->pos,
          fmt::format("version '{}' is not a semantic version MAJOR.MINOR.PATCH", clip(n->text)),
          "write it as 1.2.0");
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
      diags.error("invalid-value", n->pos,
                  fmt::format("language '{}' is not fr or en", clip(n->text)));
  }
  if (const YamlNode* n = r.get("disagreement")) {
    if (auto v = read_number(*n, "disagreement", diags)) {
      if (*v <= 0 || *v > 1)
        diags.error("invalid-value", n->pos, "disagreement must be above 0 and at most 1");
      grid.disagreement = *v;
    }
  }
  if (const YamlNode* n = r.get("scales")) {
    if (!n->is_map())
      wrong_type(*n, "scales", "a mapping of scale ids to scales", diags);
    else if (too_many(*n, "scales", diags))
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
      wrong_type(*n, "facts", "a list of facts", diags);
    } else {
      bool whole_list = too_many(*n, "facts", diags);
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
      wrong_type(*n, "criteria", "a list of criteria", diags);
    } else if (n->items.empty()) {
      diags.error("missing-key", n->pos, "criteria is an empty list",
                  "list at least one criterion");
    } else if (!too_many_criteria(*n, diags)) {
      for (const auto& item : n->items)
        if (auto c = read_criterion(item, grid, refused, diags))
          grid.criteria.push_back(std::move(*c));
    }
  }
  if (const YamlNode* n = r.require("decision")) {
    if (!too_many(*n, "decision bands", diags)) read_bands(*n, grid, diags);
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
    diags.error("unknown-document", root.pos, "this file is not a criteria grid (no 'grid:' key)");
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
