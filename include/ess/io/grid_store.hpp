#pragma once
// Finds and loads grids by id, once each, for a whole batch (thread-safe).
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ess/io/yaml_tree.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/model.hpp"

namespace ess {

struct LoadedGrid {
  Grid grid;
  GridIndex index;  // points into grid: LoadedGrid never moves once stored
};

class GridStore {
 public:
  // `explicit_file`: --grid, used for every dossier. Otherwise `search_dirs` in order
  // (each holding <id>.yaml or <id>@<version>.yaml), then the grids built into the binary.
  GridStore(std::optional<std::string> explicit_file, std::vector<std::string> search_dirs,
            ParseLimits limits);

  // The grid a dossier names; nullptr with a diagnostic (at `where`) when none fits.
  const LoadedGrid* for_dossier(const Dossier& dossier, Diagnostics& diags);

  // The grid given by --grid, by an id, or a path; nullptr with diagnostics otherwise.
  const LoadedGrid* by_reference(const std::string& ref, Diagnostics& diags);

  // The grid `id` at exactly `version`, as a call pins its base (§1.3): --grid or a grid named
  // on the command line when they are that grid, else in each search folder
  // <id>@<version>.yaml, or <id>.yaml when its version is that one, else the built-in grid of
  // that version. nullptr (no diagnostic: the caller says where the reference stands) if none.
  const LoadedGrid* find_version(const std::string& id, const std::string& version);

  // A call by id: calls/<id>.yaml (or .yml) in --grid's folder, then in each search folder.
  std::optional<std::string> find_call(const std::string& id) const;

  // Grids named on the command line win over the search path for their id.
  void prefer(const LoadedGrid* grid);

  // Diagnostics of the grid files themselves, reported once per file.
  std::vector<Diagnostic> grid_diagnostics() const;

  // Loads a grid file directly (used by `validate` on grid files, `grid` commands).
  const LoadedGrid* load_path(const std::string& path, Diagnostics* report_to = nullptr);

 private:
  const LoadedGrid* load_locked(const std::string& path);
  const LoadedGrid* find_by_id(const std::string& id, const std::string& version);

  std::optional<std::string> explicit_file_;
  std::vector<std::string> search_dirs_;
  ParseLimits limits_;
  mutable std::mutex mutex_;
  std::deque<std::pair<std::string, std::unique_ptr<LoadedGrid>>>
      loaded_;  // by path; null = failed
  std::vector<Diagnostic> grid_diagnostics_;
  std::vector<const LoadedGrid*> preferred_;
};

// Where `ess-eval` looks for grids, in order, without --grid: $ESS_EVAL_GRID_PATH (split on
// ':'), ./criteria, then <prefix>/share/ess-eval/criteria next to the running binary.
std::vector<std::string> default_grid_dirs(const char* env_grid_path, const std::string& exe_dir);

inline constexpr const char* builtin_prefix = "<built-in>/";

// The grid a command uses when none is named (`template`, `grid show`): looked up by id like
// any other, so a ./criteria copy or --grid wins over the one built into the binary.
inline constexpr const char* default_grid_id = "ess-citoyennete-economique";

}  // namespace ess
