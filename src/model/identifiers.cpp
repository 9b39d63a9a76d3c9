#include "ess/model/identifiers.hpp"

#include "ess/model/text.hpp"

namespace ess {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

constexpr std::string_view la_poste_siren = "356000000";
constexpr std::string_view la_poste_head_office = "35600000000048";

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (digits.empty() || !all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;  // every second digit from the right is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

IdentifierProblem check_siret(std::string_view siret) {
  if (!all_digits(siret)) return IdentifierProblem::non_digit;
  if (siret.size() != 14) return IdentifierProblem::length;
  if (siret.substr(0, 9) == la_poste_siren && siret != la_poste_head_office) {
    int sum = 0;
    for (char c : siret) sum += c - '0';
    return sum % 5 == 0 ? IdentifierProblem::none : IdentifierProblem::checksum;
  }
  return luhn_valid(siret) ? IdentifierProblem::none : IdentifierProblem::checksum;
}

IdentifierProblem check_rna(std::string_view rna) {
  if (rna.empty() || rna.front() != 'W') return IdentifierProblem::prefix;
  if (!all_digits(rna.substr(1))) return IdentifierProblem::non_digit;
  return rna.size() == 10 ? IdentifierProblem::none : IdentifierProblem::length;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // count every byte but continuations
  return n;
}

bool is_iso_date_or_period(std::string_view text) {
  if (text.size() == 10) return is_iso_date(text);
  if (text.size() != 21 || text[10] != '/') return false;
  std::string_view from = text.substr(0, 10), to = text.substr(11);
  return is_iso_date(from) && is_iso_date(to) && from <= to;  // ISO dates sort as text
}

}  // namespace ess
