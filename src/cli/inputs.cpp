#include "cli/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <system_error>

#include <fmt/format.h>

namespace ess::cli {

namespace {

namespace fs = std::filesystem;

bool is_yaml_name(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

void walk(const std::string& dir, std::set<std::pair<dev_t, ino_t>>& visited,
          std::vector<std::string>& out, std::vector<Diagnostic>& diags) {
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
    struct stat est {};
    if (::stat(path.c_str(), &est) != 0) continue;  // dangling link: nothing to read
    std::string name = fs::path(path).filename().string();
    if (S_ISDIR(est.st_mode)) {
      if (name.empty() || name[0] != '.') walk(path, visited, out, diags);
    } else if (is_yaml_name(name)) {
      out.push_back(path);
    }
  }
}

void add_path(const std::string& path, std::set<std::pair<dev_t, ino_t>>& visited,
              std::vector<std::string>& out, std::vector<Diagnostic>& diags) {
  struct stat st {};
  if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    walk(path, visited, out, diags);
  } else {
    out.push_back(path);  // a missing file is reported when it is read, like any other
  }
}

}  // namespace

std::vector<std::string> collect_inputs(const Options& options, std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  std::set<std::pair<dev_t, ino_t>> visited;
  for (const auto& p : options.paths) add_path(p, visited, out, diags);
  if (!options.files_from.empty()) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (options.files_from != "-") {
      file.open(options.files_from);
      if (!file) {
        diags.push_back({Severity::error,
                         "not-found",
                         options.files_from,
                         {},
                         "cannot read the list of files",
                         ""});
        return out;
      }
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) add_path(line, visited, out, diags);
    }
  }
  return out;
}

}  // namespace ess::cli
