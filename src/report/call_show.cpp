// `grid show CALL`: the call, what it changes in its base grid, then the call's grid.
#include "ess/report/call_show.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "ess/core/scale.hpp"
#include "ess/core/weights.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"
#include "ess/model/number_words.hpp"
#include "ess/model/scale_value.hpp"
#include "ess/report/grid_show.hpp"
#include "word_tables.hpp"

namespace ess {

namespace {

struct FixedWords {
  const char* call_heading;
  const char* call;
  const char* funder;
  const char* base_grid;
  const char* budget;
  const char* budgets_by[3];  // by GroupKey: call, territory, theme
  const char* decision;
  const char* award;
  const char* award_line;  // {nature} {payment} {period} {eu}
  const char* letterhead;
  const char* changes_heading;
  const char* no_change;
  const char* change_header;
  const char* kinds[5];  // by OverrideChange::Kind
  const char* none;
  const char* best;  // {value}
  const char* yes;
  const char* no;
  const char* band;  // {label} {min}
  const char* not_fundable;
  const char* effective_intro;
  const char* effective_header;
  const char* effective_none;
  const char* colon;
};

// The words, then the language of the numbers (not a word: left out of FixedWords, which
// word_tables.hpp reads as words only).
struct Words : FixedWords {
  Language language;

  NumberWords numbers() const { return NumberWords(language); }
};
// No room beside the language for a word that the parity test would not see.
static_assert(sizeof(Words) <= sizeof(FixedWords) + sizeof(const char*));

const Words french{
    "L'appel à projets",
    "Appel",
    "Financeur",
    "Grille de base",
    "Budget",
    {"par appel", "par territoire", "par thématique"},
    "Décision",
    "Aide attribuée",
    "{nature} ; versement : {payment} ; date ou période de versement : {period} ; aide notifiée "
    "à la Commission européenne : {eu}",
    "En-tête des lettres",
    "Ce que cet appel change à la grille",
    "Cet appel applique sa grille de base sans la changer.",
    "| Changement | Critère | Avant | Après |",
    {"Poids", "Cible", "Seuil", "Éliminatoire", "Tranches d'avis"},
    "—",
    "{}, la meilleure valeur de l'échelle",
    "oui",
    "non",
    "{label} dès {min}",
    " (non finançable)",
    "Poids effectifs qui en découlent (la part du total que porte chaque critère quand tous "
    "sont notés) :",
    "| Critère | Identifiant | Avant (%) | Après (%) |",
    "Les poids effectifs ne changent pas.",
    " : ",
    Language::fr,
};

const Words english{
    "The call for projects",
    "Call",
    "Funder",
    "Base grid",
    "Budget",
    {"per call", "per territory", "per theme"},
    "Decision",
    "Award",
    "{nature}; payment: {payment}; payment date or period: {period}; notified to the European "
    "Commission: {eu}",
    "Letterhead",
    "What this call changes in the grid",
    "This call applies its base grid unchanged.",
    "| Change | Criterion | Before | After |",
    {"Weight", "Target", "Threshold", "Eliminatory", "Decision bands"},
    "—",
    "{}, the best value of the scale",
    "yes",
    "no",
    "{label} from {min}",
    " (not fundable)",
    "The effective weights that follow (the share of the total each criterion carries when "
    "every criterion is scored):",
    "| Criterion | Id | Before (%) | After (%) |",
    "The effective weights do not change.",
    ": ",
    Language::en,
};

const Criterion* find_criterion(const Grid& g, const std::string& id) {
  const Criterion* found = nullptr;
  for_each_criterion(g.criteria, [&](const Criterion& c, int) {
    if (c.id == id) found = &c;
  });
  return found;
}

std::string code(const std::string& id) {
  return "`" + id + "`";
}

std::string item(const Words& w, const char* label, const std::string& value) {
  return fmt::format("- **{}{}**{}\n", label, w.colon[0] == ' ' ? " :" : ":", value);
}

std::string budget_text(const CallBudgets& b, const Words& w) {
  if (b.total) return w.numbers().amount(*b.total);
  std::vector<std::string> parts;
  for (const auto& g : b.amounts)
    parts.push_back(fmt::format("{} {}", md_text(g.group), w.numbers().amount(g.amount)));
  std::string list = fmt::format("{}", fmt::join(parts, w.colon[0] == ' ' ? " ; " : "; "));
  return fmt::format("{} ({})", list,
                     w.budgets_by[static_cast<int>(b.by.value_or(GroupKey::call))]);
}

std::string call_section(const Call& call, const Grid& base, const Words& w) {
  std::string out = fmt::format("## {}\n\n", w.call_heading);
  out += item(w, w.call, fmt::format(" {} — {}", code(call.id), md_text(call.title)));
  out += item(w, w.funder,
              fmt::format(" {} (SIRET {})", md_text(call.funder.name), call.funder.siret));
  out += item(w, w.base_grid,
              fmt::format(" {} ({}, sha256 {})", md_text(base.title),
                          code(base.id + "@" + base.version), code(base.sha256.substr(0, 12))));
  if (call.budgets.total || !call.budgets.amounts.empty())
    out += item(w, w.budget, " " + budget_text(call.budgets, w));
  if (call.decision) {
    std::string d = call.decision->date;
    if (!call.decision->reference.empty()) d += ", " + md_text(call.decision->reference);
    out += item(w, w.decision, " " + d);
  }
  if (call.award) {
    const AwardTerms& a = *call.award;
    out += item(
        w, w.award,
        " " + fmt::format(fmt::runtime(w.award_line), fmt::arg("nature", md_text(a.nature)),
                          fmt::arg("payment", md_text(a.payment)), fmt::arg("period", a.period),
                          fmt::arg("eu", a.eu_notified ? w.yes : w.no)));
  }
  if (call.letterhead) {
    std::vector<std::string> parts;
    for (const auto* s :
         {&call.letterhead->sender, &call.letterhead->signature, &call.letterhead->place})
      if (!s->empty()) parts.push_back(md_text(*s));
    if (!parts.empty())
      out += item(w, w.letterhead,
                  fmt::format(" {}", fmt::join(parts, w.colon[0] == ' ' ? " ; " : "; ")));
  }
  return out + "\n";
}

std::string bands_text(const std::vector<Band>& bands, const Words& w) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    std::string s = fmt::format(fmt::runtime(w.band), fmt::arg("label", md_text(bands[i].label)),
                                fmt::arg("min", w.numbers().exact(bands[i].min)));
    if (!band_fundable(bands, i)) s += w.not_fundable;
    parts.push_back(md_cell(s));
  }
  return fmt::format("{}", fmt::join(parts, " ; "));
}

// A target or a minimum as the reader knows it: on the leaf's scale, or "45 / 100" for a node.
std::string value_text(const Grid& g, const Criterion& c, const OverrideChange& ch,
                       std::optional<double> v, Language language, const Words& w) {
  if (ch.kind == OverrideChange::Kind::target && !v)
    return fmt::format(fmt::runtime(w.best),
                       scale_value_text(scale_of(g, c), best_value(scale_of(g, c)), language));
  if (!v) return w.none;
  if (!c.is_leaf()) return fmt::format("{} / 100", w.numbers().exact(*v));
  return scale_value_text(scale_of(g, c), *v, language);
}

std::string change_row(const Grid& g, const OverrideChange& ch, Language language, const Words& w) {
  const char* kind = w.kinds[static_cast<int>(ch.kind)];
  if (ch.kind == OverrideChange::Kind::decision)
    return fmt::format("| {} | {} | {} | {} |\n", kind, w.none, bands_text(ch.bands_before, w),
                       bands_text(ch.bands_after, w));
  const Criterion& c = *find_criterion(g, ch.criterion);
  std::string who = fmt::format("{} ({})", md_cell(md_text(c.title)), code(c.id));
  std::string before, after;
  switch (ch.kind) {
    case OverrideChange::Kind::weight:
      before = w.numbers().exact(*ch.before);
      after = w.numbers().exact(*ch.after);
      break;
    case OverrideChange::Kind::eliminatory:
      before = ch.was_eliminatory ? w.yes : w.no;
      after = w.yes;
      break;
    default:
      before = value_text(g, c, ch, ch.before, language, w);
      after = value_text(g, c, ch, ch.after, language, w);
  }
  return fmt::format("| {} | {} | {} | {} |\n", kind, who, before, after);
}

// Every criterion whose share of the total moves, in tree order.
std::string effective_weights(const Grid& base, const Grid& g, const Words& w) {
  auto before = nominal_effective_weights(base), after = nominal_effective_weights(g);
  std::string rows;
  for_each_criterion(g.criteria, [&](const Criterion& c, int) {
    double a = before.at(c.id), b = after.at(c.id);
    if (std::fabs(a - b) <= 1e-12) return;
    rows += fmt::format("| {} | {} | {} | {} |\n", md_cell(md_text(c.title)), code(c.id),
                        w.numbers().score(100 * a), w.numbers().score(100 * b));
  });
  if (rows.empty()) return fmt::format("{}\n\n", w.effective_none);
  return fmt::format("{}\n\n{}\n|---|---|--:|--:|\n{}\n", w.effective_intro, w.effective_header,
                     rows);
}

std::string changes_section(const Grid& base, const CallGrid& cg, Language language,
                            const Words& w) {
  std::string out = fmt::format("## {}\n\n", w.changes_heading);
  if (cg.changes.empty()) return out + fmt::format("{}\n\n", w.no_change);
  out += fmt::format("{}\n|---|---|---|---|\n", w.change_header);
  for (const auto& ch : cg.changes) out += change_row(cg.grid, ch, language, w);
  out += "\n";
  return out + effective_weights(base, cg.grid, w);
}

}  // namespace

std::string render_call_markdown(const Call& call, const Grid& base, const CallGrid& call_grid,
                                 Language language) {
  const Words& w = language == Language::en ? english : french;
  GridDocumentParts parts;
  parts.title = call.title;
  parts.preamble = call_section(call, base, w) + changes_section(base, call_grid, language, w);
  return render_grid_markdown(call_grid.grid, language, parts);
}

word_tables::WordList word_tables::call_show_words(Language language) {
  const Words& w = language == Language::en ? english : french;
  return flatten<const char*>(static_cast<const FixedWords&>(w));
}

}  // namespace ess
