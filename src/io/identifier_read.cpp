#include "identifier_read.hpp"

#include <fmt/format.h>

#include "ess/model/identifiers.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

std::string siret_problem(IdentifierProblem p, std::string_view siret) {
  switch (p) {
    case IdentifierProblem::non_digit:
      return "has characters other than digits";
    case IdentifierProblem::length:
      return fmt::format("has {} digits, not 14", siret.size());
    case IdentifierProblem::checksum:
      return "fails the Luhn check (a digit is wrong or two are swapped)";
    case IdentifierProblem::prefix:
    case IdentifierProblem::none:
      break;
  }
  return "is not a SIRET";
}

std::string rna_problem(IdentifierProblem p, std::string_view rna) {
  switch (p) {
    case IdentifierProblem::prefix:
      return "does not start with W";
    case IdentifierProblem::non_digit:
      return "has characters other than digits after the W";
    case IdentifierProblem::length:
      return fmt::format("has {} digits after the W, not 9", rna.empty() ? 0 : rna.size() - 1);
    case IdentifierProblem::checksum:
    case IdentifierProblem::none:
      break;
  }
  return "is not an RNA number";
}

}  // namespace

bool read_siret(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  std::string text;
  if (!read_text(node, what, diags, text)) return false;
  IdentifierProblem p = check_siret(text);
  if (p != IdentifierProblem::none) {
    diags.error("invalid-siret", node.pos,
                fmt::format("{} '{}' {}", what, clip(text), siret_problem(p, text)),
                "a SIRET is the 9 digits of the SIREN then the 5 of the establishment, written "
                "together without spaces, e.g. \"44306184100047\"");
    return false;
  }
  out = std::move(text);
  return true;
}

bool read_rna(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  std::string text;
  if (!read_text(node, what, diags, text)) return false;
  IdentifierProblem p = check_rna(text);
  if (p != IdentifierProblem::none) {
    diags.error("invalid-rna", node.pos,
                fmt::format("{} '{}' {}", what, clip(text), rna_problem(p, text)),
                "an RNA number is W then 9 digits, e.g. W872001234");
    return false;
  }
  out = std::move(text);
  return true;
}

}  // namespace ess
