#pragma once
// YAML files to model: a grid, a dossier or a call, with every problem as a diagnostic.
#include <optional>
#include <string>
#include <string_view>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/call.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"
#include "ess/model/sha256.hpp"

namespace ess {

enum class DocumentKind : std::uint8_t { grid, dossier, call, unknown };

// A file is a dossier by its top key `dossier:`, else a call by `call:` (a call also names its
// base grid with `grid:`), else a grid by `grid:`.
DocumentKind document_kind(const YamlNode& root);

// Reads and checks a whole grid: structure, ids, scales, facts, the criteria tree, bands.
// Returns nothing when an error makes the grid unusable for scoring.
std::optional<Grid> load_grid(const YamlNode& root, Diagnostics& diags);

// Reads a dossier's structure; the checks against its grid are validate_dossier's.
std::optional<Dossier> load_dossier(const YamlNode& root, Diagnostics& diags);

// Reads and checks a call for projects (§1.3) on its own: structure, ids, the funder's SIRET,
// amounts, dates, the award's terms, the bands of a `decision:` override. What needs the base
// grid (criteria named by overrides, values on a leaf's scale) is apply_call's (core). Like
// load_dossier, returns what could be read even with errors (a value refused is left out), so
// that the overrides are still checked against the base grid: nothing only when the file is
// not a mapping.
std::optional<Call> load_call(const YamlNode& root, Diagnostics& diags);

// Convenience for whole files: read, parse, load. `sha256` of the bytes is recorded.
std::optional<Grid> load_grid_file(const std::string& path, const ParseLimits& limits,
                                   Diagnostics& diags);
std::optional<Grid> load_grid_bytes(std::string_view bytes, const std::string& file,
                                    const ParseLimits& limits, Diagnostics& diags);

std::optional<Call> load_call_bytes(std::string_view bytes, const std::string& file,
                                    const ParseLimits& limits, Diagnostics& diags);
std::optional<Call> load_call_file(const std::string& path, const ParseLimits& limits,
                                   Diagnostics& diags);

// A letterhead of its own (`letter --letterhead FILE`): the keys of a call's `letterhead:`
// (sender, signature, place), each optional, nothing else. Nothing when the file cannot be
// read or has an error.
std::optional<Letterhead> load_letterhead_file(const std::string& path, const ParseLimits& limits,
                                               Diagnostics& diags);

}  // namespace ess
