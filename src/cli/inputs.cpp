#include "cli/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "ess/yaml_tree.hpp"

namespace ess::cli {

namespace {

namespace fs = std::filesystem;

using Visited = std::set<std::pair<dev_t, ino_t>>;

bool is_yaml_name(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

void walk(const std::string& dir, Visited& visited, std::vector<std::string>& out,
          std::vector<Diagnostic>& diags) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !visited.insert({st.st_dev, st.st_ino}).second) return;
  std::error_code ec;
  std::vector<std::string> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path().string());
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
  for (const auto& path : entries) {
    std::string name = fs::path(path).filename().string();
    // Hidden entries are skipped: .git, editors' lock files (.#x.yaml), and the like.
    if (name.empty() || name[0] == '.') continue;
    struct stat est {};
    if (::stat(path.c_str(), &est) != 0) {
      // A link that leads nowhere, or to itself: reading it reports why, if it is meant as
      // one of the files to check.
      if (is_yaml_name(name)) out.push_back(path);
      continue;
    }
    if (S_ISDIR(est.st_mode)) {
      walk(path, visited, out, diags);  // a link back up the tree is met once: `visited`
    } else if (is_yaml_name(name)) {
      out.push_back(path);
    }
  }
}

void add_path(const std::string& path, Visited& visited, std::vector<std::string>& out,
              std::vector<Diagnostic>& diags) {
  struct stat st {};
  if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    walk(path, visited, out, diags);
  } else {
    out.push_back(path);  // a missing file is reported when it is read, like any other
  }
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
void read_list(const std::string& list, Visited& visited, std::vector<std::string>& out,
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
    add_path(line, visited, out, diags);
  }
}

}  // namespace

std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  Visited visited;
  for (const auto& p : options.paths) add_path(p, visited, out, diags);
  if (!options.files_from.empty()) read_list(options.files_from, visited, out, diags);
  remove_repeated_paths(out);
  return out;
}

}  // namespace ess::cli
