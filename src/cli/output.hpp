#pragma once
// Where reports go: stdout, or a file written whole (temporary file, then rename).
#include <string>
#include <string_view>

namespace ess::cli {

// Writes `content` to `path` atomically: a temporary file in the same folder, then rename.
// Never creates folders. Returns false with a message on failure (and leaves nothing behind).
bool write_file_atomic(const std::string& path, std::string_view content, std::string& error);

// stdout when `path` is empty, else write_file_atomic; prints the error and returns exit_io.
int emit(const std::string& path, std::string_view content);

}  // namespace ess::cli
