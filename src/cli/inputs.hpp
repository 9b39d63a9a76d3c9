#pragma once
// The files a command reads: paths as given, folders walked, --files-from lists.
#include <sys/stat.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "options.hpp"

namespace ess::cli {

// Files in a stable order: named files as given, each folder's *.yaml/*.yml sorted by path.
// Hidden entries are skipped; nothing else is, in silence: a folder or entry that cannot be
// read (permissions, a path over PATH_MAX, a loop of links) is an io-error at its path. A
// link to a folder is followed once, and only into the folders given (anywhere with
// --follow); a link out of them is a warning (link-not-followed).
std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags);

// The same files handed over one at a time, for batches of any size: named files first (each
// once), then the folders walked in the order the file system lists them, so that a folder
// costs no memory however many files it holds. A file both named and met in a folder is read
// once, as named. A file reached by two paths inside folders (a hard link) is met twice: the
// caller sees the same device and inode.
class InputStream {
 public:
  InputStream(const Options& options, std::vector<Diagnostic>& diags);  // reads --files-from
  std::size_t count() const;  // walks the folders once, for a progress line
  void for_each(const std::function<void(std::string)>& fn, std::vector<Diagnostic>& diags) const;
  // A file at all (the walk stops at the first one), or a folder for_each reports a problem in.
  bool any() const;

 private:
  void walk_folders(const std::function<void(const std::string&, const struct stat*)>& found,
                    std::vector<Diagnostic>& diags) const;
  std::vector<std::string> files_, folders_;
  std::set<std::pair<dev_t, ino_t>> named_;
  bool follow_ = false;
};

}  // namespace ess::cli
