#pragma once
// YAML files to model: a grid or a dossier, with every problem as a diagnostic.
#include <optional>
#include <string>
#include <string_view>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"
#include "ess/model/sha256.hpp"

namespace ess {

enum class DocumentKind : std::uint8_t { grid, dossier, unknown };

// A file is a grid or a dossier by its top key (`grid:` with `criteria:`, or `dossier:`).
DocumentKind document_kind(const YamlNode& root);

// Reads and checks a whole grid: structure, ids, scales, facts, the criteria tree, bands.
// Returns nothing when an error makes the grid unusable for scoring.
std::optional<Grid> load_grid(const YamlNode& root, Diagnostics& diags);

// Reads a dossier's structure; the checks against its grid are validate_dossier's.
std::optional<Dossier> load_dossier(const YamlNode& root, Diagnostics& diags);

// Convenience for whole files: read, parse, load. `sha256` of the bytes is recorded.
std::optional<Grid> load_grid_file(const std::string& path, const ParseLimits& limits,
                                   Diagnostics& diags);
std::optional<Grid> load_grid_bytes(std::string_view bytes, const std::string& file,
                                    const ParseLimits& limits, Diagnostics& diags);

}  // namespace ess
