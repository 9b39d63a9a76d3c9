#pragma once
// Where reports are written: a regular file that appears at its path whole or not at all, or
// a special file (FIFO, terminal, device) written through.
#include <string>
#include <string_view>

namespace ess {

// A file written in pieces. When `path` is a regular file, or nothing yet, it appears there
// only when commit() succeeds: a temporary file in the same folder, then rename. Until then
// (and if anything fails, or the process dies) `path` is untouched. A symbolic link is
// followed: its target is replaced, and keeps its mode (and owner, where allowed); a hard link
// cannot be kept by a replace. Anything else (a FIFO, a character device, a path under /dev or
// /proc such as /dev/stdout) is opened and written through, as a shell redirection would.
// Never creates folders.
//
// The temporary file has no name while it is written (O_TMPFILE, linked in through
// /proc/self/fd), so a run killed at any point leaves nothing. Where the file system lacks
// O_TMPFILE, or /proc is not mounted, it is a named file `.NAME.ess-PID-N` beside the target,
// removed on failure and, once remove_temporary_files_on_signals() is called, on SIGINT,
// SIGTERM and SIGHUP; only SIGKILL can leave it behind.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void write(std::string_view content);  // errors are kept for commit()
  bool commit();
  const std::string& error() const { return error_; }  // "PATH: cannot write: why"
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }  // "cannot write: why"
  bool written_through() const { return direct_; }       // a special file, not replaced

 private:
  void open_staging();
  void fail(int err);
  bool link_in();
  std::string path_, target_, staging_, error_, reason_;
  int fd_ = -1;
  int slot_ = -1;  // the staging name's place in the list removed on signals
  bool anonymous_ = false, direct_ = false, committed_ = false, named_ = false;
  bool keep_mode_ = false;
  unsigned mode_ = 0, uid_ = 0, gid_ = 0;
};

// Writes `content` to `path` as AtomicFile does. Never creates folders. Returns false with a
// message on failure (and leaves nothing behind).
bool write_file_atomic(const std::string& path, std::string_view content, std::string& error);

// Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored) that remove the named
// temporary files of unfinished AtomicFiles, then let the signal end the process as before.
// Called once at start-up.
void remove_temporary_files_on_signals();

}  // namespace ess
