#include "inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "ess/io/yaml_tree.hpp"

namespace ess::cli {

namespace {

namespace fs = std::filesystem;

using Visited = std::set<std::pair<dev_t, ino_t>>;
using Found = std::function<void(const std::string& path, const struct stat* st)>;

bool is_yaml_name(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

// Calls `found` for each *.yaml/*.yml file under `dir` with its stat (null when stat fails).
// `sorted`: each folder's entries by name, for commands that list files in order; rank does
// without, so that a folder of any size is walked in constant memory.
void walk(const std::string& dir, Visited& visited, bool sorted, const Found& found,
          std::vector<Diagnostic>& diags) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !visited.insert({st.st_dev, st.st_ino}).second) return;
  auto visit = [&](const std::string& path) {
    std::string name = fs::path(path).filename().string();
    // Hidden entries are skipped: .git, editors' lock files (.#x.yaml), and the like.
    if (name.empty() || name[0] == '.') return;
    struct stat est {};
    if (::stat(path.c_str(), &est) != 0) {
      // A link that leads nowhere, or to itself: reading it reports why, if it is meant as
      // one of the files to check.
      if (is_yaml_name(name)) found(path, nullptr);
      return;
    }
    if (S_ISDIR(est.st_mode)) {
      walk(path, visited, sorted, found, diags);  // a link back up the tree is met once: `visited`
    } else if (is_yaml_name(name)) {
      found(path, &est);
    }
  };
  std::error_code ec;
  std::vector<std::string> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (sorted)
      entries.push_back(it->path().string());
    else
      visit(it->path().string());
  }
  if (ec) {
    diags.push_back({Severity::error,
                     "io-error",
                     dir,
                     {},
                     fmt::format("cannot read folder: {}", ec.message()),
                     ""});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& path : entries) visit(path);
}

bool is_folder(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void add_path(const std::string& path, Visited& visited, std::vector<std::string>& out,
              std::vector<Diagnostic>& diags) {
  if (is_folder(path))
    walk(
        path, visited, true,
        [&](const std::string& file, const struct stat*) { out.push_back(file); }, diags);
  else
    out.push_back(path);  // a missing file is reported when it is read, like any other
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
      if (d.code == "file-too-large") d.hint = "a list of paths is one path a line: split it";
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
      diags.push_back({Severity::error,
                       "io-error",
                       list,
                       {static_cast<std::uint32_t>(line_no), 1},
                       "this line holds a NUL byte: not a path",
                       "give one path a line, as text"});
      continue;
    }
    add(line);
  }
}

}  // namespace

std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  Visited visited;
  for (const auto& p : options.paths) add_path(p, visited, out, diags);
  if (!options.files_from.empty())
    read_list(
        options.files_from, [&](const std::string& p) { add_path(p, visited, out, diags); }, diags);
  remove_repeated_paths(out);
  return out;
}

InputStream::InputStream(const Options& options, std::vector<Diagnostic>& diags) {
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
  Visited visited;
  for (const auto& folder : folders_) walk(folder, visited, false, found, diags);
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
  std::vector<Diagnostic> ignored;
  try {
    walk_folders([](const std::string&, const struct stat*) { throw Found{}; }, ignored);
  } catch (const Found&) {
    return true;
  }
  return false;
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
