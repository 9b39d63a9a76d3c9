// Dossier files to model (without their grid), and the strict reading of numbers, ids and
// dates shared by both formats. Positions are counted by hand on the lines changed.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "ess/io/load.hpp"
#include "io/yaml_read.hpp"

using ess::Diagnostics;

namespace {

const std::string base_dossier =
    "dossier: D-1\n"                                                  // 1
    "title: Dossier\n"                                                // 2
    "grid: g@1.2.0\n"                                                 // 3
    "requested: 25000\n"                                              // 4
    "facts:\n"                                                        // 5
    "  ventes: 1000\n"                                                // 6
    "  subventions: 500\n"                                            // 7
    "  heures-benevoles: 100\n"                                       // 8
    "assessments:\n"                                                  // 9
    "  - assessor: A. Martin\n"                                       // 10
    "    role: analyst\n"                                             // 11
    "    date: 2026-03-12\n"                                          // 12
    "    scores:\n"                                                   // 13
    "      participation: {level: 2, evidence: PV}\n"                 // 14
    "      democratie: {value: yes}\n"                                // 15
    "      taux-ag: {value: 55, comment: ok}\n"                       // 16
    "  - assessor: Les Cailloux\n"                                    // 17
    "    role: self\n"                                                // 18
    "    date: 2026-02-01\n"                                          // 19
    "    scores:\n"                                                   // 20
    "      participation: {level: Établi, evidence: PV}\n"            // 21
    "      democratie: {na: \"Pas encore d'AG\"}\n"                   // 22
    "      taux-ag: {value: 60}\n"                                    // 23
    "consensus:\n"                                                    // 24
    "  participation: {level: 3, note: \"Comité du 2026-04-02\"}\n";  // 25

std::string with(const std::string& from, const std::string& to, std::string text = base_dossier) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Loaded {
  std::optional<ess::Dossier> dossier;
  Diagnostics diags{"d.yaml"};
};

Loaded load(const std::string& text) {
  Loaded l;
  ess::YamlNode root;
  if (ess::parse_yaml(text, ess::ParseLimits{}, root, l.diags))
    l.dossier = ess::load_dossier(root, l.diags);
  return l;
}

std::string found(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    if (!out.empty()) out += "\n";
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.code;
  }
  return out;
}

std::string found(const std::string& text) {
  return found(load(text).diags);
}

std::string hint(const std::string& text) {
  Loaded l = load(text);
  return l.diags.empty() ? "" : l.diags.items()[0].hint;
}

std::string pos(ess::Pos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

// read_number on one scalar, as a plain (or quoted) YAML value would give it.
std::string number(const std::string& text, bool quoted = false) {
  ess::YamlNode n;
  n.kind = ess::YamlNode::Kind::scalar;
  n.text = text;
  n.quoted = quoted;
  n.pos = {1, 1};
  Diagnostics d("n");
  auto v = ess::read_number(n, "x", d);
  if (v) {
    CHECK(d.empty());
    return std::to_string(*v);
  }
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "invalid-number");
  return "error: " + d.items()[0].message;
}

}  // namespace

TEST_CASE("dossier: the base dossier loads, every value where it was written") {
  Loaded l = load(base_dossier);
  INFO(found(l.diags));
  REQUIRE(l.dossier);
  CHECK(l.diags.empty());
  const ess::Dossier& d = *l.dossier;
  CHECK(d.id == "D-1");
  CHECK(d.title == "Dossier");
  CHECK(d.grid_id == "g");
  CHECK(d.grid_version == "1.2.0");
  CHECK(pos(d.grid_pos) == "3:7");
  CHECK(pos(d.pos) == "1:1");
  CHECK(*d.requested == 25000);
  REQUIRE(d.facts.size() == 3);
  CHECK(d.facts[2].id == "heures-benevoles");
  CHECK(d.facts[2].value == 100);
  CHECK(pos(d.facts[0].pos) == "6:3");
  REQUIRE(d.assessments.size() == 2);
  const ess::Assessment& a = d.assessments[0];
  CHECK(a.assessor == "A. Martin");
  CHECK(a.role == ess::Role::analyst);
  CHECK(a.date == "2026-03-12");
  CHECK(pos(a.pos) == "10:5");
  REQUIRE(a.scores.size() == 3);
  CHECK(a.scores[0].criterion == "participation");
  CHECK(pos(a.scores[0].pos) == "14:7");
  CHECK(pos(a.scores[0].value_pos) == "14:30");
  CHECK(a.scores[0].raw == "2");
  CHECK(a.scores[0].raw_is_level);
  CHECK(a.scores[0].evidence == "PV");
  CHECK(a.scores[1].raw == "yes");
  CHECK_FALSE(a.scores[1].raw_is_level);
  CHECK(a.scores[2].comment == "ok");
  CHECK_FALSE(a.scores[0].resolved);  // values are resolved against the grid, later
  const ess::Assessment& self = d.assessments[1];
  CHECK(self.role == ess::Role::self);
  CHECK(self.scores[0].raw == "Établi");
  CHECK(self.scores[1].kind == ess::ScoreEntry::Kind::na);
  CHECK(self.scores[1].na_reason == "Pas encore d'AG");
  REQUIRE(d.consensus.size() == 1);
  CHECK(d.consensus[0].raw == "3");
  CHECK(d.consensus[0].note == "Comité du 2026-04-02");
}

TEST_CASE("dossier: the example dossiers load without a diagnostic") {
  for (const char* name : {"2026-001-epicerie-soupe-aux-cailloux.yaml",
                           "2026-005-tiers-lieu-escale-des-possibles.yaml"}) {
    std::string path = std::string(ESS_SOURCE_DIR) + "/examples/dossiers/" + name;
    Diagnostics d(path);
    std::string bytes;
    REQUIRE(ess::read_file_bytes(path, 1 << 20, bytes, d));
    ess::YamlNode root;
    REQUIRE(ess::parse_yaml(bytes, ess::ParseLimits{}, root, d));
    CHECK(ess::document_kind(root) == ess::DocumentKind::dossier);
    CHECK(ess::load_dossier(root, d));
    INFO(found(d));
    CHECK(d.empty());
  }
}

TEST_CASE("dossier: a file's kind is told by its top key") {
  auto kind = [](const std::string& text) {
    ess::YamlNode root;
    Diagnostics d("k");
    REQUIRE(ess::parse_yaml(text, ess::ParseLimits{}, root, d));
    return ess::document_kind(root);
  };
  CHECK(kind("dossier: x\n") == ess::DocumentKind::dossier);
  CHECK(kind("grid: x\ncriteria: []\n") == ess::DocumentKind::grid);
  CHECK(kind("other: x\n") == ess::DocumentKind::unknown);
  CHECK(kind("- a\n") == ess::DocumentKind::unknown);
}

TEST_CASE("dossier: ids name report files") {
  CHECK(found(with("dossier: D-1", "dossier: " + std::string(64, 'x'))).empty());
  CHECK(found(with("dossier: D-1", "dossier: " + std::string(65, 'x'))) == "1:10 invalid-id");
  CHECK(found(with("dossier: D-1", "dossier: a/b")) == "1:10 invalid-id");
  CHECK(found(with("dossier: D-1", "dossier: \" D-1\"")) == "1:10 invalid-id");
  CHECK(found(with("dossier: D-1", "dossier: \"D\\t1\"")) == "1:10 invalid-id");
  CHECK(found(with("dossier: D-1", "dossier: \"\"")) == "1:10 invalid-id");
  CHECK(found(with("dossier: D-1", "dossier: 2026-042")).empty());  // free text
  CHECK(found(with("dossier: D-1", "dossier: AAP 2026 n°17")).empty());
  CHECK(found(with("dossier: D-1", "dossier: [D-1]")) == "1:10 wrong-type");
  CHECK(found(with("dossier: D-1\n", "")) == "1:1 missing-key");
}

TEST_CASE("dossier: the grid it names") {
  Loaded l = load(with("grid: g@1.2.0", "grid: g"));
  REQUIRE(l.dossier);
  CHECK(l.dossier->grid_version.empty());
  CHECK(found(with("grid: g@1.2.0", "grid: G")) == "3:7 invalid-id");
  CHECK(found(with("grid: g@1.2.0", "grid: ../../etc/passwd")) == "3:7 invalid-id");
  CHECK(found(with("grid: g@1.2.0", "grid: g@1.2")) == "3:7 invalid-version");
  CHECK(found(with("grid: g@1.2.0", "grid: g@")) == "3:7 invalid-version");
  CHECK(found(with("grid: g@1.2.0", "grid: g@1.2.0/../x")) == "3:7 invalid-version");
  // Nothing is looked up under an id or version the dossier made up.
  Loaded bad = load(with("grid: g@1.2.0", "grid: g@../../x"));
  REQUIRE(bad.dossier);
  CHECK(bad.dossier->grid_id.empty());
  CHECK(bad.dossier->grid_version.empty());
  CHECK(found(with("grid: g@1.2.0\n", "")) == "1:1 missing-key");
}

TEST_CASE("dossier: dates are calendar dates") {
  auto date = [](const std::string& d) { return found(with("date: 2026-03-12", "date: " + d)); };
  CHECK(date("2024-02-29").empty());  // a leap year
  CHECK(date("2000-02-29").empty());  // divisible by 400
  CHECK(date("2026-02-30") == "12:11 invalid-date");
  CHECK(date("2023-02-29") == "12:11 invalid-date");
  CHECK(date("2100-02-29") == "12:11 invalid-date");  // divisible by 100, not by 400
  CHECK(date("2026-13-01") == "12:11 invalid-date");
  CHECK(date("2026-00-10") == "12:11 invalid-date");
  CHECK(date("2026-04-31") == "12:11 invalid-date");
  CHECK(date("2026-12-31").empty());
  CHECK(date("12/03/2026") == "12:11 invalid-date");
  CHECK(date("2026-3-12") == "12:11 invalid-date");
  CHECK(date("2026-03-12T10:00") == "12:11 invalid-date");
  CHECK(date("'2026-03-12'").empty());  // quoted or not, the same text
  CHECK(ess::is_iso_date("2026-03-12"));
  CHECK_FALSE(ess::is_iso_date("2026-03-1x"));
  CHECK_FALSE(ess::is_iso_date(""));
}

TEST_CASE("dossier: assessments") {
  CHECK(found(with("role: analyst", "role: analist")) == "11:11 invalid-role");
  CHECK(hint(with("role: analyst", "role: analist")) == "did you mean 'analyst'?");
  CHECK(found(with("role: analyst", "role: rapporteur")) == "11:11 invalid-role");
  CHECK(hint(with("role: analyst", "role: rapporteur")).empty());
  CHECK(found(with("role: analyst", "role: [analyst]")) == "11:11 wrong-type");
  for (const char* role : {"partner", "committee", "self"})
    CHECK(found(with("role: analyst", std::string("role: ") + role)).empty());
  // The French names, with or without accents, in any case.
  const std::pair<const char*, ess::Role> french[] = {
      {"analyste", ess::Role::analyst},     {"Analyste", ess::Role::analyst},
      {"auto-évaluation", ess::Role::self}, {"auto-evaluation", ess::Role::self},
      {"Auto-Évaluation", ess::Role::self}, {"partenaire", ess::Role::partner},
      {"comité", ess::Role::committee},     {"comite", ess::Role::committee},
      {"Comité", ess::Role::committee},     {"COMITÉ", ess::Role::committee}};
  for (const auto& [word, role] : french) {
    Loaded l = load(with("role: analyst", std::string("role: ") + word));
    CAPTURE(word);
    CHECK(l.diags.empty());
    REQUIRE(l.dossier);
    CHECK(l.dossier->assessments[0].role == role);
  }
  CHECK_FALSE(ess::parse_role("autoevaluation"));
  CHECK_FALSE(ess::parse_role("comitee"));
  CHECK(found(with("    role: analyst\n", "")) == "10:5 missing-key");
  CHECK(found(with("  - assessor: A. Martin\n", "  - assesor: A. Martin\n")) ==
        "10:5 unknown-key\n10:5 missing-key");
  CHECK(found(with("assessments:\n", "assessments: 3\nx-old:\n")) == "9:14 wrong-type");
  CHECK(found(with("      democratie: {value: yes}\n", "      democratie: yes\n")) ==
        "15:19 wrong-type");
  CHECK(found(with("    scores:\n      participation: {level: 2",
                   "    scores: []\n    x-s:\n      participation: {level: 2")) ==
        "13:13 wrong-type");
}

TEST_CASE("dossier: score entries give exactly one of level, value, na") {
  CHECK(found(with("{level: 2, evidence: PV}", "{level: 2, value: 2, evidence: PV}")) ==
        "14:7 invalid-value");
  CHECK(found(with("{level: 2, evidence: PV}", "{evidence: PV}")) == "14:7 missing-key");
  CHECK(found(with("{value: yes}", "{value: yes, na: pas d'AG}")) == "15:7 invalid-value");
  CHECK(found(with("{level: 2, evidence: PV}", "{level: [2], evidence: PV}")) ==
        "14:30 wrong-type");
  CHECK(found(with("{value: 55, comment: ok}", "{value: 55, commment: ok}")) ==
        "16:28 unknown-key");
  CHECK(hint(with("{value: 55, comment: ok}", "{value: 55, commment: ok}")) ==
        "did you mean 'comment'?");
  CHECK(found(with("{value: 55, comment: ok}", "{value: 55, x-source: tableur}")).empty());
}

TEST_CASE("dossier: not applicable needs its reason") {
  CHECK(found(with("{na: \"Pas encore d'AG\"}", "{na: \"\"}")) == "22:24 na-without-reason");
  CHECK(found(with("{na: \"Pas encore d'AG\"}", "{na: ~}")) == "22:24 na-without-reason");
  CHECK(found(with("{na: \"Pas encore d'AG\"}", "{na: [a]}")) == "22:24 na-without-reason");
  CHECK(found(with("      democratie: {na: \"Pas encore d'AG\"}\n",
                   "      democratie:\n        na:\n")) == "23:9 na-without-reason");
}

TEST_CASE("dossier: consensus entries") {
  CHECK(found(with("{level: 3, note:", "{na: x, note:")) == "25:19 unknown-key\n25:3 missing-key");
  CHECK(found(with("{level: 3, note:", "{level: 3, comment: x, note:")) == "25:29 unknown-key");
  CHECK(found(with("{level: 3, note:", "{level: 3, evidence: PV, note:")).empty());
  CHECK(found(with("  participation: {level: 3", "  participation: {value: 3")).empty());
  CHECK(found(with("consensus:\n", "consensus: [1]\nx-c:\n")) == "24:12 wrong-type");
}

TEST_CASE("dossier: amounts and facts are strict numbers") {
  CHECK(found(with("requested: 25000", "requested: -5")) == "4:12 invalid-value");
  CHECK(found(with("requested: 25000", "requested: '25000'")) == "4:12 invalid-number");
  CHECK(found(with("requested: 25000", "requested: 25 000")) == "4:12 invalid-number");
  CHECK(hint(with("requested: 25000", "requested: 25 000")) == "write 25000, without spaces");
  CHECK(hint(with("requested: 25000", "requested: 25000,50")) ==
        "write 25000.50: YAML numbers take a decimal point");
  CHECK(found(with("requested: 25000", "requested: 0")).empty());
  CHECK(found(with("ventes: 1000", "ventes: .inf")) == "6:11 invalid-number");
  CHECK(found(with("ventes: 1000", "ventes: \"1000\"")) == "6:11 invalid-number");
  CHECK(found(with("ventes: 1000", "ventes: 1_000")) == "6:11 invalid-number");
  CHECK(found(with("ventes: 1000", "ventes:")) == "6:3 wrong-type");
  CHECK(found(with("facts:\n", "facts: 3\nx-f:\n")) == "5:8 wrong-type");
  Loaded l = load(with("ventes: 1000", "ventes: 1.5e3"));
  REQUIRE(l.dossier);
  CHECK(l.dossier->facts[0].value == 1500);
}

TEST_CASE("strict numbers: what reads as a number, and what does not") {
  CHECK(number("12") == std::to_string(12.0));
  CHECK(number("0") == std::to_string(0.0));
  CHECK(number("-1") == std::to_string(-1.0));
  CHECK(number("+1") == std::to_string(1.0));
  CHECK(number("0.5") == std::to_string(0.5));
  CHECK(number(".5") == std::to_string(0.5));
  CHECK(number("5.") == std::to_string(5.0));
  CHECK(number("1e3") == std::to_string(1000.0));
  CHECK(number("1.5E-2") == std::to_string(0.015));
  CHECK(number("2147483648") == std::to_string(2147483648.0));
  CHECK_THAT(number(".nan"), Catch::Contains("not a finite number"));
  CHECK_THAT(number(".NaN"), Catch::Contains("not a finite number"));
  CHECK_THAT(number(".inf"), Catch::Contains("not a finite number"));
  CHECK_THAT(number("-.inf"), Catch::Contains("not a finite number"));
  CHECK_THAT(number(".Inf"), Catch::Contains("not a finite number"));
  CHECK_THAT(number("nan"), Catch::Contains("not a number"));
  CHECK_THAT(number("inf"), Catch::Contains("not a number"));
  CHECK_THAT(number("1e400"), Catch::Contains("too large or too small"));
  CHECK_THAT(number("-1e400"), Catch::Contains("too large or too small"));
  CHECK_THAT(number("1e-400"), Catch::Contains("too large or too small"));
  CHECK_THAT(number("017"), Catch::Contains("leading zeros"));
  CHECK_THAT(number("-017"), Catch::Contains("leading zeros"));
  CHECK_THAT(number("00"), Catch::Contains("leading zeros"));
  CHECK_THAT(number("0001.5"), Catch::Contains("leading zeros"));
  CHECK_THAT(number("0x1F"), Catch::Contains("not a number"));
  CHECK_THAT(number("0o17"), Catch::Contains("not a number"));
  CHECK_THAT(number("1_000"), Catch::Contains("not a number"));
  // A number written the French way says how YAML wants it.
  CHECK_THAT(number("3,5"), Catch::Contains("'3,5' is written with a decimal comma"));
  CHECK_THAT(number("-12,25"), Catch::Contains("decimal comma"));
  CHECK_THAT(number("150,000"), Catch::Contains("ambiguous"));
  CHECK_THAT(number("120 000"), Catch::Contains("spaces between its digits"));
  CHECK_THAT(number("120\u00A0000,5"), Catch::Contains("spaces between its digits"));
  CHECK_THAT(number("1,2,3"), Catch::Contains("not a number"));
  CHECK_THAT(number("12 34"), Catch::Contains("not a number"));  // not groups of three
  CHECK_THAT(number("12abc"), Catch::Contains("not a number"));
  CHECK_THAT(number("1e"), Catch::Contains("not a number"));
  CHECK_THAT(number("--1"), Catch::Contains("not a number"));
  CHECK_THAT(number("."), Catch::Contains("not a number"));
  CHECK_THAT(number(""), Catch::Contains("not a number"));
  CHECK_THAT(number("１"), Catch::Contains("not a number"));  // a full-width digit
  CHECK_THAT(number("1", true), Catch::Contains("quoted text"));
  CHECK(ess::parse_number_text("0.25") == 0.25);
  CHECK_FALSE(ess::parse_number_text("Établi"));
  // A value of a megabyte is named, cut short, in the message.
  std::string huge = number(std::string(1 << 20, '7') + "x");
  CHECK(huge.size() < 200);
}

TEST_CASE("strict ids, versions, booleans") {
  CHECK(ess::is_valid_id("a"));
  CHECK(ess::is_valid_id("0"));
  CHECK(ess::is_valid_id("part-non_marchande2"));
  CHECK_FALSE(ess::is_valid_id(""));
  CHECK_FALSE(ess::is_valid_id("-a"));
  CHECK_FALSE(ess::is_valid_id("_a"));
  CHECK_FALSE(ess::is_valid_id("A"));
  CHECK_FALSE(ess::is_valid_id("a b"));
  CHECK_FALSE(ess::is_valid_id("é"));
  CHECK_FALSE(ess::is_valid_id("a.b"));
  CHECK(ess::is_semver("1.2.3"));
  CHECK(ess::is_semver("0.0.0"));
  CHECK(ess::is_semver("123456789.0.1"));
  CHECK_FALSE(ess::is_semver("1234567890.0.1"));  // versions fit in an int
  CHECK_FALSE(ess::is_semver("1.2"));
  CHECK_FALSE(ess::is_semver("1.2.3.4"));
  CHECK_FALSE(ess::is_semver("01.2.3"));
  CHECK_FALSE(ess::is_semver("1.2.3-rc1"));
  CHECK_FALSE(ess::is_semver(""));
  CHECK_FALSE(ess::is_semver("..."));
  ess::YamlNode n;
  n.kind = ess::YamlNode::Kind::scalar;
  Diagnostics d("b");
  n.text = "true";
  CHECK(ess::read_bool(n, "x", d) == true);
  n.text = "false";
  CHECK(ess::read_bool(n, "x", d) == false);
  CHECK(d.empty());
  for (const char* word : {"yes", "True", "TRUE", "on", "1"}) {
    n.text = word;
    CHECK_FALSE(ess::read_bool(n, "x", d));
  }
  n.text = "true";
  n.quoted = true;
  CHECK_FALSE(ess::read_bool(n, "x", d));
  CHECK(d.items().size() == 6);
}

TEST_CASE("dossier: a mapping full of unknown keys gives a bounded number of diagnostics") {
  std::string text = "dossier: x\ntitle: t\ngrid: g\n";
  for (int i = 0; i < 3000; ++i) text += "k" + std::to_string(i) + ": 1\n";
  Loaded l = load(text);
  REQUIRE(l.diags.items().size() == 21);  // 20 named, then one for the rest
  CHECK(pos(l.diags.items()[20].pos) == "24:1");
  CHECK_THAT(l.diags.items()[20].message, Catch::Contains("2980 more unknown keys"));
}
