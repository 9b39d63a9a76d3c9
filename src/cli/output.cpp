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

int emit_streamed(const std::string& path,
                  const std::function<void(const std::function<void(std::string_view)>&)>& render) {
  if (!path.empty() && path != "-") {
    AtomicFile file(path);
    render([&](std::string_view chunk) { file.write(chunk); });
    if (file.commit()) return exit_ok;
    fmt::print(stderr, "ess-eval: error: {}\n", file.error());
    return exit_io;
  }
  bool ok = true;
  render([&](std::string_view chunk) {
    ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
  });
  ok = ok && std::fflush(stdout) == 0;
  if (!ok && errno != EPIPE) {
    fmt::print(stderr, "ess-eval: error: cannot write to standard output: {}\n",
               std::strerror(errno));
    return exit_io;
  }
  return exit_ok;
}

}  // namespace ess::cli
