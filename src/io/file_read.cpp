// Reading input files ourselves: yaml-cpp's LoadFile aborts the process on a folder.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/messages.hpp"

namespace ess {

namespace {

// Reads into the string itself, never through a buffer on the stack: every command must run
// under `ulimit -s 64`. Reads at most one byte past the limit, to tell a file over it.
bool read_all(int fd, std::size_t max_bytes, std::string& bytes, Diagnostics& diags) {
  constexpr std::size_t chunk = 64u << 10;
  for (;;) {
    std::size_t have = bytes.size();
    std::size_t room = bytes.capacity() > have ? bytes.capacity() - have : chunk;
    std::size_t left = max_bytes - std::min(max_bytes, have);               // up to the limit...
    std::size_t want = std::min(room, left == SIZE_MAX ? left : left + 1);  // ...and one more
    bytes.resize(have + want);
    ssize_t n = ::read(fd, bytes.data() + have, want);
    int err = errno;
    bytes.resize(have + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0) {
      if (err == EINTR) continue;
      if (err == EBADF && fd == STDIN_FILENO)
        diags.error({}, say(Msg::stdin_closed));
      else
        diags.error({}, say(Msg::cannot_read, fmt::arg("reason", system_reason(err))));
      return false;
    }
    if (n == 0) return true;
    if (bytes.size() > max_bytes) {
      diags.error({}, say(Msg::file_over_limit, fmt::arg("limit", max_bytes)),
                  say(Msg::file_too_large_hint));
      return false;
    }
  }
}

}  // namespace

bool read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& bytes,
                     Diagnostics& diags) {
  bytes.clear();
  if (path == "-") return read_all(STDIN_FILENO, max_bytes, bytes, diags);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR)
      diags.error({}, say(Msg::no_such_file));
    else if (err == ELOOP)
      diags.error({}, say(Msg::symlink_loop));
    else
      diags.error({}, say(Msg::cannot_open, fmt::arg("reason", system_reason(err))));
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (ok && S_ISDIR(st.st_mode)) {
    diags.error({}, say(Msg::is_directory));
    ok = false;
  } else if (ok && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
    diags.error(
        {}, say(Msg::file_too_large, fmt::arg("size", st.st_size), fmt::arg("limit", max_bytes)),
        say(Msg::file_too_large_hint));
    ok = false;
  }
  if (ok) {
    // Blocking reads from here on (a FIFO opened non-blocking would return EAGAIN). Pipes and
    // devices are read like files, up to the size limit: /dev/zero is a file too large.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    // One byte more than the size: the read that finds the end needs room too.
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
    ok = read_all(fd, max_bytes, bytes, diags);
  }
  ::close(fd);
  return ok;
}

}  // namespace ess
