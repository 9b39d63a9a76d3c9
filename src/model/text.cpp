#include "ess/model/text.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace ess {

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

std::optional<double> check_number_text(std::string_view text, bool quoted, Pos pos,
                                        std::string_view what, Diagnostics& diags) {
  if (quoted) {
    diags.error("invalid-number", pos,
                fmt::format("{} is a quoted text \"{}\", not a number", what, clip(text)),
                "remove the quotes");
    return std::nullopt;
  }
  auto v = parse_number_text(text);
  if (!v) {
    std::string why = "not a number";
    const std::string_view t = text;
    if (t == ".nan" || t == ".NaN" || t == ".NAN" || t.find(".inf") != std::string::npos ||
        t.find(".Inf") != std::string::npos || t.find(".INF") != std::string::npos)
      why = "not a finite number";
    else if (is_out_of_range(t))
      why = "too large or too small for a number";
    else if (has_leading_zero(t))
      why = "a number with leading zeros (read as octal by some tools)";
    diags.error("invalid-number", pos, fmt::format("{}: '{}' is {}", what, clip(t), why),
                "write a plain decimal number, e.g. 12 or 0.5");
  }
  return v;
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
