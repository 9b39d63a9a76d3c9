// Reports of `rank` (§4): Markdown, CSV and JSON, each a pure function of a RankReport.
// Numbers and escaping come from format.hpp; the text goes out in chunks through a sink.
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "chunk_writer.hpp"
#include "csv_words.hpp"
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
  if (row.unfunded != Unfunded::none)
    out.push_back(std::string("unfunded:") + unfunded_token(row.unfunded));
  if (row.status == DossierStatus::invalid && !row.error_code.empty())
    out.push_back(row.error_code);
  return out;
}

// A refused file has no total.
std::optional<double> total_of(const RankRow& row) {
  if (row.status == DossierStatus::invalid) return std::nullopt;
  return row.total;
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

struct MarkdownContext {
  const RankReport& report;
  const Grid* grid;
  const RankWords& w;
  Language language;
  bool budget;         // any budget: the Funded column
  bool group_budgets;  // budgets per group: the lines are drawn in the groups' sections
  std::string_view yes, no;
  NumberWords num;  // every number of the report, money in the grid's currency

  std::string amount(std::optional<double> value) const { return value ? num.amount(*value) : ""; }
  std::string total(double value) const { return num.score(value); }
};

// "oui", or "non (why)".
std::string funded_cell(const MarkdownContext& c, const RankRow& row) {
  if (row.funded) return std::string(c.yes);
  const char* why = c.w.unfunded[static_cast<std::size_t>(row.unfunded)];
  return *why ? fmt::format("{} ({})", c.no, why) : std::string(c.no);
}

// The name of a group as the report shows it.
std::string group_name(const MarkdownContext& c, std::string_view value) {
  return value.empty() ? c.w.not_given : md(value);
}

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
  std::string filters;
  for (auto [word, value] :
       {std::pair{c.w.filter_call, &r.call}, std::pair{c.w.filter_territory, &r.territory},
        std::pair{c.w.filter_theme, &r.theme}})
    if (!value->empty())
      filters += fmt::format("{}{} {}", filters.empty() ? "" : ", ", word,
                             quoted(md_text(*value), c.language));
  // Every file read is counted once: the counts add up to the files read (§2.6).
  std::string counts = runtime(
      c.w.dossiers, fmt::arg("files", r.files), fmt::arg("ranked", r.counts.ranked),
      fmt::arg("ineligible", r.counts.ineligible), fmt::arg("incomplete", r.counts.incomplete),
      fmt::arg("not_assessed", r.counts.not_assessed), fmt::arg("invalid", r.counts.invalid));
  if (!filters.empty()) {
    bool call_only = r.territory.empty() && r.theme.empty();
    counts +=
        runtime(call_only ? c.w.other_calls : c.w.filtered, fmt::arg("count", r.filtered_out));
  }
  out.print("- {}\n", counts);
  if (!filters.empty()) out.print("- {}\n", labelled(c, c.w.filters, filters));
  const FundingLine& f = r.funding;
  if (c.group_budgets) {
    std::string list;
    for (const FundingLine& line : r.group_lines) {
      if (!line.budget) continue;
      std::string name = line.name;
      for (const GroupSummary& g : r.groups)
        if (g.key == line.key) name = g.value;
      list += fmt::format("{}{} {}", list.empty() ? "" : ", ", group_name(c, name),
                          c.amount(line.budget));
    }
    out.print(
        "- {}\n",
        runtime(
            c.w.budgets,
            fmt::arg("by",
                     c.w.budgets_by[static_cast<std::size_t>(r.group_by.value_or(GroupKey::call))]),
            fmt::arg("list", list), fmt::arg("count", f.funded_count),
            fmt::arg("funded", c.amount(f.funded_total)),
            fmt::arg("remaining", c.amount(f.remaining()))));
  } else if (c.budget) {
    out.print("- {}\n", runtime(c.w.budget, fmt::arg("budget", c.amount(f.budget)),
                                fmt::arg("count", f.funded_count),
                                fmt::arg("funded", c.amount(f.funded_total)),
                                fmt::arg("remaining", c.amount(f.remaining()))));
  }
  out.add("\n");
}

// The row of the funding line in a table of `columns` cells: what is committed, what is left,
// and what draws it (`next`: the first row below it).
std::string funding_line_row(const MarkdownContext& c, const FundingLine& f, const RankRow* next,
                             std::size_t columns) {
  std::string text;
  if (next) {
    std::string why = f.drawn_by == Unfunded::not_fundable
                          ? runtime(c.w.line_by_band, fmt::arg("decision", md(next->decision)))
                          : std::string(c.w.line_by_budget);
    text = runtime(c.w.funding_line_text, fmt::arg("budget", c.amount(f.budget)),
                   fmt::arg("funded", c.amount(f.funded_total)),
                   fmt::arg("remaining", c.amount(f.remaining())), fmt::arg("why", why));
  } else {
    text = runtime(c.w.funding_line_all, fmt::arg("budget", c.amount(f.budget)),
                   fmt::arg("funded", c.amount(f.funded_total)),
                   fmt::arg("remaining", c.amount(f.remaining())));
  }
  std::string cells = fmt::format("| | **{}** | {} |", c.w.funding_line, text);
  for (std::size_t i = 3; i < columns; ++i) cells += " |";
  return cells + "\n";
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
  std::string rule = "|--:|-----|----------------|---:|------|";
  for (const auto& axis : axes) {
    head += fmt::format(" {} |", md(axis.title.empty() ? axis.id : axis.title));
    rule += "-----:|";
  }
  head += fmt::format(" {} |", c.w.requested);
  rule += "---:|";
  // One budget: its running sum and its line here. Budgets per group: each group's section.
  const bool one_line = c.budget && !c.group_budgets;
  if (one_line) {
    head += fmt::format(" {} |", c.w.cumulative);
    rule += "---:|";
  }
  if (c.budget) {
    head += fmt::format(" {} |", c.w.funded);
    rule += "---|";
  }
  head += fmt::format(" {} |", c.w.flags);
  rule += "----------|";
  out.print("{}\n{}\n", head, rule);
  const std::size_t columns = 6 + axes.size() + (one_line ? 1 : 0) + (c.budget ? 1 : 0);
  each_row(c.report, [&](const RankRow& row) {
    if (!row.rank) return;
    if (one_line && row.draws_line) out.add(funding_line_row(c, c.report.funding, &row, columns));
    out.print("| {} | {} | {} | {} | {} |", *row.rank, md(row.dossier), md(row.title),
              c.total(row.total), md(row.decision));
    for (const auto& axis : row.axes) out.print(" {} |", axis ? c.total(*axis) : "—");
    out.add(cell(c.amount(row.requested)));
    if (one_line) out.add(cell(c.amount(row.cumulative)));
    if (c.budget) out.add(cell(funded_cell(c, row)));
    out.print("{}\n", cell(md_flags(row, c.w, c.language)));
  });
  if (one_line && !c.report.funding.first_unfunded)
    out.add(funding_line_row(c, c.report.funding, nullptr, columns));
  out.print("\n{}", labelled(c, c.w.axes_legend, ""));
  for (std::size_t i = 0; i < axes.size(); ++i)
    out.print("{}{} (`{}`, {} {})", i ? (c.language == Language::fr ? " ; " : "; ") : "",
              md_text(axes[i].title), axes[i].id, c.w.weight, c.num.quantity(axes[i].weight));
  out.add(".\n\n");
}

void md_unranked(const MarkdownContext& c, Writer& out) {
  if (c.report.counts.ranked == c.report.counts.rows) return;
  out.print("## {}\n\n{}\n\n", c.w.unranked, c.w.unranked_intro);
  out.print("| {} | {} | {} | {} | {} |\n|---|---|---:|---|---|\n", c.w.dossier, c.w.title,
            c.w.indicative_total, c.w.decision, c.w.reason);
  each_row(c.report, [&](const RankRow& row) {
    if (row.rank) return;
    std::string why;
    switch (row.status) {
      case DossierStatus::ineligible:
        why = labelled(c, c.w.eliminatory, code_list(row.eliminatory));
        break;
      case DossierStatus::incomplete:
        why = labelled(c, c.w.missing, code_list(row.missing));
        break;
      case DossierStatus::not_assessed:
        why = (row.flags & flag_self_only) ? c.w.self_only : c.w.no_assessment;
        break;
      case DossierStatus::invalid:
        why = runtime(c.w.invalid_file, fmt::arg("file", md(row.file)),
                      fmt::arg("message", md(row.error_message)), fmt::arg("code", row.error_code));
        break;
      case DossierStatus::ok:
        break;
    }
    bool total = row.status != DossierStatus::invalid;
    out.print("| {} | {} | {} | {} | {} |\n", row.dossier.empty() ? "—" : md(row.dossier),
              md(row.title), total ? c.total(row.total) : "—", md(row.decision), why);
  });
  out.add("\n");
}

// Budgets per group: the dossiers below their group's line that would fit in what it has left.
void md_below_group_lines(const MarkdownContext& c, Writer& out) {
  if (c.report.funding.would_fit == 0) return;
  const auto key = static_cast<std::size_t>(*c.report.group_by);
  out.print("## {}\n\n{}\n\n", c.w.below_line, c.w.below_line_groups);
  out.print("| {} | {} | {} | {} | {} | {} | {} | {} |\n|---:|---|---|---|---:|---|---:|---:|\n",
            c.w.rank, c.w.group_column[key], c.w.dossier, c.w.title, c.w.total, c.w.decision,
            c.w.requested, c.w.left);
  each_row(c.report, [&](const RankRow& row) {
    if (!row.would_fit) return;
    std::string group = group_of(row, *c.report.group_by),
                name = group_value(row, *c.report.group_by);
    std::optional<double> left;
    for (const FundingLine& line : c.report.group_lines)
      if (line.key == group) left = line.remaining();
    for (const GroupSummary& g : c.report.groups)
      if (g.key == group) name = g.value;
    out.print("| {} | {} | {} | {} | {} | {} |{}{}\n", *row.rank, group_name(c, name),
              md(row.dossier), md(row.title), c.total(row.total), md(row.decision),
              cell(c.amount(row.requested)), cell(c.amount(left)));
  });
  out.add("\n");
}

void md_below_line(const MarkdownContext& c, Writer& out) {
  if (c.group_budgets) return md_below_group_lines(c, out);
  const FundingLine& f = c.report.funding;
  if (!c.budget || !f.first_unfunded) return;
  std::string remaining = c.amount(f.remaining());
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
              c.total(row.total), md(row.decision), cell(c.amount(row.requested)));
  });
  out.add("\n");
}

void md_group_table(const MarkdownContext& c, Writer& out) {
  const auto key = static_cast<std::size_t>(*c.report.group_by);
  const auto& groups = c.report.groups;
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
  if (c.group_budgets) {
    head += fmt::format(" {} |", c.w.budget_column);
    rule += "---:|";
  }
  if (c.budget) {
    head += fmt::format(" {} |", c.w.funded);
    rule += "---:|";
  }
  out.print("{}\n{}\n", head, rule);
  for (const auto& g : groups) {
    out.print("| {} | {} | {} | {} | {} |", group_name(c, g.value), g.count, g.ranked,
              g.mean ? c.total(*g.mean) : "—", g.median ? c.total(*g.median) : "—");
    for (const auto& [label, n] : g.decisions) out.print(" {} |", n);
    out.print(" {} |", c.amount(g.requested));
    if (c.group_budgets)
      out.print(" {} |", g.line && g.line->budget ? c.amount(g.line->budget) : "—");
    if (c.budget) out.print(" {} ({}) |", c.amount(g.funded), g.funded_count);
    out.add("\n");
  }
  out.add("\n");
}

// A group's own funding line (budgets per group), under its heading.
void md_group_line(const MarkdownContext& c, const GroupSummary& g, Writer& out) {
  if (!c.group_budgets) return;
  if (!g.line || !g.line->budget) {
    out.print("{}\n\n", c.w.no_budget);
    return;
  }
  const FundingLine& f = *g.line;
  out.print("{}\n\n",
            runtime(c.w.budget, fmt::arg("budget", c.amount(f.budget)),
                    fmt::arg("count", f.funded_count), fmt::arg("funded", c.amount(f.funded_total)),
                    fmt::arg("remaining", c.amount(f.remaining()))));
}

void md_groups(const MarkdownContext& c, Writer& out) {
  if (!c.report.group_by) return;
  const auto key = static_cast<std::size_t>(*c.report.group_by);
  const auto& groups = c.report.groups;
  out.print("## {}\n\n{}\n\n", c.w.group_heading[key], c.w.groups_intro);
  md_group_table(c, out);
  // One section per group, opened when the grouped rows move on to the next group.
  const std::size_t columns = 7 + (c.group_budgets ? 1 : 0) + (c.budget ? 1 : 0);
  std::size_t place = 0, group_rank = 0;
  std::optional<std::size_t> previous;
  const GroupSummary* current = nullptr;
  bool line_open = false;  // the group's line is still to be drawn after its ranked rows
  auto next = groups.begin();
  auto close_line = [&] {
    if (line_open) out.add(funding_line_row(c, *current->line, nullptr, columns));
    line_open = false;
  };
  auto open = [&](const GroupSummary& g) {
    close_line();
    if (current) out.add("\n");
    current = &g;
    place = group_rank = 0;
    previous.reset();
    line_open = c.group_budgets && g.line && g.line->budget && g.ranked > 0;
    out.print("### {}\n\n", group_name(c, g.value));
    md_group_line(c, g, out);
    out.print("| {} | {} | {} | {} | {} | {} | {} |", c.w.group_rank, c.w.overall_rank, c.w.dossier,
              c.w.title, c.w.total, c.w.decision, c.w.requested);
    if (c.group_budgets) out.print(" {} |", c.w.cumulative);
    out.add(c.budget ? fmt::format(" {} |\n", c.w.funded) : "\n");
    out.add("|---:|---:|---|---|---:|---|---:|");
    if (c.group_budgets) out.add("---:|");
    out.add(c.budget ? "---|\n" : "\n");
  };
  if (c.report.rows)
    c.report.rows->for_each_grouped(*c.report.group_by, [&](const RankRow& row) {
      const std::string group = group_of(row, *c.report.group_by);
      if (!current || current->key != group) {
        while (next != groups.end() && next->key != group) ++next;
        if (next == groups.end()) return;  // a row without a summary: cannot happen
        open(*next++);
      }
      if (line_open && row.draws_line) {
        out.add(funding_line_row(c, *current->line, &row, columns));
        line_open = false;
      }
      if (!row.rank) close_line();
      // Competition ranking inside the group: ties in the whole ranking stay ties here.
      ++place;
      if (row.rank && row.rank != previous) group_rank = place;
      previous = row.rank;
      bool total = row.status != DossierStatus::invalid;
      out.print("|{}{}{}{}{}{}{}", cell(row.rank ? fmt::to_string(group_rank) : ""),
                cell(row.rank ? fmt::to_string(*row.rank) : ""),
                cell(row.dossier.empty() ? "—" : md(row.dossier)), cell(md(row.title)),
                cell(total ? c.total(row.total) : "—"), cell(md(row.decision)),
                cell(c.amount(row.requested)));
      if (c.group_budgets) out.add(cell(c.amount(row.cumulative)));
      out.add(c.budget ? fmt::format("{}\n", cell(funded_cell(c, row))) : "\n");
    });
  close_line();
  if (current) out.add("\n");
}

void render_markdown(const RankReport& report, const ReportOptions& options, Writer& out) {
  const ReportWords& shared = report_words(options.language);
  MarkdownContext c{report,
                    report.grid,
                    rank_words(options.language),
                    options.language,
                    report.funding.budget.has_value(),
                    !report.group_lines.empty() && report.group_by.has_value(),
                    shared.yes,
                    shared.no,
                    options.numbers()};
  md_header(c, out);
  if (c.grid) md_ranked_table(c, out);
  md_unranked(c, out);
  md_below_line(c, out);
  md_groups(c, out);
}

// ---------------------------------------------------------------- CSV

void render_csv(const RankReport& report, const ReportOptions& options, Writer& out) {
  const csv::Dialect dialect = options.csv();
  std::string line(csv::start(dialect));
  csv::Row head(line, dialect);
  for (const char* column : {"rank", "dossier", "title", "total", "decision", "status"})
    head.text(csv_heading(column, options));
  if (report.grid)
    for (const auto& axis : report.grid->criteria)
      head.text(options.spreadsheet && !axis.title.empty() ? axis.title : axis.id);
  for (const char* column : {"requested", "cumulative", "funded", "flags", "file"})
    head.text(csv_heading(column, options));
  head.end();
  out.add(line);
  const bool budget = report.funding.budget.has_value();
  const std::size_t axes = report.grid ? report.grid->criteria.size() : 0;
  each_row(report, [&](const RankRow& row) {
    line.clear();
    csv::Row r(line, dialect);
    r.integer(row.rank).text(row.dossier).text(row.title);
    r.number(total_of(row), csv::Rounding::score);
    r.text(row.decision).text(status_token(row.status));
    // A refused file has no axes: its cells stay empty, so every row has the header's columns.
    for (std::size_t i = 0; i < axes; ++i)
      r.number(i < row.axes.size() ? row.axes[i] : std::optional<double>(), csv::Rounding::score);
    std::string flags;
    for (const auto& t : flag_tokens(row)) flags += (flags.empty() ? "" : " ") + t;
    r.number(row.requested).number(row.cumulative);
    r.text(budget ? csv_yes_no(row.funded, options) : "").text(flags).text(row.file);
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
  j.key("total").number(total_of(row));
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
  j.key("unfunded");
  if (row.unfunded != Unfunded::none)
    j.string(unfunded_token(row.unfunded));
  else
    j.null();
  j.key("flags").begin_array();
  for (const auto& t : flag_tokens(row)) j.string(t);
  j.end_array();
  j.key("file").string(row.file);
  j.key("error");
  if (row.status == DossierStatus::invalid) {
    j.begin_object(json::Layout::inline_);
    j.key("code").string(row.error_code);
    j.key("message").string(row.error_message);
    j.end_object();
  } else {
    j.null();
  }
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
  j.key("budget");
  if (g.line && g.line->budget)
    j.number(*g.line->budget);
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
      const std::string group = group_of(row, *report.group_by);
      if (!current || current->key != group) {
        while (next != groups.end() && next->key != group) ++next;
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
  // Budgets per group: no one budget; each line is in `budgets`.
  j.key("budget").number(report.group_lines.empty() ? f.budget : std::nullopt);
  j.key("funded_total");
  if (budget)
    j.number(f.funded_total);
  else
    j.null();
  j.key("budgets");
  if (!report.group_lines.empty()) {
    j.begin_array();
    for (const FundingLine& line : report.group_lines) {
      if (!line.budget) continue;
      std::string name = line.name;
      for (const GroupSummary& g : report.groups)
        if (g.key == line.key) name = g.value;
      j.begin_object(json::Layout::inline_);
      j.key("group").string(name);
      j.key("budget").number(*line.budget);
      j.key("funded_count").integer(line.funded_count);
      j.key("funded_total").number(line.funded_total);
      j.key("remaining").number(line.remaining());
      j.key("drawn_by");
      if (line.drawn_by != Unfunded::none)
        j.string(unfunded_token(line.drawn_by));
      else
        j.null();
      j.end_object();
    }
    j.end_array();
  } else {
    j.null();
  }
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
