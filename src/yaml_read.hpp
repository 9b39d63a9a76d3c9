#pragma once
// Typed reads from the marked YAML tree, each refusal a diagnostic at the value's position.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/diagnostic.hpp"
#include "ess/yaml_tree.hpp"

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

bool is_valid_id(std::string_view s);

// A user's text quoted in a message, cut to a readable length on a UTF-8 boundary.
std::string clip(std::string_view text);

// closest_match within a per-thread budget of work, so that a file with a hundred thousand
// misspelt names (or one of a megabyte) gets its first suggestions, not minutes of edit
// distances. The loaders and validators reset the budget for each file.
std::string suggest(const std::string& word, const std::vector<std::string>& candidates);
void reset_suggestion_budget();

// Numbers are plain scalars that read back exactly: no quotes, no leading zeros, no hex,
// no .nan/.inf, nothing that overflows a double.
std::optional<double> read_number(const YamlNode& node, std::string_view what, Diagnostics& diags);
// Same as read_number, but silent: for values that may also be labels.
std::optional<double> parse_number_text(std::string_view text);
bool read_text(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);
bool read_id(const YamlNode& node, std::string_view what, Diagnostics& diags, std::string& out);
std::optional<bool> read_bool(const YamlNode& node, std::string_view what, Diagnostics& diags);
bool is_iso_date(std::string_view s);
// MAJOR.MINOR.PATCH, each a number without leading zeros.
bool is_semver(std::string_view v);

void wrong_type(const YamlNode& node, std::string_view what, std::string_view expected,
                Diagnostics& diags);

}  // namespace ess
