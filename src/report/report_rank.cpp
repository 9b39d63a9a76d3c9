// Reports of `rank` (§4): Markdown, CSV and JSON, each a pure function of a RankReport.
// Numbers and escaping come from format.hpp; the text goes out in chunks through a sink.
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "ess/model/format.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/rank_report.hpp"

namespace ess {

namespace {

// Buffers the report and hands it to the sink a chunk at a time.
class Writer {
 public:
  explicit Writer(const std::function<void(std::string_view)>& sink) : sink_(sink) {
    buffer_.reserve(chunk + 4096);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void add(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= chunk) flush();
  }
  template <class... Args>
  void print(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= chunk) flush();
  }
  void flush() {
    if (!buffer_.empty()) sink_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t chunk = 64 * 1024;
  const std::function<void(std::string_view)>& sink_;
  std::string buffer_;
};

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
    filters += " — " + runtime(c.w.filtered_out, fmt::arg("count", r.filtered_out));
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
  const char sep = options.csv_separator;
  const char mark = options.decimal_comma ? ',' : '.';
  auto number = [&](std::optional<double> v) {
    return v ? csv_field(format_shortest(*v, mark), sep) : std::string();
  };
  auto field = [&](std::string_view text) { return csv_field(text, sep); };
  std::string head = fmt::format("rank{0}dossier{0}title{0}total{0}decision{0}status", sep);
  if (report.grid)
    for (const auto& axis : report.grid->criteria) head += sep + field(axis.id);
  head += fmt::format("{0}requested{0}cumulative{0}funded{0}flags\r\n", sep);
  out.add(head);
  const bool budget = report.funding.budget.has_value();
  each_row(report, [&](const RankRow& row) {
    out.print("{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}", sep, row.rank ? fmt::to_string(*row.rank) : "",
              field(row.dossier), field(row.title), number(row.total), field(row.decision),
              status_token(row.status));
    for (const auto& axis : row.axes) out.print("{}{}", sep, number(axis));
    std::string flags;
    for (const auto& t : flag_tokens(row)) flags += (flags.empty() ? "" : " ") + t;
    out.print("{0}{1}{0}{2}{0}{3}{0}{4}\r\n", sep, number(row.requested), number(row.cumulative),
              budget ? (row.funded ? "true" : "false") : "", field(flags));
  });
}

// ---------------------------------------------------------------- JSON

// JSON has no infinity: an amount that overflows (sums of absurd requests) reads null.
std::string json_number(std::optional<double> v) {
  return v && std::isfinite(*v) ? format_shortest(*v) : "null";
}

std::string json_string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_escape(items[i]);
  return out + "]";
}

void json_row(const RankReport& report, const RankRow& row, bool budget, Writer& out) {
  out.print(
      "{{\"rank\": {}, \"dossier\": {}, \"title\": {}, \"total\": {}, \"decision\": {}, "
      "\"status\": \"{}\", \"axes\": {{",
      row.rank ? fmt::to_string(*row.rank) : "null", json_escape(row.dossier),
      json_escape(row.title), format_shortest(row.total), json_escape(row.decision),
      status_token(row.status));
  static const std::vector<Criterion> no_axes;
  const auto& axes = report.grid ? report.grid->criteria : no_axes;
  for (std::size_t i = 0; i < axes.size() && i < row.axes.size(); ++i)
    out.print("{}{}: {}", i ? ", " : "", json_escape(axes[i].id), json_number(row.axes[i]));
  out.print("}}, \"requested\": {}, \"cumulative\": {}, \"funded\": {}, \"flags\": {}}}",
            json_number(row.requested), json_number(row.cumulative),
            budget ? (row.funded ? "true" : "false") : "null", json_string_list(flag_tokens(row)));
}

// A group's object up to its list of dossiers, left open for the ids.
void json_group_open(GroupKey key, const GroupSummary& g, bool budget, Writer& out) {
  out.print(
      "{{\"by\": \"{}\", \"value\": {}, \"count\": {}, \"ranked\": {}, \"mean\": {}, "
      "\"median\": {}, \"decisions\": {{",
      group_key_name(key), json_escape(g.value), g.count, g.ranked, json_number(g.mean),
      json_number(g.median));
  for (std::size_t i = 0; i < g.decisions.size(); ++i)
    out.print("{}{}: {}", i ? ", " : "", json_escape(g.decisions[i].first), g.decisions[i].second);
  out.print("}}, \"requested\": {}, \"funded_count\": {}, \"funded\": {}, \"dossiers\": [",
            json_number(g.requested), budget ? fmt::to_string(g.funded_count) : "null",
            budget ? json_number(g.funded) : "null");
}

void json_groups(const RankReport& report, bool budget, Writer& out) {
  const auto& groups = report.groups;
  auto next = groups.begin();
  const GroupSummary* current = nullptr;
  bool first_id = true;
  if (report.rows && report.group_by)
    report.rows->for_each_grouped(*report.group_by, [&](const RankRow& row) {
      const std::string& value = group_value(row, *report.group_by);
      if (!current || current->value != value) {
        while (next != groups.end() && next->value != value) ++next;
        if (next == groups.end()) return;  // a row without a summary: cannot happen
        out.add(current ? "]},\n    " : "\n    ");
        current = &*next++;
        json_group_open(*report.group_by, *current, budget, out);
        first_id = true;
      }
      out.print("{}{}", first_id ? "" : ", ", json_escape(row.dossier));
      first_id = false;
    });
  out.add(current ? "]}\n  ],\n" : "],\n");
}

// The diagnostics as format_diagnostics writes them (one JSON layout for every command),
// indented one level more.
void json_diagnostics(const RankReport& report, Writer& out) {
  bool any = false;
  if (report.diagnostics)
    report.diagnostics([&](const Diagnostic& d) {
      std::string text = format_diagnostics({d}, DiagnosticFormat::json);
      // "[\n  {...}\n]\n": the object alone, then re-indented.
      std::size_t open = text.find('{'), close = text.rfind('}');
      out.print("{}\n    {}", any ? "," : "",
                std::string_view(text).substr(open, close - open + 1));
      any = true;
    });
  out.add(any ? "\n  ]" : "]");
}

void render_json(const RankReport& report, Writer& out) {
  const FundingLine& f = report.funding;
  const bool budget = f.budget.has_value();
  out.add("{\n  \"grid\": ");
  if (report.grid)
    out.print("{{\"id\": {}, \"version\": {}, \"sha256\": {}}}", json_escape(report.grid->id),
              json_escape(report.grid->version), json_escape(report.grid->sha256));
  else
    out.add("null");
  out.add(",\n  \"dossiers\": [");
  bool first = true;
  each_row(report, [&](const RankRow& row) {
    out.add(first ? "\n    " : ",\n    ");
    first = false;
    json_row(report, row, budget, out);
  });
  out.add(first ? "],\n  \"groups\": [" : "\n  ],\n  \"groups\": [");
  json_groups(report, budget, out);
  out.add("  \"diagnostics\": [");
  json_diagnostics(report, out);
  out.print(",\n  \"budget\": {},\n  \"funded_total\": {},\n  \"would_fit\": ",
            json_number(f.budget), budget ? json_number(f.funded_total) : "null");
  if (!budget) {
    out.add("null");
  } else {
    out.add("[");
    bool first_id = true;
    each_row(report, [&](const RankRow& row) {
      if (!row.would_fit) return;
      out.print("{}{}", first_id ? "" : ", ", json_escape(row.dossier));
      first_id = false;
    });
    out.add("]");
  }
  out.add("\n}\n");
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
