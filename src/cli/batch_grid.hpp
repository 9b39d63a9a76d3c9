#pragma once
// Totals of different grids do not compare: a command that ranks or compares the dossiers of a
// batch (rank, sensitivity) uses the grid most of them are scored with (ties: by id, version,
// then file), and refuses the others with one error each.
#include <cstddef>
#include <map>
#include <string>

#include "ess/io/grid_store.hpp"
#include "ess/model/diagnostic.hpp"
#include "ess/model/message_ids.hpp"

namespace ess::cli {

class BatchGrid {
 public:
  void add(const LoadedGrid* grid);  // one scored dossier
  const LoadedGrid* chosen() const;  // nullptr when no dossier was scored
  std::size_t count(const LoadedGrid* grid) const;

  // The error at a dossier scored with another grid than chosen(). `what`: "this ranking".
  Diagnostic refusal(const std::string& file, Pos grid_pos, const LoadedGrid& other, Msg what,
                     Msg hint) const;

 private:
  std::map<const LoadedGrid*, std::size_t> counts_;
};

}  // namespace ess::cli
