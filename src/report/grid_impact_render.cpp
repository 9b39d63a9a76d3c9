// `grid impact` as Markdown, CSV and JSON.
#include "ess/report/grid_impact_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "chunk_writer.hpp"
#include "csv_words.hpp"
#include "ess/model/csv_writer.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/report/i18n.hpp"
#include "word_tables.hpp"

namespace ess {

namespace {

struct ImpactWords {
  const char* heading;  // {grid} {old} {new}
  const char *grid, *file, *before, *after;
  const char* summary;
  const char* compared;  // {count} {ranked}
  const char* changed;   // {count}
  const char* invalid;   // {count}
  const char* tau;       // {tau} {count}
  const char* tau_none;  // {count}
  const char *transitions, *dossiers, *invalid_word;
  const char* table;
  const char *dossier, *total_before, *total_after, *delta, *rank_before, *rank_after;
  const char *decision_before, *decision_after, *moved;
  const char* table_note;
  const char* invalid_heading;
  const char* already_invalid;
  const char* pinned_note;
  const char* no_dossier;
};

const ImpactWords french{
    "# Impact du changement de grille {grid} : {old} → {new}",
    "Grille",
    "Fichier",
    "Avant",
    "Après",
    "Résumé",
    "{count} dossier(s) notés sous les deux grilles ; {ranked} classés sous les deux.",
    "Avis qui changent : {count}.",
    "Dossiers invalides sous la nouvelle grille : {count}.",
    "τ de Kendall entre les deux classements : {tau} (sur {count} dossiers classés sous les "
    "deux ; 1 : même ordre, −1 : ordre inverse).",
    "τ de Kendall entre les deux classements : non défini ({count} dossier(s) classés sous les "
    "deux).",
    "Avis qui changent",
    "Dossiers",
    "(invalide)",
    "Dossiers",
    "Dossier",
    "Total avant",
    "Total après",
    "Écart",
    "Rang avant",
    "Rang après",
    "Avis avant",
    "Avis après",
    "Critères qui ont le plus bougé (points)",
    "Triés par écart absolu décroissant. Apport d'un critère : 100 × poids effectif × score "
    "normalisé. Rangs : parmi les dossiers recevables (ni inéligibles, ni incomplets, ni non "
    "évalués).",
    "Dossiers invalides sous la nouvelle grille",
    "déjà invalide sous l'ancienne grille",
    "Chaque dossier est noté sous les deux grilles, quelle que soit la version qu'il épingle.",
    "Aucun dossier à comparer.",
};

const ImpactWords english{
    "# Impact of the grid change {grid}: {old} → {new}",
    "Grid",
    "File",
    "Before",
    "After",
    "Summary",
    "{count} dossier(s) scored under both grids; {ranked} ranked under both.",
    "Decisions that change: {count}.",
    "Dossiers invalid under the new grid: {count}.",
    "Kendall's τ between the two rankings: {tau} (over {count} dossiers ranked under both; "
    "1: same order, −1: reversed).",
    "Kendall's τ between the two rankings: undefined ({count} dossier(s) ranked under both).",
    "Decisions that change",
    "Dossiers",
    "(invalid)",
    "Dossiers",
    "Dossier",
    "Total before",
    "Total after",
    "Delta",
    "Rank before",
    "Rank after",
    "Decision before",
    "Decision after",
    "Criteria that moved most (points)",
    "Sorted by absolute delta, largest first. A criterion's contribution: 100 × effective "
    "weight × normalised score. Ranks: among the dossiers that are neither ineligible, "
    "incomplete nor unassessed.",
    "Dossiers invalid under the new grid",
    "already invalid under the old grid",
    "Every dossier is scored under both grids, whatever version it pins.",
    "No dossier to compare.",
};

const ImpactWords& impact_words(Language l) {
  return l == Language::en ? english : french;
}

}  // namespace

word_tables::WordList word_tables::grid_impact_words(Language language) {
  return flatten<const char*>(impact_words(language));
}

namespace {

std::string cell(const std::string& s) {
  return md_cell(md_text(s));
}

std::string shifts_text(const ImpactRow& r, const NumberWords& num) {
  std::vector<std::string> parts;
  for (const auto& s : r.shifts)
    parts.push_back(fmt::format("`{}` {}", s.criterion, num.signed_score(s.delta())));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string identity_table(const ImpactReport& r, const ImpactWords& w) {
  std::string out =
      fmt::format("| | {} | Version | {} | SHA-256 |\n|---|---|---|---|---|\n", w.grid, w.file);
  auto line = [&](const char* label, const GridIdentity& g) {
    out += fmt::format("| {} | `{}` | {} | {} | `{}` |\n", label, g.id, md_cell(g.version),
                       cell(g.file), g.sha256.substr(0, 12));
  };
  line(w.before, r.old_grid);
  line(w.after, r.new_grid);
  return out + "\n";
}

std::string decision_cell(const ImpactSide& s, const ImpactWords& w) {
  return s.valid ? cell(s.decision) : w.invalid_word;
}

std::string diagnostic_line(const Diagnostic& d) {
  std::string where = d.pos.line ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.col) : d.file;
  std::string text = d.hint.empty() ? d.message : fmt::format("{}; {}", d.message, d.hint);
  return fmt::format("{}: {}: {} [{}]", where, severity_name(d.severity), text, d.code);
}

std::string summary_lines(const ImpactSummary& s, const ImpactWords& w, const NumberWords& num) {
  std::string out = fmt::format("## {}\n\n", w.summary);
  out += "- " +
         fmt::format(fmt::runtime(w.compared), fmt::arg("count", s.valid_in_both),
                     fmt::arg("ranked", s.ranked_in_both)) +
         "\n";
  out += "- " + fmt::format(fmt::runtime(w.changed), fmt::arg("count", s.decisions_changed)) + "\n";
  out += "- " + fmt::format(fmt::runtime(w.invalid), fmt::arg("count", s.invalid_under_new)) + "\n";
  out += "- " +
         (s.kendall_tau
              ? fmt::format(fmt::runtime(w.tau), fmt::arg("tau", num.fixed(*s.kendall_tau, 2)),
                            fmt::arg("count", s.ranked_in_both))
              : fmt::format(fmt::runtime(w.tau_none), fmt::arg("count", s.ranked_in_both))) +
         "\n\n";
  return out;
}

// One table line per change of decision, its dossiers' ids streamed into the last cell.
void md_transitions(const ImpactReport& r, const ImpactWords& w, ChunkWriter& out) {
  if (r.summary.transitions.empty()) return;
  out.print("### {}\n\n| {} | {} | {} |\n|---|---|---|\n", w.transitions, w.before, w.after,
            w.dossiers);
  auto side = [&](const std::string& d) {
    return d.empty() ? std::string(w.invalid_word) : cell(d);
  };
  bool open = false;
  std::string last_before, last_after;
  r.changed([&](const std::string& b, const std::string& a, const std::string& id) {
    if (!open || b != last_before || a != last_after) {
      if (open) out.add(" |\n");
      open = true;
      last_before = b;
      last_after = a;
      out.print("| {} | {} | {}", side(b), side(a), cell(id));
    } else {
      out.print(", {}", cell(id));
    }
  });
  if (open) out.add(" |\n");
  out.add("\n");
}

void md_rows(const ImpactReport& r, const ImpactWords& w, const NumberWords& num,
             ChunkWriter& out) {
  out.print("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", w.dossier, w.total_before,
            w.total_after, w.delta, w.rank_before, w.rank_after, w.decision_before,
            w.decision_after, w.moved);
  out.add("|------|---:|---:|---:|---:|---:|------|------|--------|\n");
  auto total = [&](const ImpactSide& s) { return s.valid ? num.score(s.total) : "—"; };
  auto rank = [](const ImpactSide& s) { return s.rank ? std::to_string(*s.rank) : "—"; };
  r.rows([&](const ImpactRow& row) {
    auto d = row.delta();
    out.print("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", cell(row.dossier),
              total(row.before), total(row.after), d ? num.signed_score(*d) : "—", rank(row.before),
              rank(row.after), decision_cell(row.before, w), decision_cell(row.after, w),
              shifts_text(row, num));
  });
  out.print("\n{}\n", w.table_note);
}

void md_invalid(const ImpactReport& r, const ImpactWords& w, ChunkWriter& out) {
  if (r.summary.invalid_under_new == 0) return;
  out.print("\n## {}\n\n", w.invalid_heading);
  r.invalid_under_new([&](const ImpactRow& row) {
    out.print("- {} ({}){}\n", cell(row.dossier), cell(row.file),
              row.before.valid ? "" : fmt::format(" — {}", w.already_invalid));
    for (const auto& d : row.after.diagnostics)
      if (d.severity == Severity::error) out.print("  - {}\n", cell(diagnostic_line(d)));
  });
}

void render_markdown(const ImpactReport& r, const NumberWords& num, ChunkWriter& out) {
  const ImpactWords& w = impact_words(num.language());
  std::string grid = r.old_grid.id == r.new_grid.id
                         ? fmt::format("`{}`", r.old_grid.id)
                         : fmt::format("`{}` → `{}`", r.old_grid.id, r.new_grid.id);
  out.add(fmt::format(fmt::runtime(w.heading), fmt::arg("grid", grid),
                      fmt::arg("old", r.old_grid.version), fmt::arg("new", r.new_grid.version)));
  out.add("\n\n" + identity_table(r, w));
  out.print("{}\n\n", w.pinned_note);
  out.add(summary_lines(r.summary, w, num));
  md_transitions(r, w, out);
  out.print("## {}\n\n", w.table);
  if (r.summary.rows == 0) {
    out.print("{}\n", w.no_dossier);
    return;
  }
  md_rows(r, w, num, out);
  md_invalid(r, w, out);
}

void render_csv(const ImpactReport& r, const ReportOptions& options, ChunkWriter& out) {
  std::string line;
  constexpr const char* columns[] = {
      "dossier",    "total_before",    "total_after",    "delta",         "rank_before",
      "rank_after", "decision_before", "decision_after", "status_before", "status_after"};
  csv_header_row(line, options, columns);
  out.add(line);
  auto total = [](const ImpactSide& s) { return s.valid ? std::optional(s.total) : std::nullopt; };
  auto rank = [](const ImpactSide& s) {
    return s.rank ? std::optional<std::uint64_t>(*s.rank) : std::nullopt;
  };
  auto status = [](const ImpactSide& s) { return s.valid ? status_token(s.status) : "invalid"; };
  r.rows([&](const ImpactRow& row) {
    line.clear();
    csv::Row c(line, options.csv());
    c.text(row.dossier).number(total(row.before), csv::Rounding::score);
    c.number(total(row.after), csv::Rounding::score).number(row.delta(), csv::Rounding::score);
    c.integer(rank(row.before)).integer(rank(row.after));
    c.text(row.before.decision).text(row.after.decision);
    c.text(status(row.before)).text(status(row.after));
    c.end();
    out.add(line);
  });
}

void json_grid(json::Writer& j, const char* key, const GridIdentity& g) {
  j.key(key).begin_object(json::Layout::inline_);
  j.key("id").string(g.id);
  j.key("version").string(g.version);
  j.key("file").string(g.file);
  j.key("sha256").string(g.sha256);
  j.end_object();
}

void json_side(json::Writer& j, const ImpactSide& s, const char* suffix) {
  auto name = [&](const char* field) { return fmt::format("{}_{}", field, suffix); };
  j.key(name("total"));
  if (s.valid)
    j.number(s.total);
  else
    j.null();
  j.key(name("rank"))
      .optional_integer(s.rank ? std::optional<std::uint64_t>(*s.rank) : std::nullopt);
  j.key(name("decision")).optional_string(s.valid ? &s.decision : nullptr);
  j.key(name("status")).string(s.valid ? status_token(s.status) : "invalid");
}

void json_row(json::Writer& j, const ImpactRow& row) {
  j.begin_object(json::Layout::inline_);
  j.key("dossier").string(row.dossier);
  j.key("file").string(row.file);
  json_side(j, row.before, "before");
  json_side(j, row.after, "after");
  j.key("delta").number(row.delta());
  j.key("moved").begin_array();
  for (const auto& s : row.shifts) {
    j.begin_object();
    j.key("criterion").string(s.criterion);
    j.key("before").number(s.before);
    j.key("after").number(s.after);
    j.key("delta").number(s.delta());
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

// The changes of decision, one object per (before, after) with its dossiers' ids streamed.
void json_transitions(json::Writer& j, const ImpactReport& r) {
  j.key("transitions").begin_array(json::Layout::inline_);
  auto counts = r.summary.transitions.begin();
  bool open = false;
  std::string last_before, last_after;
  auto text_or_null = [&](const std::string& t) { j.optional_string(t.empty() ? nullptr : &t); };
  r.changed([&](const std::string& b, const std::string& a, const std::string& id) {
    if (!open || b != last_before || a != last_after) {
      if (open) j.end_array().end_object();
      while (counts != r.summary.transitions.end() && (counts->before != b || counts->after != a))
        ++counts;
      last_before = b;
      last_after = a;
      open = true;
      j.begin_object();
      j.key("before");
      text_or_null(b);
      j.key("after");
      text_or_null(a);
      j.key("count").integer(counts != r.summary.transitions.end() ? counts->count : 0);
      j.key("dossiers").begin_array();
    }
    j.string(id);
  });
  if (open) j.end_array().end_object();
  j.end_array();
}

void json_summary(json::Writer& j, const ImpactReport& r) {
  j.key("summary").begin_object();
  j.key("dossiers").integer(r.summary.rows);
  j.key("decisions_changed").integer(r.summary.decisions_changed);
  json_transitions(j, r);
  j.key("invalid_under_new").begin_array(json::Layout::inline_);
  r.invalid_under_new([&](const ImpactRow& row) {
    j.begin_object();
    j.key("dossier").string(row.dossier);
    j.key("file").string(row.file);
    j.key("diagnostics").begin_array();
    for (const auto& d : row.after.diagnostics) write_diagnostic_json(j, d);
    j.end_array();
    j.end_object();
  });
  j.end_array();
  j.key("ranked_in_both").integer(r.summary.ranked_in_both);
  j.key("kendall_tau").number(r.summary.kendall_tau);
  j.end_object();
}

void render_json(const ImpactReport& r, ChunkWriter& out) {
  json::Writer j([&](std::string_view chunk) { out.add(chunk); });
  j.begin_object();
  json_grid(j, "old", r.old_grid);
  json_grid(j, "new", r.new_grid);
  j.key("dossiers").begin_array();
  r.rows([&](const ImpactRow& row) { json_row(j, row); });
  j.end_array();
  json_summary(j, r);
  j.key("diagnostics").begin_array(json::Layout::inline_);
  if (r.diagnostics) r.diagnostics([&](const Diagnostic& d) { write_diagnostic_json(j, d); });
  j.end_array();
  j.end_object();
  std::move(j).finish();
}

}  // namespace

void render_impact(const ImpactReport& report, ReportFormat format, const ReportOptions& options,
                   const std::function<void(std::string_view)>& sink) {
  ChunkWriter out(sink);
  switch (format) {
    case ReportFormat::markdown:
      render_markdown(report, options.numbers(), out);
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

std::string render_impact(const ImpactReport& report, ReportFormat format,
                          const ReportOptions& options) {
  std::string text;
  render_impact(report, format, options, [&](std::string_view chunk) { text.append(chunk); });
  return text;
}

ImpactReport impact_report(const ImpactTables& tables, const std::vector<Diagnostic>& diagnostics) {
  ImpactReport r;
  r.old_grid = tables.old_grid;
  r.new_grid = tables.new_grid;
  r.summary = tables.summary;
  r.rows = [&tables](const std::function<void(const ImpactRow&)>& fn) {
    for (const ImpactRow& row : tables.rows) fn(row);
  };
  r.changed = [&tables](const TransitionVisitor& fn) {
    for (const auto& t : tables.transitions)
      for (const auto& id : t.dossiers) fn(t.before, t.after, id);
  };
  r.invalid_under_new = [&tables](const std::function<void(const ImpactRow&)>& fn) {
    for (std::size_t i : tables.invalid_under_new) fn(tables.rows[i]);
  };
  r.diagnostics = [&diagnostics](const std::function<void(const Diagnostic&)>& fn) {
    for (const auto& d : diagnostics) fn(d);
  };
  return r;
}

}  // namespace ess
