// Writes the documents of the shipped examples from the renderers, as the `pack` and `letter`
// commands will once they are wired into the batch pipeline: the committee's pack and the
// public account (HTML and Markdown) and one letter per dossier. Driven by check-pack.sh.
//   pack_examples SOURCE_DIR OUT_DIR BUDGET
#include <filesystem>
#include <fstream>
#include <iostream>

#include "../unit/examples_fixture.hpp"
#include "ess/report/letter.hpp"
#include "ess/report/pack.hpp"
#include "ess/report/report.hpp"

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The pack streamed as the pipeline will: notes first, then each dossier in ranking order.
std::string pack(const ScoredExamples& ex, ess::Audience audience, ess::PackFormat format) {
  ess::RankedRowsInMemory rows(ex.rows);
  ess::PackCall call;
  call.grid = &ex.grid;
  call.language = ess::report_options(std::nullopt, ',', ex.grid.language).language;
  call.audience = audience;
  call.format = format;
  call.rows = &rows;
  call.funding = ex.funding;
  call.grid_sha256 = ex.grid.sha256;
  ess::PackNotes notes;
  for (const auto& r : ex.results) notes.add(r);
  ess::PackRenderer renderer(call, notes);
  ess::PackTally tally(ex.grid);
  std::string doc = renderer.begin();
  for (const auto& row : ex.rows) {
    const auto& result = result_of(ex, row);
    tally.add(result, row);
    doc += renderer.dossier(result, row);
  }
  return doc + renderer.end(tally);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: pack_examples SOURCE_DIR OUT_DIR BUDGET\n";
    return 2;
  }
  try {
    std::filesystem::path source = argv[1], out = argv[2];
    auto ex = score_examples((source / "criteria/ess-citoyennete-economique.yaml").string(),
                             (source / "examples/dossiers").string(), std::stod(argv[3]));
    std::filesystem::create_directories(out / "letters");
    using ess::Audience, ess::PackFormat;
    write(out / "pack.html", pack(*ex, Audience::committee, PackFormat::html));
    write(out / "pack.md", pack(*ex, Audience::committee, PackFormat::markdown));
    write(out / "public.html", pack(*ex, Audience::public_account, PackFormat::html));
    write(out / "public.md", pack(*ex, Audience::public_account, PackFormat::markdown));
    for (const auto& r : ex->results) {
      ess::LetterInput in = ess::letter_input(r);
      in.letterhead = ess::Letterhead{
          "Région Nouvelle-Aquitaine — Service ESS", "La cheffe du service ESS", "Limoges", {}};
      in.date = "2026-06-15";
      in.reference = "CP-2026-06-15-12";
      write(out / "letters" / (r.dossier->id + ".md"), ess::render_letter(in));
    }
  } catch (const std::exception& e) {
    std::cerr << "pack_examples: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
