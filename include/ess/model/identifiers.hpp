#pragma once
// French identifiers of organisations (§1.2, §1.3): the SIRET of an establishment and the RNA
// number of an association. One place for their rules, used by the loaders of dossiers and
// calls and by the open-data export.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ess {

// What is wrong with an identifier, so that a message can say it.
enum class IdentifierProblem : std::uint8_t { none, length, non_digit, prefix, checksum };

// Luhn's check over a string of ASCII digits (false for anything else).
bool luhn_valid(std::string_view digits);

// A SIRET: 14 digits whose Luhn sum is valid. La Poste's establishments (SIREN 356000000) are
// numbered otherwise: their digits add up to a multiple of 5; only the head office,
// 356 000 000 00048, follows Luhn (INSEE's rule, as python-stdnum's fr.siret applies it).
IdentifierProblem check_siret(std::string_view siret);

// An RNA number: 'W' then 9 digits (W872001234).
IdentifierProblem check_rna(std::string_view rna);

// Number of characters (Unicode code points) in UTF-8 text: what "256 characters" counts.
std::size_t utf8_length(std::string_view text);

// A payment date or period as SCDL writes it: YYYY-MM-DD, or YYYY-MM-DD/YYYY-MM-DD with the
// second date not before the first.
bool is_iso_date_or_period(std::string_view text);

}  // namespace ess
