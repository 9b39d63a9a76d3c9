// One page per dossier in the committee's pack: who and what, the verdict, the profile chart
// (axes against their minimums, every assessor's own value and the self-assessment as marks),
// the resource mix, strengths, weaknesses and the path to the next band.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "doc_values.hpp"
#include "ess/core/assessor_views.hpp"
#include "ess/model/shares.hpp"
#include "ess/report/i18n.hpp"
#include "pack_context.hpp"

namespace ess::pack {

namespace {

using doc::Inline;

std::string sep(const Ctx& ctx) {
  return ctx.lang == Language::fr ? " : " : ": ";
}

std::string marker_label(const Ctx& ctx, const Assessment& a) {
  if (a.role == Role::analyst) return a.assessor;
  return a.assessor + " (" + std::string(role_label(a.role, ctx.lang)) + ")";
}

ProfileAxis axis_of(const Ctx& ctx, const std::string& label, std::optional<double> score,
                    std::optional<double> minimum) {
  ProfileAxis a;
  a.label = label;
  a.score = score;
  a.minimum = minimum;
  a.score_text = score ? ctx.score(*score) : "—";
  return a;
}

ProfileChart profile_chart(const Ctx& ctx, const DossierResult& result,
                           const std::vector<AssessorView>& views) {
  ProfileChart c;
  c.id = doc::anchor_for("profile-", result.dossier->id);
  for (std::size_t k = 0; k < result.axes.size(); ++k) {
    const CriterionResult& r = result.criteria[result.axes[k]];
    auto s = r.s ? std::optional<double>(100 * *r.s) : std::nullopt;
    ProfileAxis a = axis_of(ctx, doc::title_of(*r.criterion), s, r.criterion->minimum);
    for (const auto& v : views) a.marks.push_back(k < v.axes.size() ? v.axes[k] : std::nullopt);
    c.axes.push_back(std::move(a));
  }
  ProfileAxis total = axis_of(ctx, std::string(ctx.w.total), result.total, std::nullopt);
  for (const auto& v : views) total.marks.push_back(v.total);
  c.total = std::move(total);
  for (const Band& b : ctx.grid.decision)
    if (b.min > 0) c.bands.push_back({b.min, b.label + " " + ctx.quantity(b.min)});
  for (const auto& v : views) {
    const Assessment& a = result.dossier->assessments[v.assessment];
    c.markers.push_back({marker_label(ctx, a), a.role == Role::self});
  }
  c.score_legend = std::string(ctx.w.legend_score);
  c.minimum_legend = std::string(ctx.w.legend_minimum);
  c.bands_legend = std::string(ctx.w.legend_bands);
  return c;
}

doc::Table profile_table(const Ctx& ctx, const ProfileChart& c) {
  doc::Table t{"",
               {{std::string(ctx.w.axis)},
                {std::string(ctx.w.retained), true},
                {std::string(ctx.w.minimum), true}},
               {}};
  for (const auto& m : c.markers)
    t.columns.push_back({m.self ? std::string(ctx.w.self_column) : m.label, true});
  auto row = [&](const ProfileAxis& a, bool bold) {
    doc::TableRow r{{bold ? doc::strong(a.label) : doc::plain(a.label), doc::plain(a.score_text),
                     doc::plain(a.minimum ? ctx.quantity(*a.minimum) : "")}};
    for (const auto& m : a.marks) r.cells.push_back(doc::plain(m ? ctx.score(*m) : "—"));
    t.rows.push_back(std::move(r));
  };
  for (const auto& a : c.axes) row(a, false);
  if (c.total) row(*c.total, true);
  return t;
}

doc::Figure profile_figure(const Ctx& ctx, const DossierResult& result) {
  auto views = assessor_views(result);
  ProfileChart c = profile_chart(ctx, result, views);
  std::string desc = fill(ctx.w.profile_desc, fmt::arg("total", ctx.score(result.total)),
                          fmt::arg("count", views.size()));
  c.text = {fill(ctx.w.profile_caption, fmt::arg("dossier", result.dossier->id)), desc};
  return {svg_profile(c), std::string(ctx.w.profile_heading), profile_table(ctx, c), ""};
}

void verdict_lines(Ctx& ctx, const DossierResult& result, const RankRow& row) {
  const Dossier& d = *result.dossier;
  const PackWords& w = ctx.w;
  std::vector<std::string> who;
  auto add = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) who.push_back(std::string(label) + sep(ctx) + value);
  };
  add(w.applicant, d.applicant);
  add(w.territory, d.territory);
  add(w.theme, d.theme);
  add(w.requested, d.requested ? ctx.amount(*d.requested) : "");
  std::string line;
  for (const auto& p : who) line += (line.empty() ? "" : " · ") + p;
  if (!line.empty()) ctx.out.paragraph(doc::plain(line));
  std::string verdict = std::string(w.total) + sep(ctx) + ctx.score(result.total) + " / 100 · " +
                        std::string(w.decision) + sep(ctx) + ctx.quoted(ctx.decision_of(row));
  if (row.rank) verdict += " · " + std::string(w.rank) + sep(ctx) + std::to_string(*row.rank);
  if (ctx.call.funding.budget)
    verdict += " · " + std::string(row.funded ? w.funded_yes : w.funded_no);
  ctx.out.paragraph(doc::strong(verdict));
}

std::string value(const Ctx& ctx, const CriterionResult& r, std::optional<double> v) {
  return v ? doc::value_text(ctx.grid, *r.criterion, *v, ctx.numbers) : "—";
}

std::vector<Inline> strengths(const Ctx& ctx, const DossierResult& result) {
  std::vector<Inline> items;
  for (std::size_t i : doc::strengths(result)) {
    const CriterionResult& r = result.criteria[i];
    items.push_back(doc::strong(doc::title_of(*r.criterion)) +
                    doc::plain(sep(ctx) + value(ctx, r, r.value)));
  }
  return items;
}

std::vector<Inline> weaknesses(const Ctx& ctx, const DossierResult& result) {
  std::vector<Inline> items;
  auto add = [&](const CriterionResult& r, const std::string& detail) {
    items.push_back(doc::strong(doc::title_of(*r.criterion)) + doc::plain(sep(ctx) + detail));
  };
  for (std::size_t i : result.threshold_failures) {
    const CriterionResult& r = result.criteria[i];
    const Criterion& c = *r.criterion;
    std::string now = r.is_leaf() ? value(ctx, r, r.value) : (r.s ? ctx.score(100 * *r.s) : "—");
    std::string min = r.is_leaf() ? value(ctx, r, c.minimum) : ctx.quantity(c.minimum.value_or(0));
    add(r, fill(r.eliminatory_failure ? ctx.w.weak_eliminatory : ctx.w.weak_alert,
                fmt::arg("value", now), fmt::arg("minimum", min)));
  }
  for (std::size_t i : result.missing) add(result.criteria[i], std::string(ctx.w.weak_missing));
  std::size_t shown = 0;
  for (std::size_t i : doc::gaps(result)) {
    if (shown++ == 4) break;
    const CriterionResult& r = result.criteria[i];
    add(r, fill(ctx.w.weak_gap, fmt::arg("value", value(ctx, r, r.value)),
                fmt::arg("target", value(ctx, r, r.target)),
                fmt::arg("points", ctx.score(*r.points_to_gain))));
  }
  // Last: not a weakness, but the committee should know what was not counted.
  for (std::size_t i : result.na) add(result.criteria[i], std::string(ctx.w.weak_na));
  return items;
}

void path(Ctx& ctx, const DossierResult& result) {
  const PackWords& w = ctx.w;
  ctx.out.heading(3, doc::plain(std::string(w.path_heading)));
  if (result.status == DossierStatus::ineligible) {
    ctx.out.paragraph(doc::plain(std::string(w.path_ineligible)));
    return;
  }
  const PathToNextBand& p = result.path;
  if (!p.next_band) {
    ctx.out.paragraph(doc::plain(
        fill(w.path_top, fmt::arg("band", ctx.quoted(ctx.grid.decision[*result.band].label)))));
    return;
  }
  const Band& next = ctx.grid.decision[*p.next_band];
  auto band = ctx.quoted(next.label);
  if (p.steps.empty()) {
    ctx.out.paragraph(doc::plain(fill(w.path_none, fmt::arg("next", band))));
    return;
  }
  std::vector<Inline> steps;
  for (const PathStep& s : p.steps) {
    const CriterionResult& r = result.criteria[s.criterion];
    steps.push_back(
        doc::strong(doc::title_of(*r.criterion)) +
        doc::plain(sep(ctx) + fill(w.path_step, fmt::arg("from", value(ctx, r, r.value)),
                                   fmt::arg("to", value(ctx, r, r.target)),
                                   fmt::arg("points", ctx.score(s.points_to_gain)))));
  }
  ctx.out.numbered(steps);
  std::string total = ctx.score(p.steps.back().total_after);
  ctx.out.paragraph(
      doc::plain(fill(p.reachable ? w.path_reached : w.path_out_of_reach, fmt::arg("total", total),
                      fmt::arg("next", band), fmt::arg("min", ctx.quantity(next.min)))));
}

void disagreements(Ctx& ctx, const DossierResult& result) {
  std::vector<Inline> items;
  for (const CriterionResult& r : result.criteria) {
    if (!r.is_leaf() || !(r.disagreement || r.straddles_band)) continue;
    std::string values;
    for (const AssessorScore& s : r.counted) {
      std::string v = s.na ? std::string(ctx.w.na)
                           : doc::value_text(ctx.grid, *r.criterion, s.value, ctx.numbers);
      values += (values.empty() ? "" : ", ") + result.dossier->assessments[s.assessment].assessor +
                " " + v;
    }
    if (r.consensus)
      values +=
          " ; " + fill(ctx.w.consensus_value, fmt::arg("value", value(ctx, r, r.consensus->value)));
    items.push_back(doc::strong(doc::title_of(*r.criterion)) + doc::plain(sep(ctx) + values));
  }
  if (items.empty()) return;
  ctx.out.heading(3, doc::plain(std::string(ctx.w.disagreements_heading)));
  ctx.out.bullets(items);
}

std::vector<std::optional<double>> fact_values(const DossierResult& result) {
  std::vector<std::optional<double>> out;
  for (const auto& f : result.facts) out.push_back(f.value);
  return out;
}

}  // namespace

void dossier_page(Ctx& ctx, const DossierResult& result, const RankRow& row) {
  const PackWords& w = ctx.w;
  const Dossier& d = *result.dossier;
  ctx.out.begin_part(dossier_anchor(d.id), true);
  ctx.out.heading(2, doc::plain(d.title.empty() ? d.id : d.id + " — " + d.title));
  verdict_lines(ctx, result, row);
  ctx.out.figure(profile_figure(ctx, result));
  if (auto mix = mix_figure(ctx, fact_values(result), doc::anchor_for("mix-", d.id), w.mix_heading))
    ctx.out.figure(*mix);
  ctx.out.begin_columns();
  ctx.out.heading(3, doc::plain(std::string(w.strengths_heading)));
  auto s = strengths(ctx, result);
  if (s.empty())
    ctx.out.paragraph(doc::plain(std::string(w.strengths_none)));
  else
    ctx.out.bullets(s);
  ctx.out.next_column();
  ctx.out.heading(3, doc::plain(std::string(w.weaknesses_heading)));
  auto weak = weaknesses(ctx, result);
  if (weak.empty())
    ctx.out.paragraph(doc::plain(std::string(w.weaknesses_none)));
  else
    ctx.out.bullets(weak);
  ctx.out.end_columns();
  path(ctx, result);
  disagreements(ctx, result);
  ctx.out.end_part();
}

std::optional<doc::Figure> mix_figure(const Ctx& ctx,
                                      const std::vector<std::optional<double>>& values,
                                      const std::string& id, std::string_view caption) {
  const Fact* diversity = nullptr;
  std::size_t diversity_index = 0;
  for (std::size_t i = 0; i < ctx.grid.facts.size(); ++i)
    if (ctx.grid.facts[i].op == FactOp::diversity && !diversity)
      diversity = &ctx.grid.facts[i], diversity_index = i;
  if (!diversity) return std::nullopt;
  std::vector<const Fact*> facts;
  std::vector<double> amounts;
  for (const auto& op : diversity->operands)
    for (std::size_t i = 0; i < ctx.grid.facts.size(); ++i)
      if (ctx.grid.facts[i].id == op) {
        if (i >= values.size() || !values[i] || *values[i] < 0) return std::nullopt;
        facts.push_back(&ctx.grid.facts[i]);
        amounts.push_back(*values[i]);
      }
  double total = std::accumulate(amounts.begin(), amounts.end(), 0.0);
  if (!(total > 0) || facts.size() != diversity->operands.size()) return std::nullopt;
  auto shares = rounded_shares(amounts);
  MixChart chart;
  chart.id = id;
  std::string sentence;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    std::string label = facts[i]->title.empty() ? facts[i]->id : facts[i]->title;
    chart.parts.push_back({label, amounts[i] / total, ctx.percent(shares[i])});
    sentence += (sentence.empty() ? "" : " ; ") + label + " " +
                ctx.numbers.with_unit(amounts[i], facts[i]->unit) + " (" + ctx.percent(shares[i]) +
                ")";
  }
  if (diversity_index < values.size() && values[diversity_index])
    sentence +=
        fill(ctx.w.mix_index, fmt::arg("index", ctx.numbers.fixed(*values[diversity_index], 2)));
  sentence = fill(ctx.w.mix_sentence, fmt::arg("list", sentence));
  chart.text = {std::string(caption), sentence};
  return doc::Figure{svg_resource_mix(chart), std::string(caption), {}, sentence};
}

}  // namespace ess::pack
