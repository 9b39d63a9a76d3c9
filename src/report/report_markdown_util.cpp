// The Markdown writer and the ways the report shows numbers, values and reasons.
#include <algorithm>

#include "ess/core/scale.hpp"
#include "ess/model/format.hpp"
#include "report_md.hpp"

namespace ess::md {

void Writer::block_start() {
  if (!out_.empty()) out_ += '\n';
}

void Writer::heading(int level, std::string_view plain) {
  block_start();
  out_ += std::string(static_cast<std::size_t>(level), '#');
  out_ += ' ';
  out_ += text(plain);
  out_ += '\n';
}

void Writer::paragraph(std::string_view markdown) {
  block_start();
  out_ += markdown;
  out_ += '\n';
}

void Writer::bullets(const std::vector<std::string>& items) {
  if (items.empty()) return;
  block_start();
  for (const auto& item : items) out_ += "- " + item + "\n";
}

void Writer::table(const std::vector<Column>& columns, const std::vector<Row>& rows) {
  block_start();
  std::string head = "|", rule = "|";
  for (const auto& c : columns) {
    head += " " + cell(c.title) + " |";
    int width = c.width > 0 ? c.width : c.align == Align::right ? narrow : medium;
    std::string dashes(static_cast<std::size_t>(std::max(width, 3)), '-');
    rule += c.align == Align::right ? dashes.substr(1) + ":|" : dashes + "|";
  }
  out_ += head + "\n" + rule + "\n";
  for (const auto& row : rows) {
    std::string line = "|";
    for (std::size_t i = 0; i < columns.size(); ++i)
      line += " " + (i < row.size() ? row[i] : std::string()) + " |";
    out_ += line + "\n";
  }
}

std::string Writer::finish() && {
  return std::move(out_);
}

std::string text(std::string_view plain) {
  return md_text(plain);
}
std::string cell(std::string_view plain) {
  return md_cell(md_text(plain));
}
std::string code(std::string_view id) {
  return "`" + std::string(id) + "`";
}
std::string strong(std::string_view plain) {
  std::string t = text(plain);
  return t.empty() ? t : "**" + t + "**";
}

std::string title_of(const Criterion& c) {
  return c.title.empty() ? c.id : c.title;
}

std::string score100(const Context& ctx, const std::optional<double>& s) {
  return s ? ctx.numbers.score(100 * *s) : "—";
}

std::string signed_score100(const Context& ctx, double s) {
  return ctx.numbers.signed_score(100 * s);
}

std::string percent(const Context& ctx, double fraction) {
  return ctx.numbers.percent(fraction);
}

std::string bar(double s) {
  int filled = std::clamp(std::stoi(format_fixed(10 * s, 0)), 0, 10);
  std::string out;
  for (int i = 0; i < 10; ++i) out += i < filled ? "█" : "░";
  return out;
}

namespace {

std::string with_unit(const Context& ctx, const Scale& scale, double value) {
  return ctx.numbers.with_unit(value, scale.unit);
}

std::string yes_no(const Context& ctx, double value) {
  if (value == 1) return std::string(ctx.words.yes);
  if (value == 0) return std::string(ctx.words.no);
  return ctx.numbers.quantity(value);
}

}  // namespace

std::string scale_value(const Context& ctx, const Criterion& leaf, double value) {
  const Scale& scale = scale_of(ctx.grid, leaf);
  switch (scale.type) {
    case ScaleType::levels: {
      std::string label = value_label(scale, value);
      std::string number = ctx.numbers.quantity(value);
      return label.empty() ? number : label + " (" + number + ")";
    }
    case ScaleType::yesno:
      return yes_no(ctx, value);
    case ScaleType::numeric:
      return with_unit(ctx, scale, value);
  }
  return ctx.numbers.quantity(value);
}

std::string scale_number(const Context& ctx, const Criterion& leaf, double value) {
  const Scale& scale = scale_of(ctx.grid, leaf);
  if (scale.type == ScaleType::levels) return ctx.numbers.quantity(value);
  return scale_value(ctx, leaf, value);
}

std::string scale_gap(const Context& ctx, const Criterion& leaf, double gap) {
  if (gap == 0) return "0";
  const Scale& scale = scale_of(ctx.grid, leaf);
  if (scale.type == ScaleType::numeric) return with_unit(ctx, scale, gap);
  return ctx.numbers.quantity(gap);
}

const AssessorScore* score_by(const CriterionResult& r, std::size_t assessment) {
  for (const auto* list : {&r.counted, &r.self})
    for (const auto& s : *list)
      if (s.assessment == assessment) return &s;
  return nullptr;
}

namespace {

const FactValue* fact_value(const Context& ctx, const std::string& id) {
  for (std::size_t i = 0; i < ctx.grid.facts.size() && i < ctx.result.facts.size(); ++i)
    if (ctx.grid.facts[i].id == id) return &ctx.result.facts[i];
  return nullptr;
}

}  // namespace

// The first cause: a derived fact is undefined because of an operand, and so on down.
std::string fact_reason(const Context& ctx, const std::string& fact) {
  const ReportWords& w = ctx.words;
  const FactValue* v = fact_value(ctx, fact);
  if (!v) return {};
  if (v->value)
    return fill(w.fact_out_of_bounds, fmt::arg("fact", fact),
                fmt::arg("value", ctx.numbers.quantity(*v->value)));
  FactCause cause = first_cause(ctx.grid, ctx.result.facts, fact);
  auto f = fmt::arg("fact", cause.fact);
  auto op = fmt::arg("operand", cause.operand);
  switch (cause.why) {
    case FactValue::Why::not_given:
      return cause.fact == fact
                 ? fill(w.fact_not_given, fmt::arg("root", cause.fact))
                 : fill(w.fact_not_given_for, fmt::arg("root", cause.fact), fmt::arg("fact", fact));
    case FactValue::Why::zero_denominator:
      return fill(w.fact_zero_denominator, f, op);
    case FactValue::Why::no_total:
      return fill(w.fact_no_total, f);
    case FactValue::Why::negative_amount:
      return fill(w.fact_negative, f, op);
    case FactValue::Why::overflow:
    case FactValue::Why::undefined_operand:
    case FactValue::Why::defined:
      break;
  }
  return fill(w.fact_overflow, f);
}

std::string assessor_title(const Context& ctx, const Assessment& a) {
  if (a.role == Role::analyst) return a.assessor;
  return a.assessor + " (" + std::string(role_label(a.role, ctx.language)) + ")";
}

std::string omitted_by_text(const Context& ctx, const CriterionResult& r) {
  std::vector<std::string> names;
  for (std::size_t a : r.omitted_by)
    names.push_back(text(assessor_title(ctx, ctx.dossier.assessments[a])));
  return fill(ctx.words.not_scored_by, fmt::arg("assessors", fmt::join(names, ", ")));
}

std::string missing_reason(const Context& ctx, const CriterionResult& r) {
  const Criterion& c = *r.criterion;
  if (!c.from.empty()) return fact_reason(ctx, c.from);
  if (r.omitted_by.empty()) return std::string(ctx.words.no_assessment);
  return omitted_by_text(ctx, r);
}

}  // namespace ess::md
