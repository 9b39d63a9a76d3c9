// The committee's pack and the public account of the shipped examples, fed as the batch
// pipeline will feed them: what each reader may see (spec §7), and a chart with its text
// equivalent for every dossier.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "ess/report/pack.hpp"
#include "examples_fixture.hpp"

namespace {

std::unique_ptr<ScoredExamples> examples(std::optional<double> budget) {
  return score_examples(std::string(ESS_SOURCE_DIR) + "/criteria/ess-citoyennete-economique.yaml",
                        std::string(ESS_SOURCE_DIR) + "/examples/dossiers", budget);
}

// Each row carries its note (RankRow::note), as the pack's workers leave it.
std::string render(const ScoredExamples& ex, ess::Audience audience, ess::PackFormat format) {
  std::vector<ess::RankRow> noted = ex.rows;
  for (auto& row : noted) row.note = ess::encode_note(result_of(ex, row));
  ess::RankedRowsInMemory rows(noted);
  ess::PackCall call;
  call.grid = &ex.grid;
  call.language = ex.grid.language;
  call.audience = audience;
  call.format = format;
  call.rows = &rows;
  call.funding = ex.funding;
  std::string doc;
  ess::PackRenderer renderer(call, [&](std::string_view text) { doc += text; });
  ess::PackTally tally(ex.grid);
  renderer.begin();
  for (const auto& row : noted) {
    tally.add(result_of(ex, row), row);
    std::size_t before = doc.size();
    renderer.dossier(result_of(ex, row), row);
    // In the public account a dossier is no page: a funded one is one line of the awards.
    if (audience == ess::Audience::public_account) CHECK((doc.size() == before) == !row.funded);
  }
  renderer.end(tally);
  return doc;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Markdown escapes and HTML entities undone, so that names are found as written.
std::string readable(std::string text) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"&#39;", "'"},
                          {"&quot;", "\""},
                          {"&lt;", "<"},
                          {"&gt;", ">"},
                          {"&amp;", "&"},
                          {"\\", ""}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, from.size(), to), at += to.size();
  }
  return text;
}

}  // namespace

TEST_CASE("pack: every dossier has its page, its charts and their text equivalents") {
  auto ex = examples(120000);
  std::string html = render(*ex, ess::Audience::committee, ess::PackFormat::html);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(html, "<section id=\"d-") == 11);
  CHECK(count(html, "class=\"page\"") >= 12);
  // A profile per dossier, a resource mix for the 10 that declare their resources (2026-005
  // gives no volunteer hours), the distribution of totals once.
  const std::size_t charts = 11 + 10 + 1;
  CHECK(count(html, "<svg class=\"chart\"") == charts);
  CHECK(count(html, "role=\"img\"") == charts);
  CHECK(count(html, "<title>") == charts + 1);  // and the page's own
  CHECK(count(html, "<desc id=") == charts);
  CHECK(count(html, "<p class=\"equivalent\">") == 10 + 1);  // mix and distribution sentences
  CHECK(count(html, "<figcaption>Profil du dossier</figcaption>") == 11);
  for (const auto& r : ex->results) {
    INFO(r.dossier->id);
    CHECK(html.find("href=\"#d-" + r.dossier->id + "\"") != std::string::npos);  // contents
  }
  CHECK(html.find("Ligne de financement — budget 120") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  // The committee's pack names the assessors (it is theirs): the public test below can fail.
  CHECK(readable(html).find("B. Lefèvre") != std::string::npos);
}

TEST_CASE("pack: what the committee must discuss") {
  auto ex = examples(120000);
  std::string html = readable(render(*ex, ess::Audience::committee, ess::PackFormat::html));
  auto discuss = html.substr(html.find("<section id=\"discuss\""));
  discuss = discuss.substr(0, discuss.find("</section>"));
  CHECK(discuss.find("Désaccords entre évaluateurs qui changent l'avis") != std::string::npos);
  CHECK(discuss.find("2026-002") != std::string::npos);  // straddling disagreement
  CHECK(discuss.find("Dossiers incomplets") != std::string::npos);
  CHECK(discuss.find("2026-005") != std::string::npos);
  CHECK(discuss.find("Dossiers inéligibles") != std::string::npos);
  CHECK(discuss.find("2026-009") != std::string::npos);
}

TEST_CASE("pack: the public account names no assessor and no unfunded application") {
  auto ex = examples(120000);
  std::set<std::string> funded;
  for (const auto& row : ex->rows)
    if (row.funded) funded.insert(row.dossier);
  REQUIRE(funded.size() == 5);
  for (auto format : {ess::PackFormat::html, ess::PackFormat::markdown}) {
    std::string doc = readable(render(*ex, ess::Audience::public_account, format));
    for (const auto& d : ex->dossiers) {
      INFO(d.id);
      bool is_funded = funded.count(d.id) > 0;
      for (const auto& a : d.assessments)
        if (a.role != ess::Role::self || !is_funded)
          CHECK(doc.find(a.assessor) == std::string::npos);
      if (is_funded) {
        CHECK(doc.find(d.applicant) != std::string::npos);
        CHECK(doc.find(d.title) != std::string::npos);
        continue;
      }
      CHECK(doc.find(d.applicant) == std::string::npos);
      CHECK(doc.find(d.title) == std::string::npos);
      CHECK(doc.find(d.id) == std::string::npos);
    }
    CHECK(doc.find("Projets soutenus") != std::string::npos);
    CHECK(doc.find("111\u202f000") != std::string::npos);  // awards: 25 + 20 + 18 + 8 + 40 thousand
  }
}

TEST_CASE("pack: the Markdown holds the same content for pandoc, without SVG") {
  auto ex = examples(120000);
  std::string md = render(*ex, ess::Audience::committee, ess::PackFormat::markdown);
  CHECK(md.find("<svg") == std::string::npos);
  CHECK(md.find("# Dossier de séance") == 0);
  for (const auto& r : ex->results)
    CHECK(md.find("{#d-" + r.dossier->id + "}") != std::string::npos);
  CHECK(count(md, "**Profil du dossier**") == 11);
  CHECK(count(md, "w:br w:type=\"page\"") >= 12);  // a page break before each part, in Word
}

TEST_CASE("pack: without a budget, no funding line and nothing awarded") {
  auto ex = examples(std::nullopt);
  std::string html = readable(render(*ex, ess::Audience::committee, ess::PackFormat::html));
  CHECK(html.find("Ligne de financement — budget") == std::string::npos);
  CHECK(html.find("Aucun budget n'a été indiqué") != std::string::npos);
  std::string pub = readable(render(*ex, ess::Audience::public_account, ess::PackFormat::html));
  CHECK(pub.find("Aucune aide n'est attribuée à ce jour.") != std::string::npos);
  for (const auto& d : ex->dossiers) CHECK(pub.find(d.id) == std::string::npos);
}

TEST_CASE("pack: in English for an English grid") {
  auto ex = score_examples(
      std::string(ESS_SOURCE_DIR) + "/criteria/ess-economic-citizenship.yaml",
      std::string(ESS_SOURCE_DIR) + "/criteria/ess-economic-citizenship.calibration", 100000);
  REQUIRE(ex->grid.language == ess::Language::en);
  std::string html = readable(render(*ex, ess::Audience::committee, ess::PackFormat::html));
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("Committee pack — ") != std::string::npos);
  CHECK(html.find("Funding line — budget €100,000") != std::string::npos);
  CHECK(count(html, "<figcaption>Profile of the application</figcaption>") == ex->results.size());
  for (const char* french : {"Dossier de séance", "Synthèse", "Points forts", "\u00a0%"})
    CHECK(html.find(french) == std::string::npos);
  std::string pub = readable(render(*ex, ess::Audience::public_account, ess::PackFormat::markdown));
  CHECK(pub.find("# Public account — ") == 0);
}

TEST_CASE("pack: a total close to a threshold is above or below it as its band says") {
  auto ex = examples(std::nullopt);
  std::vector<ess::RankRow> rows;
  // Réservé from 50, Favorable from 70; 70 less a rounding error is Favorable (band_of).
  for (auto [id, total] : {std::pair<const char*, double>{"t-above", 51},
                           {"t-at", 70 - 1e-12},
                           {"t-below", 68},
                           {"t-far", 60}}) {
    ess::RankRow row;
    row.dossier = id;
    row.total = total;
    row.band = ess::band_of(ex->grid, total);
    rows.push_back(row);
  }
  auto funding = ess::rank_rows(rows, std::nullopt);
  ess::resolve_decisions(rows, ex->grid, ex->grid.language);
  ess::RankedRowsInMemory ranked(rows);
  ess::PackCall call;
  call.grid = &ex->grid;
  call.format = ess::PackFormat::markdown;
  call.rows = &ranked;
  call.funding = funding;
  std::string begun;
  ess::PackRenderer renderer(call, [&](std::string_view text) { begun += text; });
  renderer.begin();
  std::string md = readable(begun);
  auto topic = md.find("Totaux à moins de 3 points");
  REQUIRE(topic != std::string::npos);
  md = md.substr(topic, md.find("\n#", topic) - topic);
  auto line_of = [&](const std::string& id) {
    auto at = md.find("- [" + id + "]");
    return at == std::string::npos ? std::string() : md.substr(at, md.find('\n', at) - at);
  };
  INFO(md);
  CHECK(line_of("t-above").find("1,0 pt au-dessus du seuil de l'avis") != std::string::npos);
  CHECK(line_of("t-at").find("0,0 pt au-dessus du seuil de l'avis") != std::string::npos);
  CHECK(line_of("t-below").find("2,0 pt en dessous du seuil de l'avis") != std::string::npos);
  CHECK(line_of("t-far").empty());
}
