#include "call_grid.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "common.hpp"
#include "ess/io/grid_source.hpp"
#include "ess/io/load.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"
#include "ess/report/call_show.hpp"
#include "output.hpp"

namespace ess::cli {

const LoadedGrid* find_base_grid(const Call& call, GridStore& store, Diagnostics& diags) {
  const LoadedGrid* base = store.find_version(call.grid_id, call.grid_version);
  if (!base)
    diags.error(call.grid_pos,
                say(Msg::call_base_not_found, fmt::arg("grid", call.grid_id),
                    fmt::arg("version", call.grid_version), fmt::arg("call", call.id)),
                say(Msg::call_base_not_found_hint, fmt::arg("grid", call.grid_id),
                    fmt::arg("version", call.grid_version)));
  return base;
}

std::unique_ptr<CallGridLoad> derive_call_grid(Call call, GridStore& store, Diagnostics& diags) {
  if (call.grid_id.empty()) return nullptr;  // a refused `grid:` line, already reported
  const LoadedGrid* base = find_base_grid(call, store, diags);
  if (!base) return nullptr;
  auto derived = apply_call(base->grid, call, diags);
  if (!derived) return nullptr;
  auto out = std::make_unique<CallGridLoad>();
  out->call = std::move(call);
  out->base = base;
  out->derived = std::move(*derived);
  out->loaded.grid = out->derived.grid;
  out->loaded.index = index_grid(out->loaded.grid);
  return out;
}

std::unique_ptr<CallGridLoad> load_call_grid(std::string_view bytes, const std::string& file,
                                             GridStore& store, const ParseLimits& limits,
                                             Diagnostics& diags) {
  auto call = load_call_bytes(bytes, file, limits, diags);
  if (!call) return nullptr;
  bool loaded = !diags.has_errors();
  auto derived = derive_call_grid(std::move(*call), store, diags);  // checks the overrides too
  return loaded ? std::move(derived) : nullptr;
}

namespace {

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::optional<std::string> call_reference(const std::string& ref, GridStore& store,
                                          const ParseLimits& limits) {
  if (is_regular_file(ref) || is_git_reference(ref)) {
    Diagnostics quiet(ref);  // the command reads it again and says what is wrong
    std::string bytes;
    YamlNode root;
    if (read_source_bytes(ref, limits, bytes, quiet) && parse_yaml(bytes, limits, root, quiet) &&
        document_kind(root) == DocumentKind::call)
      return ref;
    return std::nullopt;
  }
  if (!is_valid_id(ref)) return std::nullopt;
  Diagnostics quiet(ref);
  if (store.by_reference(ref, quiet)) return std::nullopt;  // a grid has that id
  return store.find_call(ref);
}

std::unique_ptr<CallGridLoad> read_call_grid(const std::string& path, GridStore& store,
                                             const ParseLimits& limits, Diagnostics& diags) {
  std::string bytes;
  if (!read_source_bytes(path, limits, bytes, diags)) return nullptr;
  return load_call_grid(bytes, path, store, limits, diags);
}

int show_call_grid(const std::string& path, GridStore& store, const Options& options) {
  Diagnostics diags(path);
  std::unique_ptr<CallGridLoad> call = read_call_grid(path, store, limits_from(options), diags);
  std::vector<Diagnostic> all = diags.items();
  for (const auto& d : store.grid_diagnostics()) all.push_back(d);
  RunOutcome outcome = print_diagnostics(all, options);
  if (!call || outcome.error) return worse(exit_invalid, exit_code(outcome));
  ReportOptions ro = report_options(options, &call->derived.grid);
  return emit(options.output,
              render_call_markdown(call->call, call->base->grid, call->derived, ro.language));
}

}  // namespace ess::cli
