#include "doc_numbers.hpp"

#include "ess/model/format.hpp"

namespace ess::doc {

namespace {

constexpr const char* narrow_nbsp = "\u202f";
constexpr const char* nbsp = "\u00a0";

// "1234567.5" as the language writes it.
std::string localise(const std::string& plain, Language language) {
  bool negative = !plain.empty() && plain[0] == '-';
  std::string digits = negative ? plain.substr(1) : plain;
  auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  bool french = language == Language::fr;
  std::string sep = french ? narrow_nbsp : ",";
  std::size_t group_from = french ? 5 : 4;  // 10 000 / 1,000
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (whole.size() >= group_from && i > 0 && (whole.size() - i) % 3 == 0) grouped += sep;
    grouped += whole[i];
  }
  std::string out = (negative ? "-" : "") + grouped;
  if (!frac.empty()) out += (french ? "," : ".") + frac;
  return out;
}

}  // namespace

std::string number(double value, int decimals, Language language) {
  return localise(format_fixed(value, decimals), language);
}

std::string score(double value, Language language) {
  return number(value, 1, language);
}

std::string quantity(double value, Language language) {
  return localise(format_quantity(value), language);
}

std::string amount(double value, Language language) {
  std::string cents = format_fixed(value, 2);
  bool whole = cents.size() >= 3 && cents.compare(cents.size() - 3, 3, ".00") == 0;
  std::string n = number(value, whole ? 0 : 2, language);
  if (language == Language::en) return n[0] == '-' ? "-€" + n.substr(1) : "€" + n;
  return n + nbsp + "€";
}

std::string percent(double fraction, Language language) {
  std::string n = number(100 * fraction, 1, language);
  return language == Language::en ? n + "%" : n + nbsp + "%";
}

}  // namespace ess::doc
