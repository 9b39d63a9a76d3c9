#pragma once
// What many unit tests need: a grid or a dossier from YAML text that must load, and a text
// edited in one place. One copy here rather than one per test file.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "ess/io/load.hpp"
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace test_support {

// The names of a text's {placeholders}, as fmt reads them: "#" for one without a name ({} or
// {0}), a format spec left out ({total:.1f} is "total"), doubled braces {{ }} not placeholders.
inline std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "{{" || text.substr(i, 2) == "}}") {
      ++i;
    } else if (text[i] == '{') {
      std::size_t end = text.find('}', i);
      INFO("a '{' without its '}' in: " << text);
      REQUIRE(end != std::string_view::npos);
      std::string name(text.substr(i + 1, end - i - 1));
      name = name.substr(0, name.find(':'));
      bool named = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) != 0);
      names.insert(named ? name : "#");
      i = end;
    }
  }
  return names;
}

// `text` with `from` replaced by `to`; `from` must occur exactly once, so that an edit that
// no longer matches the fixture fails the test instead of testing the unedited text.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  INFO("edit not found exactly once: " << from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

// The first diagnostic's message, for INFO when a load that must succeed does not.
inline std::string first_message(const ess::Diagnostics& diags) {
  return diags.empty() ? std::string("no diagnostics") : diags.items()[0].message;
}

// A grid that must load (the test fails with the first diagnostic otherwise).
inline ess::Grid require_grid(const std::string& yaml, const std::string& name = "grid.yaml") {
  ess::Diagnostics diags(name);
  auto grid = ess::load_grid_bytes(yaml, name, ess::ParseLimits{}, diags);
  INFO(first_message(diags));
  REQUIRE(grid);
  return std::move(*grid);
}

// A dossier that must parse and load (not validated against a grid).
inline ess::Dossier require_dossier(const std::string& yaml, const std::string& name = "d.yaml") {
  ess::Diagnostics diags(name);
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(yaml, ess::ParseLimits{}, root, diags));
  auto dossier = ess::load_dossier(root, diags);
  INFO(first_message(diags));
  REQUIRE(dossier);
  return std::move(*dossier);
}

}  // namespace test_support
