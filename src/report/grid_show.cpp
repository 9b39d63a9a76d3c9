// `grid show`: the grid as a document for applicants, analysts and committees. Every section
// is a pure function of the Grid; numbers and escaping come from format.hpp.
#include "ess/report/grid_show.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "ess/core/scale.hpp"
#include "ess/core/weights.hpp"
#include "ess/model/format.hpp"
#include "ess/model/number_words.hpp"
#include "ess/report/i18n.hpp"
#include "word_tables.hpp"

namespace ess {

namespace {

// The fixed words of the document, in the two languages of the reports.
struct FixedWords {
  const char* identity_header;
  const char* tree;
  const char* tree_header;
  const char* tree_note;
  const char* decision;
  const char* band_header;
  const char* band_from_to;  // {0} to {1}
  const char* band_from;     // {0}
  const char* ineligible_note;
  const char* disagreement_note;
  const char* thresholds;
  const char* threshold_header;
  const char* no_threshold;
  const char* yes;
  const char* no;
  const char* details;
  const char* id;
  const char* weight;
  const char* weight_line;  // {0} weight, {1} effective %
  const char* aggregation;
  const char *mean, *geometric, *minimum_agg;
  const char* scale;
  const char* from_fact;  // {0} fact, {1} scale
  const char* target;
  const char* best_of_scale;
  const char* threshold;
  const char* eliminatory_suffix;
  const char* evidence;
  const char *evidence_required, *evidence_recommended, *evidence_none;
  const char* na;
  const char *na_allowed, *na_refused;
  const char* guidance;
  const char* scales;
  const char* levels_intro;
  const char* level_header;
  const char* yesno_intro;
  const char* yesno_header;
  const char* linear_higher;  // {0} min, {1} max
  const char* linear_lower;
  const char* points_intro;
  const char* steps_intro;
  const char* value_header;  // {0}: unit suffix
  const char* step_header;
  const char* bounds;  // {0} min, {1} max
  const char* bounds_min;
  const char* bounds_max;
  const char* used_by;
  const char* unused;
  const char* facts;
  const char* fact_header;
  const char* declared;
  const char* constant;
  const char* diversity;  // {0} operands
  const char* node_scoring;
  const char* leaf_scale;
  const char* leaf_fact;
  const char* leaf_fact_only;
  const char* colon;  // French typography puts a space before the colon
};

// The words, then the language of the numbers (not a word: left out of FixedWords, which
// word_tables.hpp reads as words only).
struct Words : FixedWords {
  Language language;
};
// No room beside the language for a word that the parity test would not see.
static_assert(sizeof(Words) <= sizeof(FixedWords) + sizeof(const char*));

const Words french{
    "| Grille | Version | Langue | Empreinte SHA-256 |",
    "Arbre des critères",
    "| N° | Critère | Identifiant | Poids | Poids effectif (%) | Notation |",
    "Les poids sont relatifs entre critères frères. Le poids effectif est la part du total que "
    "porte un critère quand tous sont notés : le produit des poids relatifs le long de son "
    "chemin. Un critère de poids 0 est suivi sans rapporter de points. Un critère non "
    "applicable (N/A) est écarté et ses frères se partagent son poids.",
    "Avis",
    "| Total (sur 100) | Avis |",
    "de {} à moins de {}",
    "{} et plus",
    "Un critère éliminatoire sous son seuil rend le dossier **{}**, quel que soit son total ; "
    "un critère ni noté ni déclaré non applicable le rend **{}** (dossier ajourné).",
    "Un écart d'au moins {} entre les scores normalisés (de 0 à 1) des évaluateurs d'un même "
    "critère est signalé.",
    "Seuils et critères éliminatoires",
    "| Critère | Seuil | Éliminatoire |",
    "Aucun critère n'a de seuil.",
    "oui",
    "non",
    "Critères en détail",
    "Identifiant",
    "Poids",
    "{} (poids effectif {}\u202f%)",
    "Agrégation",
    "moyenne pondérée",
    "moyenne géométrique pondérée",
    "minimum",
    "Échelle",
    "calculé à partir de la donnée `{}`, sur l'échelle {}",
    "Cible",
    "la meilleure valeur de l'échelle",
    "Seuil",
    " — **éliminatoire**",
    "Pièces justificatives",
    "requises",
    "recommandées",
    "non demandées",
    "Non applicable (N/A)",
    "autorisé, avec sa raison",
    "non autorisé",
    "Ce que l'analyste regarde :",
    "Échelles",
    "Niveaux ordonnés ; s = (valeur − {}) / ({} − {}).",
    "| Valeur | Niveau | s | Description |",
    "Oui ou non.",
    "| Réponse | Valeur | s |",
    "Numérique, linéaire de {} (s = 0) à {} (s = 1).",
    "Numérique, linéaire, plus bas = mieux : {} vaut s = 1, {} vaut s = 0.",
    "Numérique ; fonction de valeur linéaire par morceaux : s est interpolé entre les points, "
    "et constant avant le premier et après le dernier.",
    "Numérique ; fonction en escalier : s du plus grand palier inférieur ou égal à la valeur.",
    "| Valeur{} | s |",
    "| À partir de{} | s |",
    "Bornes : de {} à {} ; une valeur hors bornes est une erreur.",
    "Borne : au moins {} ; une valeur inférieure est une erreur.",
    "Borne : au plus {} ; une valeur supérieure est une erreur.",
    "Utilisée par",
    "Utilisée par aucun critère.",
    "Données chiffrées",
    "| Donnée | Identifiant | Unité | Origine |",
    "déclarée par le dossier",
    "constante : {}",
    "diversité 1 − Σ pᵢ² des parts de {}",
    "{} des sous-critères",
    "échelle `{}`",
    "donnée `{}`, échelle `{}`",
    "donnée `{}`",
    " : ",
    Language::fr,
};

const Words english{
    "| Grid | Version | Language | SHA-256 fingerprint |",
    "Criteria tree",
    "| No. | Criterion | Id | Weight | Effective weight (%) | Scoring |",
    "Weights are relative among sibling criteria. The effective weight is the share of the "
    "total a criterion carries when every criterion is scored: the product of the relative "
    "weights along its path. A criterion of weight 0 is tracked without carrying points. A "
    "criterion marked not applicable (N/A) is left out and its siblings share its weight.",
    "Decision",
    "| Total (out of 100) | Decision |",
    "{} to under {}",
    "{} and above",
    "An eliminatory criterion below its threshold makes the application **{}**, whatever its "
    "total; a criterion neither scored nor marked not applicable makes it **{}** (deferred).",
    "A spread of at least {} between the assessors' normalised scores (0 to 1) on a criterion "
    "is flagged.",
    "Thresholds and eliminatory criteria",
    "| Criterion | Threshold | Eliminatory |",
    "No criterion has a threshold.",
    "yes",
    "no",
    "Criteria in detail",
    "Id",
    "Weight",
    "{} (effective weight {}%)",
    "Aggregation",
    "weighted mean",
    "weighted geometric mean",
    "minimum",
    "Scale",
    "computed from fact `{}`, on scale {}",
    "Target",
    "the best value of the scale",
    "Threshold",
    " — **eliminatory**",
    "Evidence",
    "required",
    "recommended",
    "not requested",
    "Not applicable (N/A)",
    "allowed, with its reason",
    "not allowed",
    "What the analyst looks at:",
    "Scales",
    "Ordered levels; s = (value − {}) / ({} − {}).",
    "| Value | Level | s | Description |",
    "Yes or no.",
    "| Answer | Value | s |",
    "Numeric, linear from {} (s = 0) to {} (s = 1).",
    "Numeric, linear, lower is better: {} scores s = 1, {} scores s = 0.",
    "Numeric; piecewise-linear value function: s is interpolated between the points, and "
    "constant before the first and after the last.",
    "Numeric; step function: s of the largest step at or below the value.",
    "| Value{} | s |",
    "| From{} | s |",
    "Bounds: {} to {}; a value outside them is an error.",
    "Bound: at least {}; a value below it is an error.",
    "Bound: at most {}; a value above it is an error.",
    "Used by",
    "Used by no criterion.",
    "Facts",
    "| Fact | Id | Unit | Origin |",
    "declared by the application",
    "constant: {}",
    "diversity 1 − Σ pᵢ² of the shares of {}",
    "{} of its sub-criteria",
    "scale `{}`",
    "fact `{}`, scale `{}`",
    "fact `{}`",
    ": ",
    Language::en,
};

const Words& words_for(Language language) {
  return language == Language::en ? english : french;
}

}  // namespace

word_tables::WordList word_tables::grid_show_words(Language language) {
  return flatten<const char*>(static_cast<const FixedWords&>(words_for(language)));
}

namespace {

// A grid's own number, every digit kept, as the reader writes it.
std::string num(double v, const Words& w) {
  return NumberWords(w.language).exact(v);
}
std::string percent(double share, const Words& w) {
  return NumberWords(w.language).score(100 * share);
}
std::string text(const std::string& s) {
  return md_text(s);
}
std::string cell(const std::string& s) {
  return md_cell(md_text(s));
}
std::string code(const std::string& id) {
  return "`" + id + "`";
}

const char* aggregation_words(const Words& w, Aggregation a) {
  switch (a) {
    case Aggregation::weighted_mean:
      return w.mean;
    case Aggregation::weighted_geometric:
      return w.geometric;
    case Aggregation::min:
      return w.minimum_agg;
  }
  return w.mean;
}

// A value in a scale's units as a reader knows it: "3 (Exemplaire)", "oui", "25 %".
std::string scale_value(const Scale& scale, double value, const Words& w) {
  switch (scale.type) {
    case ScaleType::yesno:
      return value >= 0.5 ? w.yes : w.no;
    case ScaleType::levels: {
      std::string label = value_label(scale, value);
      return label.empty() ? num(value, w) : fmt::format("{} ({})", num(value, w), text(label));
    }
    case ScaleType::numeric:
      return text(NumberWords(w.language).with_unit(value, scale.unit));
  }
  return num(value, w);
}

struct Numbered {
  const Criterion* criterion;
  std::string number;  // "1.2"
  int depth;
};

std::vector<Numbered> number_criteria(const std::vector<Criterion>& nodes,
                                      const std::string& prefix = "", int depth = 0) {
  std::vector<Numbered> out;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::string number =
        prefix.empty() ? std::to_string(i + 1) : fmt::format("{}.{}", prefix, i + 1);
    out.push_back({&nodes[i], number, depth});
    auto below = number_criteria(nodes[i].children, number, depth + 1);
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

void identity(std::string& out, const Grid& g, const Words& w, const std::string& title) {
  out += fmt::format("# {}\n\n", text(title.empty() ? g.title : title));
  out += fmt::format("{}\n|---|---|---|---|\n", w.identity_header);
  out += fmt::format("| {} | {} | {} | `{}` |\n\n", code(g.id), cell(g.version),
                     language_code(g.language), g.sha256.substr(0, 12));
  if (!g.description.empty()) {
    out += g.description;
    if (g.description.back() != '\n') out += '\n';
    out += '\n';
  }
}

std::string leaf_scoring(const Criterion& c, const Words& w) {
  if (!c.from.empty() && !c.scale.empty())
    return fmt::format(fmt::runtime(w.leaf_fact), c.from, c.scale);
  if (!c.from.empty()) return fmt::format(fmt::runtime(w.leaf_fact_only), c.from);
  return fmt::format(fmt::runtime(w.leaf_scale), c.scale);
}

void tree_table(std::string& out, const std::vector<Numbered>& all,
                const std::map<std::string, double>& ew, const Words& w) {
  out += fmt::format("## {}\n\n{}\n|---|---|---|--:|--:|---|\n", w.tree, w.tree_header);
  for (const auto& n : all) {
    const Criterion& c = *n.criterion;
    std::string title = cell(c.title);
    if (n.depth == 0) title = "**" + title + "**";
    std::string scoring = c.is_leaf() ? leaf_scoring(c, w)
                                      : fmt::format(fmt::runtime(w.node_scoring),
                                                    aggregation_words(w, c.aggregation));
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", n.number, title, code(c.id),
                       num(c.weight, w), percent(ew.at(c.id), w), scoring);
  }
  out += fmt::format("\n{}\n\n", w.tree_note);
}

void decision_section(std::string& out, const Grid& g, Language language, const Words& w) {
  out += fmt::format("## {}\n\n{}\n|---|---|\n", w.decision, w.band_header);
  for (std::size_t i = 0; i < g.decision.size(); ++i) {
    const Band& b = g.decision[i];
    std::string range = i + 1 < g.decision.size()
                            ? fmt::format(fmt::runtime(w.band_from_to), num(b.min, w),
                                          num(g.decision[i + 1].min, w))
                            : fmt::format(fmt::runtime(w.band_from), num(b.min, w));
    out += fmt::format("| {} | {} |\n", range, cell(b.label));
  }
  out += '\n';
  out +=
      fmt::format(fmt::runtime(w.ineligible_note), status_word(DossierStatus::ineligible, language),
                  status_word(DossierStatus::incomplete, language));
  out += "\n\n";
  out += fmt::format(fmt::runtime(w.disagreement_note), num(g.disagreement, w));
  out += "\n\n";
}

std::string threshold_text(const Grid& g, const Criterion& c, const Words& w) {
  if (!c.is_leaf()) return fmt::format("{} / 100", num(*c.minimum, w));
  return scale_value(scale_of(g, c), *c.minimum, w);
}

void thresholds_section(std::string& out, const Grid& g, const std::vector<Numbered>& all,
                        const Words& w) {
  out += fmt::format("## {}\n\n", w.thresholds);
  bool any = false;
  for (const auto& n : all) any = any || n.criterion->minimum.has_value();
  if (!any) {
    out += fmt::format("{}\n\n", w.no_threshold);
    return;
  }
  out += fmt::format("{}\n|---|---|---|\n", w.threshold_header);
  for (const auto& n : all) {
    const Criterion& c = *n.criterion;
    if (!c.minimum) continue;
    out +=
        fmt::format("| {} {} ({}) | {} | {} |\n", n.number, cell(c.title), code(c.id),
                    threshold_text(g, c, w), c.eliminatory ? fmt::format("**{}**", w.yes) : w.no);
  }
  out += '\n';
}

const char* evidence_words(const Words& w, EvidencePolicy e) {
  switch (e) {
    case EvidencePolicy::required:
      return w.evidence_required;
    case EvidencePolicy::recommended:
      return w.evidence_recommended;
    case EvidencePolicy::none:
      return w.evidence_none;
  }
  return w.evidence_recommended;
}

void leaf_details(std::string& out, const Grid& g, const Criterion& c, const Words& w) {
  const Scale& scale = scale_of(g, c);
  std::string scale_ref = c.scale.empty() ? "[0, 1]" : code(c.scale);
  if (c.from.empty())
    out += fmt::format("- {}{}{}\n", w.scale, w.colon, scale_ref);
  else
    out += fmt::format("- {}{}{}\n", w.scale, w.colon,
                       fmt::format(fmt::runtime(w.from_fact), c.from, scale_ref));
  out += fmt::format(
      "- {}{}{}\n", w.target, w.colon,
      c.target ? scale_value(scale, *c.target, w)
               : fmt::format("{}, {}", scale_value(scale, best_value(scale), w), w.best_of_scale));
  if (c.minimum)
    out += fmt::format("- {}{}{}{}\n", w.threshold, w.colon, scale_value(scale, *c.minimum, w),
                       c.eliminatory ? w.eliminatory_suffix : "");
  if (c.from.empty()) {
    out += fmt::format("- {}{}{}\n", w.evidence, w.colon, evidence_words(w, c.evidence));
    out += fmt::format("- {}{}{}\n", w.na, w.colon, c.allow_na ? w.na_allowed : w.na_refused);
  }
}

void criterion_details(std::string& out, const Grid& g, const Numbered& n,
                       const std::map<std::string, double>& ew, const Words& w) {
  const Criterion& c = *n.criterion;
  out += fmt::format("### {} {}\n\n", n.number, text(c.title));
  out += fmt::format("- {}{}{}\n", w.id, w.colon, code(c.id));
  out += fmt::format(
      "- {}{}{}\n", w.weight, w.colon,
      fmt::format(fmt::runtime(w.weight_line), num(c.weight, w), percent(ew.at(c.id), w)));
  if (c.is_leaf()) {
    leaf_details(out, g, c, w);
  } else {
    out += fmt::format("- {}{}{}\n", w.aggregation, w.colon, aggregation_words(w, c.aggregation));
    if (c.minimum)
      out += fmt::format("- {}{}{} / 100{}\n", w.threshold, w.colon, num(*c.minimum, w),
                         c.eliminatory ? w.eliminatory_suffix : "");
  }
  out += '\n';
  auto block = [&](const std::string& body) {
    out += body;
    if (!body.empty() && body.back() != '\n') out += '\n';
    out += '\n';
  };
  if (!c.description.empty()) block(c.description);
  if (!c.guidance.empty()) {
    out += fmt::format("{}\n\n", w.guidance);
    block(c.guidance);
  }
}

std::string unit_suffix(const Scale& s) {
  return s.unit.empty() ? "" : " (" + cell(s.unit) + ")";
}

void function_table(std::string& out, const std::vector<ValuePoint>& pts, const char* header,
                    const Scale& s, const Words& w) {
  out += fmt::format(fmt::runtime(header), unit_suffix(s));
  out += "\n|--:|--:|\n";
  for (const auto& p : pts) out += fmt::format("| {} | {} |\n", num(p.x, w), num(p.s, w));
  out += '\n';
}

void numeric_scale(std::string& out, const Scale& s, const Words& w) {
  if (!s.points.empty() || !s.steps.empty()) {
    bool points = !s.points.empty();
    out += fmt::format("{}\n\n", points ? w.points_intro : w.steps_intro);
    function_table(out, points ? s.points : s.steps, points ? w.value_header : w.step_header, s, w);
    if (s.min && s.max)
      out += fmt::format(fmt::runtime(w.bounds), num(*s.min, w), num(*s.max, w)) + "\n\n";
    else if (s.min)
      out += fmt::format(fmt::runtime(w.bounds_min), num(*s.min, w)) + "\n\n";
    else if (s.max)
      out += fmt::format(fmt::runtime(w.bounds_max), num(*s.max, w)) + "\n\n";
    return;
  }
  bool lower = s.better == Better::lower;
  out += fmt::format(fmt::runtime(lower ? w.linear_lower : w.linear_higher), num(*s.min, w),
                     num(*s.max, w));
  out += "\n\n";
  function_table(out, {{*s.min, lower ? 1.0 : 0.0}, {*s.max, lower ? 0.0 : 1.0}}, w.value_header, s,
                 w);
}

void scale_section(std::string& out, const Grid& g, const Scale& s, const Words& w) {
  out += fmt::format("### {}{}\n\n", code(s.id), s.title.empty() ? "" : " — " + text(s.title));
  if (!s.description.empty()) out += fmt::format("{}\n\n", s.description);
  switch (s.type) {
    case ScaleType::levels: {
      double lo = s.levels.front().value, hi = lo;
      for (const auto& l : s.levels) {
        lo = std::min(lo, l.value);
        hi = std::max(hi, l.value);
      }
      out += fmt::format(fmt::runtime(w.levels_intro), num(lo, w), num(hi, w), num(lo, w));
      out += fmt::format("\n\n{}\n|--:|---|--:|---|\n", w.level_header);
      std::vector<const Level*> sorted;
      for (const auto& l : s.levels) sorted.push_back(&l);
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const Level* a, const Level* b) { return a->value < b->value; });
      for (const Level* l : sorted)
        out += fmt::format("| {} | {} | {} | {} |\n", num(l->value, w), cell(l->label),
                           NumberWords(w.language).fixed(normalise(s, l->value), 2),
                           cell(l->description));
      out += '\n';
      break;
    }
    case ScaleType::yesno: {
      // The answers as a dossier may write them: oui/non only on a grid in French.
      const Words& answers = g.language == Language::en ? words_for(Language::en) : w;
      out += fmt::format("{}\n\n{}\n|---|--:|--:|\n| {} | 1 | 1 |\n| {} | 0 | 0 |\n\n",
                         w.yesno_intro, w.yesno_header, answers.yes, answers.no);
      break;
    }
    case ScaleType::numeric:
      numeric_scale(out, s, w);
      break;
  }
  std::vector<std::string> users;
  for_each_criterion(g.criteria, [&](const Criterion& c, int) {
    if (c.is_leaf() && c.scale == s.id) users.push_back(code(c.id));
  });
  if (users.empty())
    out += fmt::format("{}\n\n", w.unused);
  else
    out += fmt::format("{}{}{}.\n\n", w.used_by, w.colon, fmt::join(users, ", "));
}

std::string fact_origin(const Fact& f, const Words& w) {
  std::vector<std::string> ops;
  for (const auto& o : f.operands) ops.push_back(code(o));
  switch (f.op) {
    case FactOp::declared:
      return w.declared;
    case FactOp::constant:
      return fmt::format(fmt::runtime(w.constant), num(f.constant, w));
    case FactOp::sum:
      return fmt::format("{}", fmt::join(ops, " + "));
    case FactOp::product:
      return fmt::format("{}", fmt::join(ops, " × "));
    case FactOp::ratio:
      return fmt::format("{}", fmt::join(ops, " / "));
    case FactOp::diversity:
      return fmt::format(fmt::runtime(w.diversity), fmt::join(ops, ", "));
  }
  return "";
}

void facts_section(std::string& out, const Grid& g, const Words& w) {
  if (g.facts.empty()) return;
  out += fmt::format("## {}\n\n{}\n|---|---|---|---|\n", w.facts, w.fact_header);
  for (const auto& f : g.facts)
    out += fmt::format("| {} | {} | {} | {} |\n", cell(f.title), code(f.id), cell(f.unit),
                       fact_origin(f, w));
  out += '\n';
  for (const auto& f : g.facts)
    if (!f.description.empty())
      out += fmt::format("- {}{}{}\n", code(f.id), w.colon, text(f.description));
}

}  // namespace

std::string scale_value_text(const Scale& scale, double value, Language language) {
  return scale_value(scale, value, words_for(language));
}

std::string render_grid_markdown(const Grid& grid, Language language) {
  return render_grid_markdown(grid, language, {});
}

std::string render_grid_markdown(const Grid& grid, Language language,
                                 const GridDocumentParts& parts) {
  const Words& w = words_for(language);
  auto ew = nominal_effective_weights(grid);
  auto all = number_criteria(grid.criteria);
  std::string out;
  identity(out, grid, w, parts.title);
  out += parts.preamble;
  tree_table(out, all, ew, w);
  decision_section(out, grid, language, w);
  thresholds_section(out, grid, all, w);
  out += fmt::format("## {}\n\n", w.details);
  for (const auto& n : all) criterion_details(out, grid, n, ew, w);
  if (!grid.scales.empty()) {
    out += fmt::format("## {}\n\n", w.scales);
    for (const auto& s : grid.scales) scale_section(out, grid, s, w);
  }
  facts_section(out, grid, w);
  while (out.size() >= 2 && out.back() == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace ess
