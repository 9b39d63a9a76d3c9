#include "ess/report/report_sensitivity.hpp"

#include <fmt/format.h>

#include "csv_words.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/model/shares.hpp"
#include "ess/report/i18n.hpp"
#include "word_tables.hpp"

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
    "Avis par dossier",
    "Dossier",
    "Intitulé",
    "Total",
    "Avis",
    "Total 5–95\u202f%",
    "Rang 5–95\u202f%",
    "Critères dont le poids pèse le plus",
    "Critère",
    "Chemin",
    "Avis changés (poids ×{low} puis ×{high})",
    "Écart moyen du total (points)",
    "Une probabilité proche de 100\u202f% dit un avis robuste ; un dossier partagé entre "
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

}  // namespace

word_tables::WordList word_tables::sensitivity_words(Language language) {
  return flatten<const char*>(words(language));
}

namespace {

std::vector<std::string> outcome_labels(const Grid& grid, Language l) {
  std::vector<std::string> labels;
  for (const auto& band : grid.decision) labels.push_back(band.label);
  labels.emplace_back(status_word(DossierStatus::ineligible, l));
  labels.emplace_back(status_word(DossierStatus::incomplete, l));
  labels.emplace_back(status_word(DossierStatus::not_assessed, l));
  return labels;
}

std::string fill(const char* pattern, const SensitivityReport& r) {
  const NumberWords num = r.report.numbers();
  return fmt::format(fmt::runtime(pattern), fmt::arg("samples", num.count(r.options.samples)),
                     fmt::arg("low", num.quantity(1 - r.options.spread)),
                     fmt::arg("high", num.quantity(1 + r.options.spread)),
                     fmt::arg("seed", r.options.seed));
}

std::string rank_range(const DossierSensitivity& d, const Words& w) {
  if (!d.rank_p5) return w.unranked;
  return *d.rank_p5 == *d.rank_p95 ? fmt::format("{}", *d.rank_p5)
                                   : fmt::format("{}–{}", *d.rank_p5, *d.rank_p95);
}

std::string decision_of(const SensitivityReport& r, const SensitivityDossier& d) {
  return decision_label(*r.grid, d.status, d.band, r.report.language);
}

bool empty(const SensitivityReport& r) {
  return !r.grid || !r.dossiers || r.dossiers->empty();
}

}  // namespace

std::string render_sensitivity_markdown(const SensitivityReport& r) {
  if (empty(r)) return "";
  const Language language = r.report.language;
  const Words& w = words(language);
  const Grid& grid = *r.grid;
  const NumberWords num = r.report.numbers();
  auto labels = outcome_labels(grid, language);
  std::string out =
      fmt::format("# {}\n\n{} : {}@{} (sha256 {})\n\n{}\n\n## {}\n\n", w.title, w.grid, grid.id,
                  grid.version, grid.sha256.substr(0, 12), fill(w.draws, r), w.by_dossier);
  if (language == Language::en) out.replace(out.find(" : "), 3, ": ");
  out += fmt::format("| {} | {} | {} | {} |", w.dossier, w.heading_title, w.total, w.decision);
  for (const auto& l : labels) out += fmt::format(" {} |", md_cell(l));
  out +=
      fmt::format(" {} | {} |\n|------|--------------|---:|------|", w.total_range, w.rank_range);
  for (std::size_t i = 0; i < labels.size(); ++i) out += "---:|";
  out += "----:|---:|\n";
  for (std::size_t d = 0; d < r.dossiers->size(); ++d) {
    const SensitivityDossier& res = (*r.dossiers)[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    out += fmt::format("| {} | {} | {} | {} |", md_cell(res.id), md_cell(res.title),
                       num.score(res.total), md_cell(decision_of(r, res)));
    std::vector<double> shares = rounded_shares(s.outcome_probability);  // 100 % a row
    for (std::size_t i = 0; i < shares.size(); ++i)
      out += fmt::format(" {} |", s.outcome_probability[i] > 0 ? num.percent(shares[i]) : "");
    out += fmt::format(" {}–{} | {} |\n", num.score(s.total_p5), num.score(s.total_p95),
                       rank_range(s, w));
  }
  out += fmt::format("\n{}\n\n## {}\n\n| {} | {} | {} | {} |\n|---|---|--:|--:|\n", w.legend,
                     w.influence, w.criterion, w.path, fill(w.changed, r), w.mean_delta);
  for (const auto& inf : r.analysis.influence)
    out += fmt::format("| {} | {} | {} | {} |\n", md_cell(inf.node->title), md_cell(inf.path),
                       inf.decisions_changed, num.score(inf.mean_abs_delta));
  return out;
}

std::string render_sensitivity_csv(const SensitivityReport& r) {
  if (empty(r)) return "";
  const csv::Dialect dialect = r.report.csv();
  const ReportOptions& o = r.report;
  std::string out(csv::start(dialect));
  csv::Row head(out, dialect);
  for (const char* column : {"dossier", "total", "decision", "status"})
    head.text(csv_heading(column, o));
  for (const auto& l : outcome_labels(*r.grid, o.language))
    head.text(csv_probability_heading(l, o));
  for (const char* column : {"total_p5", "total_p95", "rank_p5", "rank_p95"})
    head.text(csv_heading(column, o));
  head.end();
  for (std::size_t d = 0; d < r.dossiers->size(); ++d) {
    const SensitivityDossier& res = (*r.dossiers)[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    csv::Row row(out, dialect);
    row.text(res.id).number(res.total, csv::Rounding::score);
    row.text(decision_of(r, res)).text(status_token(res.status));
    // Rounded, the probabilities of a row add up to 1 as in the Markdown.
    for (double p : o.spreadsheet ? rounded_shares(s.outcome_probability) : s.outcome_probability)
      row.number(p, csv::Rounding::share);
    row.number(s.total_p5, csv::Rounding::score).number(s.total_p95, csv::Rounding::score);
    row.integer(s.rank_p5).integer(s.rank_p95);
    row.end();
  }
  return out;
}

std::string render_sensitivity_json(const SensitivityReport& r) {
  json::Writer j;
  j.begin_object();
  if (!empty(r)) {
    j.key("grid").begin_object(json::Layout::inline_);
    j.key("id").string(r.grid->id);
    j.key("version").string(r.grid->version);
    j.key("sha256").string(r.grid->sha256);
    j.end_object();
  }
  j.key("samples").integer(r.options.samples);
  j.key("spread").number(r.options.spread);
  j.key("seed").integer(r.options.seed);
  j.key("dossiers").begin_array();
  std::vector<std::string> labels;
  if (!empty(r)) labels = outcome_labels(*r.grid, r.report.language);
  for (std::size_t d = 0; r.dossiers && d < r.dossiers->size(); ++d) {
    const SensitivityDossier& res = (*r.dossiers)[d];
    const DossierSensitivity& s = r.analysis.dossiers[d];
    j.begin_object(json::Layout::inline_);
    j.key("dossier").string(res.id);
    j.key("total").number(res.total);
    j.key("decision").string(decision_of(r, res));
    j.key("status").string(status_token(res.status));
    j.key("outcomes").begin_object();
    for (std::size_t k = 0; k < labels.size(); ++k)
      j.key(labels[k]).number(s.outcome_probability[k]);
    j.end_object();
    j.key("total_p5").number(s.total_p5);
    j.key("total_p95").number(s.total_p95);
    j.key("rank_p5").optional_integer(s.rank_p5);
    j.key("rank_p95").optional_integer(s.rank_p95);
    j.end_object();
  }
  j.end_array();
  j.key("influence").begin_array();
  for (const auto& inf : r.analysis.influence) {
    j.begin_object(json::Layout::inline_);
    j.key("criterion").string(inf.node->id);
    j.key("path").string(inf.path);
    j.key("decisions_changed").integer(inf.decisions_changed);
    j.key("mean_abs_delta").number(inf.mean_abs_delta);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return std::move(j).finish();
}

}  // namespace ess
