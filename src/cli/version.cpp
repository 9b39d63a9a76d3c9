#include <fmt/format.h>

#include <string>

#include "ess/io/embedded.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/io/load.hpp"
#include "ess/model/diagnostic.hpp"

namespace ess::cli {

// "ess-eval 0.1.0 (built-in grid ess-citoyennete-economique@1.0.0)"
std::string version_text() {
  Diagnostics diags;
  auto grid = load_grid_bytes(embedded_file(fmt::format("criteria/{}.yaml", default_grid_id)),
                              "<built-in>", ParseLimits{}, diags);
  return fmt::format("ess-eval {} (built-in grid {})", ESS_EVAL_VERSION,
                     grid ? grid->id + "@" + grid->version : std::string("unavailable"));
}

}  // namespace ess::cli
