#include "ess/model/text.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "ess/model/amount.hpp"
#include "ess/model/messages.hpp"

namespace ess {

using namespace fmt::literals;

std::string clip(std::string_view text) {
  constexpr std::size_t max = 60;
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return phrase(Msg::clipped, "start"_a = text.substr(0, cut), "bytes"_a = text.size());
}

namespace {

// Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F): the capitals of French and of the
// other languages written with them; every other code point is its own lower case.
char32_t fold_latin(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;  // Ÿ
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c + (c & 1);
  return c;
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + ('a' - 'A'));
    } else if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      char32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3Fu);
      cp = fold_latin(cp);
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a == b || fold_case(a) == fold_case(b);
}

namespace {

// The letters without their accents of U+00C0..U+017F, lower case; "" for the two signs (× ÷)
// that are no letters and stay as they are.
std::string_view base_letters(char32_t c) {
  static constexpr std::string_view latin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  // Latin Extended-A by runs: the first code point of each run and its letters.
  static constexpr std::pair<char32_t, std::string_view> extended[] = {
      {0x100, "a"}, {0x106, "c"},  {0x10E, "d"}, {0x112, "e"}, {0x11C, "g"}, {0x124, "h"},
      {0x128, "i"}, {0x132, "ij"}, {0x134, "j"}, {0x136, "k"}, {0x139, "l"}, {0x143, "n"},
      {0x14C, "o"}, {0x152, "oe"}, {0x154, "r"}, {0x15A, "s"}, {0x162, "t"}, {0x168, "u"},
      {0x174, "w"}, {0x176, "y"},  {0x179, "z"}, {0x17F, "s"}};
  if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
  std::string_view out;
  for (const auto& [first, letters] : extended)
    if (c >= first) out = letters;
  return out;
}

// The code point of a UTF-8 sequence of two or three bytes at `i`, and its length; 0 otherwise.
std::pair<char32_t, std::size_t> decode_at(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto follows = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if ((c & 0xE0) == 0xC0 && follows(i + 1)) return {((c & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu), 2};
  if ((c & 0xF0) == 0xE0 && follows(i + 1) && follows(i + 2))
    return {((c & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu), 3};
  return {0, 0};
}

}  // namespace

std::string match_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    auto [cp, length] = decode_at(text, i);
    std::string_view letters = cp >= 0xC0 && cp <= 0x17F ? base_letters(cp) : std::string_view();
    if (!letters.empty())
      out += letters;
    else if (cp == 0xA0 || cp == 0x202F || cp == 0x2007)  // no-break spaces
      out += ' ';
    else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)  // apostrophes
      out += '\'';
    else
      out.append(text.substr(i, length ? length : 1));
    i += length ? length : 1;
  }
  std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') + 1 - first);
}

bool same_name(std::string_view a, std::string_view b) {
  return a == b || match_key(a) == match_key(b);
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

namespace {

// 12,5 or 120 000 in a YAML file: a number written as a French reader writes it on paper. The
// diagnostic says how YAML wants it; nothing is guessed, since 150,000 reads two ways.
bool refuse_french_number(std::string_view text, Pos pos, std::string_view what,
                          Diagnostics& diags) {
  auto n = scan_written_number(text);
  if (!n || !(n->grouped || n->mark == ',')) return false;
  std::string shown = clip(text);
  auto value = "value"_a = shown;
  if (n->mark == ',' && is_ambiguous(*n))
    diags.error(pos, say(Msg::ambiguous_comma, "what"_a = what, value),
                say(Msg::ambiguous_comma_hint, "whole"_a = n->whole + n->decimals,
                    "decimal"_a = plain_text(*n)));
  else if (n->grouped)
    diags.error(pos, say(Msg::grouped_digits, "what"_a = what, value),
                say(Msg::grouped_digits_hint, "number"_a = plain_text(*n)));
  else
    diags.error(pos, say(Msg::decimal_comma, "what"_a = what, value),
                say(Msg::decimal_comma_hint, "number"_a = plain_text(*n)));
  return true;
}

Msg why_not_a_number(std::string_view t) {
  if (t == ".nan" || t == ".NaN" || t == ".NAN" || t.find(".inf") != std::string::npos ||
      t.find(".Inf") != std::string::npos || t.find(".INF") != std::string::npos)
    return Msg::not_finite;
  if (is_out_of_range(t)) return Msg::number_out_of_range;
  if (has_leading_zero(t)) return Msg::leading_zeros;
  return Msg::not_a_number;
}

}  // namespace

std::optional<double> check_number_text(std::string_view text, bool quoted, Pos pos,
                                        std::string_view what, Diagnostics& diags) {
  if (quoted) {
    diags.error(pos, say(Msg::quoted_number, "what"_a = what, "value"_a = clip(text)),
                say(Msg::quoted_number_hint));
    return std::nullopt;
  }
  auto v = parse_number_text(text);
  if (!v && !refuse_french_number(text, pos, what, diags))
    diags.error(pos, say(why_not_a_number(text), "what"_a = what, "value"_a = clip(text)),
                say(Msg::plain_number_hint));
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
