#pragma once
// Files compiled into the binary (built-in grids and JSON schemas), by repository path.
#include <span>
#include <string_view>

namespace ess {

struct EmbeddedFile {
  std::string_view path;  // e.g. "criteria/ess-citoyennete-economique.yaml"
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_files();

// The bytes of an embedded file, or an empty view when there is none by that path.
std::string_view embedded_file(std::string_view path);

}  // namespace ess
