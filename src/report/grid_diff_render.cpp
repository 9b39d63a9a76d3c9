// `grid diff` reports: Markdown, CSV and JSON, each a pure function of the same GridDiff, and
// the words that describe one change in French or English.
#include "ess/report/grid_diff_render.hpp"

#include <fmt/format.h>

#include <initializer_list>

#include "csv_words.hpp"
#include "ess/model/call.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/model/number_words.hpp"
#include "word_tables.hpp"

namespace ess {

namespace {

struct ChangeWords {
  const char* kind;
  const char* fr;
  const char* en;
};

// {old}, {new}: the values as text; {id}: the subject; {ew_old}, {ew_new}: effective weights.
const ChangeWords change_words[] = {
    {"leaf-added", "feuille ajoutée ({new}) : les dossiers doivent la noter",
     "leaf added ({new}): dossiers must score it"},
    {"leaf-removed", "feuille retirée ({old}) : les dossiers qui la notent ne sont plus valides",
     "leaf removed ({old}): dossiers that score it are no longer valid"},
    {"node-added", "critère regroupant ajouté ({new})", "grouping criterion added ({new})"},
    {"node-removed", "critère regroupant retiré ({old})", "grouping criterion removed ({old})"},
    {"leaf-became-node",
     "la feuille regroupe désormais d'autres critères : les dossiers ne peuvent plus la noter",
     "the leaf now groups other criteria: dossiers can no longer score it"},
    {"node-became-leaf",
     "le critère regroupant devient une feuille : les dossiers doivent la noter",
     "the grouping criterion becomes a leaf: dossiers must score it"},
    {"moved", "déplacé : {old} → {new}", "moved: {old} → {new}"},
    {"weight", "poids {old} → {new} (poids effectif {ew_old} → {ew_new})",
     "weight {old} → {new} (effective weight {ew_old} → {ew_new})"},
    {"aggregation", "agrégation {old} → {new}", "aggregation {old} → {new}"},
    {"target", "cible {old} → {new}", "target {old} → {new}"},
    {"minimum", "seuil {old} → {new}", "threshold {old} → {new}"},
    {"eliminatory", "éliminatoire : {old} → {new}", "eliminatory: {old} → {new}"},
    {"evidence-required", "pièces justificatives désormais requises ({old} → {new})",
     "evidence now required ({old} → {new})"},
    {"evidence", "pièces justificatives : {old} → {new}", "evidence: {old} → {new}"},
    {"allow-na-withdrawn",
     "N/A n'est plus autorisé : les dossiers qui le déclarent N/A ne sont plus valides",
     "N/A no longer allowed: dossiers that mark it N/A are no longer valid"},
    {"allow-na-granted", "N/A désormais autorisé", "N/A now allowed"},
    {"scale-replaced", "échelle remplacée : {old} → {new}", "scale replaced: {old} → {new}"},
    {"scale-renamed", "échelle renommée, même contenu : {old} → {new}",
     "scale renamed, same content: {old} → {new}"},
    {"source-fact", "donnée source {old} → {new}", "source fact {old} → {new}"},
    {"became-derived",
     "désormais calculé à partir de la donnée {new} : les dossiers ne le notent plus",
     "now computed from fact {new}: dossiers no longer score it"},
    {"became-assessed",
     "n'est plus calculé à partir de la donnée {old} : les dossiers doivent le noter",
     "no longer computed from fact {old}: dossiers must score it"},
    {"title", "titre : « {old} » → « {new} »", "title: “{old}” → “{new}”"},
    {"description", "description modifiée", "description reworded"},
    {"guidance", "consignes modifiées", "guidance reworded"},
    {"unit", "unité {old} → {new}", "unit {old} → {new}"},
    {"language", "langue {old} → {new}", "language {old} → {new}"},
    {"disagreement", "seuil de désaccord {old} → {new}", "disagreement level {old} → {new}"},
    {"grid-id", "identifiant {old} → {new} : les dossiers nomment la grille par son identifiant",
     "id {old} → {new}: dossiers name the grid by its id"},
    {"scale-type", "type d'échelle {old} → {new}", "scale type {old} → {new}"},
    {"scale-added", "échelle ajoutée", "scale added"},
    {"scale-removed", "échelle retirée", "scale removed"},
    {"level-removed", "niveau retiré : {old}", "level removed: {old}"},
    {"level-added", "niveau ajouté : {new}", "level added: {new}"},
    {"level-revalued", "valeur de niveau changée : {old} → {new}", "level revalued: {old} → {new}"},
    {"level-relabelled", "niveau renommé : {old} → {new}", "level relabelled: {old} → {new}"},
    {"level-description", "description du niveau {new} modifiée",
     "description of level {new} reworded"},
    {"bounds-narrowed", "bornes resserrées : {old} → {new}", "bounds narrowed: {old} → {new}"},
    {"bounds-widened", "bornes élargies : {old} → {new}", "bounds widened: {old} → {new}"},
    {"value-function", "fonction de valeur : {old} → {new}", "value function: {old} → {new}"},
    {"declared-fact-added", "donnée à déclarer ajoutée : les dossiers doivent la donner",
     "declared fact added: dossiers must give it"},
    {"declared-fact-removed",
     "donnée déclarée retirée : les dossiers qui la donnent ne sont plus valides",
     "declared fact removed: dossiers that give it are no longer valid"},
    {"fact-added", "donnée calculée ajoutée : {new}", "computed fact added: {new}"},
    {"fact-removed", "donnée calculée retirée : {old}", "computed fact removed: {old}"},
    {"formula", "formule {old} → {new}", "formula {old} → {new}"},
    {"band-min", "tranche « {id} » : à partir de {old} → {new}", "band “{id}”: from {old} → {new}"},
    {"band-label", "tranche renommée : « {old} » → « {new} »",
     "band relabelled: “{old}” → “{new}”"},
    {"band-added", "tranche ajoutée à partir de {new}", "band added from {new}"},
    {"band-removed", "tranche retirée (à partir de {old})", "band removed (was from {old})"},
    {"band-fundable", "tranche « {id} » finançable : {old} → {new}",
     "band “{id}” fundable: {old} → {new}"},
};

// One line, at most `limit` characters (on a UTF-8 boundary), for long texts in a table.
std::string shorten(const std::string& text, std::size_t limit = 60) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r') ? ' ' : c;
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  std::size_t chars = 0, i = 0;
  for (; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) {
      if (chars == limit) return flat.substr(0, i) + "…";
      ++chars;
    }
  }
  return flat;
}

const char* bump_word(Bump b, Language l) {
  bool en = l == Language::en;
  switch (b) {
    case Bump::none:
      return en ? "none" : "aucune";
    case Bump::patch:
      return en ? "patch" : "corrective";
    case Bump::minor:
      return en ? "minor" : "mineure";
    case Bump::major:
      return en ? "major" : "majeure";
  }
  return "";
}

std::string subject_text(const GridChange& c, Language l) {
  bool en = l == Language::en;
  switch (c.subject) {
    case ChangeSubject::grid:
      return en ? "grid" : "grille";
    case ChangeSubject::criterion:
      return fmt::format("{} `{}`", en ? "criterion" : "critère", c.id);
    case ChangeSubject::scale:
      return fmt::format("{} `{}`", en ? "scale" : "échelle", c.id);
    case ChangeSubject::fact:
      return fmt::format("{} `{}`", en ? "fact" : "donnée", c.id);
    case ChangeSubject::decision:
      return en ? fmt::format("band “{}”", md_text(c.id))
                : fmt::format("tranche « {} »", md_text(c.id));
  }
  return "";
}

std::string share_text(std::optional<double> share, Language l) {
  return share ? NumberWords(l).score(100 * *share) : "—";
}

std::string version_bump_token(const VersionCheck& v) {
  return v.backwards ? "backwards" : bump_token(v.actual);
}

}  // namespace

word_tables::WordList word_tables::grid_change_words(Language language) {
  WordList out;
  for (const auto& w : change_words) out.emplace_back(language == Language::en ? w.en : w.fr);
  return out;
}

std::string describe_change(const GridChange& c, Language language) {
  const char* tmpl = nullptr;
  for (const auto& w : change_words)
    if (c.kind == w.kind) tmpl = language == Language::en ? w.en : w.fr;
  if (!tmpl) return c.kind;
  std::string none = language == Language::en ? "none" : "aucun";
  bool text = c.kind == "title" || c.kind == "description" || c.kind == "guidance";
  const NumberWords numbers(language);
  auto value = [&](const std::string& v, const std::optional<double>& number) {
    if (number) return numbers.exact(*number);  // as the reader writes it: 2,5
    if (v.empty()) return none;
    if (text) return shorten(v);
    // A flag (eliminatory, fundable, N/A allowed) or a yes/no answer, in the reader's words.
    if (v == "true" || v == "yes") return std::string(language == Language::en ? "yes" : "oui");
    if (v == "false" || v == "no") return std::string(language == Language::en ? "no" : "non");
    return v;
  };
  auto percent = [&](const std::optional<double>& share) {
    return share ? numbers.percent(*share) : std::string("—");
  };
  return fmt::format(fmt::runtime(tmpl), fmt::arg("old", value(c.old_value, c.old_number)),
                     fmt::arg("new", value(c.new_value, c.new_number)), fmt::arg("id", c.id),
                     fmt::arg("ew_old", percent(c.old_effective_weight)),
                     fmt::arg("ew_new", percent(c.new_effective_weight)));
}

namespace {

std::string verdict(const GridDiff& d, Language l) {
  bool en = l == Language::en;
  const VersionCheck& v = d.version;
  // A call's grid against its base (or two calls on one base): no version to bump.
  if (d.old_id != d.new_id && base_grid_id(d.old_id) == base_grid_id(d.new_id))
    return fmt::format(
        fmt::runtime(en ? "**Changes made by a call for projects, of class {}:** a call's grid "
                          "keeps its base grid's version ({}); its changes are classed as those "
                          "of a new version of the grid would be."
                        : "**Changements apportés par un appel à projets, de classe {} :** la "
                          "grille d'un appel garde la version de sa grille de base ({}) ; ses "
                          "changements sont classés comme ceux d'une nouvelle version de la "
                          "grille."),
        bump_word(v.required, l), d.new_version);
  std::string out;
  if (v.required == Bump::none)
    out = en ? "**No change that requires a new version.**"
             : "**Aucun changement ne demande de "
               "nouvelle version.**";
  else
    out = fmt::format(fmt::runtime(en ? "**Required version bump: {}** (at least {})."
                                      : "**Montée de version requise : {}** (au moins {})."),
                      bump_word(v.required, l), next_version(d.old_version, v.required));
  out += ' ';
  if (v.backwards)
    out += fmt::format(fmt::runtime(en ? "The version goes backwards, from {} to {}: refused."
                                       : "La version recule, de {} à {} : refusé."),
                       d.old_version, d.new_version);
  else if (v.actual == Bump::none)
    out += fmt::format(fmt::runtime(en ? "The version stays {}: {}." : "La version reste {} : {}."),
                       d.new_version,
                       v.ok ? (en ? "enough" : "suffisant") : (en ? "not enough" : "insuffisant"));
  else
    out +=
        fmt::format(fmt::runtime(en ? "The version goes from {} to {}, a {} bump: {}."
                                    : "La version passe de {} à {}, montée {} : {}."),
                    d.old_version, d.new_version, bump_word(v.actual, l),
                    v.ok ? (en ? "enough" : "suffisante") : (en ? "not enough" : "insuffisante"));
  return out;
}

}  // namespace

std::string render_diff_markdown(const GridDiff& d, const ReportOptions& options) {
  Language l = options.language;
  bool en = l == Language::en;
  std::string out;
  std::string grid = d.old_id == d.new_id ? fmt::format("`{}`", d.old_id)
                                          : fmt::format("`{}` → `{}`", d.old_id, d.new_id);
  out += fmt::format(fmt::runtime(en ? "# Changes between two versions of grid {}\n\n"
                                     : "# Changements entre deux versions de la grille {}\n\n"),
                     grid);
  out += en ? "| | Grid | Version | File | SHA-256 |\n"
            : "| | Grille | Version | Fichier | SHA-256 |\n";
  out += "|---|---|---|---|---|\n";
  out += fmt::format("| {} | `{}` | {} | {} | `{}` |\n", en ? "Before" : "Avant", d.old_id,
                     md_cell(d.old_version), md_cell(md_text(d.old_file)), d.old_sha.substr(0, 12));
  out += fmt::format("| {} | `{}` | {} | {} | `{}` |\n\n", en ? "After" : "Après", d.new_id,
                     md_cell(d.new_version), md_cell(md_text(d.new_file)), d.new_sha.substr(0, 12));
  out += verdict(d, l) + "\n\n";
  if (d.changes.empty()) {
    out += en ? "No change.\n" : "Aucun changement.\n";
  } else {
    out += fmt::format(fmt::runtime(en ? "## Changes ({})\n\n" : "## Changements ({})\n\n"),
                       d.changes.size());
    out += en ? "| Bump | Element | Change |\n" : "| Montée | Élément | Changement |\n";
    out += "|---|---|---|\n";
    for (const auto& c : d.changes)
      out += fmt::format("| {} | {} | {} |\n", bump_word(c.bump, l), md_cell(subject_text(c, l)),
                         md_cell(describe_change(c, l)));
  }
  if (!d.effective_weights.empty()) {
    out += en ? "\n## Effective weights that move\n\n" : "\n## Poids effectifs qui changent\n\n";
    out += en ? "Share of the total each criterion carries when every criterion is scored.\n\n"
              : "Part du total que porte chaque critère quand tous les critères sont notés.\n\n";
    out +=
        en ? "| Criterion | Before (%) | After (%) |\n" : "| Critère | Avant (%) | Après (%) |\n";
    out += "|---|--:|--:|\n";
    for (const auto& w : d.effective_weights)
      out += fmt::format("| `{}` | {} | {} |\n", w.criterion, share_text(w.old_share, l),
                         share_text(w.new_share, l));
  }
  return out;
}

std::string render_diff_csv(const GridDiff& d, const ReportOptions& options) {
  std::string out;
  constexpr const char* columns[] = {"bump", "subject", "id", "change", "old", "new", "detail"};
  csv_header_row(out, options, columns);
  for (const auto& c : d.changes) {
    csv::Row row(out, options.csv());
    row.text(bump_token(c.bump)).text(subject_token(c.subject)).text(c.id).text(c.kind);
    // A number is written with the dialect's decimal mark; an absent value stays empty.
    if (c.old_number || c.new_number)
      row.number(c.old_number, csv::Rounding::exact).number(c.new_number, csv::Rounding::exact);
    else
      row.text(c.old_value).text(c.new_value);
    row.text(describe_change(c, options.language));
    row.end();
  }
  return out;
}

namespace {

void grid_side(json::Writer& j, const char* key, const std::string& id, const std::string& version,
               const std::string& file, const std::string& sha) {
  j.key(key).begin_object(json::Layout::inline_);
  j.key("id").string(id);
  j.key("version").string(version);
  j.key("file").string(file);
  j.key("sha256").string(sha);
  j.end_object();
}

void text_or_null(json::Writer& j, const std::string& text) {
  j.optional_string(text.empty() ? nullptr : &text);
}

void change_object(json::Writer& j, const GridChange& c, Language language) {
  j.begin_object(json::Layout::inline_);
  j.key("bump").string(bump_token(c.bump));
  j.key("subject").string(subject_token(c.subject));
  j.key("id").string(c.id);
  j.key("change").string(c.kind);
  j.key("old");
  text_or_null(j, c.old_value);
  j.key("new");
  text_or_null(j, c.new_value);
  j.key("detail").string(describe_change(c, language));
  if (c.old_effective_weight || c.new_effective_weight) {
    j.key("effective_weight").begin_object();
    j.key("old").number(c.old_effective_weight);
    j.key("new").number(c.new_effective_weight);
    j.end_object();
  }
  if (c.subject == ChangeSubject::scale) {
    j.key("used_by").begin_array();
    for (const auto& u : c.used_by) j.string(u);
    j.end_array();
  }
  j.end_object();
}

}  // namespace

std::string render_diff_json(const GridDiff& d, const ReportOptions& options) {
  json::Writer j;
  j.begin_object();
  grid_side(j, "old", d.old_id, d.old_version, d.old_file, d.old_sha);
  grid_side(j, "new", d.new_id, d.new_version, d.new_file, d.new_sha);
  j.key("required_bump").string(bump_token(d.version.required));
  j.key("minimum_version").string(next_version(d.old_version, d.version.required));
  j.key("version_bump").string(version_bump_token(d.version));
  j.key("version_ok").boolean(d.version.ok);
  j.key("changes").begin_array();
  for (const GridChange& c : d.changes) change_object(j, c, options.language);
  j.end_array();
  j.key("effective_weights").begin_array();
  for (const auto& w : d.effective_weights) {
    j.begin_object(json::Layout::inline_);
    j.key("criterion").string(w.criterion);
    j.key("old").number(w.old_share);
    j.key("new").number(w.new_share);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return std::move(j).finish();
}

}  // namespace ess
