#pragma once
// Where `grid diff` and `grid impact` read OLD and NEW: a file, standard input ('-'), or a
// version of a file in git (`REV:PATH`).
#include <cstddef>
#include <optional>
#include <string>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/model.hpp"

namespace ess {

// `REV:PATH` when the text is not an existing file and has a colon after a non-empty revision.
bool is_git_reference(const std::string& ref);

// A grid from a file ("-": standard input) or from `git show REV:PATH`, run without a shell
// (the reference is one argument of git, never interpreted). A failing git is a diagnostic
// (code git-error) carrying git's own message. The grid's `file` is the reference as given.
std::optional<Grid> load_grid_source(const std::string& ref, const ParseLimits& limits,
                                     Diagnostics& diags);

// The bytes of a file ("-": standard input) or of `git show REV:PATH`, for a caller that looks
// at the document's kind before loading it (a grid, or a call whose grid is derived).
bool read_source_bytes(const std::string& ref, const ParseLimits& limits, std::string& bytes,
                       Diagnostics& diags);

// Runs `git show REV:PATH` in the current folder; false with a message in `error` on failure.
bool git_show(const std::string& rev_path, std::size_t max_bytes, std::string& bytes,
              std::string& error);

}  // namespace ess
