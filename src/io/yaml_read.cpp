#include "yaml_read.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "ess/model/messages.hpp"

namespace ess {

using namespace fmt::literals;

MapReader::MapReader(const YamlNode& node, std::string_view what, Diagnostics& diags,
                     std::initializer_list<std::string_view> allowed)
    : node_(node), what_(what), diags_(diags), ok_(node.is_map()) {
  if (!ok_) {
    wrong_type(node, what, phrase(Msg::expect_mapping), diags);
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
    diags.error(key.pos, say(Msg::unknown_key, "key"_a = clip(key.text), "what"_a = what_),
                suggestion.empty()
                    ? say(Msg::known_keys_private_hint, "keys"_a = fmt::join(names, ", "))
                    : did_you_mean(suggestion));
  }
  if (first_unreported)
    diags.error(first_unreported->pos,
                say(Msg::more_unknown_keys, "count"_a = unknown - max_reported, "what"_a = what_),
                say(Msg::known_keys_hint, "keys"_a = fmt::join(names, ", ")));
}

const YamlNode* MapReader::require(std::string_view key) {
  if (!ok_) return nullptr;
  const YamlNode* n = node_.find(key);
  if (!n) {
    diags_.error(node_.pos, say(Msg::missing_key, "what"_a = what_, "key"_a = key),
                 say(Msg::missing_key_hint, "key"_a = key));
    return nullptr;
  }
  if (n->is_null()) {
    diags_.error(key_pos(key), say(Msg::key_without_value, "key"_a = key));
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
  diags.error(node.pos, say(Msg::wrong_type, "what"_a = what, "expected"_a = expected,
                            "kind"_a = describe_kind(node)));
}

std::optional<double> read_number(const YamlNode& node, std::string_view what, Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, phrase(Msg::expect_number), diags);
    return std::nullopt;
  }
  return check_number_text(node.text, node.quoted, node.pos, what, diags);
}

bool read_text(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  if (!node.is_scalar()) {
    wrong_type(node, what, phrase(Msg::expect_text), diags);
    return false;
  }
  out = node.text;
  return true;
}

bool read_id(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  if (!read_text(node, what, diags, out)) return false;
  if (!is_valid_id(out)) {
    diags.error(node.pos, say(Msg::invalid_id, "what"_a = what, "id"_a = clip(out)),
                say(Msg::invalid_id_hint));
    return false;
  }
  return true;
}

std::optional<bool> read_bool(const YamlNode& node, std::string_view what, Diagnostics& diags) {
  if (node.is_scalar() && !node.quoted) {
    if (node.text == "true") return true;
    if (node.text == "false") return false;
  }
  diags.error(node.pos, say(Msg::not_a_bool, "what"_a = what));
  return std::nullopt;
}

std::optional<double> read_scale_value(const Scale& scale, Language grid_language,
                                       const YamlNode& node, const std::string& what,
                                       Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, phrase(Msg::expect_single_value), diags);
    return std::nullopt;
  }
  return resolve_scale_value(scale, grid_language, {node.text, node.quoted, node.pos}, what, diags);
}

}  // namespace ess
