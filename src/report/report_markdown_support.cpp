// « Où l'accompagnement aiderait le plus »: the gaps that weigh most on the total, then the
// path to the next band (or why there is none), or the eliminatory failures to fix.
#include <algorithm>

#include "ess/model/format.hpp"
#include "report_md.hpp"

namespace ess::md {

namespace {

std::vector<std::size_t> gaps_by_points(const DossierResult& result) {
  std::vector<std::size_t> leaves;
  for (std::size_t i = 0; i < result.criteria.size(); ++i) {
    const CriterionResult& r = result.criteria[i];
    if (r.is_leaf() && r.points_to_gain && *r.points_to_gain > tolerance) leaves.push_back(i);
  }
  std::sort(leaves.begin(), leaves.end(), [&](std::size_t a, std::size_t b) {
    const CriterionResult& ra = result.criteria[a];
    const CriterionResult& rb = result.criteria[b];
    if (*ra.points_to_gain != *rb.points_to_gain) return *ra.points_to_gain > *rb.points_to_gain;
    return ra.criterion->id < rb.criterion->id;
  });
  return leaves;
}

std::string from_to(const Context& ctx, const CriterionResult& r) {
  std::string from = r.value ? scale_value(ctx, *r.criterion, *r.value) : "—";
  std::string to = r.target ? scale_value(ctx, *r.criterion, *r.target) : "—";
  return cell(from) + " → " + cell(to);
}

void gap_table(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  std::vector<Row> rows;
  for (std::size_t i : gaps_by_points(ctx.result)) {
    const CriterionResult& r = ctx.result.criteria[i];
    const Criterion& c = *r.criterion;
    rows.push_back({cell(title_of(c)), cell(r.value ? scale_value(ctx, c, *r.value) : "—"),
                    cell(r.target ? scale_value(ctx, c, *r.target) : "—"),
                    cell(r.gap ? scale_gap(ctx, c, *r.gap) : ""),
                    ctx.numbers.score(r.points_to_gain.value_or(0))});
  }
  if (rows.empty()) {
    w.paragraph(text(words.support_none));
    return;
  }
  w.table({{std::string(words.criterion), Align::left, wide},
           {std::string(words.current)},
           {std::string(words.target)},
           {std::string(words.gap), Align::right},
           {std::string(words.points_to_gain), Align::right}},
          rows);
}

void eliminatory_to_fix(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  w.heading(3, words.fix_heading);
  w.paragraph(text(words.fix_intro));
  std::vector<std::string> items;
  std::string colon = ctx.language == Language::fr ? " : " : ": ";
  for (std::size_t i : ctx.result.eliminatory_failures) {
    const CriterionResult& r = ctx.result.criteria[i];
    const Criterion& c = *r.criterion;
    std::string now = r.is_leaf() ? (r.value ? scale_value(ctx, c, *r.value) : "—")
                                  : score100(ctx, r.s) + " / 100";
    std::string min = r.is_leaf() ? scale_value(ctx, c, c.minimum.value_or(0))
                                  : ctx.numbers.quantity(c.minimum.value_or(0));
    items.push_back(strong(title_of(c)) + colon + text(now) + " → " + text(min));
  }
  w.bullets(items);
}

std::string band_name(const Context& ctx, std::size_t band) {
  return text(quoted(ctx.grid.decision[band].label, ctx.language));
}

void path_steps(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  std::vector<Row> rows;
  int n = 0;
  for (const PathStep& step : ctx.result.path.steps) {
    const CriterionResult& r = ctx.result.criteria[step.criterion];
    rows.push_back({std::to_string(++n), cell(title_of(*r.criterion)), from_to(ctx, r),
                    ctx.numbers.score(step.points_to_gain), ctx.numbers.score(step.total_after)});
  }
  w.table({{std::string(words.step), Align::right},
           {std::string(words.criterion), Align::left, wide},
           {std::string(words.from_to), Align::left, wide},
           {std::string(words.points_to_gain), Align::right},
           {std::string(words.total_after), Align::right}},
          rows);
}

void path_to(const Context& ctx, Writer& w, std::size_t next_band) {
  const ReportWords& words = ctx.words;
  const PathToNextBand& path = ctx.result.path;
  std::string next_text = band_name(ctx, next_band);
  std::string min_text = ctx.numbers.quantity(ctx.grid.decision[next_band].min);
  auto next = fmt::arg("next", next_text);  // fmt::arg keeps a reference: no temporaries
  auto min = fmt::arg("min", min_text);
  if (path.steps.empty()) {
    w.paragraph(fill(words.path_none, next));
  } else {
    w.paragraph(fill(words.path_intro, fmt::arg("band", band_name(ctx, *ctx.result.band)),
                     fmt::arg("total", ctx.numbers.score(ctx.result.total)), next, min));
    path_steps(ctx, w);
    std::string reached_text = ctx.numbers.score(path.steps.back().total_after);
    auto reached = fmt::arg("total", reached_text);
    w.paragraph(path.reachable ? fill(words.path_reached, reached, next)
                               : fill(words.path_out_of_reach, reached, next, min));
  }
}

void path_to_next_band(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  const PathToNextBand& path = ctx.result.path;
  w.heading(3, words.path_heading);
  if (!path.next_band)
    w.paragraph(fill(words.path_top, fmt::arg("band", band_name(ctx, *ctx.result.band))));
  else
    path_to(ctx, w, *path.next_band);
  if (ctx.result.status == DossierStatus::incomplete) w.paragraph(text(words.path_incomplete_note));
}

}  // namespace

void support(const Context& ctx, Writer& w) {
  w.heading(2, ctx.words.support_heading);
  gap_table(ctx, w);
  if (ctx.result.status == DossierStatus::ineligible)
    eliminatory_to_fix(ctx, w);
  else
    path_to_next_band(ctx, w);
}

}  // namespace ess::md
