// The charts of the documents for people: text equivalents, escaping, and marks that tell
// assessors apart without colour. Their numbers: test_number_words.cpp.
#include <catch2/catch.hpp>
#include <string>

#include "ess/report/svg_chart.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

ess::ProfileChart profile() {
  ess::ProfileChart c;
  c.id = "p1";
  c.text = {"Profil <du> dossier", "Deux axes & un total"};
  c.markers = {{"A. Martin", false}, {"C. Dubois", false}, {"Les Cailloux", true}};
  ess::ProfileAxis a;
  a.label = "Susciter la gouvernance";
  a.score = 58.3;
  a.minimum = 40;
  a.score_text = "58,3";
  a.marks = {66.7, 50.0, std::nullopt};
  c.axes = {a, a};
  c.total = a;
  c.bands = {{50, "Réservé 50"}, {70, "Favorable 70"}};
  c.score_legend = "Score retenu";
  c.minimum_legend = "Seuil";
  c.bands_legend = "Seuils des avis";
  return c;
}

}  // namespace

TEST_CASE("svg: the profile chart carries its text equivalent, escaped") {
  std::string svg = ess::svg_profile(profile());
  CHECK(svg.rfind("<svg class=\"chart\" id=\"p1\"", 0) == 0);
  CHECK(svg.find("role=\"img\" aria-label=\"Profil &lt;du&gt; dossier\"") != std::string::npos);
  CHECK(svg.find("<title>Profil &lt;du&gt; dossier</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"p1-desc\">Deux axes &amp; un total</desc>") != std::string::npos);
  CHECK(svg.find("aria-describedby=\"p1-desc\"") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("http") == std::string::npos);
  // Every label is written; the minimum is a black mark on each axis row (three rows with one).
  CHECK(count(svg, ">Susciter la gouvernance<") == 3);
  CHECK(count(svg, "width=\"3\"") == 3 + 1);  // and its swatch in the legend
  // Two assessors as a circle and a square, the self-assessment as a cross, on every row
  // with a mark (3 rows) and in the legend; a missing mark is not drawn.
  CHECK(count(svg, "<circle") == 3 + 1 + 1);  // and the dotted pattern's
  CHECK(count(svg, "<rect x=\"") >= 3 + 1);
  CHECK(count(svg, ">A. Martin<") == 1);
  CHECK(count(svg, ">Les Cailloux<") == 1);
  CHECK(count(svg, "stroke-dasharray=\"4 2\"") == 2 + 1);  // bands on the total, and legend
}

TEST_CASE("svg: the resource mix and the distribution, patterns with ids of their own") {
  ess::MixChart mix;
  mix.id = "m1";
  mix.text = {"Ressources", "Ventes 46,3 %"};
  mix.parts = {{"Ventes", 0.463, "46,3 %"},
               {"Non marchand", 0.438, "43,8 %"},
               {"Bénévolat", 0.099, "9,9 %"}};
  std::string svg = ess::svg_resource_mix(mix);
  CHECK(svg.find("<title>Ressources</title>") != std::string::npos);
  CHECK(svg.find("id=\"m1-p0\"") != std::string::npos);
  CHECK(count(svg, "fill=\"url(#m1-p") == 2 * 3);  // the bar's parts and their swatches
  CHECK(svg.find("Bénévolat <tspan font-weight=\"bold\">9,9 %</tspan>") != std::string::npos);

  ess::DistributionChart d;
  d.id = "d1";
  d.text = {"Totaux", "…"};
  d.counts = {0, 0, 0, 1, 0, 2, 1, 2, 3, 0};
  d.bands = {{50, "Réservé 50"}};
  std::string h = ess::svg_distribution(d);
  CHECK(h.find("<desc id=\"d1-desc\">…</desc>") != std::string::npos);
  CHECK(count(h, "fill=\"url(#d1-p0)\"") == 5);  // a bar per non-empty bin
  CHECK(ess::distribution_bin(0) == 0);
  CHECK(ess::distribution_bin(9.99) == 0);
  CHECK(ess::distribution_bin(10) == 1);
  CHECK(ess::distribution_bin(86.8) == 8);
  CHECK(ess::distribution_bin(100) == 9);
}
