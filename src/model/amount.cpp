#include "ess/model/amount.hpp"

#include <charconv>
#include <cmath>

#include "ess/model/messages.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The length of a group separator at the start of `s`: a space, U+00A0 or U+202F; else 0.
std::size_t separator_length(std::string_view s) {
  if (s.starts_with(' ')) return 1;
  if (s.starts_with("\u00A0")) return 2;
  if (s.starts_with("\u202F")) return 3;
  return 0;
}

std::size_t count_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return n;
}

// The decimal reading of 150,000 written so that parse_amount takes it: 150; 1,25 for 1,250;
// 1,2340 for 1,234 (a fourth decimal, since three are what makes it ambiguous).
std::string unambiguous_decimals(const WrittenNumber& n) {
  std::string decimals = n.decimals;
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  if (decimals.empty()) return n.whole;
  if (decimals.size() == 3) decimals += '0';
  return n.whole + n.mark + decimals;
}

}  // namespace

std::optional<WrittenNumber> scan_written_number(std::string_view s) {
  WrittenNumber n;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    n.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::size_t digits = count_digits(s);
  if (digits == 0) return std::nullopt;
  n.whole = s.substr(0, digits);
  s.remove_prefix(digits);
  while (std::size_t sep = separator_length(s)) {
    // Groups after a space are exactly three digits, and the first group at most three.
    if (count_digits(s.substr(sep)) != 3 || (!n.grouped && n.whole.size() > 3)) return std::nullopt;
    n.grouped = true;
    n.whole += s.substr(sep, 3);
    s.remove_prefix(sep + 3);
  }
  if (!s.empty() && (s[0] == ',' || s[0] == '.')) {
    n.mark = s[0];
    s.remove_prefix(1);
    std::size_t decimals = count_digits(s);
    if (decimals == 0) return std::nullopt;
    n.decimals = s.substr(0, decimals);
    s.remove_prefix(decimals);
  }
  if (!s.empty()) return std::nullopt;
  return n;
}

bool is_ambiguous(const WrittenNumber& n) {
  return n.mark != 0 && n.decimals.size() == 3 && !n.grouped;
}

std::string plain_text(const WrittenNumber& n) {
  std::string text = (n.negative ? "-" : "") + n.whole;
  if (n.mark) text += "." + n.decimals;
  return text;
}

AmountReading parse_amount(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  AmountReading r;
  auto n = scan_written_number(text);
  if (n && is_ambiguous(*n)) {
    std::string grouped = n->whole + n->decimals;
    for (std::size_t at = grouped.size(); at > 3;) grouped.insert(at -= 3, " ");
    r.problem = say(Msg::amount_ambiguous, "value"_a = text);
    r.hint = say(Msg::amount_ambiguous_hint, "whole"_a = n->whole + n->decimals,
                 "grouped"_a = grouped, "decimal"_a = unambiguous_decimals(*n));
    return r;
  }
  double value = 0;
  std::string plain = n ? plain_text(*n) : std::string();
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (!n || ec != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value)) {
    r.problem = say(Msg::amount_not_number, "value"_a = text);
    r.hint = say(Msg::amount_hint);
    return r;
  }
  if (n->negative && value != 0) {
    r.problem = say(Msg::amount_negative, "value"_a = text);
    r.hint = say(Msg::amount_hint);
    return r;
  }
  r.value = value == 0 ? 0.0 : value;  // never -0
  return r;
}

}  // namespace ess
