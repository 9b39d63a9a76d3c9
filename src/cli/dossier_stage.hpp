#pragma once
// The stages a batch's workers take a dossier file through: read, parse, load (read_dossier),
// find its grid and validate against it (check_against_grid). Scoring is the core's
// (score_dossier); what a command keeps of the result is its own.
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "ess/io/grid_store.hpp"
#include "ess/io/yaml_tree.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/message_ids.hpp"
#include "ess/model/model.hpp"

namespace ess::cli {

// What a command says of a file that is not a dossier: a grid or a call is skipped (a project
// folder holds them with the dossiers) or refused, a grid with `grid_message`; anything else is
// refused with `other_message`.
struct DossierReading {
  bool skip_grids = false;
  Msg grid_message = Msg::not_a_dossier;
  std::optional<Msg> grid_hint;
  Msg other_message = Msg::not_a_dossier;
  std::optional<Msg> other_hint;
};

struct ReadDossier {
  Dossier dossier;  // may still carry load errors in `diags`
  Pos id_pos;       // the `dossier:` key: where a duplicate id is reported
};

// Read, parse, load. Nothing when the file cannot be read or parsed or is not a dossier.
std::optional<ReadDossier> read_dossier(const std::string& path, const ParseLimits& limits,
                                        Diagnostics& diags, const DossierReading& reading);

// The grid of each `grid:` reference, looked up once: GridStore::for_dossier takes a lock and
// searches the file system (up to eight stat calls) every time, for every dossier. Thread-safe.
class GridCache {
 public:
  explicit GridCache(GridStore& store) : store_(store) {}
  const LoadedGrid* for_dossier(const Dossier& dossier, Diagnostics& diags);
  GridStore& store() { return store_; }

 private:
  GridStore& store_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, const LoadedGrid*> found_;
};

// The grid the dossier names, once the dossier is validated against it (its values resolved on
// the grid's scales); nullptr (with a diagnostic) when no grid is found or the one found is not
// the id or version the dossier names.
const LoadedGrid* check_against_grid(Dossier& dossier, GridCache& grids, Diagnostics& diags);

}  // namespace ess::cli
