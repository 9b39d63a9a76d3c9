// Not written yet: see the issue that builds this command.
#include <fmt/format.h>

#include "cli/options.hpp"

namespace ess::cli {

int run_grid_test(const Options&) {
  fmt::print(stderr, "ess-eval: error: this command is not implemented yet\n");
  return exit_io;
}

}  // namespace ess::cli
