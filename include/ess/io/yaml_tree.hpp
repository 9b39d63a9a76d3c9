#pragma once
// A YAML document as a small tree of marked nodes, built from yaml-cpp's event API.
// Only what grids and dossiers need survives: scalars (with quoting), maps, sequences.
// Anchors, aliases, tags, complex keys, duplicate keys and extra documents are refused
// here, with the position where they stand, so no later stage ever meets them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/diagnostic.hpp"

namespace ess {

struct YamlNode;

struct YamlKey {
  std::string text;
  Pos pos;
};

struct YamlNode {
  enum class Kind : std::uint8_t { null, scalar, map, seq };
  Kind kind = Kind::null;
  bool quoted = false;  // a quoted (or !!str) scalar is text, never a number
  Pos pos;
  std::string text;             // scalar value
  std::vector<YamlKey> keys;    // map keys, parallel to items
  std::vector<YamlNode> items;  // map values or sequence elements

  bool is_map() const { return kind == Kind::map; }
  bool is_seq() const { return kind == Kind::seq; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  // Linear lookup: our maps are small, and keys are unique by construction.
  const YamlNode* find(std::string_view key) const;
};

struct ParseLimits {
  std::size_t max_file_bytes = 8u << 20;  // 8 MiB
  std::size_t max_depth = 64;             // nested maps and sequences
  std::size_t max_nodes = 1'000'000;
  std::size_t max_string_bytes = 1u << 20;  // one scalar
};

// Checks the raw bytes (size, NUL, UTF-8, CR-only line ends, tab indentation), strips a BOM,
// then parses exactly one document. Returns false (with diagnostics) when there is no tree.
bool parse_yaml(std::string_view bytes, const ParseLimits& limits, YamlNode& root,
                Diagnostics& diags);

// Reads a whole file ("-" is standard input), refusing folders, special files and files
// over the size limit. I/O failures come back as diagnostics too (code io-error, not-found,
// is-directory, file-too-large), so a batch goes on with the next file.
bool read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& bytes,
                     Diagnostics& diags);

// A kind name for messages: "a mapping", "a list", "a text value", "nothing".
std::string describe_kind(const YamlNode& node);

}  // namespace ess
