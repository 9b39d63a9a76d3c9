// ess-eval schema grid|dossier|call: the JSON Schemas built into the binary, byte for byte.
#include <fmt/format.h>

#include "ess/io/embedded.hpp"
#include "ess/model/messages.hpp"
#include "options.hpp"
#include "output.hpp"

namespace ess::cli {

int run_schema(const Options& options) {
  std::string path = "schemas/" + options.schema_kind + ".schema.json";
  std::string_view bytes = embedded_file(path);
  if (bytes.empty()) {
    fmt::print(stderr, "ess-eval: {}\n", phrase(Msg::no_builtin, fmt::arg("path", path)));
    return exit_io;
  }
  return emit(options.output, bytes);
}

}  // namespace ess::cli
