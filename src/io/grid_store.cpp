#include "ess/io/grid_store.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "ess/io/embedded.hpp"
#include "ess/io/load.hpp"
#include "ess/model/messages.hpp"
#include "yaml_read.hpp"

namespace ess {

namespace {

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::vector<std::string> default_grid_dirs(const char* env_grid_path, const std::string& exe_dir) {
  std::vector<std::string> dirs;
  if (env_grid_path) {
    std::string all = env_grid_path;
    std::size_t start = 0;
    while (start <= all.size()) {
      std::size_t end = all.find(':', start);
      if (end == std::string::npos) end = all.size();
      if (end > start) dirs.push_back(all.substr(start, end - start));
      start = end + 1;
    }
  }
  dirs.push_back("criteria");
  if (!exe_dir.empty()) dirs.push_back(exe_dir + "/../share/ess-eval/criteria");
  return dirs;
}

GridStore::GridStore(std::optional<std::string> explicit_file, std::vector<std::string> search_dirs,
                     ParseLimits limits)
    : explicit_file_(std::move(explicit_file)),
      search_dirs_(std::move(search_dirs)),
      limits_(limits) {}

const LoadedGrid* GridStore::load_locked(const std::string& path) {
  for (const auto& [p, grid] : loaded_)
    if (p == path) return grid.get();
  Diagnostics diags(path);
  std::optional<Grid> grid;
  if (path.rfind(builtin_prefix, 0) == 0) {
    std::string_view bytes =
        embedded_file("criteria/" + path.substr(std::string(builtin_prefix).size()));
    grid = load_grid_bytes(bytes, path, limits_, diags);
  } else {
    grid = load_grid_file(path, limits_, diags);
  }
  if (diags.has_errors()) grid.reset();
  grid_diagnostics_.insert(grid_diagnostics_.end(), diags.items().begin(), diags.items().end());
  std::unique_ptr<LoadedGrid> loaded;
  if (grid) {
    loaded = std::make_unique<LoadedGrid>();
    loaded->grid = std::move(*grid);
    loaded->index = index_grid(loaded->grid);
  }
  loaded_.emplace_back(path, std::move(loaded));
  return loaded_.back().second.get();
}

const LoadedGrid* GridStore::load_path(const std::string& path, Diagnostics* report_to) {
  std::lock_guard lock(mutex_);
  std::size_t before = grid_diagnostics_.size();
  const LoadedGrid* g = load_locked(path);
  if (report_to) {
    // The caller reports them itself: take them out of the once-per-file list.
    for (std::size_t i = before; i < grid_diagnostics_.size(); ++i)
      report_to->add(grid_diagnostics_[i]);
    grid_diagnostics_.resize(before);
  }
  return g;
}

void GridStore::prefer(const LoadedGrid* grid) {
  std::lock_guard lock(mutex_);
  if (grid) preferred_.push_back(grid);
}

const LoadedGrid* GridStore::find_by_id(const std::string& id, const std::string& version) {
  for (const LoadedGrid* g : preferred_)
    if (g->grid.id == id && (version.empty() || g->grid.version == version)) return g;
  for (const auto& dir : search_dirs_) {
    for (const char* ext : {".yaml", ".yml"}) {
      if (!version.empty()) {
        std::string pinned = fmt::format("{}/{}@{}{}", dir, id, version, ext);
        if (is_regular_file(pinned)) return load_locked(pinned);
      }
      std::string plain = fmt::format("{}/{}{}", dir, id, ext);
      if (is_regular_file(plain)) return load_locked(plain);
    }
  }
  std::string builtin = "criteria/" + id + ".yaml";
  if (!embedded_file(builtin).empty()) return load_locked(builtin_prefix + id + ".yaml");
  return nullptr;
}

const LoadedGrid* GridStore::find_version(const std::string& id, const std::string& version) {
  std::lock_guard lock(mutex_);
  auto fits = [&](const LoadedGrid* g) {
    return g && g->grid.id == id && g->grid.version == version;
  };
  if (explicit_file_)
    if (const LoadedGrid* g = load_locked(*explicit_file_); fits(g)) return g;
  for (const LoadedGrid* g : preferred_)
    if (fits(g)) return g;
  for (const auto& dir : search_dirs_)
    for (const char* ext : {".yaml", ".yml"})
      for (const auto& name : {fmt::format("{}@{}{}", id, version, ext), id + ext}) {
        std::string path = fmt::format("{}/{}", dir, name);
        if (!is_regular_file(path)) continue;
        if (const LoadedGrid* g = load_locked(path); fits(g)) return g;
      }
  if (!embedded_file("criteria/" + id + ".yaml").empty())
    if (const LoadedGrid* g = load_locked(builtin_prefix + id + ".yaml"); fits(g)) return g;
  return nullptr;
}

std::optional<std::string> GridStore::find_call(const std::string& id) const {
  std::vector<std::string> dirs;
  if (explicit_file_) {
    auto slash = explicit_file_->rfind('/');
    dirs.push_back(slash == std::string::npos ? "." : explicit_file_->substr(0, slash));
  }
  dirs.insert(dirs.end(), search_dirs_.begin(), search_dirs_.end());
  for (const auto& dir : dirs)
    for (const char* ext : {".yaml", ".yml"}) {
      std::string path = fmt::format("{}/calls/{}{}", dir, id, ext);
      if (is_regular_file(path)) return path;
    }
  return std::nullopt;
}

const LoadedGrid* GridStore::for_dossier(const Dossier& dossier, Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  if (explicit_file_) return load_locked(*explicit_file_);
  const LoadedGrid* g = find_by_id(dossier.grid_id, dossier.grid_version);
  if (!g && !dossier.grid_id.empty()) {
    bool failed_to_load = false;
    for (const auto& [p, grid] : loaded_) failed_to_load = failed_to_load || !grid;
    if (!failed_to_load) {
      std::string shown = clip(dossier.grid_id);
      // A clipped id is no file name: the hint then names none.
      std::string file =
          shown == dossier.grid_id ? dossier.grid_id + ".yaml" : phrase(Msg::the_grid_file);
      diags.error(dossier.grid_pos, say(Msg::grid_not_found, fmt::arg("grid", shown)),
                  say(Msg::grid_not_found_hint, fmt::arg("file", file)));
    }
  }
  return g;
}

const LoadedGrid* GridStore::by_reference(const std::string& ref, Diagnostics& diags) {
  std::lock_guard lock(mutex_);
  if (is_regular_file(ref) || ref == "-" || ref.find('/') != std::string::npos ||
      ref.ends_with(".yaml") || ref.ends_with(".yml"))
    return load_locked(ref);
  auto at = ref.find('@');
  const LoadedGrid* g =
      find_by_id(ref.substr(0, at), at == std::string::npos ? "" : ref.substr(at + 1));
  if (!g) diags.error({}, say(Msg::grid_not_found, fmt::arg("grid", clip(ref))));
  return g;
}

std::vector<Diagnostic> GridStore::grid_diagnostics() const {
  std::lock_guard lock(mutex_);
  return grid_diagnostics_;
}

}  // namespace ess
