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

std::string clip(std::string_view text) {
  constexpr std::size_t max = 60;
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}... ({} bytes)", text.substr(0, cut), text.size());
}

namespace {
thread_local std::size_t suggestion_budget = 0;
constexpr std::size_t suggestion_budget_per_file = 20'000'000;  // edit-distance cells
}  // namespace

void reset_suggestion_budget() {
  suggestion_budget = suggestion_budget_per_file;
}

std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
  std::size_t cost = 0;
  for (const auto& c : candidates) cost += (word.size() + 1) * (c.size() + 1);
  if (cost > suggestion_budget) {
    suggestion_budget = 0;
    return {};
  }
  suggestion_budget -= cost;
  return closest_match(word, candidates);
}

bool is_valid_id(std::string_view s) {
  if (s.empty()) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(s[0])) return false;
  for (char c : s)
    if (!lower_or_digit(c) && c != '_' && c != '-') return false;
  return true;
}

namespace {
bool is_out_of_range(std::string_view t) {
  double value = 0;
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  return std::from_chars(t.data(), t.data() + t.size(), value).ec == std::errc::result_out_of_range;
}
bool has_leading_zero(std::string_view t) {
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
  return t.size() > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9';
}
}  // namespace

std::optional<double> parse_number_text(std::string_view text) {
  std::string_view t = text;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
  if (t.empty() || !(t[0] >= '0' && t[0] <= '9')) {
    if (!(t.size() > 1 && t[0] == '.' && t[1] >= '0' && t[1] <= '9')) return std::nullopt;
  }
  if (t.size() > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9') return std::nullopt;  // 017
  if (text.find_first_of("xXoO_") != std::string_view::npos) return std::nullopt;
  std::string_view parse = text[0] == '+' ? text.substr(1) : text;
  double value = 0;
  auto [end, ec] = std::from_chars(parse.data(), parse.data() + parse.size(), value);
  if (ec != std::errc() || end != parse.data() + parse.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<double> read_number(const YamlNode& node, std::string_view what, Diagnostics& diags) {
  if (!node.is_scalar()) {
    wrong_type(node, what, "a number", diags);
    return std::nullopt;
  }
  if (node.quoted) {
    diags.error("invalid-number", node.pos,
                fmt::format("{} is a quoted text \"{}\", not a number", what, clip(node.text)),
                "remove the quotes");
    return std::nullopt;
  }
  auto v = parse_number_text(node.text);
  if (!v) {
    std::string why = "not a number";
    const std::string& t = node.text;
    if (t == ".nan" || t == ".NaN" || t == ".NAN" || t.find(".inf") != std::string::npos ||
        t.find(".Inf") != std::string::npos || t.find(".INF") != std::string::npos)
      why = "not a finite number";
    else if (is_out_of_range(t))
      why = "too large or too small for a number";
    else if (has_leading_zero(t))
      why = "a number with leading zeros (read as octal by some tools)";
    diags.error("invalid-number", node.pos, fmt::format("{}: '{}' is {}", what, clip(t), why),
                "write a plain decimal number, e.g. 12 or 0.5");
  }
  return v;
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

// MAJOR.MINOR.PATCH, numbers without leading zeros. (Not std::regex: libstdc++'s matcher
// recurses once per character and overflows the stack on a long enough version string.)
bool is_semver(std::string_view v) {
  for (int part = 0; part < 3; ++part) {
    std::size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9 || (digits > 1 && v[0] == '0')) return false;
    v.remove_prefix(digits);
    if (part < 2) {
      if (v.empty() || v[0] != '.') return false;
      v.remove_prefix(1);
    }
  }
  return v.empty();
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int year = std::stoi(std::string(s.substr(0, 4)));
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace ess
