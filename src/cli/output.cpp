#include "cli/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "cli/options.hpp"

namespace ess::cli {

namespace {

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0;
}

std::string folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// A name for the finished file next to its target, from which rename() moves it in place.
std::string staging_name(const std::string& path) {
  return fmt::format("{}.tmp-{}", path, ::getpid());
}

}  // namespace

bool write_file_atomic(const std::string& path, std::string_view content, std::string& error) {
  // O_TMPFILE: the file has no name until it is complete, so a run killed while writing
  // leaves nothing at all. Where the file system lacks it, a named temporary file.
  int fd = ::open(folder_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  bool anonymous = fd >= 0;
  std::string staging = staging_name(path);
  if (!anonymous) fd = ::open(staging.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
    return false;
  }
  bool ok = write_all(fd, content);
  int saved = errno;
  if (ok && anonymous) {
    std::string proc = fmt::format("/proc/self/fd/{}", fd);
    ::unlink(staging.c_str());
    ok = ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, staging.c_str(), AT_SYMLINK_FOLLOW) == 0;
    saved = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok && ::rename(staging.c_str(), path.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlink(staging.c_str());
    error = fmt::format("{}: cannot write: {}", path, std::strerror(saved ? saved : EIO));
  }
  return ok;
}

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
