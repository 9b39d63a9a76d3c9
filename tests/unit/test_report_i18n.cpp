#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "ess/report/i18n.hpp"
#include "ess/report/rank_report.hpp"
#include "report/letter_words.hpp"
#include "report/pack_words.hpp"
#include "report/word_tables.hpp"
#include "test_report_fixture.hpp"
#include "test_support.hpp"

using ess::Language;
using ess::word_tables::flatten;
using ess::word_tables::WordList;

namespace {

// A table of fixed words of the report layer: the struct its words are declared in, and its
// words in one language as a flat list (src/report/word_tables.hpp).
struct Table {
  std::string_view file;
  std::string_view name;
  WordList (*words)(Language);
};

const Table tables[] = {
    {"include/ess/report/i18n.hpp", "ReportWords",
     [](Language l) { return flatten<std::string_view>(ess::report_words(l)); }},
    {"include/ess/report/i18n.hpp", "TemplateWords",
     [](Language l) { return flatten<std::string_view>(ess::template_words(l)); }},
    {"include/ess/report/rank_report.hpp", "RankWords",
     [](Language l) { return flatten<const char*>(ess::rank_words(l)); }},
    {"src/report/pack_words.hpp", "PackWords",
     [](Language l) { return flatten<std::string_view>(ess::pack::pack_words(l)); }},
    {"src/report/letter_words.hpp", "LetterWords",
     [](Language l) { return flatten<std::string_view>(ess::letter_words(l)); }},
    {"src/report/grid_show.cpp", "FixedWords", ess::word_tables::grid_show_words},
    {"src/report/call_show.cpp", "FixedWords", ess::word_tables::call_show_words},
    {"src/report/report_sensitivity.cpp", "Words", ess::word_tables::sensitivity_words},
    {"src/report/grid_diff_render.cpp", "ChangeWords", ess::word_tables::grid_change_words},
    {"src/report/grid_impact_render.cpp", "ImpactWords", ess::word_tables::grid_impact_words},
    {"src/report/csv_words.cpp", "Heading", ess::word_tables::csv_heading_words},
};

// The words left empty on purpose, in both languages, each with its reason.
struct Empty {
  std::string_view name;
  std::size_t word;
  std::string_view why;
};

const Empty deliberately_empty[] = {
    {"RankWords", offsetof(ess::RankWords, unfunded) / sizeof(const char*),
     "unfunded[Unfunded::none]: a dossier not funded for no particular reason reads « non » "
     "with nothing after it (report_rank.cpp, funded_cell)"},
};

const Empty* empty_on_purpose(const Table& table, std::size_t word) {
  for (const Empty& e : deliberately_empty)
    if (e.name == table.name && e.word == word) return &e;
  return nullptr;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The names of the structs of words (`struct ...Words {`) that a file of the report layer
// declares. A struct derived from one (`struct Words : FixedWords`, which adds the language
// of the numbers) is not matched: its .cpp asserts that it has no room for another word.
std::set<std::string> words_structs(const std::string& text) {
  std::set<std::string> names;
  static const std::regex declared(R"(struct\s+(\w*Words)\s*\{)");
  for (std::sregex_iterator it(text.begin(), text.end(), declared), end; it != end; ++it)
    names.insert(it->str(1));
  return names;
}

}  // namespace

TEST_CASE("i18n: every word exists in French and English, with the same placeholders") {
  for (const Table& table : tables) {
    const WordList fr = table.words(Language::fr);
    const WordList en = table.words(Language::en);
    INFO(table.file << ": " << table.name);
    REQUIRE(fr.size() == en.size());
    CHECK_FALSE(fr.empty());
    for (std::size_t i = 0; i < fr.size(); ++i) {
      INFO("word " << i << ": fr '" << fr[i] << "', en '" << en[i] << "'");
      if (const Empty* e = empty_on_purpose(table, i)) {
        INFO(e->why);
        CHECK(fr[i].empty());
        CHECK(en[i].empty());
        continue;
      }
      CHECK_FALSE(fr[i].empty());
      CHECK_FALSE(en[i].empty());
      CHECK(test_support::placeholders(fr[i]) == test_support::placeholders(en[i]));
    }
  }
}

TEST_CASE("i18n: the parity test walks every table of words of the report layer") {
  std::set<std::pair<std::string, std::string>> walked;
  for (const Table& table : tables) {
    std::string text = read_file(std::filesystem::path(ESS_SOURCE_DIR) / table.file);
    INFO(table.file << " declares no struct " << table.name);
    CHECK(std::regex_search(text, std::regex("struct\\s+" + std::string(table.name) + "\\s*\\{")));
    walked.emplace(table.file, table.name);
  }
  for (const char* folder : {"src/report", "include/ess/report"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ESS_SOURCE_DIR) / folder)) {
      std::string file = std::string(folder) + "/" + entry.path().filename().string();
      for (const std::string& name : words_structs(read_file(entry.path()))) {
        INFO(file << ": struct " << name << " is not in the parity test's tables");
        CHECK(walked.count({file, name}) == 1);
      }
    }
  }
}

TEST_CASE("i18n: decision labels") {
  auto f = make_fixture();
  f->result.status = ess::DossierStatus::ok;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Réservé");
  f->result.status = ess::DossierStatus::ineligible;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Inéligible");
  CHECK(ess::decision_label(f->result, ess::Language::en) == "Ineligible");
  f->result.status = ess::DossierStatus::incomplete;
  CHECK(ess::decision_label(f->result, ess::Language::fr) == "Incomplet");
  CHECK(ess::decision_label(f->result, ess::Language::en) == "Incomplete");
}

TEST_CASE("i18n: quotes and percentages follow each language's typography") {
  CHECK(ess::quoted("Réservé", ess::Language::fr) == "« Réservé »");
  CHECK(ess::quoted("Reserved", ess::Language::en) == "“Reserved”");
  CHECK(ess::percent_text("15,0", ess::Language::fr) == "15,0\u202f%");  // a narrow no-break space
  CHECK(ess::percent_text("15.0", ess::Language::en) == "15.0%");
  CHECK(ess::parse_language("fr") == ess::Language::fr);
  CHECK_FALSE(ess::parse_language("de"));
}
