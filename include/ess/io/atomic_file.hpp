#pragma once
// Where reports are written: a file that appears at its path whole or not at all.
#include <string>
#include <string_view>

namespace ess {

// A file written in pieces that appears at `path` only when commit() succeeds: a temporary
// file in the same folder, then rename. Until then (and if anything fails, or the process
// dies) `path` is untouched and nothing is left behind. Never creates folders.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  void write(std::string_view content);  // errors are kept for commit()
  bool commit();
  const std::string& error() const { return error_; }  // "PATH: cannot write: why"

 private:
  void fail(int err);
  std::string path_, staging_, error_;
  int fd_ = -1;
  bool anonymous_ = false, committed_ = false;
};

// Writes `content` to `path` atomically: a temporary file in the same folder, then rename.
// Never creates folders. Returns false with a message on failure (and leaves nothing behind).
bool write_file_atomic(const std::string& path, std::string_view content, std::string& error);

}  // namespace ess
