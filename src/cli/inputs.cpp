#include "inputs.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/messages.hpp"

namespace ess::cli {

namespace {

using Visited = std::set<std::pair<dev_t, ino_t>>;
using Found = std::function<void(const std::string& path, const struct stat* st)>;

bool is_yaml_name(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

std::string reason(int err) {
  if (err == ENAMETOOLONG) return phrase(Msg::path_too_long);
  if (err == ELOOP) return phrase(Msg::link_loop);
  return system_reason(err);
}

Diagnostic io_error(const std::string& path, Said message) {
  return make_diagnostic(Severity::error, path, {}, std::move(message));
}

// The folders named on the command line, resolved: a link to a folder is followed only into
// them (or anywhere with --follow), so that a link to / or /proc does not walk the machine.
class Trees {
 public:
  void add(const std::string& folder) {
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(folder.c_str(), nullptr),
                                                     &std::free);
    if (real) roots_.emplace_back(real.get());
  }
  bool contain(const std::string& resolved) const {
    return std::any_of(roots_.begin(), roots_.end(), [&](const std::string& root) {
      return resolved == root || root == "/" ||
             (resolved.starts_with(root) && resolved[root.size()] == '/');
    });
  }

 private:
  std::vector<std::string> roots_;
};

struct WalkRules {
  const Trees& trees;
  bool follow = false;  // --follow: links to folders anywhere
  bool sorted = false;  // each folder's entries by name (validate, score); else as listed (rank)
};

// What a folder holds that the walk wants: YAML files (with their stat, when it worked) and
// folders (`link`: reached through a symbolic link).
struct Entry {
  std::string path;
  bool folder = false, link = false, has_stat = false;
  struct stat st {};
};

// Calls `found` for each *.yaml/*.yml file under a folder. Iterative, with one folder open at
// a time: depth costs neither stack nor descriptors. Nothing is skipped in silence: a folder
// that cannot be read, an entry that cannot be looked at (permissions, a path too long, a
// loop of links) is an io-error at its path; a link out of the trees, a warning.
class Walker {
 public:
  Walker(const WalkRules& rules, Visited& visited, const Found& found,
         std::vector<Diagnostic>& diags)
      : rules_(rules), visited_(visited), found_(found), diags_(diags) {}

  void walk(const std::string& top) {
    struct stat st {};
    if (::stat(top.c_str(), &st) != 0 || !visited_.insert({st.st_dev, st.st_ino}).second) return;
    std::vector<std::pair<std::vector<Entry>, std::size_t>> stack;  // entries, next
    stack.emplace_back(list(top), 0);
    while (!stack.empty()) {
      auto& [entries, next] = stack.back();
      if (next == entries.size()) {
        stack.pop_back();
        continue;
      }
      Entry entry = std::move(entries[next++]);
      if (!entry.folder)
        found_(entry.path, entry.has_stat ? &entry.st : nullptr);
      else if (enter(entry))
        stack.emplace_back(list(entry.path), 0);  // `entries` is not used past this point
    }
  }

 private:
  // The entries to visit, in order; unsorted, files go to `found` at once and only folders
  // are kept, so that a folder of any size is listed in constant memory.
  std::vector<Entry> list(const std::string& dir) {
    std::vector<Entry> out;
    struct Close {
      void operator()(DIR* d) const { ::closedir(d); }
    };
    std::unique_ptr<DIR, Close> d(::opendir(dir.c_str()));
    if (!d) {
      diags_.push_back(
          io_error(dir, say(Msg::cannot_read_folder, fmt::arg("reason", reason(errno)))));
      return out;
    }
    for (;;) {
      errno = 0;
      const dirent* de = ::readdir(d.get());
      if (!de) break;
      std::string name = de->d_name;
      // Hidden entries are skipped: ., .., .git, editors' lock files (.#x.yaml), and the like.
      if (name.empty() || name[0] == '.') continue;
      std::string path = dir.ends_with('/') ? dir + name : dir + '/' + name;
      std::optional<Entry> entry = look_at(std::move(path), name, de->d_type);
      if (!entry) continue;
      if (!entry->folder && !rules_.sorted)
        found_(entry->path, entry->has_stat ? &entry->st : nullptr);
      else
        out.push_back(std::move(*entry));
    }
    if (errno != 0)
      diags_.push_back(
          io_error(dir, say(Msg::cannot_read_folder, fmt::arg("reason", reason(errno)))));
    if (rules_.sorted)
      std::sort(out.begin(), out.end(),
                [](const Entry& a, const Entry& b) { return a.path < b.path; });
    return out;
  }

  std::optional<Entry> look_at(std::string path, const std::string& name, unsigned char type) {
    Entry e;
    e.path = std::move(path);
    if (::stat(e.path.c_str(), &e.st) != 0) {
      int err = errno;
      // A YAML name is one of the files to check: reading it says why it cannot be.
      if (is_yaml_name(name)) return e;
      if (err != ENOENT)  // ENOENT: a link to nothing, and not a YAML name: not ours
        diags_.push_back(
            io_error(e.path, say(Msg::cannot_look_at_entry, fmt::arg("reason", reason(err)))));
      return std::nullopt;
    }
    e.has_stat = true;
    if (S_ISDIR(e.st.st_mode)) {
      struct stat own {};
      e.folder = true;
      e.link = type == DT_LNK ||
               (type == DT_UNKNOWN && ::lstat(e.path.c_str(), &own) == 0 && S_ISLNK(own.st_mode));
      return e;
    }
    if (is_yaml_name(name)) return e;
    return std::nullopt;
  }

  bool enter(const Entry& folder) {
    if (folder.link && !rules_.follow) {
      std::unique_ptr<char, decltype(&std::free)> real(::realpath(folder.path.c_str(), nullptr),
                                                       &std::free);
      if (!real) {
        diags_.push_back(
            io_error(folder.path, say(Msg::cannot_follow_link, fmt::arg("reason", reason(errno)))));
        return false;
      }
      if (!rules_.trees.contain(real.get())) {
        diags_.push_back(
            make_diagnostic(Severity::warning, folder.path, {},
                            say(Msg::link_not_followed, fmt::arg("target", real.get())),
                            say(Msg::link_not_followed_hint)));
        return false;
      }
    }
    // A folder met before (a link back up the tree, or to a folder also given) is walked once.
    return visited_.insert({folder.st.st_dev, folder.st.st_ino}).second;
  }

  const WalkRules& rules_;
  Visited& visited_;
  const Found& found_;
  std::vector<Diagnostic>& diags_;
};

bool is_folder(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// A file named twice (or reached through two folders, or by two paths) is checked once.
void remove_repeated_paths(std::vector<std::string>& paths) {
  std::set<std::string> names;
  std::set<std::pair<dev_t, ino_t>> files;
  std::vector<std::string> kept;
  kept.reserve(paths.size());
  for (auto& p : paths) {
    if (p == "-") {  // standard input: each "-" is read, in turn
      kept.push_back(std::move(p));
      continue;
    }
    if (!names.insert(p).second) continue;
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        !files.insert({st.st_dev, st.st_ino}).second)
      continue;
    kept.push_back(std::move(p));
  }
  paths = std::move(kept);
}

// --files-from LIST: one path a line ('-': standard input). Read whole, under a cap, so that
// `--files-from /dev/zero` is an error rather than a process that eats all memory.
void read_list(const std::string& list, const std::function<void(const std::string&)>& add,
               std::vector<Diagnostic>& diags) {
  constexpr std::size_t max_list_bytes = 64u << 20;
  Diagnostics read_diags(list);
  std::string bytes;
  if (!read_file_bytes(list, max_list_bytes, bytes, read_diags)) {
    for (auto d : read_diags.items()) {
      d.message = "--files-from: " + d.message;
      if (d.code == "file-too-large") d.hint = phrase(Msg::list_too_large_hint);
      diags.push_back(std::move(d));
    }
    return;
  }
  std::size_t start = 0, line_no = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line.find('\0') != std::string::npos) {
      diags.push_back(make_diagnostic(Severity::error, list,
                                      {static_cast<std::uint32_t>(line_no), 1},
                                      say(Msg::list_line_nul), say(Msg::list_line_nul_hint)));
      continue;
    }
    add(line);
  }
}

}  // namespace

std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags) {
  std::vector<std::string> given = options.paths;
  if (!options.files_from.empty())
    read_list(
        options.files_from, [&](const std::string& p) { given.push_back(p); }, diags);
  Trees trees;
  for (const auto& p : given)
    if (is_folder(p)) trees.add(p);
  WalkRules rules{trees, options.follow, true};
  std::vector<std::string> out;
  Visited visited;
  Found add = [&](const std::string& file, const struct stat*) { out.push_back(file); };
  Walker walker(rules, visited, add, diags);
  for (const auto& p : given) {
    if (is_folder(p))
      walker.walk(p);
    else
      out.push_back(p);  // a missing file is reported when it is read, like any other
  }
  remove_repeated_paths(out);
  return out;
}

InputStream::InputStream(const Options& options, std::vector<Diagnostic>& diags)
    : follow_(options.follow) {
  auto add = [&](const std::string& path) {
    (is_folder(path) ? folders_ : files_).push_back(path);
  };
  for (const auto& p : options.paths) add(p);
  if (!options.files_from.empty()) read_list(options.files_from, add, diags);
  remove_repeated_paths(files_);
  for (const auto& f : files_) {
    struct stat st {};
    if (f != "-" && ::stat(f.c_str(), &st) == 0) named_.insert({st.st_dev, st.st_ino});
  }
}

void InputStream::walk_folders(const Found& found, std::vector<Diagnostic>& diags) const {
  Trees trees;
  for (const auto& folder : folders_) trees.add(folder);
  WalkRules rules{trees, follow_, false};
  Visited visited;
  Walker walker(rules, visited, found, diags);
  for (const auto& folder : folders_) walker.walk(folder);
}

std::size_t InputStream::count() const {
  std::size_t n = files_.size();
  std::vector<Diagnostic> ignored;  // for_each reports them
  walk_folders([&](const std::string&, const struct stat*) { ++n; }, ignored);
  return n;
}

bool InputStream::any() const {
  if (!files_.empty()) return true;
  struct Found {};
  std::vector<Diagnostic> said;
  try {
    walk_folders([](const std::string&, const struct stat*) { throw Found{}; }, said);
  } catch (const Found&) {
    return true;
  }
  return !said.empty();  // a folder that cannot be read is not an empty one: for_each says why
}

void InputStream::for_each(const std::function<void(std::string)>& fn,
                           std::vector<Diagnostic>& diags) const {
  for (const auto& f : files_) fn(f);
  walk_folders(
      [&](const std::string& path, const struct stat* st) {
        if (st && named_.count({st->st_dev, st->st_ino})) return;  // read once, as named
        fn(path);
      },
      diags);
}

}  // namespace ess::cli
