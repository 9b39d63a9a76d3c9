// The letter to an applicant (spec §7). It reads the dossier's header, the consolidated
// values and the grid's words; it never reads an assessment's name, its scores, comments or
// evidence, a spread or a consensus note — tests/unit/test_letter.cpp scans every example.
#include "ess/report/letter.hpp"

#include <algorithm>

#include "doc_values.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"
#include "letter_words.hpp"
#include "report_md.hpp"

namespace ess {

namespace {

struct Letter {
  const LetterInput& in;
  const DossierResult& result;
  const Grid& grid;
  const LetterWords& words;
  Language language;
  NumberWords numbers;
  std::string out;

  void block(const std::string& text) {
    std::string spaced = language == Language::fr ? doc::french_spacing(text) : text;
    out += (out.empty() ? "" : "\n") + spaced + "\n";
  }
  void heading(std::string_view text) { block("## " + md::text(text)); }
  std::string q(std::string_view text) const { return md::text(doc::quoted(text, language)); }
  std::string score(double v) const { return numbers.score(v); }
  std::string band(std::size_t i) const { return q(grid.decision[i].label); }
  std::string min_of(std::size_t i) const { return numbers.quantity(grid.decision[i].min); }
  std::string criterion(const CriterionResult& r) const {
    return md::strong(doc::title_of(*r.criterion));
  }
  std::string value(const CriterionResult& r, double v) const {
    return md::text(doc::value_text(grid, *r.criterion, v, numbers));
  }
};

// A list item followed by the criterion's guidance, indented so that it stays in the item.
std::string with_guidance(const Letter& l, std::string item, const Criterion& c, int indent) {
  std::string guidance = c.guidance;
  while (!guidance.empty() && (guidance.back() == '\n' || guidance.back() == ' '))
    guidance.pop_back();
  if (guidance.empty()) return item;
  std::string pad(static_cast<std::size_t>(indent), ' ');
  item += "\n\n" + pad + "*" + md::text(l.words.guidance_lead) + "*\n\n";
  std::size_t start = 0;
  while (start <= guidance.size()) {
    std::size_t end = guidance.find('\n', start);
    if (end == std::string::npos) end = guidance.size();
    std::string line = guidance.substr(start, end - start);
    item += (line.empty() ? "" : pad + line) + "\n";
    start = end + 1;
  }
  item.pop_back();
  return item;
}

void letterhead(Letter& l) {
  const auto& head = l.in.letterhead;
  if (head && !head->sender.empty()) l.block(md::strong(head->sender));
  if (!l.in.date.empty()) {
    std::string date = md::text(doc::long_date(l.in.date, l.language));
    if (head && !head->place.empty())
      l.block(md::fill(l.words.place_date, fmt::arg("place", md::text(head->place)),
                       fmt::arg("date", date)));
    else
      l.block(md::fill(l.words.date_only, fmt::arg("date", date)));
  }
  const Dossier& d = *l.result.dossier;
  if (!d.applicant.empty()) l.block(md::strong(d.applicant));
  std::string lines =
      md::fill(l.words.subject, fmt::arg("title", l.q(d.title.empty() ? d.id : d.title)),
               fmt::arg("id", md::text(d.id)));
  if (!l.in.call_title.empty())
    lines += "  \n" + md::fill(l.words.call, fmt::arg("call", md::text(l.in.call_title)));
  if (!l.in.reference.empty())
    lines += "  \n" + md::fill(l.words.reference, fmt::arg("reference", md::text(l.in.reference)));
  l.block(lines);
  l.block(md::text(l.words.greeting));
  std::string grid_title = l.grid.title.empty() ? l.grid.id : l.grid.title;
  l.block(md::fill(l.words.intro, fmt::arg("grid", l.q(grid_title))));
}

std::string bands_scale(const Letter& l) {
  std::vector<std::string> parts;
  const auto& bands = l.grid.decision;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    std::string band = l.band(i), min = l.min_of(i);
    std::string next = i + 1 < bands.size() ? l.min_of(i + 1) : "";
    if (i + 1 == bands.size())
      parts.push_back(md::fill(l.words.band_from, fmt::arg("band", band), fmt::arg("min", min)));
    else if (i == 0)
      parts.push_back(md::fill(l.words.band_below, fmt::arg("band", band), fmt::arg("next", next)));
    else
      parts.push_back(md::fill(l.words.band_between, fmt::arg("band", band), fmt::arg("min", min),
                               fmt::arg("next", next)));
  }
  std::string list;
  for (const auto& p : parts) list += (list.empty() ? "" : ", ") + p;
  return md::fill(l.words.bands_intro, fmt::arg("list", list));
}

void decision(Letter& l) {
  l.heading(l.words.decision_heading);
  const DossierResult& r = l.result;
  std::string total = l.score(r.total);
  if (l.in.not_assessed) {
    l.block(md::text(l.words.not_assessed));
    return;
  }
  if (r.status == DossierStatus::ineligible) {
    l.block(md::text(l.words.ineligible) + " " +
            md::fill(l.words.ineligible_total, fmt::arg("total", total)));
  } else if (r.status == DossierStatus::incomplete) {
    l.block(md::text(l.words.incomplete) + " " +
            md::fill(l.words.incomplete_total, fmt::arg("total", total)));
  } else if (r.band) {
    std::size_t b = *r.band;
    std::string sentence = md::fill(l.words.decision_ok, fmt::arg("band", l.band(b))) + " ";
    if (b + 1 < l.grid.decision.size())
      sentence += md::fill(l.words.total_next, fmt::arg("total", total),
                           fmt::arg("next", l.band(b + 1)), fmt::arg("min", l.min_of(b + 1)));
    else if (l.grid.decision[b].min > 0)
      sentence += md::fill(l.words.total_top, fmt::arg("total", total), fmt::arg("band", l.band(b)),
                           fmt::arg("min", l.min_of(b)));
    else
      sentence += md::fill(l.words.total_only, fmt::arg("total", total));
    l.block(sentence);
  }
  if (l.grid.decision.size() > 1) l.block(bands_scale(l));
}

void conditions(Letter& l) {
  if (l.result.eliminatory_failures.empty()) return;
  l.heading(l.words.conditions_heading);
  l.block(md::text(l.words.conditions_intro));
  std::string items;
  for (std::size_t i : l.result.eliminatory_failures) {
    const CriterionResult& r = l.result.criteria[i];
    const Criterion& c = *r.criterion;
    std::string line;
    if (r.is_leaf())
      line = md::fill(l.words.condition_leaf, fmt::arg("criterion", l.criterion(r)),
                      fmt::arg("minimum", l.value(r, c.minimum.value_or(0))),
                      fmt::arg("value", r.value ? l.value(r, *r.value) : "—"));
    else
      line = md::fill(l.words.condition_node, fmt::arg("criterion", l.criterion(r)),
                      fmt::arg("minimum", l.numbers.quantity(c.minimum.value_or(0))),
                      fmt::arg("score", r.s ? l.score(100 * *r.s) : "—"));
    items += (items.empty() ? "" : "\n\n") + with_guidance(l, "- " + line, c, 2);
  }
  l.block(items);
}

// The fact a missing leaf waits for, when it is one the dossier did not give.
const Fact* missing_fact(const Letter& l, const CriterionResult& r) {
  if (r.criterion->from.empty()) return nullptr;
  FactCause cause = first_cause(l.grid, l.result.facts, r.criterion->from);
  if (cause.why != FactValue::Why::not_given) return nullptr;
  return l.grid.find_fact(cause.fact);
}

std::string criteria_list(const Letter& l, const std::vector<const CriterionResult*>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string sep = i == 0 ? "" : i + 1 == list.size() ? std::string(l.words.and_word) : ", ";
    out += sep + l.q(doc::title_of(*list[i]->criterion));
  }
  return out;
}

// One item per fact not given (naming every criterion it leaves out), then one per leaf that
// no assessment could score; each with the guidance of what to send.
void missing(Letter& l) {
  if (l.result.missing.empty()) return;
  l.heading(l.words.missing_heading);
  l.block(md::text(l.words.missing_intro));
  std::vector<std::pair<const Fact*, std::vector<const CriterionResult*>>> facts;
  std::vector<const CriterionResult*> unscored;
  for (std::size_t i : l.result.missing) {
    const CriterionResult& r = l.result.criteria[i];
    const Fact* f = missing_fact(l, r);
    if (!f) {
      unscored.push_back(&r);
      continue;
    }
    auto it = std::find_if(facts.begin(), facts.end(), [&](const auto& p) { return p.first == f; });
    if (it == facts.end()) it = facts.insert(facts.end(), {f, {}});
    it->second.push_back(&r);
  }
  std::string items;
  for (const auto& [f, leaves] : facts) {
    std::string fact = md::strong(f->title.empty() ? f->id : f->title);
    if (!f->unit.empty()) fact += md::fill(l.words.unit, fmt::arg("unit", md::text(f->unit)));
    std::string line = md::fill(l.words.missing_fact, fmt::arg("fact", fact),
                                fmt::arg("criteria", criteria_list(l, leaves)));
    items += (items.empty() ? "" : "\n\n") +
             with_guidance(l, "- " + line, *leaves.front()->criterion, 2);
  }
  for (const CriterionResult* r : unscored) {
    std::string line = md::fill(l.words.missing_scored, fmt::arg("criterion", l.criterion(*r)));
    items += (items.empty() ? "" : "\n\n") + with_guidance(l, "- " + line, *r->criterion, 2);
  }
  l.block(items);
}

void strengths(Letter& l) {
  l.heading(l.words.strengths_heading);
  std::vector<std::size_t> found = doc::strengths(l.result);
  if (found.empty()) {
    l.block(md::text(l.words.strengths_none));
    return;
  }
  l.block(md::text(l.words.strengths_intro));
  std::string items;
  for (std::size_t i : found) {
    const CriterionResult& r = l.result.criteria[i];
    std::string value = l.value(r, r.value.value_or(0));
    // The target is named when the value reached or passed it; a value inside a plateau of
    // full value (30 % to 70 %) may have its nearest best edge above it, which is no aim left.
    bool passed = r.target && r.value && *r.value >= *r.target;
    std::string target = passed ? l.value(r, *r.target) : value;
    std::string line =
        value == target ? md::fill(l.words.strength_at_target,
                                   fmt::arg("criterion", l.criterion(r)), fmt::arg("value", value))
                        : md::fill(l.words.strength_item, fmt::arg("criterion", l.criterion(r)),
                                   fmt::arg("value", value), fmt::arg("target", target));
    items += (items.empty() ? "" : "\n") + ("- " + line);
  }
  l.block(items);
}

std::string step_line(const Letter& l, const CriterionResult& r, double points) {
  return md::fill(l.words.path_step, fmt::arg("criterion", l.criterion(r)),
                  fmt::arg("from", r.value ? l.value(r, *r.value) : "—"),
                  fmt::arg("to", r.target ? l.value(r, *r.target) : "—"),
                  fmt::arg("points", l.score(points)));
}

// Numbered steps, each with its guidance.
void steps(Letter& l, const std::vector<std::pair<std::size_t, double>>& list) {
  std::string items;
  int n = 0;
  for (const auto& [i, points] : list) {
    const CriterionResult& r = l.result.criteria[i];
    std::string number = std::to_string(++n) + ". ";
    items += (items.empty() ? "" : "\n\n") + with_guidance(l, number + step_line(l, r, points),
                                                           *r.criterion,
                                                           static_cast<int>(number.size()));
  }
  l.block(items);
}

void path_to_next(Letter& l, std::size_t next) {
  const PathToNextBand& path = l.result.path;
  std::string band = l.band(next), min = l.min_of(next);
  if (path.steps.empty()) {
    l.block(md::fill(l.words.path_none, fmt::arg("next", band)));
    return;
  }
  l.block(md::fill(l.words.path_intro, fmt::arg("next", band), fmt::arg("min", min)));
  std::vector<std::pair<std::size_t, double>> list;
  for (const PathStep& s : path.steps) list.emplace_back(s.criterion, s.points_to_gain);
  steps(l, list);
  std::string reached = l.score(path.steps.back().total_after);
  l.block(path.reachable
              ? md::fill(l.words.path_reached, fmt::arg("total", reached), fmt::arg("next", band))
              : md::fill(l.words.path_out_of_reach, fmt::arg("total", reached),
                         fmt::arg("next", band), fmt::arg("min", min)));
}

// At the top band there is no next one: the three gaps that weigh most.
void top_gaps(Letter& l) {
  std::vector<std::pair<std::size_t, double>> list;
  for (std::size_t i : doc::gaps(l.result)) {
    if (list.size() == 3) break;
    list.emplace_back(i, *l.result.criteria[i].points_to_gain);
  }
  if (list.empty()) {
    l.block(md::text(l.words.top_none));
    return;
  }
  bool decided = l.result.status == DossierStatus::ok;
  l.block(md::text(decided ? l.words.top_intro : l.words.gaps_intro));
  steps(l, list);
}

void support(Letter& l) {
  if (l.result.status == DossierStatus::ineligible) return;
  l.heading(l.words.support_heading);
  if (l.result.path.next_band && l.result.status == DossierStatus::ok)
    path_to_next(l, *l.result.path.next_band);
  else
    top_gaps(l);
}

void not_applicable(Letter& l) {
  if (l.result.na.empty()) return;
  l.heading(l.words.na_heading);
  l.block(md::text(l.words.na_intro));
  std::string items;
  for (std::size_t i : l.result.na) {
    const CriterionResult& r = l.result.criteria[i];
    items +=
        (items.empty() ? "" : "\n\n") + with_guidance(l, "- " + l.criterion(r), *r.criterion, 2);
  }
  l.block(items);
}

void closing(Letter& l) {
  l.block(md::text(l.words.closing));
  l.block(md::text(l.words.politeness));
  if (l.in.letterhead && !l.in.letterhead->signature.empty())
    l.block(md::strong(l.in.letterhead->signature));
}

}  // namespace

std::string render_letter(const LetterInput& in) {
  const DossierResult& result = *in.result;
  Letter l{in,
           result,
           *result.grid,
           letter_words(in.language),
           in.language,
           NumberWords(in.language, result.grid->currency),
           {}};
  letterhead(l);
  decision(l);
  if (!in.not_assessed) {
    conditions(l);
    missing(l);
    strengths(l);
    support(l);
    not_applicable(l);
  }
  closing(l);
  return l.out;
}

LetterInput letter_input(const DossierResult& result, std::optional<Language> asked) {
  LetterInput in;
  in.result = &result;
  // The separator plays no part in a letter: only the language of report_options is used.
  Language grid_language = result.grid ? result.grid->language : Language::fr;
  in.language = report_options(asked, ',', grid_language).language;
  in.not_assessed = result.status == DossierStatus::not_assessed;
  return in;
}

}  // namespace ess
