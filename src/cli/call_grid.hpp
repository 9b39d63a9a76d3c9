#pragma once
// A call for projects where a grid command takes a grid (`grid show`, `grid diff`, `grid test`,
// `validate`): the call read, its pinned base grid found, its overrides applied (§1.3).
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ess/core/call_grid.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/model/call.hpp"
#include "ess/model/diagnostic.hpp"
#include "options.hpp"

namespace ess::cli {

struct CallGridLoad {
  Call call;
  const LoadedGrid* base = nullptr;  // owned by the store
  CallGrid derived;
  LoadedGrid loaded;  // derived.grid again, indexed for scoring (grid test)
};

// The base grid of a loaded call, pinned by version, found by the store; an error at the
// call's `grid:` line when no grid of that id and version can be found.
const LoadedGrid* find_base_grid(const Call& call, GridStore& store, Diagnostics& diags);

// The call's grid from a loaded call; nothing (with diagnostics in the call's file) otherwise.
std::unique_ptr<CallGridLoad> derive_call_grid(Call call, GridStore& store, Diagnostics& diags);

// The call's grid from the bytes of a call file.
std::unique_ptr<CallGridLoad> load_call_grid(std::string_view bytes, const std::string& file,
                                             GridStore& store, const ParseLimits& limits,
                                             Diagnostics& diags);

// The call's grid from a call file (or REV:PATH): read, then load_call_grid.
std::unique_ptr<CallGridLoad> read_call_grid(const std::string& path, GridStore& store,
                                             const ParseLimits& limits, Diagnostics& diags);

// What a grid command's reference names when it is a call: a file (or REV:PATH) whose top key
// is `call:`, or, when no grid has that id, a call id found as calls/<id>.yaml beside the grids.
// The path of the call file, or nothing (the reference is then a grid's, as before).
std::optional<std::string> call_reference(const std::string& ref, GridStore& store,
                                          const ParseLimits& limits);

// `grid show CALL`: the call's grid published with what the call changes; the exit code.
int show_call_grid(const std::string& path, GridStore& store, const Options& options);

}  // namespace ess::cli
