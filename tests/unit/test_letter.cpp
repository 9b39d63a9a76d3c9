// The letter to an applicant (spec §7): every shipped example gets one, with nothing in it that
// is not the applicant's to see — no other assessor's name, no consensus note, no comment, no
// evidence text, no reason an assessor gave for N/A — and the avis against the thresholds.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ess/report/letter.hpp"
#include "examples_fixture.hpp"

namespace {

std::string examples_dir() {
  return std::string(ESS_SOURCE_DIR) + "/examples/dossiers";
}
std::string french_grid() {
  return std::string(ESS_SOURCE_DIR) + "/criteria/ess-citoyennete-economique.yaml";
}

// The letter as a reader sees it: Markdown escapes dropped, no-break spaces as spaces.
std::string plain(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') continue;
    if (text.compare(i, 2, "\u00a0") == 0) {
      out += ' ';
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\u202f") == 0) {
      out += ' ';
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Everything an assessor or the committee wrote about the dossier, and the names of the
// assessors other than the applicant itself.
std::vector<std::string> private_words(const ess::Dossier& d) {
  std::vector<std::string> words;
  auto add_entry = [&](const ess::ScoreEntry& e) {
    for (const auto* text : {&e.evidence, &e.comment, &e.note, &e.na_reason})
      if (!text->empty()) words.push_back(*text);
  };
  for (const auto& a : d.assessments) {
    if (a.role != ess::Role::self) words.push_back(a.assessor);
    for (const auto& e : a.scores) add_entry(e);
  }
  for (const auto& e : d.consensus) add_entry(e);
  return words;
}

// What the grid itself publishes (titles, descriptions, guidance, level descriptions): an
// evidence text such as "PV d'AG" that the grid's guidance also says is not a private word.
std::string published(const ess::Grid& g) {
  std::string text = g.title + "\n" + g.description + "\n";
  ess::for_each_criterion(g.criteria, [&](const ess::Criterion& c, int) {
    text += c.title + "\n" + c.description + "\n" + c.guidance + "\n";
  });
  for (const auto& s : g.scales)
    for (const auto& l : s.levels) text += l.label + "\n" + l.description + "\n";
  for (const auto& f : g.facts) text += f.title + "\n";
  return text;
}

// A private word found in the letter, unless the grid publishes it too.
bool leaks(const std::string& letter, const std::string& word, const std::string& grid_text) {
  return letter.find(word) != std::string::npos && grid_text.find(word) == std::string::npos;
}

ess::LetterInput with_letterhead(const ess::DossierResult& r) {
  ess::LetterInput in = ess::letter_input(r);
  in.letterhead = ess::Letterhead{
      "Région Nouvelle-Aquitaine — Service ESS", "La cheffe de service", "Limoges", {}};
  in.date = "2026-06-15";
  return in;
}

const ess::DossierResult& by_id(const ScoredExamples& ex, const std::string& id) {
  for (const auto& r : ex.results)
    if (r.dossier->id == id) return r;
  throw std::runtime_error("no dossier " + id);
}

}  // namespace

TEST_CASE("letter: no private word in the letter of any shipped example") {
  auto ex = score_examples(french_grid(), examples_dir());
  REQUIRE(ex->results.size() == 11);
  std::size_t scanned = 0;
  std::string grid_text = published(ex->grid);
  for (const auto& r : ex->results) {
    std::string letter = plain(ess::render_letter(with_letterhead(r)));
    auto words = private_words(*r.dossier);
    REQUIRE(words.size() > 3);  // the scan has something to find
    for (const auto& w : words) {
      INFO(r.dossier->id << ": " << w);
      CHECK_FALSE(leaks(letter, w, grid_text));
      ++scanned;
    }
    CHECK(letter.find(r.dossier->applicant) != std::string::npos);
    CHECK(letter.find(r.dossier->id) != std::string::npos);
  }
  CHECK(scanned > 200);
}

TEST_CASE("letter: the scan would see a private word if one were there") {
  auto ex = score_examples(french_grid(), examples_dir());
  const auto& r = by_id(*ex, "2026-002");  // has a consensus note and comments
  auto words = private_words(*r.dossier);
  bool note = false;
  for (const auto& e : r.dossier->consensus) note = note || !e.note.empty();
  CHECK(note);
  std::string letter = plain(ess::render_letter(with_letterhead(r)) + "\n" + words.front());
  CHECK(letter.find(words.front()) != std::string::npos);
}

TEST_CASE("letter: the avis against the thresholds, in plain words") {
  auto ex = score_examples(french_grid(), examples_dir());
  std::string reserve = plain(ess::render_letter(with_letterhead(by_id(*ex, "2026-007"))));
  CHECK(reserve.find("Votre dossier reçoit l'avis « Réservé ».") != std::string::npos);
  CHECK(reserve.find("Votre dossier obtient 62,3 sur 100 ; l'avis « Favorable » commence à 70.") !=
        std::string::npos);
  CHECK(reserve.find("« Défavorable » en dessous de 50, « Réservé » de 50 à moins de 70, "
                     "« Favorable » à partir de 70") != std::string::npos);
  CHECK(reserve.find("## Où un accompagnement vous aiderait le plus") != std::string::npos);
  CHECK(reserve.find("Ce que nous examinons") != std::string::npos);  // the guidance

  std::string top = plain(ess::render_letter(with_letterhead(by_id(*ex, "2026-001"))));
  CHECK(top.find("l'avis « Favorable » commence à 70") != std::string::npos);
  CHECK(top.find("## Vos points forts") != std::string::npos);
}

TEST_CASE("letter: letterhead and date as given, never today's; none when not given") {
  auto ex = score_examples(french_grid(), examples_dir());
  const auto& r = by_id(*ex, "2026-001");
  std::string with = plain(ess::render_letter(with_letterhead(r)));
  CHECK(with.rfind("**Région Nouvelle-Aquitaine — Service ESS**\n\nLimoges, le 15 juin 2026\n",
                   0) == 0);
  CHECK(with.find("**La cheffe de service**\n") != std::string::npos);
  std::string without = plain(ess::render_letter(ess::letter_input(r)));
  CHECK(without.rfind("**Association Les Cailloux**\n", 0) == 0);
  CHECK(without.find("Limoges") == std::string::npos);
  CHECK(without.find("juin 2026") == std::string::npos);
  CHECK(without.find("cheffe") == std::string::npos);
  ess::LetterInput first = with_letterhead(r);
  first.date = "2026-07-01";
  CHECK(plain(ess::render_letter(first)).find("Limoges, le 1er juillet 2026") != std::string::npos);
}

TEST_CASE("letter: ineligible, incomplete and not-assessed applications") {
  auto ex = score_examples(french_grid(), examples_dir());
  std::string ineligible = plain(ess::render_letter(with_letterhead(by_id(*ex, "2026-009"))));
  CHECK(ineligible.find("## Conditions non remplies") != std::string::npos);
  CHECK(
      ineligible.find("**Gouvernance démocratique (condition d'éligibilité)** : la grille demande "
                      "au moins « Oui » ; votre dossier : « Non ».") != std::string::npos);
  CHECK(ineligible.find("## Où un accompagnement") == std::string::npos);

  std::string incomplete = plain(ess::render_letter(with_letterhead(by_id(*ex, "2026-005"))));
  CHECK(incomplete.find("## Ce qui manque à votre dossier") != std::string::npos);
  // One item for the figure not given, naming the three criteria it leaves out.
  CHECK(incomplete.find("**Heures de bénévolat sur le dernier exercice** (en h) : ce chiffre n'a "
                        "pas été indiqué") != std::string::npos);
  CHECK(incomplete.find("« Bénévolat valorisé (ressources non monétaires) », « Hybridation des "
                        "ressources » et « Part non marchande des ressources »") !=
        std::string::npos);
  CHECK(incomplete.find("l'avis le plus favorable") == std::string::npos);  // provisional total

  ess::LetterInput in = with_letterhead(by_id(*ex, "2026-001"));
  in.not_assessed = true;
  std::string waiting = plain(ess::render_letter(in));
  CHECK(waiting.find("n'a pas encore été instruit") != std::string::npos);
  CHECK(waiting.find("sur 100") == std::string::npos);
  CHECK(waiting.find("## Vos points forts") == std::string::npos);
}

TEST_CASE("letter: in English for an English grid") {
  auto ex = score_examples(
      std::string(ESS_SOURCE_DIR) + "/criteria/ess-economic-citizenship.yaml",
      std::string(ESS_SOURCE_DIR) + "/criteria/ess-economic-citizenship.calibration");
  REQUIRE_FALSE(ex->results.empty());
  std::string grid_text = published(ex->grid);
  for (const auto& r : ex->results) {
    std::string letter = plain(ess::render_letter(with_letterhead(r)));
    INFO(r.dossier->id);
    CHECK(letter.find("Dear Sir or Madam,") != std::string::npos);
    CHECK(letter.find("Limoges, 15 June 2026") != std::string::npos);
    CHECK(letter.find("Votre") == std::string::npos);
    for (const auto& w : private_words(*r.dossier)) {
      INFO(w);
      CHECK_FALSE(leaks(letter, w, grid_text));
    }
  }
}

TEST_CASE("letter: the language of report_options, --lang over the grid's") {
  auto ex = score_examples(french_grid(), examples_dir());
  const ess::DossierResult& r = by_id(*ex, "2026-007");
  CHECK(ess::letter_input(r).language == ess::Language::fr);
  ess::LetterInput in = ess::letter_input(r, ess::Language::en);
  CHECK(in.language == ess::Language::en);
  std::string letter = plain(ess::render_letter(in));
  CHECK(letter.find("Dear Sir or Madam,") != std::string::npos);
  CHECK(letter.find("Madame, Monsieur,") == std::string::npos);
}
