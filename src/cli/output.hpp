#pragma once
// Where reports go: stdout, or a file written whole (temporary file, then rename).
#include <string>
#include <string_view>

#include "ess/io/atomic_file.hpp"

namespace ess::cli {

// stdout when `path` is empty, else write_file_atomic; prints the error and returns exit_io.
int emit(const std::string& path, std::string_view content);

}  // namespace ess::cli
