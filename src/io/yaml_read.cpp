#include "yaml_read.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace ess {

MapReader::MapReader(const YamlNode& node, std::string_view what, Diagnostics& diags,
                     std::initializer_list<std::string_view> allowed)
    : node_(node), what_(what), diags_(diags), ok_(node.is_map()) {
  if (!ok_) {
    wrong_type(node, what, "a mapping of keys to values", diags);
    return;
  }
  std::vector<std::string> names(allowed.begin(), allowed.end());
  constexpr std::size_t max_reported = 20;  // a mapping of garbage deserves a few lines, not all
  std::size_t unknown = 0;
  const YamlKey* first_unreported = nullptr;
  for (const auto& key : node.keys) {
    if (key.text.rfind("x-", 0) == 0) continue;
    bool known = false;
    for (auto a : allowed) known = known || key.text == a;
    if (known) continue;
    if (++unknown > max_reported) {
      if (!first_unreported) first_unreported = &key;
      continue;
    }
    std::string suggestion = suggest(key.text, names);
    diags.error(
        "unknown-key", key.pos, fmt::format("unknown key '{}' in {}", clip(key.text), what_),
        suggestion.empty()
            ? fmt::format("known keys: {}; prefix private keys with x-", fmt::join(names, ", "))
            : fmt::format("did you mean '{}'?", suggestion));
  }
  if (first_unreported)
    diags.error(
        "unknown-key", first_unreported->pos,
        fmt::format("{} more unknown keys in {}, from here on", unknown - max_reported, what_),
        fmt::format("known keys: {}", fmt::join(names, ", ")));
}

const YamlNode* MapReader::require(std::string_view key) {
  if (!ok_) return nullptr;
  const YamlNode* n = node_.find(key);
  if (!n) {
    diags_.error("missing-key", node_.pos, fmt::format("{} has no '{}'", what_, key),
                 fmt::format("add '{}:'", key));
    return nullptr;
  }
  if (n->is_null()) {
    diags_.error("missing-key", key_pos(key), fmt::format("'{}' has no value", key));
    return nullptr;
  }
  return n;
}

const Pos& MapReader::key_pos(std::string_view key) const {
  for (std::size_t i = 0; i < node_.keys.size(); ++i)
    if (node_.keys[i].text == key) return node_.keys[i].pos;
  return node_.pos;
}

void wrong_type(const YamlNode& node, std::string_view what, std::string_view expected,
                Diagnostics& diags) {
  diags.error("wrong-type", node.pos,
              fmt::format("{} must be {}, not {}", what, expected, describe_kind(node)));
}

std::optional<double> read_number(const YamlNode& node, std::string_view what, Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, "a number", diags);
    return std::nullopt;
  }
  return check_number_text(node.text, node.quoted, node.pos, what, diags);
}

bool read_text(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  if (!node.is_scalar()) {
    wrong_type(node, what, "a text", diags);
    return false;
  }
  out = node.text;
  return true;
}

bool read_id(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  if (!read_text(node, what, diags, out)) return false;
  if (!is_valid_id(out)) {
    diags.error("invalid-id", node.pos, fmt::format("{} '{}' is not a valid id", what, clip(out)),
                "use lower-case letters, digits, '-' and '_', starting with a letter or digit");
    return false;
  }
  return true;
}

std::optional<bool> read_bool(const YamlNode& node, std::string_view what, Diagnostics& diags) {
  if (node.is_scalar() && !node.quoted) {
    if (node.text == "true") return true;
    if (node.text == "false") return false;
  }
  diags.error("wrong-type", node.pos, fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::optional<double> read_scale_value(const Scale& scale, const YamlNode& node,
                                       const std::string& what, Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, "a single value", diags);
    return std::nullopt;
  }
  return resolve_scale_value(scale, {node.text, node.quoted, node.pos}, what, diags);
}

}  // namespace ess
