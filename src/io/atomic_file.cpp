// Files that appear whole or not at all: written under no name (or a temporary one), then
// linked or renamed over their target. Special files are written through.
#include "ess/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "ess/model/messages.hpp"

namespace ess {

namespace {

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = ENOSPC;  // a file that takes nothing is full
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

std::string name_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// /dev/stdout, /dev/fd/N, /proc/self/fd/N and the like: links to what a descriptor is open
// on, never to be replaced (a shell's `>>` would lose what it appended).
bool names_a_descriptor(const std::string& path) {
  return path.starts_with("/dev/") || path.starts_with("/proc/");
}

// The file a chain of symbolic links ends at (or would be created at). Empty, with errno set,
// when the chain is too long or a link cannot be read.
std::string final_target(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    std::string target(PATH_MAX, '\0');
    ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return {};
    target.resize(static_cast<std::size_t>(n));
    path = target.starts_with('/') ? target : folder_of(path) + "/" + target;
  }
  errno = ELOOP;
  return {};
}

// Named temporary files not yet renamed, for the signal handler: fixed slots, each claimed by
// a compare-and-swap, so that the handler reads them without locks or allocation.
constexpr int slot_count = 16;
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a name
  char path[PATH_MAX];
};
Slot slots[slot_count];
std::atomic<unsigned> staging_counter{0};

// A name beside the target, unique in this process and across processes: hidden (folder
// walks skip it) and short (the target's own name may already be NAME_MAX long).
std::string staging_name(const std::string& target) {
  return fmt::format("{}/.{}.ess-{}-{}", folder_of(target), name_of(target).substr(0, 64),
                     ::getpid(), staging_counter.fetch_add(1));
}

int claim_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < slot_count; ++i) {
    int expected = 0;
    if (!slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(2);
    return i;
  }
  return -1;  // more unfinished files than slots: this one is only removed on failure
}

void release_slot(int& slot) {
  if (slot >= 0) slots[slot].state.store(0);
  slot = -1;
}

extern "C" void remove_and_reraise(int sig) {
  int saved = errno;
  for (Slot& s : slots)
    if (s.state.load() == 2) ::unlink(s.path);
  // SA_RESETHAND restored the default action: the signal, pending until this handler returns,
  // ends the process as it would have.
  ::raise(sig);
  errno = saved;
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      fail(EISDIR);
      return;
    }
    if (!S_ISREG(st.st_mode) || names_a_descriptor(path_)) {
      // A FIFO, a terminal, a device, a descriptor's link: written through, as `>` would.
      direct_ = true;
      int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC | (S_ISREG(st.st_mode) ? O_APPEND : 0);
      fd_ = ::open(path_.c_str(), flags);
      if (fd_ < 0) fail(errno);
      return;
    }
    keep_mode_ = true;
    mode_ = st.st_mode & 07777;
    uid_ = st.st_uid;
    gid_ = st.st_gid;
  } else if (errno != ENOENT) {
    fail(errno);
    return;
  }
  target_ = final_target(path_);
  if (target_.empty()) {
    fail(errno);
    return;
  }
  open_staging();
}

// O_TMPFILE: the file has no name until it is complete, so a run killed while writing
// leaves nothing at all. It needs /proc to be linked in by name; without either, a named file.
void AtomicFile::open_staging() {
  std::string folder = folder_of(target_);
  mode_t create_mode = keep_mode_ ? 0600 : 0666;  // the target's mode is set before it shows
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, create_mode);
    anonymous_ = fd_ >= 0;
    if (anonymous_) return;
  }
  staging_ = staging_name(target_);
  slot_ = claim_slot(staging_);
  fd_ = ::open(staging_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, create_mode);
  named_ = fd_ >= 0;
  if (!named_) {
    release_slot(slot_);
    fail(errno);
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && named_) ::unlink(staging_.c_str());
  release_slot(slot_);
}

void AtomicFile::fail(int err) {
  if (!error_.empty()) return;
  std::string why = system_reason(err ? err : EIO);
  reason_ = phrase(Msg::cannot_write_reason, fmt::arg("reason", why));
  error_ = phrase(Msg::cannot_write, fmt::arg("path", path_), fmt::arg("reason", why));
}

void AtomicFile::write(std::string_view content) {
  if (error_.empty() && !write_all(fd_, content)) fail(errno);
}

// The anonymous file gets a name: the target's own when there is none yet (nothing else ever
// shows), else a staging name renamed over the target at once.
bool AtomicFile::link_in() {
  std::string proc = fmt::format("/proc/self/fd/{}", fd_);
  if (!keep_mode_ &&
      ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target_.c_str(), AT_SYMLINK_FOLLOW) == 0)
    return true;
  if (!keep_mode_ && errno != EEXIST) {
    fail(errno);
    return false;
  }
  staging_ = staging_name(target_);
  slot_ = claim_slot(staging_);  // a signal between link and rename removes it
  if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, staging_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
    fail(errno);
    release_slot(slot_);
    return false;
  }
  named_ = true;  // the destructor removes it if the rename fails
  if (::rename(staging_.c_str(), target_.c_str()) != 0) {
    fail(errno);
    return false;
  }
  return true;
}

bool AtomicFile::commit() {
  if (!error_.empty()) return false;
  if (direct_) {
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0 && errno != EINTR) fail(errno);
    committed_ = error_.empty();
    return committed_;
  }
  if (keep_mode_) {
    // The owner is kept where the system allows it (root); the mode always. fchown first: it
    // clears set-user-id bits that fchmod then restores.
    if ((uid_ != ::geteuid() || gid_ != ::getegid()) && ::fchown(fd_, uid_, gid_) != 0) {
      // not allowed: the file is ours, as any new file would be
    }
    if (::fchmod(fd_, mode_) != 0) fail(errno);
  }
  if (error_.empty() && ::fsync(fd_) != 0) fail(errno);
  if (error_.empty() && anonymous_) link_in();
  int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0 && errno != EINTR) fail(errno);
  if (error_.empty() && !anonymous_ && ::rename(staging_.c_str(), target_.c_str()) != 0)
    fail(errno);
  committed_ = error_.empty();
  release_slot(slot_);
  return committed_;
}

bool write_file_atomic(const std::string& path, std::string_view content, std::string& error) {
  AtomicFile file(path);
  file.write(content);
  bool ok = file.commit();
  if (!ok) error = file.error();
  return ok;
}

void remove_temporary_files_on_signals() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa {};
    sa.sa_handler = remove_and_reraise;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &sa, nullptr);
  }
}

}  // namespace ess
