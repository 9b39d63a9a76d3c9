#include "identifier_read.hpp"

#include <fmt/format.h>

#include "ess/model/identifiers.hpp"
#include "ess/model/messages.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

Said siret_problem(IdentifierProblem p, std::string_view what, std::string_view siret) {
  auto value = clip(std::string(siret));
  switch (p) {
    case IdentifierProblem::non_digit:
      return say(Msg::siret_non_digit, "what"_a = what, "value"_a = value);
    case IdentifierProblem::length:
      return say(Msg::siret_length, "what"_a = what, "value"_a = value, "count"_a = siret.size());
    case IdentifierProblem::checksum:
      return say(Msg::siret_checksum, "what"_a = what, "value"_a = value);
    case IdentifierProblem::prefix:
    case IdentifierProblem::none:
      break;
  }
  return say(Msg::siret_invalid, "what"_a = what, "value"_a = value);
}

Said rna_problem(IdentifierProblem p, std::string_view what, std::string_view rna) {
  auto value = clip(std::string(rna));
  switch (p) {
    case IdentifierProblem::prefix:
      return say(Msg::rna_prefix, "what"_a = what, "value"_a = value);
    case IdentifierProblem::non_digit:
      return say(Msg::rna_non_digit, "what"_a = what, "value"_a = value);
    case IdentifierProblem::length:
      return say(Msg::rna_length, "what"_a = what, "value"_a = value,
                 "count"_a = rna.empty() ? 0 : rna.size() - 1);
    case IdentifierProblem::checksum:
    case IdentifierProblem::none:
      break;
  }
  return say(Msg::rna_invalid, "what"_a = what, "value"_a = value);
}

}  // namespace

bool read_siret(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  std::string text;
  if (!read_text(node, what, diags, text)) return false;
  IdentifierProblem p = check_siret(text);
  if (p != IdentifierProblem::none) {
    diags.error(node.pos, siret_problem(p, what, text), say(Msg::siret_hint));
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
    diags.error(node.pos, rna_problem(p, what, text), say(Msg::rna_hint));
    return false;
  }
  out = std::move(text);
  return true;
}

}  // namespace ess
