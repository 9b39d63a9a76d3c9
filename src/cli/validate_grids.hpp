#pragma once
// `validate` checks dossiers against the grids given among its inputs (a grid named on the
// command line wins over the search path for its id). Dossiers stream, so the grids are found
// first, in a quick pass over the same inputs: a file whose first key is `dossier:` is a dossier
// (its first lines tell, without parsing it); any other file is parsed, and kept when it is a
// grid. Standard input is read once here and handed to the second pass.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ess/io/grid_store.hpp"
#include "ess/model/diagnostic.hpp"
#include "inputs.hpp"
#include "options.hpp"

namespace ess::cli {

// Whether the first lines of a file (`head`, its first bytes) show a YAML mapping whose first
// key is `dossier:` at the left margin: such a file is a dossier, never a grid. Comments,
// blank lines, directives and a `---` line may come first.
bool starts_as_dossier(std::string_view head);

struct GridFile {
  std::string path;
  std::unique_ptr<LoadedGrid> grid;  // null when the grid has errors
  std::string refused_id;            // the id a grid with errors gives
  std::vector<Diagnostic> diagnostics;
};

class InputGrids {
 public:
  // The pass over `inputs`; the grids found are preferred in `store`, by path.
  void find(const InputStream& inputs, const Options& options, GridStore& store);

  // The grid files found, by path.
  const std::vector<GridFile>& grids() const { return grids_; }
  // Whether a file was handled here (a grid): the second pass leaves it.
  bool claimed(const std::string& path) const;
  // Dossiers naming a grid given among the inputs that has errors are not checked: that grid's
  // errors are reported, and checking against another grid of that id would only confuse.
  bool refused(const std::string& grid_id) const { return refused_ids_.count(grid_id) > 0; }
  // Standard input as this pass read it, for the second pass: once, to the first `-` met.
  struct Stdin {
    bool read = false;  // false: it could not be read (why is in `diagnostics`)
    bool grid = false;  // a grid, handled here
    std::string bytes;
    std::vector<Diagnostic> diagnostics;
  };
  std::optional<Stdin> take_stdin();

 private:
  void consider(const std::string& path, const Options& options);
  void consider_stdin(const Options& options);
  // Keeps `path` when it is a grid; whether it was one.
  bool keep_if_grid(const std::string& path, const std::string& bytes, Diagnostics& read_diags,
                    const Options& options);

  std::mutex mutex_;
  std::vector<GridFile> grids_;
  std::set<std::string> claimed_paths_;
  std::set<std::pair<std::uint64_t, std::uint64_t>> claimed_files_;
  std::set<std::string> refused_ids_;
  bool stdin_seen_ = false;
  std::optional<Stdin> stdin_;
};

}  // namespace ess::cli
