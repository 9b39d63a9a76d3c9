// Files that appear whole or not at all: written under no name (or a temporary one), then
// renamed over their target.
#include "ess/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "ess/model/messages.hpp"

namespace ess {

namespace {

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
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

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), staging_(staging_name(path_)) {
  // O_TMPFILE: the file has no name until it is complete, so a run killed while writing
  // leaves nothing at all. Where the file system lacks it, a named temporary file.
  fd_ = ::open(folder_of(path_).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  anonymous_ = fd_ >= 0;
  if (!anonymous_) fd_ = ::open(staging_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd_ < 0) fail(errno);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !anonymous_) ::unlink(staging_.c_str());
}

void AtomicFile::fail(int err) {
  if (error_.empty())
    error_ = phrase(Msg::cannot_write, fmt::arg("path", path_),
                    fmt::arg("reason", std::strerror(err ? err : EIO)));
}

void AtomicFile::write(std::string_view content) {
  if (error_.empty() && !write_all(fd_, content)) fail(errno);
}

bool AtomicFile::commit() {
  if (!error_.empty()) return false;
  if (::fsync(fd_) != 0) fail(errno);
  if (error_.empty() && anonymous_) {
    std::string proc = fmt::format("/proc/self/fd/{}", fd_);
    ::unlink(staging_.c_str());
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, staging_.c_str(), AT_SYMLINK_FOLLOW) != 0)
      fail(errno);
    anonymous_ = false;  // it has a name now: the destructor removes it if the rest fails
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (error_.empty() && ::rename(staging_.c_str(), path_.c_str()) != 0) fail(errno);
  committed_ = error_.empty();
  return committed_;
}

bool write_file_atomic(const std::string& path, std::string_view content, std::string& error) {
  AtomicFile file(path);
  file.write(content);
  bool ok = file.commit();
  if (!ok) error = file.error();
  return ok;
}

}  // namespace ess
