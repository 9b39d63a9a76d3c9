// The batch pipeline's pass over ids (src/cli/batch.hpp), on real files in a temporary folder:
// which records reach the consumer, in which order, and the verdict on an id met in several
// files. Every expectation is written out by hand.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/batch.hpp"
#include "cli/inputs.hpp"
#include "cli/validate_grids.hpp"

namespace fs = std::filesystem;
using ess::Diagnostic;
using ess::Diagnostics;
using ess::cli::BatchRecord;
using ess::cli::BatchRun;

namespace {

struct Folder {
  fs::path root;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "ess-batch-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
  }
  ~Folder() { fs::remove_all(root); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name) << text;
    return (root / name).string();
  }
};

// A worker for files of one line "ID[ excluded][ warn]": the id, a filter, a warning.
std::optional<BatchRecord> read_line(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path);
  std::string id, word;
  in >> id;
  BatchRecord r{id, {1, 1}, false, "bytes of " + id};
  while (in >> word) {
    if (word == "excluded") r.excluded = true;
    if (word == "warn") diags.warning("w", {1, 1}, "a warning");
  }
  if (id == "-") return std::nullopt;  // a file without an id
  return r;
}

struct Run {
  std::vector<std::pair<std::string, std::string>> consumed;  // (path, id), in order
  std::vector<Diagnostic> diagnostics;
  std::size_t files = 0, excluded = 0;
};

Run run(const std::vector<std::string>& paths, unsigned jobs, bool strict = false) {
  ess::cli::Options options;
  options.paths = paths;
  options.jobs = jobs;
  options.strict = strict;
  std::vector<Diagnostic> early;
  ess::cli::InputStream inputs(options, early);
  BatchRun batch(options);
  Run out;
  batch.run(
      inputs, read_line,
      [&](const std::string& path, const BatchRecord& r) {
        CHECK(r.bytes == "bytes of " + r.id);
        out.consumed.emplace_back(fs::path(path).filename().string(), r.id);
      },
      false);
  batch.for_each_diagnostic([&](const Diagnostic& d) { out.diagnostics.push_back(d); });
  out.files = batch.files();
  out.excluded = batch.excluded();
  return out;
}

}  // namespace

TEST_CASE("batch: every unique id reaches the consumer once, in id order, for any job count") {
  Folder f;
  f.write("in/c.yaml", "C");
  f.write("in/a.yaml", "A");
  f.write("in/sub/b.yaml", "B");
  f.write("in/none.yaml", "-");
  for (unsigned jobs : {1u, 3u}) {
    Run r = run({(f.root / "in").string()}, jobs);
    using P = std::pair<std::string, std::string>;
    CHECK(r.consumed == std::vector<P>{{"a.yaml", "A"}, {"b.yaml", "B"}, {"c.yaml", "C"}});
    CHECK(r.diagnostics.empty());
    CHECK(r.files == 4);  // the file without an id is read and counted
  }
}

TEST_CASE("batch: an id in two files is an error at each copy, naming the other; neither is used") {
  Folder f;
  std::string one = f.write("x/one.yaml", "D");
  std::string two = f.write("y/two.yaml", "D");
  f.write("x/other.yaml", "E");
  // Whatever the order of the command line, the verdict and its words are the same.
  for (auto paths : {std::vector<std::string>{(f.root / "x").string(), (f.root / "y").string()},
                     std::vector<std::string>{(f.root / "y").string(), (f.root / "x").string()}}) {
    Run r = run(paths, 2);
    REQUIRE(r.consumed.size() == 1);
    CHECK(r.consumed[0].second == "E");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].file == one);
    CHECK(r.diagnostics[0].code == "duplicate-dossier");
    CHECK(r.diagnostics[0].severity == ess::Severity::error);
    CHECK(r.diagnostics[0].message == "dossier id 'D' is also the id of " + two + ":1");
    CHECK(r.diagnostics[1].file == two);
    CHECK(r.diagnostics[1].message == "dossier id 'D' is also the id of " + one + ":1");
  }
}

TEST_CASE("batch: three copies name the two others, in path order") {
  Folder f;
  std::string a = f.write("a.yaml", "D"), b = f.write("b.yaml", "D"), c = f.write("c.yaml", "D");
  Run r = run({c, a, b}, 1);
  CHECK(r.consumed.empty());
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[1].file == b);
  CHECK(r.diagnostics[1].message == "dossier id 'D' is also the id of " + a + ":1, " + c + ":1");
}

TEST_CASE("batch: a folder of copies names three others and counts the rest") {
  Folder f;
  std::vector<std::string> paths;
  for (char c = 'a'; c <= 'f'; ++c) paths.push_back(f.write(std::string(1, c) + ".yaml", "D"));
  Run r = run({f.root.string()}, 2);
  REQUIRE(r.diagnostics.size() == 6);
  CHECK(r.diagnostics[0].message == "dossier id 'D' is also the id of " + paths[1] + ":1, " +
                                        paths[2] + ":1, " + paths[3] + ":1 and 2 more files");
  CHECK(r.diagnostics[4].message == "dossier id 'D' is also the id of " + paths[0] + ":1, " +
                                        paths[1] + ":1, " + paths[2] + ":1 and 2 more files");
  Folder five;
  for (char c = 'a'; c <= 'e'; ++c) five.write(std::string(1, c) + ".yaml", "D");
  Run r5 = run({five.root.string()}, 1);
  REQUIRE(r5.diagnostics.size() == 5);
  CHECK(r5.diagnostics[0].message.ends_with(":1 and 1 more file"));
}

TEST_CASE("batch: one file reached by two paths is one file, not a duplicate") {
  Folder f;
  std::string file = f.write("a/d.yaml", "D");
  fs::create_directories(f.root / "b");
  fs::create_hard_link(file, f.root / "b" / "link.yaml");
  Run r = run({(f.root / "a").string(), (f.root / "b").string()}, 2);
  REQUIRE(r.consumed.size() == 1);
  CHECK(r.consumed[0].second == "D");
  CHECK(r.diagnostics.empty());
  CHECK(r.files == 1);
}

TEST_CASE("batch: a record left out by a filter is counted, and never a duplicate") {
  Folder f;
  std::string kept = f.write("kept.yaml", "D");
  f.write("out.yaml", "D excluded");
  Run r = run({(f.root).string()}, 1);
  REQUIRE(r.consumed.size() == 1);
  CHECK(r.consumed[0].first == "kept.yaml");
  CHECK(r.diagnostics.empty());
  CHECK(r.excluded == 1);
}

TEST_CASE("batch: --strict makes every warning an error, once, for the run") {
  Folder f;
  f.write("w.yaml", "W warn");
  Run lax = run({f.root.string()}, 1);
  REQUIRE(lax.diagnostics.size() == 1);
  CHECK(lax.diagnostics[0].severity == ess::Severity::warning);
  Run strict = run({f.root.string()}, 1, true);
  REQUIRE(strict.diagnostics.size() == 1);
  CHECK(strict.diagnostics[0].severity == ess::Severity::error);

  ess::cli::Options options;
  options.strict = true;
  BatchRun batch(options);
  Diagnostics diags("x");
  diags.warning("w", {}, "a warning");
  CHECK(batch.refuses(diags));
  CHECK(diags.items()[0].severity == ess::Severity::error);
}

TEST_CASE("batch: the same through temporary files (a budget of one byte)") {
  Folder f;
  for (char c = 'a'; c <= 'k'; ++c) f.write(std::string(1, c) + ".yaml", std::string(1, c - 32));
  f.write("dup.yaml", "F");
  ::setenv("ESS_EVAL_SPILL_BUDGET", "1", 1);
  Run r = run({f.root.string()}, 2);
  ::unsetenv("ESS_EVAL_SPILL_BUDGET");
  REQUIRE(r.consumed.size() == 10);  // A..K but F
  CHECK(r.consumed.front().second == "A");
  CHECK(r.consumed[5].second == "G");
  CHECK(r.consumed.back().second == "K");
  CHECK(r.diagnostics.size() == 2);
}

TEST_CASE("validate's first pass: a file whose first key is dossier: is a dossier") {
  using ess::cli::starts_as_dossier;
  CHECK(starts_as_dossier("dossier: 2026-001\ntitle: T\n"));
  CHECK(starts_as_dossier("\xEF\xBB\xBF# a comment\n\n  # another\n%YAML 1.2\n---\ndossier: x\n"));
  CHECK(starts_as_dossier("dossier:\r\n  x\r\n"));
  // Anything else is parsed to be sure: a grid, a dossier written in another order, flow style,
  // a key that only starts like it, a first line cut by the end of what was read.
  CHECK_FALSE(starts_as_dossier("grid: g\ncriteria: []\n"));
  CHECK_FALSE(starts_as_dossier("title: T\ndossier: x\n"));
  CHECK_FALSE(starts_as_dossier("{dossier: x}\n"));
  CHECK_FALSE(starts_as_dossier("dossiers: x\n"));
  CHECK_FALSE(starts_as_dossier("  dossier: x\n"));
  CHECK_FALSE(starts_as_dossier("dossier: x"));
  CHECK_FALSE(starts_as_dossier(""));
}
