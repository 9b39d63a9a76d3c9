#pragma once
// Where reports go: stdout, or a file written whole (temporary file, then rename).
#include <functional>
#include <string>
#include <string_view>

#include "ess/io/atomic_file.hpp"

namespace ess::cli {

// stdout when `path` is empty, else write_file_atomic; prints the error and returns exit_io.
int emit(const std::string& path, std::string_view content);

// The same for a report rendered in chunks (a ranking of 50 000 dossiers is never held whole):
// `render` hands each chunk to the sink it is given; a file appears whole or not at all.
int emit_streamed(const std::string& path,
                  const std::function<void(const std::function<void(std::string_view)>&)>& render);

}  // namespace ess::cli
