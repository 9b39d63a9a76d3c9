#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "ess/io/atomic_file.hpp"
#include "options.hpp"

namespace ess::cli {

int emit(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() ||
        std::fflush(stdout) != 0) {
      if (errno == EPIPE) return exit_ok;
      fmt::print(stderr, "ess-eval: error: cannot write to standard output: {}\n",
                 std::strerror(errno));
      return exit_io;
    }
    return exit_ok;
  }
  std::string error;
  if (!write_file_atomic(path, content, error)) {
    fmt::print(stderr, "ess-eval: error: {}\n", error);
    return exit_io;
  }
  return exit_ok;
}

}  // namespace ess::cli
