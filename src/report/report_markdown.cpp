// The Markdown report (§4): who and what, the verdict, scores by axis and the criteria table.
// The later sections are in report_markdown_support.cpp and report_markdown_detail.cpp.
#include "ess/model/format.hpp"
#include "ess/report/report.hpp"
#include "report_md.hpp"

namespace ess {

namespace md {

namespace {

// "**Label :** " in French, "**Label:** " in English.
std::string label(const Context& ctx, std::string_view word) {
  return "**" + text(word) + (ctx.language == Language::fr ? " :** " : ":** ");
}

std::string list_separator(const Context& ctx) {
  return ctx.language == Language::fr ? " ; " : "; ";
}

std::string grid_line(const Context& ctx) {
  const Grid& g = ctx.grid;
  std::string id = code(g.id + "@" + g.version);
  std::string hash = code(g.sha256.substr(0, 12));
  if (g.title.empty()) return id + " (sha256 " + hash + ")";
  return text(g.title) + " (" + id + ", sha256 " + hash + ")";
}

std::string assessments_line(const Context& ctx) {
  std::string out;
  for (const auto& a : ctx.dossier.assessments) {
    if (!out.empty()) out += list_separator(ctx);
    out += fill(ctx.words.assessment_line, fmt::arg("assessor", text(a.assessor)),
                fmt::arg("role", text(role_label(a.role, ctx.language))),
                fmt::arg("date", text(a.date)));
  }
  return out.empty() ? std::string(ctx.words.no_assessment) : out;
}

std::string consolidation_line(const Context& ctx) {
  if (ctx.result.self_only) return text(ctx.words.self_only_text);
  return text(fill(ctx.words.consolidation_text,
                   fmt::arg("stat", statistic_label(ctx.result.consolidation, ctx.language))));
}

// "61 000 € (the amount requested covers 41,0 % of it)": what share of the project the funder
// is asked to carry.
std::string project_cost_text(const Context& ctx) {
  const Dossier& d = ctx.dossier;
  std::string out = ctx.numbers.amount(*d.project_cost);
  if (!d.requested || *d.project_cost <= 0) return out;
  std::string share = percent(ctx, *d.requested / *d.project_cost);
  return out + " (" + fill(ctx.words.requested_share, fmt::arg("share", share)) + ")";
}

}  // namespace

void header(const Context& ctx, Writer& w) {
  const Dossier& d = ctx.dossier;
  const ReportWords& words = ctx.words;
  std::string title = std::string(words.dossier) + " " + d.id;
  if (!d.title.empty()) title += " — " + d.title;
  w.heading(1, title);
  std::vector<std::string> items;
  auto add = [&](std::string_view word, const std::string& value) {
    if (!value.empty()) items.push_back(label(ctx, word) + text(value));
  };
  add(words.applicant, d.applicant);
  add(words.call, d.call);
  add(words.territory, d.territory);
  add(words.theme, d.theme);
  if (d.requested) add(words.requested, ctx.numbers.amount(*d.requested));
  add(words.siret, d.siret);
  add(words.rna, d.rna);
  if (d.project_cost) add(words.project_cost, project_cost_text(ctx));
  if (d.awarded) add(words.awarded, ctx.numbers.amount(*d.awarded));
  items.push_back(label(ctx, words.grid) + grid_line(ctx));
  items.push_back(label(ctx, words.consolidation) + consolidation_line(ctx));
  items.push_back(label(ctx, words.assessments) + assessments_line(ctx));
  w.bullets(items);
}

namespace {

std::string band_label(const Context& ctx) {
  const auto& bands = ctx.grid.decision;
  std::size_t band = ctx.result.band.value_or(0);
  return band < bands.size() ? bands[band].label : std::string();
}

std::string failure_line(const Context& ctx, const CriterionResult& r) {
  const Criterion& c = *r.criterion;
  std::string title = strong(title_of(c));
  auto name = fmt::arg("criterion", title);  // fmt::arg keeps a reference: no temporaries
  if (!r.is_leaf())
    return fill(ctx.words.failure_node, name, fmt::arg("score", score100(ctx, r.s)),
                fmt::arg("minimum", ctx.numbers.quantity(c.minimum.value_or(0))));
  return fill(ctx.words.failure_leaf, name,
              fmt::arg("value", text(r.value ? scale_value(ctx, c, *r.value) : "—")),
              fmt::arg("minimum", text(scale_value(ctx, c, c.minimum.value_or(0)))));
}

std::vector<std::string> failure_lines(const Context& ctx, bool eliminatory) {
  std::vector<std::string> lines;
  for (std::size_t i : ctx.result.threshold_failures) {
    const CriterionResult& r = ctx.result.criteria[i];
    if (r.criterion->eliminatory == eliminatory) lines.push_back(failure_line(ctx, r));
  }
  return lines;
}

std::string total_line(const Context& ctx) {
  const ReportWords& words = ctx.words;
  std::string total =
      fill(words.total_out_of, fmt::arg("total", ctx.numbers.score(ctx.result.total)));
  std::string band_text = text(quoted(band_label(ctx), ctx.language));
  auto band = fmt::arg("band", band_text);
  if (ctx.result.status == DossierStatus::ineligible)
    total += " (" + fill(words.total_ineligible_note, band) + ")";
  if (ctx.result.status == DossierStatus::incomplete)
    total += " (" + fill(words.total_incomplete_note, band) + ")";
  if (ctx.result.status == DossierStatus::not_assessed)
    total += " (" + fill(words.total_not_assessed_note, band) + ")";
  return label(ctx, words.total) + total;
}

std::string decision_line(const Context& ctx) {
  std::string decision = text(decision_label(ctx.result, ctx.language));
  if (ctx.result.status == DossierStatus::incomplete)
    decision += " — " + text(ctx.words.incomplete_text);
  if (ctx.result.status == DossierStatus::not_assessed)
    decision += " — " + text(ctx.words.not_assessed_text);
  return label(ctx, ctx.words.decision) + decision;
}

}  // namespace

void verdict(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  const DossierResult& r = ctx.result;
  w.heading(2, words.verdict);
  w.bullets({total_line(ctx), decision_line(ctx)});
  if (r.status == DossierStatus::ineligible) {
    w.paragraph(text(words.eliminatory_heading));
    w.bullets(failure_lines(ctx, true));
  }
  if (!r.missing.empty()) {
    std::vector<std::string> lines;
    for (std::size_t i : r.missing) {
      const CriterionResult& c = r.criteria[i];
      lines.push_back(strong(title_of(*c.criterion)) +
                      (ctx.language == Language::fr ? " : " : ": ") + missing_reason(ctx, c));
    }
    w.paragraph(text(words.missing_heading));
    w.bullets(lines);
  }
  std::vector<std::string> alerts = failure_lines(ctx, false);
  if (!alerts.empty()) {
    w.paragraph(text(words.alerts_heading));
    w.bullets(alerts);
  }
  if (r.assessors_straddle_band)
    w.paragraph(text(words.straddle_text) + " " + text(words.straddle_see));
}

namespace {

std::string minimum_cell(const Context& ctx, const CriterionResult& r) {
  if (!r.criterion->minimum) return {};
  std::string min = r.is_leaf() ? scale_value(ctx, *r.criterion, *r.criterion->minimum)
                                : ctx.numbers.quantity(*r.criterion->minimum);
  return cell(min) + (r.below_minimum ? " " + std::string(ctx.words.below_minimum_mark) : "");
}

std::string score_cell(const Context& ctx, const CriterionResult& r) {
  std::string s = score100(ctx, r.s);
  if (r.below_minimum) s += " " + std::string(ctx.words.below_minimum_mark);
  return s;
}

std::string weight_cell(const Context& ctx, const CriterionResult& r) {
  return r.status == CriterionStatus::scored ? percent(ctx, r.effective_weight) : "—";
}

}  // namespace

void axes(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  w.heading(2, words.axes_heading);
  std::vector<Row> rows;
  for (std::size_t i : ctx.result.axes) {
    const CriterionResult& r = ctx.result.criteria[i];
    rows.push_back({cell(title_of(*r.criterion)), score_cell(ctx, r), weight_cell(ctx, r),
                    minimum_cell(ctx, r), r.s ? bar(*r.s) : ""});
  }
  w.table({{std::string(words.axis), Align::left, wide},
           {std::string(words.score), Align::right},
           {std::string(words.effective_weight), Align::right},
           {std::string(words.minimum), Align::right},
           {std::string(words.profile)}},
          rows);
}

namespace {

std::string level_cell(const Context& ctx, const CriterionResult& r) {
  switch (r.status) {
    case CriterionStatus::scored:
      return r.value ? cell(scale_value(ctx, *r.criterion, *r.value)) : "";
    case CriterionStatus::na:
      return cell(ctx.words.na_short);
    case CriterionStatus::missing:
      return cell(ctx.words.missing_short);
  }
  return {};
}

std::string evidence_cell(const Context& ctx, const CriterionResult& r) {
  if (!r.criterion->from.empty())
    return fill(ctx.words.computed_from, fmt::arg("fact", r.criterion->from));
  std::string colon = ctx.language == Language::fr ? " : " : ": ";
  std::vector<std::string> parts;
  for (const auto& s : r.counted) {
    if (!s.entry || s.entry->evidence.empty()) continue;
    const Assessment& a = ctx.dossier.assessments[s.assessment];
    parts.push_back(cell(a.assessor) + colon + cell(s.entry->evidence));
  }
  if (r.consensus && !r.consensus->note.empty())
    parts.push_back(cell(ctx.words.consensus_evidence) + colon + cell(r.consensus->note));
  std::string sep = ctx.language == Language::fr ? " ; " : "; ";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

Row criterion_row(const Context& ctx, const CriterionResult& r) {
  std::string name = cell(title_of(*r.criterion));
  if (!r.is_leaf() && !name.empty()) name = "**" + name + "**";
  if (r.omission()) name += " (" + md_cell(omitted_by_text(ctx, r)) + ")";  // §1.2: never silent
  Row row{name, r.is_leaf() ? level_cell(ctx, r) : "", score_cell(ctx, r),
          ctx.numbers.quantity(r.weight), weight_cell(ctx, r)};
  if (!r.is_leaf()) {
    row.resize(9);
    return row;
  }
  const Criterion& c = *r.criterion;
  row.push_back(r.target ? cell(scale_value(ctx, c, *r.target)) : "");
  row.push_back(r.gap ? cell(scale_gap(ctx, c, *r.gap)) : "");
  row.push_back(r.points_to_gain ? ctx.numbers.score(*r.points_to_gain) : "");
  row.push_back(evidence_cell(ctx, r));
  return row;
}

}  // namespace

void criteria(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  w.heading(2, words.criteria_heading);
  std::vector<Row> rows;
  for (const auto& r : ctx.result.criteria) rows.push_back(criterion_row(ctx, r));
  w.table({{std::string(words.criterion), Align::left, wide},
           {std::string(words.level_or_value)},
           {std::string(words.score), Align::right},
           {std::string(words.weight), Align::right},
           {std::string(words.effective_weight), Align::right},
           {std::string(words.target)},
           {std::string(words.gap), Align::right},
           {std::string(words.points_to_gain), Align::right},
           {std::string(words.evidence), Align::left, widest}},
          rows);
  w.paragraph(text(fill(words.criteria_legend, fmt::arg("mark", words.below_minimum_mark))));
}

}  // namespace md

std::string render_markdown(const DossierResult& result, const ReportOptions& options) {
  md::Context ctx{result,           *result.dossier,  *result.grid, report_words(options.language),
                  options.language, options.numbers()};
  md::Writer w;
  md::header(ctx, w);
  md::verdict(ctx, w);
  md::axes(ctx, w);
  md::criteria(ctx, w);
  md::support(ctx, w);
  md::assessors(ctx, w);
  md::na_and_missing(ctx, w);
  md::facts(ctx, w);
  return std::move(w).finish();
}

std::string markdown_separator() {
  return "\n---\n\n";
}

}  // namespace ess
