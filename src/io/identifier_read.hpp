#pragma once
// SIRET and RNA numbers read from YAML, each refusal saying what is wrong with the number.
#include <string>
#include <string_view>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"

namespace ess {

// 14 digits, Luhn-checked (La Poste's exception included): identifiers.hpp. Quoted or not.
bool read_siret(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);

// 'W' then 9 digits.
bool read_rna(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);

}  // namespace ess
