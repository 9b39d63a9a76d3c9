// Reports of `rank` (§4): Markdown, CSV and JSON, each a pure function of a RankReport.
// Numbers and escaping come from format.hpp; the text goes out in chunks through a sink.
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "ess/format.hpp"
#include "ess/i18n.hpp"
#include "ess/ranking.hpp"

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

const std::vector<RankRow>& rows_of(const RankReport& report) {
  static const std::vector<RankRow> none;
  return report.rows ? *report.rows : none;
}

std::size_t ranked_count(const std::vector<RankRow>& rows) {
  std::size_t n = 0;
  while (n < rows.size() && rows[n].rank) ++n;
  return n;
}

std::size_t count_status(const std::vector<RankRow>& rows, DossierStatus status) {
  std::size_t n = 0;
  for (const auto& row : rows) n += row.status == status;
  return n;
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
  const std::vector<RankRow>& rows;
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
  out.print("- {}\n",
            runtime(c.w.dossiers, fmt::arg("count", c.rows.size()), fmt::arg("files", r.files),
                    fmt::arg("ranked", ranked_count(c.rows)),
                    fmt::arg("ineligible", count_status(c.rows, DossierStatus::ineligible)),
                    fmt::arg("incomplete", count_status(c.rows, DossierStatus::incomplete))));
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
  const std::size_t ranked = ranked_count(c.rows);
  out.print("## {}\n\n", c.w.ranking);
  if (ranked == 0) {
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
  for (std::size_t i = 0; i < ranked; ++i) {
    const RankRow& row = c.rows[i];
    if (c.budget && c.report.funding.first_unfunded == i) funding_line(c.w.funding_line_text);
    out.print("| {} | {} | {} | {} | {} |", *row.rank, md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision));
    for (const auto& axis : row.axes) out.print(" {} |", axis ? format_fixed(*axis, 1) : "—");
    out.add(cell(amount(row.requested)));
    if (c.budget) out.print(" {} | {} |", amount(row.cumulative), row.funded ? c.yes : c.no);
    out.print("{}\n", cell(md_flags(row, c.w, c.language)));
  }
  if (c.budget && !c.report.funding.first_unfunded) funding_line(c.w.funding_line_all);
  out.print("\n{}", labelled(c, c.w.axes_legend, ""));
  for (std::size_t i = 0; i < axes.size(); ++i)
    out.print("{}`{}` {} ({} {})", i ? (c.language == Language::fr ? " ; " : "; ") : "", axes[i].id,
              md_text(axes[i].title), c.w.weight, format_shortest(axes[i].weight));
  out.add(".\n\n");
}

void md_unranked(const MarkdownContext& c, Writer& out) {
  const std::size_t ranked = ranked_count(c.rows);
  if (ranked == c.rows.size()) return;
  out.print("## {}\n\n{}\n\n", c.w.unranked, c.w.unranked_intro);
  out.print("| {} | {} | {} | {} | {} |\n|---|---|---:|---|---|\n", c.w.dossier, c.w.title,
            c.w.indicative_total, c.w.decision, c.w.reason);
  for (std::size_t i = ranked; i < c.rows.size(); ++i) {
    const RankRow& row = c.rows[i];
    std::string why = row.status == DossierStatus::ineligible
                          ? labelled(c, c.w.eliminatory, code_list(row.eliminatory))
                          : labelled(c, c.w.missing, code_list(row.missing));
    out.print("| {} | {} | {} | {} | {} |\n", md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision), why);
  }
  out.add("\n");
}

void md_below_line(const MarkdownContext& c, Writer& out) {
  const FundingLine& f = c.report.funding;
  if (!c.budget || !f.first_unfunded) return;
  std::string remaining = format_quantity(f.remaining());
  out.print("## {}\n\n", c.w.below_line);
  if (f.would_fit.empty()) {
    out.print("{}\n\n", runtime(c.w.below_line_none, fmt::arg("remaining", remaining)));
    return;
  }
  out.print("{}\n\n", runtime(c.w.below_line_intro, fmt::arg("remaining", remaining)));
  out.print("| {} | {} | {} | {} | {} | {} |\n|---:|---|---|---:|---|---:|\n", c.w.rank,
            c.w.dossier, c.w.title, c.w.total, c.w.decision, c.w.requested);
  for (std::size_t i : f.would_fit) {
    const RankRow& row = c.rows[i];
    out.print("| {} | {} | {} | {} | {} |{}\n", *row.rank, md(row.dossier), md(row.title),
              format_fixed(row.total, 1), md(row.decision), cell(amount(row.requested)));
  }
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
  for (const auto& g : groups) {
    out.print("### {}\n\n", name(g));
    out.print("| {} | {} | {} | {} | {} | {} | {} |", c.w.group_rank, c.w.overall_rank, c.w.dossier,
              c.w.title, c.w.total, c.w.decision, c.w.requested);
    out.add(c.budget ? fmt::format(" {} |\n", c.w.funded) : "\n");
    out.add(c.budget ? "|---:|---:|---|---|---:|---|---:|---|\n"
                     : "|---:|---:|---|---|---:|---|---:|\n");
    // Competition ranking inside the group: ties in the whole ranking stay ties here.
    std::size_t place = 0, group_rank = 0;
    std::optional<std::size_t> previous;
    for (std::size_t i : g.rows) {
      const RankRow& row = c.rows[i];
      ++place;
      if (row.rank && row.rank != previous) group_rank = place;
      previous = row.rank;
      out.print("|{}{}{}{}{}{}{}", cell(row.rank ? fmt::to_string(group_rank) : ""),
                cell(row.rank ? fmt::to_string(*row.rank) : ""), cell(md(row.dossier)),
                cell(md(row.title)), cell(format_fixed(row.total, 1)), cell(md(row.decision)),
                cell(amount(row.requested)));
      out.add(c.budget ? fmt::format(" {} |\n", row.funded ? c.yes : c.no) : "\n");
    }
    out.add("\n");
  }
}

void render_markdown(const RankReport& report, const ReportOptions& options, Writer& out) {
  const ReportWords& shared = report_words(options.language);
  MarkdownContext c{report,           report.grid,
                    rows_of(report),  rank_words(options.language),
                    options.language, report.funding.budget.has_value(),
                    shared.yes,       shared.no};
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
  for (const RankRow& row : rows_of(report)) {
    out.print("{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}", sep, row.rank ? fmt::to_string(*row.rank) : "",
              field(row.dossier), field(row.title), number(row.total), field(row.decision),
              status_token(row.status));
    for (const auto& axis : row.axes) out.print("{}{}", sep, number(axis));
    std::string flags;
    for (const auto& t : flag_tokens(row)) flags += (flags.empty() ? "" : " ") + t;
    out.print("{0}{1}{0}{2}{0}{3}{0}{4}\r\n", sep, number(row.requested), number(row.cumulative),
              budget ? (row.funded ? "true" : "false") : "", field(flags));
  }
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

void json_group(GroupKey key, const GroupSummary& g, const std::vector<RankRow>& rows, bool budget,
                Writer& out) {
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
  for (std::size_t i = 0; i < g.rows.size(); ++i)
    out.print("{}{}", i ? ", " : "", json_escape(rows[g.rows[i]].dossier));
  out.add("]}");
}

// The diagnostics as format_diagnostics writes them (one JSON layout for every command),
// indented one level more.
std::string json_diagnostics(const RankReport& report) {
  static const std::vector<Diagnostic> none;
  std::string text =
      format_diagnostics(report.diagnostics ? *report.diagnostics : none, DiagnosticFormat::json);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::string out;
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out += "  ";
  }
  return out;
}

void render_json(const RankReport& report, Writer& out) {
  const auto& rows = rows_of(report);
  const FundingLine& f = report.funding;
  const bool budget = f.budget.has_value();
  out.add("{\n  \"grid\": ");
  if (report.grid)
    out.print("{{\"id\": {}, \"version\": {}, \"sha256\": {}}}", json_escape(report.grid->id),
              json_escape(report.grid->version), json_escape(report.grid->sha256));
  else
    out.add("null");
  out.add(",\n  \"dossiers\": [");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.add(i ? ",\n    " : "\n    ");
    json_row(report, rows[i], budget, out);
  }
  out.add(rows.empty() ? "],\n  \"groups\": [" : "\n  ],\n  \"groups\": [");
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    out.add(i ? ",\n    " : "\n    ");
    json_group(*report.group_by, report.groups[i], rows, budget, out);
  }
  out.add(report.groups.empty() ? "],\n" : "\n  ],\n");
  out.print("  \"diagnostics\": {},\n", json_diagnostics(report));
  out.print("  \"budget\": {},\n  \"funded_total\": {},\n  \"would_fit\": ", json_number(f.budget),
            budget ? json_number(f.funded_total) : "null");
  if (!budget) {
    out.add("null");
  } else {
    std::vector<std::string> ids;
    for (std::size_t i : f.would_fit) ids.push_back(rows[i].dossier);
    out.add(json_string_list(ids));
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
