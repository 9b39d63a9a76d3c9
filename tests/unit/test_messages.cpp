// The message catalogue (both languages, the same placeholders, every documented code), the
// choice of the message language, and the French habits read from the command line.
#include <catch2/catch.hpp>

#include <fmt/args.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "ess/model/amount.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"
#include "test_support.hpp"

using ess::Language;
using ess::Msg;
using test_support::placeholders;

namespace {

// The text formatted with every placeholder given: it must not throw.
std::string format_all(std::string_view text) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const auto& name : placeholders(text)) args.push_back(fmt::arg(name.c_str(), "X"));
  return fmt::vformat(text, args);
}

// Sets the message language for one test, and back to English after it.
struct InLanguage {
  explicit InLanguage(Language l) { ess::set_message_language(l); }
  ~InLanguage() { ess::set_message_language(Language::en); }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The codes the man page documents in its DIAGNOSTICS section.
std::set<std::string> documented_codes() {
  std::string man = read_file(ESS_SOURCE_DIR "/man/ess-eval.1");
  auto from = man.find(".SH DIAGNOSTICS");
  auto to = man.find(".SH ENVIRONMENT");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  std::string section = man.substr(from, to - from);
  std::set<std::string> documented;
  std::regex code_line(R"(\.TP\n\.B ([a-z0-9\\-]+)\n)");
  for (std::sregex_iterator it(section.begin(), section.end(), code_line), end; it != end; ++it)
    documented.insert(std::regex_replace(it->str(1), std::regex(R"(\\-)"), "-"));
  return documented;
}

// What is wrong with a catalogue's codes against the documented ones: a documented code without
// an entry, a code not documented, an entry of a code without French or English, or whose
// French is a copy of its English (a message a French user would meet in English).
std::vector<std::string> code_problems(std::span<const ess::MessageEntry> entries,
                                       const std::set<std::string>& documented) {
  std::vector<std::string> problems;
  std::set<std::string> catalogued;
  for (const auto& e : entries) {
    if (e.code.empty()) continue;
    std::string code(e.code);
    catalogued.insert(code);
    if (e.fr.empty()) problems.push_back(code + ": an entry without French");
    if (e.en.empty()) problems.push_back(code + ": an entry without English");
    if (!e.fr.empty() && e.fr == e.en)
      problems.push_back(code + ": an entry whose French is its English");
  }
  for (const auto& code : documented)
    if (catalogued.count(code) == 0) problems.push_back(code + ": documented, but no entry");
  for (const auto& code : catalogued)
    if (documented.count(code) == 0) problems.push_back(code + ": an entry, but not documented");
  return problems;
}

}  // namespace

TEST_CASE("messages: every entry in both languages, with the same named placeholders") {
  auto entries = ess::message_catalogue();
  REQUIRE(entries.size() == static_cast<std::size_t>(Msg::count_));
  for (const auto& e : entries) {
    CAPTURE(e.en);
    CHECK_FALSE(e.fr.empty());
    CHECK_FALSE(e.en.empty());
    CHECK(placeholders(e.fr) == placeholders(e.en));
    CHECK(placeholders(e.en).count("#") == 0);  // every placeholder has a name
    CHECK_NOTHROW(format_all(e.fr));
    CHECK_NOTHROW(format_all(e.en));
    CHECK_NOTHROW(format_all(ess::message_text(e.id, Language::fr)));
    // One line each: a diagnostic stays on one line of a terminal or a CI log.
    CHECK(e.fr.find('\n') == std::string_view::npos);
    CHECK(e.en.find('\n') == std::string_view::npos);
    // French quotes values « » and English '...', never the other way round.
    CHECK(e.en.find("«") == std::string_view::npos);
  }
}

TEST_CASE("messages: every diagnostic code of the man page has an entry, and only those") {
  std::set<std::string> documented = documented_codes();
  REQUIRE(documented.size() > 50);
  auto entries = ess::message_catalogue();
  CHECK(code_problems(entries, documented) == std::vector<std::string>{});

  // The check itself: a code that lacks either language, or an entry, is found.
  const ess::MessageEntry* siret = nullptr;
  for (const auto& e : entries)
    if (e.code == "invalid-siret") siret = &e;
  REQUIRE(siret != nullptr);
  auto with = [&](auto change) {
    std::vector<ess::MessageEntry> copy(entries.begin(), entries.end());
    for (auto& e : copy)
      if (e.id == siret->id) change(e);
    return code_problems(copy, documented);
  };
  std::string no_french = "invalid-siret: an entry without French";
  std::string no_english = "invalid-siret: an entry without English";
  std::string copied = "invalid-siret: an entry whose French is its English";
  CHECK(with([](ess::MessageEntry& e) { e.fr = ""; }) == std::vector<std::string>{no_french});
  CHECK(with([](ess::MessageEntry& e) { e.en = ""; }) == std::vector<std::string>{no_english});
  CHECK(with([](ess::MessageEntry& e) { e.fr = e.en; }) == std::vector<std::string>{copied});
  std::vector<ess::MessageEntry> without;
  for (const auto& e : entries)
    if (e.code != "unpinned-grid") without.push_back(e);
  CHECK(code_problems(without, documented) ==
        std::vector<std::string>{"unpinned-grid: documented, but no entry"});
  documented.erase("scdl-proposal");
  CHECK(code_problems(entries, documented) ==
        std::vector<std::string>{"scdl-proposal: an entry, but not documented"});
}

TEST_CASE("messages: the language from --lang, else LC_ALL, LC_MESSAGES, LANG") {
  using ess::choose_message_language;
  CHECK(choose_message_language("", "", "", "") == Language::en);
  CHECK(choose_message_language("", "", "", "fr_FR.UTF-8") == Language::fr);
  CHECK(choose_message_language("", "", "", "fr") == Language::fr);
  CHECK(choose_message_language("", "", "", "en_GB.UTF-8") == Language::en);
  CHECK(choose_message_language("", "", "", "C") == Language::en);
  CHECK(choose_message_language("", "", "fr_CA.UTF-8", "en_US.UTF-8") == Language::fr);
  CHECK(choose_message_language("", "", "en_US.UTF-8", "fr_FR.UTF-8") == Language::en);
  // LC_ALL overrides the others, C.UTF-8 included (the end-to-end tests run under it).
  CHECK(choose_message_language("", "C.UTF-8", "fr_FR.UTF-8", "fr_FR.UTF-8") == Language::en);
  CHECK(choose_message_language("", "fr_BE.UTF-8", "", "en_US.UTF-8") == Language::fr);
  // --lang first, whatever the environment.
  CHECK(choose_message_language("fr", "C.UTF-8", "", "") == Language::fr);
  CHECK(choose_message_language("en", "fr_FR.UTF-8", "", "fr_FR.UTF-8") == Language::en);
  CHECK(choose_message_language("", "", "", "fy_NL.UTF-8") == Language::en);  // Frisian
}

TEST_CASE("messages: worded in the language set for the process") {
  using namespace fmt::literals;
  {
    InLanguage fr(Language::fr);
    ess::Said s = ess::say(Msg::unknown_key, "key"_a = "agregation", "what"_a = "un critère");
    CHECK(s.code == "unknown-key");
    CHECK(s.text == "clé inconnue «\u00A0agregation\u00A0» dans un critère");
    CHECK(ess::did_you_mean("aggregation").text ==
          "vouliez-vous dire «\u00A0aggregation\u00A0»\u00A0?");
    CHECK(ess::phrase(Msg::what_score_of, "criterion"_a = "debat") ==
          "la note de «\u00A0debat\u00A0»");
  }
  ess::Said s = ess::say(Msg::unknown_key, "key"_a = "agregation", "what"_a = "a criterion");
  CHECK(s.text == "unknown key 'agregation' in a criterion");
  CHECK(ess::did_you_mean("").text.empty());
  // A placeholder left without its argument (a bug of a call site) still gives the words.
  CHECK(ess::say(Msg::unknown_key).text == "unknown key '{key}' in {what}");
}

TEST_CASE("messages: French typography, a no-break space before : ; ? ! and inside « »") {
  CHECK(ess::french_typography("a : b ; c ? d !") == "a\u00A0: b\u00A0; c\u00A0? d\u00A0!");
  CHECK(ess::french_typography("« x »") == "«\u00A0x\u00A0»");
  // YAML written out keeps its colon; a colon without a space before it is left alone.
  CHECK(ess::french_typography("écrivez na: \"raison\"") == "écrivez na: \"raison\"");
}

TEST_CASE("case folding for labels: ASCII, Latin-1 and Latin Extended-A, accents kept") {
  CHECK(ess::fold_case("Établi") == "établi");
  CHECK(ess::fold_case("ÉMERGENT") == "émergent");
  CHECK(ess::fold_case("ŒUVRE À ÇA") == "œuvre à ça");
  CHECK(ess::fold_case("Ÿ") == "ÿ");
  CHECK(ess::fold_case("ß×÷") == "ß×÷");      // no case, or not letters
  CHECK(ess::fold_case("Ωmega") == "Ωmega");  // Greek is left as it is
  CHECK(ess::same_ignoring_case("établi", "Établi"));
  CHECK(ess::same_ignoring_case("EXEMPLAIRE", "Exemplaire"));
  CHECK_FALSE(ess::same_ignoring_case("etabli", "Établi"));  // accents kept
}

TEST_CASE("amounts as people type them") {
  auto value = [](std::string_view text) { return ess::parse_amount(text).value; };
  CHECK(value("150000") == 150000);
  CHECK(value("150 000") == 150000);
  CHECK(value("150\u00A0000") == 150000);
  CHECK(value("150\u202F000") == 150000);
  CHECK(value("1 500 000") == 1500000);
  CHECK(value("150000,50") == 150000.5);
  CHECK(value("150000.50") == 150000.5);
  CHECK(value("150 000,50") == 150000.5);
  CHECK(value(" 120000 ") == 120000);
  CHECK(value("0") == 0);
  CHECK(value("12,5") == 12.5);
  CHECK(value("150 000,000") == 150000);  // the spaces say which mark is decimal
  for (const char* refused : {"", "abc", "150 00", "1 50 000", "1500 000", "150,", ",5", "1e5",
                              "150 000 €", "-5", "1,500,000", "150.000,50", "inf", "nan"}) {
    CAPTURE(refused);
    CHECK_FALSE(value(refused));
  }
  ess::AmountReading ambiguous = ess::parse_amount("150,000");
  CHECK_FALSE(ambiguous.value);
  CHECK(ambiguous.problem.text ==
        "'150,000' is ambiguous: a comma or a point before exactly three digits may separate "
        "thousands or decimals");
  CHECK(ambiguous.hint.text == "write 150000 or \"150 000\" for thousands, 150 for decimals");
  CHECK_FALSE(value("150.000"));
  // The hint's decimal reading is one parse_amount takes.
  CHECK(ess::parse_amount("1,250").hint.text ==
        "write 1250 or \"1 250\" for thousands, 1,25 for decimals");
  CHECK(ess::parse_amount("1.234").hint.text ==
        "write 1234 or \"1 234\" for thousands, 1.2340 for decimals");
  CHECK(value("1,25") == 1.25);
  CHECK(value("1.2340") == 1.234);
  CHECK(ess::parse_amount("-5").problem.text == "'-5' is negative: an amount is 0 or more");
  InLanguage fr(Language::fr);
  CHECK(ess::parse_amount("150,000").hint.text ==
        "écrivez 150000 ou \"150 000\" pour des milliers, 150 pour des décimales");
}

TEST_CASE("messages: the system's reasons, in English as the C library says them, or in French") {
  for (int err : {ENOENT, EACCES, EPERM, ENOSPC, EDQUOT, EROFS, EISDIR, ENOTDIR, EMFILE, ENFILE,
                  EFBIG, EIO, EPIPE, EBADF, ENOMEM, EEXIST, ELOOP, ENAMETOOLONG, EXDEV}) {
    CAPTURE(err);
    CHECK(ess::system_reason(err) == std::strerror(err));
  }
  InLanguage fr(Language::fr);
  CHECK(ess::system_reason(ENOSPC) == "plus de place sur le périphérique");
  CHECK(ess::system_reason(EACCES) == "permission refusée");
  CHECK(ess::system_reason(EXDEV) == std::strerror(EXDEV));  // a rare one: the C library's
}

TEST_CASE("messages: a diagnostic made from worded messages keeps the entry's code") {
  using namespace fmt::literals;
  InLanguage fr(Language::fr);
  ess::Diagnostic d = ess::make_diagnostic(ess::Severity::warning, "appel.yaml", {3, 7},
                                           ess::say(Msg::unpinned_grid, "grid"_a = "g"),
                                           ess::say(Msg::unpinned_grid_hint, "grid"_a = "g"));
  CHECK(d.code == "unpinned-grid");
  CHECK(d.severity == ess::Severity::warning);
  CHECK(d.file == "appel.yaml");
  CHECK(d.pos == ess::Pos{3, 7});
  CHECK(d.message == "la grille de base «\u00A0g\u00A0» de l'appel n'a pas de version");
  CHECK(d.hint.starts_with("épinglez-la\u00A0: grid: g@<version>"));
}
