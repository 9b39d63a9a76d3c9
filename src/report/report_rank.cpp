// Reports of `rank` (§4): Markdown, CSV and JSON, each a pure function of a RankReport.
// Numbers and escaping come from format.hpp; the text goes out in chunks through a sink.
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "chunk_writer.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/rank_report.hpp"

namespace ess {

namespace {

using Writer = ChunkWriter;

std::string runtime(const char* text, auto&&... args) {
  return fmt::format(fmt::runtime(text), std::forward<decltype(args)>(args)...);
}

// Every row in report order (none without rows).
void each_row(const RankReport& report, const std::function<void(const RankRow&)>& fn) {
  if (report.rows) report.rows->for_each(fn);
}

// Stable tokens for CSV and JSON: what a script can match on.
std::vector<std::string> flag_tokens(const RankRow& row) {
  std::vector<std::string> out;
  if (row.flags & flag_self_only) out.emplace_back("self-only");
  if (row.flags & flag_disagreement) out.emplace_back("disagreement");
  if (row.flags & flag_split_decision) out.emplace_back("split-decision");
  if (row.flags & flag_partial_na) out.emplace_back("partial-na");
  for (const auto& id : row.eliminatory) out.push_back("eliminatory:" + id);
  for (const auto& id : row.missing) out.push_back("missing:" + id);
  for (const auto& id : row.below_minimum) out.push_back("below-minimum:" + id);
  for (const auto& id : row.na) out.push_back("na:" + id);
  if (row.would_fit) out.emplace_back("would-fit");
  return out;
}

// ---------------------------------------------------------------- Markdown

std::string md(std::string_view text) {
  return md_cell(md_text(text));
}

std::string code_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "`" : ", `") + id + "`";
  return out;
}

// "Key : value" in French, "Key: value" in English.
std::string labelled(Language language, std::string_view key, std::string_view value) {
  return fmt::format("{}{}: {}", key, language == Language::fr ? " " : "", value);
}

std::string md_flags(const RankRow& row, const RankWords& w, Language language) {
  std::vector<std::string> parts;
  if (row.flags & flag_self_only) parts.emplace_back(w.flag_self_only);
  if (row.flags & flag_disagreement) parts.emplace_back(w.flag_disagreement);
  if (row.flags & flag_split_decision) parts.emplace_back(w.flag_split_decision);
  if (row.flags & flag_partial_na) parts.emplace_back(w.flag_partial_na);
  if (!row.below_minimum.empty())
    parts.push_back(labelled(language, w.flag_below_minimum, code_list(row.below_minimum)));
  if (!row.na.empty()) parts.push_back(labelled(language, w.flag_na, code_list(row.na)));
  if (row.would_fit) parts.emplace_back(w.flag_would_fit);
  std::string out;
  for (const auto& p : parts)
    out += (out.empty() ? "" : language == Language::fr ? " ; " : "; ") + p;
  return out;
}

// " text |", or " |" for an empty cell.
std::string cell(std::string_view text) {
  return text.empty() ? " |" : fmt::format(" {} |", text);
}

std::string amount(std::optional<double> value) {
  return value ? format_quantity(*value) : "";
}

struct MarkdownContext {
  const RankReport& report;
  const Grid* grid;
  const RankWords& w;
  Language language;
  bool budget;
  std::string_view yes, no;
};

std::string labelled(const MarkdownContext& c, std::string_view key, std::string_view value) {
  return labelled(c.language, key, value);
}

void md_header(const MarkdownContext& c, Writer& out) {
  const RankReport& r = c.report;
  if (c.grid)
    out.print("# {} — {}\n\n", c.w.heading, md_text(c.grid->title));
  else
    out.print("# {}\n\n", c.w.heading);
  if (!r.call_title.empty())
    out.print("- {}\n",
              labelled(c, c.w.call_line, fmt::format("{} (`{}`)", md_text(r.call_title), r.call)));
  if (c.grid)
    out.print("- {}\n", labelled(c, c.w.grid,
                                 fmt::format("`{}@{}` (SHA-256 `{}`)", c.grid->id, c.grid->version,
                                             c.grid->sha256.substr(0, 12))));
  out.print("- {}\n", runtime(c.w.dossiers, fmt::arg("count", r.counts.rows),
                              fmt::arg("files", r.files), fmt::arg("ranked", r.counts.ranked),
                              fmt::arg("ineligible", r.counts.ineligible),
                              fmt::arg("incomplete", r.counts.incomplete)));
  std::string filters;
  for (auto [word, value] :
       {std::pair{c.w.filter_call, &r.call}, std::pair{c.w.filter_territory, &r.territory},
        std::pair{c.w.filter_theme, &r.theme}})
    if (!value->empty())
      filters += fmt::format("{}{} {}", filters.empty() ? "" : ", ", word,
                             quoted(md_text(*value), c.language));
  if (!filters.empty()) {
    bool call_only = r.territory.empty() && r.theme.empty();
    filters += " — " + runtime(call_only ? c.w.other_calls : c.w.filtered_out,
                               fmt::arg("count", r.filtered_out));
    out.print("- {}\n", labelled(c, c.w.filters, filters));
  }
  if (c.budget)
    out.print("- {}\n", runtime(c.w.budget, fmt::arg("budget", amount(r.funding.budget)),
                                fmt::arg("count", r.funding.funded_count),
                                fmt::arg("funded", format_quantity(r.funding.funded_total)),
                                fmt::arg("remaining", format_quantity(r.funding.remaining()))));
  out.add("\n");
}

void md_ranked_table(const MarkdownContext& c, Writer& out) {
  out.print("## {}\n\n", c.w.ranking);
  if (c.report.counts.ranked == 0) {
    out.print("{}\n\n", c.w.no_ranked);
    return;
  }
  const auto& axes = c.grid->criteria;
  std::string head = fmt::format("| {} | {} | {} | {} | {} |", c.w.rank, c.w.dossier, c.w.title,
                                 c.w.total, c.w.decision);
  std::string rule = "|---:|---|---|---:|---|";
  for (const auto& axis : axes) {
    head += fmt::format(" {} |", axis.id);
    rule += "---:|";
  }
  head += fmt::format(" {} |", c.w.requested);
  rule += "---:|";
  if (c.budget) {
    head += fmt::format(" {} | {} |", c.w.cumulative, c.w.funded);
    rule += "---:|---|";
  }
  head += fmt::format(" {} |", c.w.flags);
  rule += "---|";
  out.print("{}\n{}\n", head, rule);
  const std::size_t columns = 7 + axes.size() + (c.budget ? 2 : 0);
  auto funding_line = [&](const char* text) {
    const FundingLine& f = c.report.funding;
    std::string cells = fmt::format("| | **{}** | {} |", c.w.funding_line,
                                    runtime(text, fmt::arg("budget", amount(f.budget)),
                                            fmt::arg("funded", format_quantity(f.funded_total)),
                                            fmt::arg("remaining", format_quantity(f.remaining()))));
    for (std::size_t i = 3; i < columns; ++i) cells += " |";
    out.print("{}\n", cells);
  };
  each_row(c.report, [&](const RankRow& row) {
    if (!row.rank) return;
    if (c.budget && row.draws_line) funding_line(c.w.funding_line_text);
    out.print("| {} | {} | {} | {} | {} |", *row.rank, md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision));
    for (const auto& axis : row.axes) out.print(" {} |", axis ? format_fixed(*axis, 1) : "—");
    out.add(cell(amount(row.requested)));
    if (c.budget) out.print(" {} | {} |", amount(row.cumulative), row.funded ? c.yes : c.no);
    out.print("{}\n", cell(md_flags(row, c.w, c.language)));
  });
  if (c.budget && !c.report.funding.first_unfunded) funding_line(c.w.funding_line_all);
  out.print("\n{}", labelled(c, c.w.axes_legend, ""));
  for (std::size_t i = 0; i < axes.size(); ++i)
    out.print("{}`{}` {} ({} {})", i ? (c.language == Language::fr ? " ; " : "; ") : "", axes[i].id,
              md_text(axes[i].title), c.w.weight, format_shortest(axes[i].weight));
  out.add(".\n\n");
}

void md_unranked(const MarkdownContext& c, Writer& out) {
  if (c.report.counts.ranked == c.report.counts.rows) return;
  out.print("## {}\n\n{}\n\n", c.w.unranked, c.w.unranked_intro);
  out.print("| {} | {} | {} | {} | {} |\n|---|---|---:|---|---|\n", c.w.dossier, c.w.title,
            c.w.indicative_total, c.w.decision, c.w.reason);
  each_row(c.report, [&](const RankRow& row) {
    if (row.rank) return;
    std::string why = row.status == DossierStatus::ineligible
                          ? labelled(c, c.w.eliminatory, code_list(row.eliminatory))
                          : labelled(c, c.w.missing, code_list(row.missing));
    out.print("| {} | {} | {} | {} | {} |\n", md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision), why);
  });
  out.add("\n");
}

void md_below_line(const MarkdownContext& c, Writer& out) {
  const FundingLine& f = c.report.funding;
  if (!c.budget || !f.first_unfunded) return;
  std::string remaining = format_quantity(f.remaining());
  out.print("## {}\n\n", c.w.below_line);
  if (f.would_fit == 0) {
    out.print("{}\n\n", runtime(c.w.below_line_none, fmt::arg("remaining", remaining)));
    return;
  }
  out.print("{}\n\n", runtime(c.w.below_line_intro, fmt::arg("remaining", remaining)));
  out.print("| {} | {} | {} | {} | {} | {} |\n|---:|---|---|---:|---|---:|\n", c.w.rank,
            c.w.dossier, c.w.title, c.w.total, c.w.decision, c.w.requested);
  each_row(c.report, [&](const RankRow& row) {
    if (!row.would_fit) return;
    out.print("| {} | {} | {} | {} | {} |{}\n", *row.rank, md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision), cell(amount(row.requested)));
  });
  out.add("\n");
}

void md_groups(const MarkdownContext& c, Writer& out) {
  if (!c.report.group_by) return;
  const auto key = static_cast<std::size_t>(*c.report.group_by);
  const auto& groups = c.report.groups;
  out.print("## {}\n\n{}\n\n", c.w.group_heading[key], c.w.groups_intro);
  std::string head = fmt::format("| {} | {} | {} | {} | {} |", c.w.group_column[key], c.w.count,
                                 c.w.ranked, c.w.mean, c.w.median);
  std::string rule = "|---|---:|---:|---:|---:|";
  if (!groups.empty())
    for (const auto& [label, n] : groups.front().decisions) {
      head += fmt::format(" {} |", md(label));
      rule += "---:|";
    }
  head += fmt::format(" {} |", c.w.requested);
  rule += "---:|";
  if (c.budget) {
    head += fmt::format(" {} |", c.w.funded);
    rule += "---:|";
  }
  out.print("{}\n{}\n", head, rule);
  auto name = [&](const GroupSummary& g) { return g.value.empty() ? c.w.not_given : md(g.value); };
  for (const auto& g : groups) {
    out.print("| {} | {} | {} | {} | {} |", name(g), g.count, g.ranked,
              g.mean ? format_fixed(*g.mean, 1) : "—", g.median ? format_fixed(*g.median, 1) : "—");
    for (const auto& [label, n] : g.decisions) out.print(" {} |", n);
    out.print(" {} |", format_quantity(g.requested));
    if (c.budget) out.print(" {} ({}) |", format_quantity(g.funded), g.funded_count);
    out.add("\n");
  }
  out.add("\n");
  // One section per group, opened when the grouped rows move on to the next value.
  std::size_t place = 0, group_rank = 0;
  std::optional<std::size_t> previous;
  const GroupSummary* current = nullptr;
  auto next = groups.begin();
  auto open = [&](const GroupSummary& g) {
    if (current) out.add("\n");
    current = &g;
    place = group_rank = 0;
    previous.reset();
    out.print("### {}\n\n", name(g));
    out.print("| {} | {} | {} | {} | {} | {} | {} |", c.w.group_rank, c.w.overall_rank, c.w.dossier,
              c.w.title, c.w.total, c.w.decision, c.w.requested);
    out.add(c.budget ? fmt::format(" {} |\n", c.w.funded) : "\n");
    out.add(c.budget ? "|---:|---:|---|---|---:|---|---:|---|\n"
                     : "|---:|---:|---|---|---:|---|---:|\n");
  };
  if (c.report.rows)
    c.report.rows->for_each_grouped(*c.report.group_by, [&](const RankRow& row) {
      const std::string& value = group_value(row, *c.report.group_by);
      if (!current || current->value != value) {
        while (next != groups.end() && next->value != value) ++next;
        if (next == groups.end()) return;  // a row without a summary: cannot happen
        open(*next++);
      }
      // Competition ranking inside the group: ties in the whole ranking stay ties here.
      ++place;
      if (row.rank && row.rank != previous) group_rank = place;
      previous = row.rank;
      out.print("|{}{}{}{}{}{}{}", cell(row.rank ? fmt::to_string(group_rank) : ""),
                cell(row.rank ? fmt::to_string(*row.rank) : ""), cell(md(row.dossier)),
                cell(md(row.title)), cell(format_fixed(row.total, 1)), cell(md(row.decision)),
                cell(amount(row.requested)));
      out.add(c.budget ? fmt::format(" {} |\n", row.funded ? c.yes : c.no) : "\n");
    });
  if (current) out.add("\n");
}

void render_markdown(const RankReport& report, const ReportOptions& options, Writer& out) {
  const ReportWords& shared = report_words(options.language);
  MarkdownContext c{report,
                    report.grid,
                    rank_words(options.language),
                    options.language,
                    report.funding.budget.has_value(),
                    shared.yes,
                    shared.no};
  md_header(c, out);
  if (c.grid) md_ranked_table(c, out);
  md_unranked(c, out);
  md_below_line(c, out);
  md_groups(c, out);
}

// ---------------------------------------------------------------- CSV

void render_csv(const RankReport& report, const ReportOptions& options, Writer& out) {
  const csv::Dialect dialect = options.csv();
  std::string line;
  csv::Row head(line, dialect);
  for (const char* column : {"rank", "dossier", "title", "total", "decision", "status"})
    head.text(column);
  if (report.grid)
    for (const auto& axis : report.grid->criteria) head.text(axis.id);
  for (const char* column : {"requested", "cumulative", "funded", "flags"}) head.text(column);
  head.end();
  out.add(line);
  const bool budget = report.funding.budget.has_value();
  each_row(report, [&](const RankRow& row) {
    line.clear();
    csv::Row r(line, dialect);
    r.integer(row.rank).text(row.dossier).text(row.title).number(row.total);
    r.text(row.decision).text(status_token(row.status));
    for (const auto& axis : row.axes) r.number(axis);
    std::string flags;
    for (const auto& t : flag_tokens(row)) flags += (flags.empty() ? "" : " ") + t;
    r.number(row.requested).number(row.cumulative);
    r.text(budget ? (row.funded ? "true" : "false") : "").text(flags);
    r.end();
    out.add(line);
  });
}

// ---------------------------------------------------------------- JSON

void json_row(const RankReport& report, const RankRow& row, bool budget, json::Writer& j) {
  j.begin_object(json::Layout::inline_);
  j.key("rank").optional_integer(row.rank);
  j.key("dossier").string(row.dossier);
  j.key("title").string(row.title);
  j.key("total").number(row.total);
  j.key("decision").string(row.decision);
  j.key("status").string(status_token(row.status));
  j.key("axes").begin_object();
  static const std::vector<Criterion> no_axes;
  const auto& axes = report.grid ? report.grid->criteria : no_axes;
  for (std::size_t i = 0; i < axes.size() && i < row.axes.size(); ++i)
    j.key(axes[i].id).number(row.axes[i]);
  j.end_object();
  j.key("requested").number(row.requested);
  j.key("cumulative").number(row.cumulative);
  j.key("funded");
  if (budget)
    j.boolean(row.funded);
  else
    j.null();
  j.key("flags").begin_array();
  for (const auto& t : flag_tokens(row)) j.string(t);
  j.end_array();
  j.end_object();
}

// A group's object up to its list of dossiers, left open for the ids.
void json_group_open(GroupKey key, const GroupSummary& g, bool budget, json::Writer& j) {
  j.begin_object(json::Layout::inline_);
  j.key("by").string(group_key_name(key));
  j.key("value").string(g.value);
  j.key("count").integer(g.count);
  j.key("ranked").integer(g.ranked);
  j.key("mean").number(g.mean);
  j.key("median").number(g.median);
  j.key("decisions").begin_object();
  for (const auto& [label, n] : g.decisions) j.key(label).integer(n);
  j.end_object();
  j.key("requested").number(g.requested);
  j.key("funded_count");
  if (budget)
    j.integer(g.funded_count);
  else
    j.null();
  j.key("funded");
  if (budget)
    j.number(g.funded);
  else
    j.null();
  j.key("dossiers").begin_array();
}

void json_groups(const RankReport& report, bool budget, json::Writer& j) {
  const auto& groups = report.groups;
  auto next = groups.begin();
  const GroupSummary* current = nullptr;
  j.key("groups").begin_array();
  if (report.rows && report.group_by)
    report.rows->for_each_grouped(*report.group_by, [&](const RankRow& row) {
      const std::string& value = group_value(row, *report.group_by);
      if (!current || current->value != value) {
        while (next != groups.end() && next->value != value) ++next;
        if (next == groups.end()) return;  // a row without a summary: cannot happen
        if (current) j.end_array().end_object();
        current = &*next++;
        json_group_open(*report.group_by, *current, budget, j);
      }
      j.string(row.dossier);
    });
  if (current) j.end_array().end_object();
  j.end_array();
}

void render_json(const RankReport& report, Writer& out) {
  const FundingLine& f = report.funding;
  const bool budget = f.budget.has_value();
  json::Writer j([&](std::string_view chunk) { out.add(chunk); });
  j.begin_object();
  j.key("grid");
  if (report.grid) {
    j.begin_object(json::Layout::inline_);
    j.key("id").string(report.grid->id);
    j.key("version").string(report.grid->version);
    j.key("sha256").string(report.grid->sha256);
    j.end_object();
  } else {
    j.null();
  }
  j.key("dossiers").begin_array();
  each_row(report, [&](const RankRow& row) { json_row(report, row, budget, j); });
  j.end_array();
  json_groups(report, budget, j);
  j.key("diagnostics").begin_array();
  if (report.diagnostics)
    report.diagnostics([&](const Diagnostic& d) { write_diagnostic_json(j, d); });
  j.end_array();
  j.key("budget").number(f.budget);
  j.key("funded_total");
  if (budget)
    j.number(f.funded_total);
  else
    j.null();
  j.key("would_fit");
  if (budget) {
    j.begin_array(json::Layout::inline_);
    each_row(report, [&](const RankRow& row) {
      if (row.would_fit) j.string(row.dossier);
    });
    j.end_array();
  } else {
    j.null();
  }
  j.end_object();
  std::move(j).finish();
}

}  // namespace

void render_ranking(const RankReport& report, ReportFormat format, const ReportOptions& options,
                    const std::function<void(std::string_view)>& sink) {
  Writer out(sink);
  switch (format) {
    case ReportFormat::markdown:
      render_markdown(report, options, out);
      break;
    case ReportFormat::csv:
      render_csv(report, options, out);
      break;
    case ReportFormat::json:
      render_json(report, out);
      break;
  }
  out.flush();
}

std::string render_ranking(const RankReport& report, ReportFormat format,
                           const ReportOptions& options) {
  std::string text;
  render_ranking(report, format, options, [&](std::string_view chunk) { text.append(chunk); });
  return text;
}

}  // namespace ess
