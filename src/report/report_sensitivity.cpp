#include "ess/report/report_sensitivity.hpp"

#include <fmt/format.h>

#include "ess/model/format.hpp"
#include "ess/report/i18n.hpp"

namespace ess {

namespace {

struct Words {
  const char *title, *grid, *draws, *by_dossier, *dossier, *heading_title, *total, *decision,
      *total_range, *rank_range, *influence, *criterion, *path, *changed, *mean_delta, *legend,
      *unranked;
};

const Words french = {
    "Sensibilité aux pondérations",
    "Grille",
    "{samples} tirages : chaque poids multiplié par un "
    "facteur tiré entre {low} et {high} (graine {seed}).",
    "Décision par dossier",
    "Dossier",
    "Intitulé",
    "Total",
    "Décision",
    "Total 5–95 %",
    "Rang 5–95 %",
    "Critères dont le poids pèse le plus",
    "Critère",
    "Chemin",
    "Décisions changées (poids ×{low} puis ×{high})",
    "Écart moyen du total (points)",
    "Une probabilité proche de 100 % dit une décision robuste ; une décision partagée entre "
    "deux avis mérite l'attention du comité.",
    "non classé"};
const Words english = {
    "Sensitivity to the weights",
    "Grid",
    "{samples} draws: each weight multiplied by a factor "
    "drawn between {low} and {high} (seed {seed}).",
    "Decision per dossier",
    "Dossier",
    "Title",
    "Total",
    "Decision",
    "Total 5–95%",
    "Rank 5–95%",
    "Criteria whose weight matters most",
    "Criterion",
    "Path",
    "Decisions changed (weight ×{low} then ×{high})",
    "Mean change of the total (points)",
    "A probability close to 100% means a robust decision; a decision split between two "
    "outcomes deserves the committee's attention.",
    "unranked"};

const Words& words(Language l) {
  return l == Language::en ? english : french;
}

std::vector<std::string> outcome_labels(const Grid& grid, Language l) {
  std::vector<std::string> labels;
  for (const auto& band : grid.decision) labels.push_back(band.label);
  labels.emplace_back(status_word(DossierStatus::ineligible, l));
  labels.emplace_back(status_word(DossierStatus::incomplete, l));
  return labels;
}

std::string percent(double p, Language l) {
  return percent_text(format_fixed(100 * p, 1), l);
}

std::string fill(const char* pattern, const SensitivityReport& r) {
  return fmt::format(fmt::runtime(pattern), fmt::arg("samples", r.options.samples),
                     fmt::arg("low", format_shortest(1 - r.options.spread)),
                     fmt::arg("high", format_shortest(1 + r.options.spread)),
                     fmt::arg("seed", r.options.seed));
}

std::string rank_range(const DossierSensitivity& d, const Words& w) {
  if (!d.rank_p5) return w.unranked;
  return *d.rank_p5 == *d.rank_p95 ? fmt::format("{}", *d.rank_p5)
                                   : fmt::format("{}–{}", *d.rank_p5, *d.rank_p95);
}

}  // namespace

std::string render_sensitivity_markdown(const SensitivityReport& r) {
  if (r.results.empty()) return "";
  const Words& w = words(r.language);
  const Grid& grid = *r.results.front()->grid;
  auto labels = outcome_labels(grid, r.language);
  std::string out =
      fmt::format("# {}\n\n{} : {}@{} (sha256 {})\n\n{}\n\n## {}\n\n", w.title, w.grid, grid.id,
                  grid.version, grid.sha256.substr(0, 12), fill(w.draws, r), w.by_dossier);
  if (r.language == Language::en) out.replace(out.find(" : "), 3, ": ");
  out += fmt::format("| {} | {} | {} | {} |", w.dossier, w.heading_title, w.total, w.decision);
  for (const auto& l : labels) out += fmt::format(" {} |", md_cell(l));
  out += fmt::format(" {} | {} |\n|---|---|--:|---|", w.total_range, w.rank_range);
  for (std::size_t i = 0; i < labels.size(); ++i) out += "--:|";
  out += "--:|--:|\n";
  for (std::size_t d = 0; d < r.results.size(); ++d) {
    const DossierResult& res = *r.results[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    out +=
        fmt::format("| {} | {} | {} | {} |", md_cell(res.dossier->id), md_cell(res.dossier->title),
                    format_fixed(res.total, 1), md_cell(decision_label(res, r.language)));
    for (double p : s.outcome_probability)
      out += fmt::format(" {} |", p > 0 ? percent(p, r.language) : "");
    out += fmt::format(" {}–{} | {} |\n", format_fixed(s.total_p5, 1), format_fixed(s.total_p95, 1),
                       rank_range(s, w));
  }
  out += fmt::format("\n{}\n\n## {}\n\n| {} | {} | {} | {} |\n|---|---|--:|--:|\n", w.legend,
                     w.influence, w.criterion, w.path, fill(w.changed, r), w.mean_delta);
  const DossierResult& first = *r.results.front();
  for (const auto& inf : r.analysis.influence) {
    const CriterionResult& c = first.criteria[inf.criterion];
    out += fmt::format("| {} | {} | {} | {} |\n", md_cell(c.criterion->title), md_cell(c.path),
                       inf.decisions_changed, format_fixed(inf.mean_abs_delta, 1));
  }
  return out;
}

std::string render_sensitivity_csv(const SensitivityReport& r) {
  if (r.results.empty()) return "";
  char sep = r.csv_separator;
  auto labels = outcome_labels(*r.results.front()->grid, r.language);
  std::string out = fmt::format("dossier{0}total{0}decision{0}status", sep);
  for (const auto& l : labels) out += sep + csv_field("p_" + l, sep);
  out += fmt::format("{0}total_p5{0}total_p95{0}rank_p5{0}rank_p95\r\n", sep);
  for (std::size_t d = 0; d < r.results.size(); ++d) {
    const DossierResult& res = *r.results[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    out += fmt::format("{1}{0}{2}{0}{3}{0}{4}", sep, csv_field(res.dossier->id, sep),
                       format_shortest(res.total), csv_field(decision_label(res, r.language), sep),
                       status_token(res.status));
    for (double p : s.outcome_probability) out += sep + format_shortest(p);
    out += fmt::format("{0}{1}{0}{2}{0}{3}{0}{4}\r\n", sep, format_shortest(s.total_p5),
                       format_shortest(s.total_p95), s.rank_p5 ? fmt::format("{}", *s.rank_p5) : "",
                       s.rank_p95 ? fmt::format("{}", *s.rank_p95) : "");
  }
  return out;
}

std::string render_sensitivity_json(const SensitivityReport& r) {
  std::string out = "{\n";
  if (!r.results.empty()) {
    const Grid& grid = *r.results.front()->grid;
    out += fmt::format("  \"grid\": {{\"id\": {}, \"version\": {}, \"sha256\": {}}},\n",
                       json_escape(grid.id), json_escape(grid.version), json_escape(grid.sha256));
  }
  out += fmt::format("  \"samples\": {},\n  \"spread\": {},\n  \"seed\": {},\n  \"dossiers\": [",
                     r.options.samples, format_shortest(r.options.spread), r.options.seed);
  auto labels = r.results.empty() ? std::vector<std::string>{}
                                  : outcome_labels(*r.results.front()->grid, r.language);
  for (std::size_t d = 0; d < r.results.size(); ++d) {
    const DossierResult& res = *r.results[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    std::string outcomes;
    for (std::size_t k = 0; k < labels.size(); ++k)
      outcomes += fmt::format("{}{}: {}", k ? ", " : "", json_escape(labels[k]),
                              format_shortest(s.outcome_probability[k]));
    out += fmt::format(
        "{}\n    {{\"dossier\": {}, \"total\": {}, \"decision\": {}, \"status\": \"{}\", "
        "\"outcomes\": {{{}}}, \"total_p5\": {}, \"total_p95\": {}, \"rank_p5\": {}, \"rank_p95\": "
        "{}}}",
        d ? "," : "", json_escape(res.dossier->id), format_shortest(res.total),
        json_escape(decision_label(res, r.language)), status_token(res.status), outcomes,
        format_shortest(s.total_p5), format_shortest(s.total_p95),
        s.rank_p5 ? fmt::format("{}", *s.rank_p5) : "null",
        s.rank_p95 ? fmt::format("{}", *s.rank_p95) : "null");
  }
  out += r.results.empty() ? "],\n  \"influence\": [" : "\n  ],\n  \"influence\": [";
  for (std::size_t k = 0; k < r.analysis.influence.size(); ++k) {
    const auto& inf = r.analysis.influence[k];
    const CriterionResult& c = r.results.front()->criteria[inf.criterion];
    out += fmt::format(
        "{}\n    {{\"criterion\": {}, \"path\": {}, \"decisions_changed\": {}, \"mean_abs_delta\": "
        "{}}}",
        k ? "," : "", json_escape(c.criterion->id), json_escape(c.path), inf.decisions_changed,
        format_shortest(inf.mean_abs_delta));
  }
  out += r.analysis.influence.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace ess
