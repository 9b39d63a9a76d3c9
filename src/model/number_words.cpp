#include "ess/model/number_words.hpp"

#include <algorithm>
#include <cmath>

#include "ess/model/format.hpp"
#include "ess/model/shares.hpp"

namespace ess {

namespace {

constexpr std::string_view narrow_nbsp = "\u202f";
constexpr std::string_view nbsp = "\u00a0";

bool french(Language language) {
  return language == Language::fr;
}

}  // namespace

std::vector<double> rounded_shares(const std::vector<double>& parts) {
  std::vector<double> out;
  for (long tenths : round_shares(parts, 1000)) out.push_back(static_cast<double>(tenths) / 1000);
  return out;
}

bool is_currency_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

NumberWords::NumberWords(Language language, std::string_view currency)
    : language_(language), currency_(currency.empty() ? default_currency : currency) {}

// "-1234567.5" (format_fixed, format_quantity) as the language writes it.
std::string NumberWords::localise(const std::string& plain) const {
  bool negative = !plain.empty() && plain[0] == '-';
  std::string digits = negative ? plain.substr(1) : plain;
  auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  std::string_view sep = french(language_) ? narrow_nbsp : ",";
  std::size_t group_from = french(language_) ? 5 : 4;  // 10 000 / 1,000
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (whole.size() >= group_from && i > 0 && (whole.size() - i) % 3 == 0) out += sep;
    out += whole[i];
  }
  if (!frac.empty()) out += (french(language_) ? "," : ".") + frac;
  return out;
}

std::string NumberWords::fixed(double value, int decimals) const {
  return localise(format_fixed(value, decimals));
}

std::string NumberWords::score(double value) const {
  return fixed(value, 1);
}

std::string NumberWords::signed_score(double value) const {
  std::string plain = format_fixed(value, 1);
  bool zero = plain.find_first_not_of("-0.") == std::string::npos;
  return (plain[0] == '-' || zero ? "" : "+") + localise(plain);
}

std::string NumberWords::quantity(double value) const {
  return localise(format_quantity(value));
}

std::string NumberWords::exact(double value) const {
  std::string plain = format_shortest(value);
  if (plain.find_first_of("eE") == std::string::npos) return localise(plain);
  for (char& c : plain)  // 1e-07: no grouping, only the decimal mark
    if (c == '.' && french(language_)) c = ',';
  return plain;
}

std::string NumberWords::count(std::size_t n) const {
  return localise(std::to_string(n));
}

std::string NumberWords::symbol() const {
  if (currency_ == "EUR") return "€";
  if (currency_ == "GBP") return "£";
  if (currency_ == "USD") return "$";
  return currency_;
}

namespace {

// The number is written before the symbol in English (€40,000, CHF 40,000), after it in French
// with a no-break space (40 000 €); `per` is a rate's unit ("/h").
std::string money(const NumberWords& n, const std::string& number, std::string_view per) {
  std::string symbol = n.symbol();
  if (french(n.language())) return number + std::string(nbsp) + symbol + std::string(per);
  bool negative = !number.empty() && number[0] == '-';
  std::string digits = negative ? number.substr(1) : number;
  std::string gap = is_currency_code(symbol) ? " " : "";  // a code, not a sign: CHF 40,000
  return (negative ? "-" : "") + symbol + gap + digits + std::string(per);
}

}  // namespace

std::string NumberWords::amount(double value) const {
  std::string cents = format_fixed(value, 2);
  bool whole = cents.size() >= 3 && cents.compare(cents.size() - 3, 3, ".00") == 0;
  return money(*this, fixed(value, whole ? 0 : 2), "");
}

std::string NumberWords::percent_sign(std::string_view number) const {
  return std::string(number) + (french(language_) ? std::string(narrow_nbsp) : "") + "%";
}

std::string NumberWords::percent(double fraction) const {
  return percent_sign(fixed(100 * fraction, 1));
}

std::string NumberWords::with_unit(double value, std::string_view unit) const {
  if (unit == currency_ || unit == "€") return amount(value);
  if (unit.size() > currency_.size() && unit.substr(0, currency_.size()) == currency_ &&
      unit[currency_.size()] == '/')
    return money(*this, quantity(value), unit.substr(currency_.size()));
  if (unit == "ratio") return percent(value);
  if (unit == "%") return percent_sign(quantity(value));
  std::string q = quantity(value);
  if (unit.empty() || unit == "indice" || unit == "index") return q;
  return q + std::string(nbsp) + std::string(unit);
}

}  // namespace ess
