#pragma once
// Typed reads from the marked YAML tree, each refusal a diagnostic at the value's position.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/scale_value.hpp"
#include "ess/model/text.hpp"

namespace ess {

// Checks a mapping's keys once: unknown ones (except x-*) are errors with a suggestion,
// required ones missing are errors at the mapping.
class MapReader {
 public:
  MapReader(const YamlNode& node, std::string_view what, Diagnostics& diags,
            std::initializer_list<std::string_view> allowed);
  const YamlNode* get(std::string_view key) const { return ok_ ? node_.find(key) : nullptr; }
  const YamlNode* require(std::string_view key);
  const Pos& key_pos(std::string_view key) const;
  bool ok() const { return ok_; }
  const YamlNode& node() const { return node_; }

 private:
  const YamlNode& node_;
  std::string what_;
  Diagnostics& diags_;
  bool ok_;
};

// Numbers are plain scalars that read back exactly: no quotes, no leading zeros, no hex,
// no .nan/.inf, nothing that overflows a double.
std::optional<double> read_number(const YamlNode& node, std::string_view what, Diagnostics& diags);
bool read_text(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);
bool read_id(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);
std::optional<bool> read_bool(const YamlNode& node, std::string_view what, Diagnostics& diags);

// A value on a scale (a level, yes/no, a number within bounds): resolve_scale_value on a scalar.
std::optional<double> read_scale_value(const Scale& scale, Language grid_language,
                                       const YamlNode& node, const std::string& what,
                                       Diagnostics& diags);

void wrong_type(const YamlNode& node, std::string_view what, std::string_view expected,
                Diagnostics& diags);

}  // namespace ess
