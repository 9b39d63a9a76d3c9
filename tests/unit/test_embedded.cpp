// The files built into the binary: the grids (French and English) and the schemas, byte for
// byte the repository's, and the built-in grids found by id from a folder that holds none.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "ess/io/embedded.hpp"
#include "ess/io/grid_store.hpp"

namespace {

std::string repository_file(std::string_view path) {
  std::ifstream in(std::string(ESS_SOURCE_DIR) + "/" + std::string(path), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("embedded: the built-in files are the repository's, byte for byte") {
  REQUIRE(ess::embedded_files().size() >= 5);
  for (const auto& f : ess::embedded_files()) {
    CAPTURE(f.path);
    CHECK_FALSE(f.bytes.empty());
    CHECK(f.bytes == repository_file(f.path));
  }
}

TEST_CASE("embedded: both grids are found by id when no folder holds them") {
  for (const char* id : {"ess-citoyennete-economique", "ess-economic-citizenship"}) {
    CAPTURE(id);
    ess::GridStore store(std::nullopt, {"/nonexistent-folder"}, ess::ParseLimits{});
    ess::Diagnostics diags(id);
    const ess::LoadedGrid* g = store.by_reference(id, diags);
    REQUIRE(g != nullptr);
    CHECK(g->grid.id == id);
    CHECK(g->grid.file == std::string(ess::builtin_prefix) + id + ".yaml");
    CHECK(diags.empty());
    CHECK(store.grid_diagnostics().empty());
  }
}
