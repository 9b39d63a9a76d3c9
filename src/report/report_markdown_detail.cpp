// The report's later sections: assessors side by side, N/A and missing criteria, facts and
// the resource mix (found through the grid's fact operations, never by fact name).
#include <numeric>

#include "ess/core/assessor_views.hpp"
#include "ess/model/format.hpp"
#include "ess/model/shares.hpp"
#include "report_md.hpp"

namespace ess::md {

namespace {

std::string colon(const Context& ctx) {
  return ctx.language == Language::fr ? " : " : ": ";
}

std::string joined(const Context& ctx, const std::vector<std::string>& parts) {
  std::string sep = ctx.language == Language::fr ? " ; " : "; ";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string raw_cell(const Context& ctx, const CriterionResult& r, std::size_t assessment) {
  const AssessorScore* s = score_by(r, assessment);
  if (!s) return cell(ctx.words.not_scored_short);
  if (s->na) return cell(ctx.words.na_short);
  return cell(scale_number(ctx, *r.criterion, s->value));
}

std::string flags_cell(const Context& ctx, const CriterionResult& r) {
  std::vector<std::string> flags;
  if (r.disagreement) flags.push_back(cell(ctx.words.flag_disagreement));
  if (r.straddles_band) flags.push_back(cell(ctx.words.flag_straddles));
  if (r.partial_na) flags.push_back(cell(ctx.words.flag_partial_na));
  if (r.omission()) flags.push_back(cell(ctx.words.flag_omitted));
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : ", ") + f;
  return out;
}

Row assessor_row(const Context& ctx, const CriterionResult& r) {
  const Criterion& c = *r.criterion;
  Row row{cell(title_of(c))};
  for (std::size_t a = 0; a < ctx.dossier.assessments.size(); ++a)
    row.push_back(raw_cell(ctx, r, a));
  row.push_back(r.consolidated ? cell(scale_number(ctx, c, *r.consolidated)) : "—");
  row.push_back(r.consensus ? cell(scale_number(ctx, c, r.consensus->value)) : "");
  row.push_back(r.spread ? score100(ctx, *r.spread) : "");
  row.push_back(r.self_gap ? signed_score100(ctx, *r.self_gap) : "");
  row.push_back(flags_cell(ctx, r));
  return row;
}

std::vector<Column> assessor_columns(const Context& ctx) {
  const ReportWords& words = ctx.words;
  std::vector<Column> columns{{std::string(words.criterion), Align::left, wide}};
  for (const auto& a : ctx.dossier.assessments)
    columns.push_back({assessor_title(ctx, a), Align::right});
  columns.push_back({std::string(words.consolidated), Align::right});
  columns.push_back({std::string(words.consensus), Align::right});
  columns.push_back({std::string(words.spread), Align::right});
  columns.push_back({std::string(words.self_gap), Align::right});
  columns.push_back({std::string(words.flags)});
  return columns;
}

std::vector<std::string> consensus_lines(const Context& ctx) {
  std::vector<std::string> lines;
  for (const auto& r : ctx.result.criteria) {
    if (!r.consensus) continue;
    const Criterion& c = *r.criterion;
    std::string line = fill(
        ctx.words.consensus_line, fmt::arg("criterion", strong(title_of(c))),
        fmt::arg("value", text(scale_value(ctx, c, r.consensus->value))),
        fmt::arg("consolidated", text(r.consolidated ? scale_value(ctx, c, *r.consolidated) : "—")),
        fmt::arg("stat", statistic_label(ctx.result.consolidation, ctx.language)));
    if (!r.consensus->note.empty()) line += " — " + text(quoted(r.consensus->note, ctx.language));
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> comment_lines(const Context& ctx) {
  std::vector<std::string> lines;
  for (const auto& r : ctx.result.criteria) {
    if (!r.is_leaf()) continue;
    for (const auto& a : ctx.dossier.assessments)
      for (const auto& e : a.scores)
        if (e.criterion == r.criterion->id && !e.comment.empty())
          lines.push_back(strong(title_of(*r.criterion)) + ", " + text(a.assessor) + colon(ctx) +
                          text(quoted(e.comment, ctx.language)));
  }
  return lines;
}

std::string band_cell(const Context& ctx, std::optional<std::size_t> band) {
  if (!band || *band >= ctx.grid.decision.size()) return "—";
  return cell(ctx.grid.decision[*band].label);
}

// Each assessment's own total and the band it falls in (assessor_views), then the total used:
// what the straddling remark of the verdict points at.
void own_totals(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  std::vector<AssessorView> views = assessor_views(ctx.result);
  std::vector<Row> rows;
  for (std::size_t a = 0; a < ctx.dossier.assessments.size(); ++a) {
    const Assessment& assessment = ctx.dossier.assessments[a];
    const AssessorView* view = nullptr;
    for (const AssessorView& v : views)
      if (v.assessment == a) view = &v;
    bool total = view && view->total;
    rows.push_back({cell(assessment.assessor), cell(role_label(assessment.role, ctx.language)),
                    cell(assessment.date), total ? ctx.numbers.score(*view->total) : "—",
                    total ? band_cell(ctx, view->band) : "—"});
  }
  rows.push_back({"**" + cell(words.total_used) + "**", "", "", ctx.numbers.score(ctx.result.total),
                  band_cell(ctx, ctx.result.band)});
  w.table({{std::string(words.assessor)},
           {std::string(words.role)},
           {std::string(words.date)},
           {std::string(words.own_total), Align::right},
           {std::string(words.own_band)}},
          rows);
  w.paragraph(text(words.own_totals_legend));
  if (ctx.result.assessors_straddle_band) w.paragraph(text(words.straddle_text));
}

}  // namespace

void assessors(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  w.heading(2, words.assessors_heading);
  own_totals(ctx, w);
  std::vector<Row> rows;
  for (const auto& r : ctx.result.criteria)
    if (r.is_leaf() && r.criterion->from.empty()) rows.push_back(assessor_row(ctx, r));
  if (rows.empty()) {
    w.paragraph(text(words.no_assessed_criterion));
  } else {
    w.table(assessor_columns(ctx), rows);
    w.paragraph(
        text(fill(words.assessors_legend,
                  fmt::arg("threshold", ctx.numbers.quantity(100 * ctx.grid.disagreement)))));
  }
  std::vector<std::string> consensus = consensus_lines(ctx);
  if (!consensus.empty()) {
    w.paragraph(text(words.consensus_heading));
    w.bullets(consensus);
  }
  std::vector<std::string> comments = comment_lines(ctx);
  if (!comments.empty()) {
    w.paragraph(text(words.comments_heading));
    w.bullets(comments);
  }
}

namespace {

std::string na_reasons(const Context& ctx, const CriterionResult& r) {
  std::vector<std::string> parts;
  for (const auto& s : r.counted) {
    if (!s.na || !s.entry) continue;
    const Assessment& a = ctx.dossier.assessments[s.assessment];
    parts.push_back(cell(a.assessor) + colon(ctx) + cell(quoted(s.entry->na_reason, ctx.language)));
  }
  return joined(ctx, parts);
}

std::optional<Row> na_row(const Context& ctx, const CriterionResult& r) {
  const ReportWords& words = ctx.words;
  std::string status, reason, moved = "—";
  if (r.status == CriterionStatus::na) {
    status = cell(words.status_na);
    reason = na_reasons(ctx, r);
    if (r.points_moved) moved = ctx.numbers.score(*r.points_moved);
  } else if (r.status == CriterionStatus::missing) {
    status = cell(words.status_missing);
    reason = md_cell(missing_reason(ctx, r));
  } else if (r.partial_na) {
    status = cell(words.status_partial_na);
    reason = na_reasons(ctx, r);
  } else if (r.omission()) {
    status = cell(words.status_omitted);
  } else {
    return std::nullopt;
  }
  // Who left it out, whatever else it is: an omission is never silent (§1.2).
  if (r.omission()) {
    std::string who =
        r.status == CriterionStatus::scored
            ? fill(words.omitted_reason, fmt::arg("assessors", omitted_by_text(ctx, r)))
            : omitted_by_text(ctx, r);
    reason = joined(ctx, reason.empty() ? std::vector<std::string>{md_cell(who)}
                                        : std::vector<std::string>{reason, md_cell(who)});
  }
  return Row{cell(title_of(*r.criterion)), status, reason, percent(ctx, r.nominal_effective_weight),
             moved};
}

}  // namespace

void na_and_missing(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  w.heading(2, words.na_heading);
  std::vector<Row> rows;
  for (const auto& r : ctx.result.criteria)
    if (r.is_leaf())
      if (auto row = na_row(ctx, r)) rows.push_back(*row);
  if (rows.empty()) {
    w.paragraph(text(words.na_none));
    return;
  }
  w.table({{std::string(words.criterion), Align::left, wide},
           {std::string(words.status)},
           {std::string(words.reason), Align::left, wide},
           {std::string(words.nominal_weight), Align::right},
           {std::string(words.points_moved), Align::right}},
          rows);
  w.paragraph(text(words.na_legend));
}

namespace {

std::string fact_name(const Fact& f) {
  return f.title.empty() ? code(f.id) : cell(f.title) + " (" + code(f.id) + ")";
}

std::string origin(const Context& ctx, const Fact& f) {
  const ReportWords& words = ctx.words;
  std::vector<std::string> ids;
  for (const auto& op : f.operands) ids.push_back(code(op));
  auto list = [&](std::string_view sep) { return fmt::format("{}", fmt::join(ids, sep)); };
  switch (f.op) {
    case FactOp::declared:
      return cell(words.origin_declared);
    case FactOp::constant:
      return cell(words.origin_constant);
    case FactOp::sum:
      return fill(words.origin_sum, fmt::arg("operands", list(" + ")));
    case FactOp::product:
      return fill(words.origin_product, fmt::arg("operands", list(" × ")));
    case FactOp::ratio:
      return fill(words.origin_ratio, fmt::arg("operands", list(" / ")));
    case FactOp::diversity:
      return fill(words.origin_diversity, fmt::arg("operands", list(", ")));
  }
  return {};
}

const Fact* find_fact(const Context& ctx, const std::string& id, std::optional<double>& value) {
  for (std::size_t i = 0; i < ctx.grid.facts.size() && i < ctx.result.facts.size(); ++i)
    if (ctx.grid.facts[i].id == id) {
      value = ctx.result.facts[i].value;
      return &ctx.grid.facts[i];
    }
  return nullptr;
}

std::string amount(const Context& ctx, const Fact& f, double value) {
  return ctx.numbers.with_unit(value, f.unit);
}

std::string fact_title(const Fact& f) {
  return f.title.empty() ? f.id : f.title;
}

// The shares of a diversity fact's operands: the resource mix the index is computed from.
void mix_table(const Context& ctx, const Fact& diversity, Writer& w) {
  const ReportWords& words = ctx.words;
  std::vector<std::pair<const Fact*, double>> parts;
  for (const auto& op : diversity.operands) {
    std::optional<double> v;
    const Fact* f = find_fact(ctx, op, v);
    if (!f || !v) return;
    parts.emplace_back(f, *v);
  }
  double total = std::accumulate(parts.begin(), parts.end(), 0.0,
                                 [](double sum, const auto& p) { return sum + p.second; });
  if (total <= 0) return;
  std::vector<double> amounts;
  for (const auto& part : parts) amounts.push_back(part.second);
  std::vector<double> shares = rounded_shares(amounts);  // they add up to 100 %
  std::vector<Row> rows;
  for (std::size_t i = 0; i < parts.size(); ++i)
    rows.push_back({cell(fact_title(*parts[i].first)),
                    cell(amount(ctx, *parts[i].first, amounts[i])), percent(ctx, shares[i])});
  rows.push_back({"**" + cell(words.total) + "**", cell(amount(ctx, *parts.front().first, total)),
                  percent(ctx, 1)});
  w.table({{std::string(words.resource), Align::left, wide},
           {std::string(words.amount), Align::right},
           {std::string(words.share), Align::right}},
          rows);
}

std::string product_line(const Context& ctx, const Fact& f, double value) {
  std::vector<std::string> terms;
  for (const auto& op : f.operands) {
    std::optional<double> v;
    const Fact* operand = find_fact(ctx, op, v);
    if (!operand || !v) return {};
    terms.push_back(text(amount(ctx, *operand, *v)));
  }
  std::string title = f.title.empty() ? std::string(ctx.words.valued_volunteering) : f.title;
  return strong(title) + colon(ctx) + fmt::format("{}", fmt::join(terms, " × ")) + " = " +
         text(amount(ctx, f, value));
}

std::vector<std::string> mix_lines(const Context& ctx) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < ctx.grid.facts.size() && i < ctx.result.facts.size(); ++i) {
    const Fact& f = ctx.grid.facts[i];
    const auto& v = ctx.result.facts[i].value;
    bool mix = f.op == FactOp::product || f.op == FactOp::diversity || f.op == FactOp::ratio;
    if (!v) {
      if (mix)
        lines.push_back(strong(fact_title(f)) + colon(ctx) + text(ctx.words.undefined) + " (" +
                        fact_reason(ctx, f.id) + ")");
      continue;
    }
    if (f.op == FactOp::product) {
      std::string line = product_line(ctx, f, *v);
      if (!line.empty()) lines.push_back(line);
    } else if (f.op == FactOp::diversity && !f.operands.empty()) {
      double n = static_cast<double>(f.operands.size());
      lines.push_back(fill(ctx.words.diversity_line, fmt::arg("title", strong(fact_title(f))),
                           fmt::arg("value", ctx.numbers.quantity(*v)),
                           fmt::arg("max", ctx.numbers.quantity(1 - 1 / n)),
                           fmt::arg("count", f.operands.size())));
    } else if (f.op == FactOp::ratio) {
      lines.push_back(strong(fact_title(f)) + colon(ctx) + percent(ctx, *v));
    }
  }
  return lines;
}

}  // namespace

void facts(const Context& ctx, Writer& w) {
  const ReportWords& words = ctx.words;
  if (ctx.grid.facts.empty()) return;
  w.heading(2, words.facts_heading);
  std::vector<Row> rows;
  for (std::size_t i = 0; i < ctx.grid.facts.size() && i < ctx.result.facts.size(); ++i) {
    const Fact& f = ctx.grid.facts[i];
    const auto& v = ctx.result.facts[i].value;
    rows.push_back(
        {fact_name(f), v ? cell(amount(ctx, f, *v)) : cell(words.undefined), origin(ctx, f)});
  }
  w.table({{std::string(words.fact), Align::left, wide},
           {std::string(words.value), Align::right},
           {std::string(words.origin), Align::left, wide}},
          rows);
  std::vector<std::string> lines = mix_lines(ctx);
  bool has_diversity = false;
  for (const auto& f : ctx.grid.facts) has_diversity = has_diversity || f.op == FactOp::diversity;
  if (lines.empty() && !has_diversity) return;
  w.heading(3, words.mix_heading);
  for (const auto& f : ctx.grid.facts)
    if (f.op == FactOp::diversity) mix_table(ctx, f, w);
  w.bullets(lines);
}

}  // namespace ess::md
