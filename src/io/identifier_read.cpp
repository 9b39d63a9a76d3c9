#include "identifier_read.hpp"

#include <fmt/format.h>

#include "ess/model/identifiers.hpp"
#include "ess/model/messages.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

Msg siret_problem(IdentifierProblem p) {
  switch (p) {
    case IdentifierProblem::non_digit:
      return Msg::siret_non_digit;
    case IdentifierProblem::length:
      return Msg::siret_length;
    case IdentifierProblem::checksum:
      return Msg::siret_checksum;
    case IdentifierProblem::prefix:
    case IdentifierProblem::none:
      break;
  }
  return Msg::siret_other;
}

Msg rna_problem(IdentifierProblem p) {
  switch (p) {
    case IdentifierProblem::prefix:
      return Msg::rna_prefix;
    case IdentifierProblem::non_digit:
      return Msg::rna_non_digit;
    case IdentifierProblem::length:
      return Msg::rna_length;
    case IdentifierProblem::checksum:
    case IdentifierProblem::none:
      break;
  }
  return Msg::rna_other;
}

}  // namespace

bool read_siret(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out) {
  std::string text;
  if (!read_text(node, what, diags, text)) return false;
  IdentifierProblem p = check_siret(text);
  if (p != IdentifierProblem::none) {
    diags.error(
        node.pos,
        say(siret_problem(p), "what"_a = what, "value"_a = clip(text), "count"_a = text.size()),
        say(Msg::siret_hint));
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
    diags.error(node.pos,
                say(rna_problem(p), "what"_a = what, "value"_a = clip(text),
                    "count"_a = text.empty() ? 0 : text.size() - 1),
                say(Msg::rna_hint));
    return false;
  }
  out = std::move(text);
  return true;
}

}  // namespace ess
