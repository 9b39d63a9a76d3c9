// `grid impact` as Markdown, CSV and JSON.
#include "ess/report/grid_impact_render.hpp"

#include <fmt/format.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "ess/model/format.hpp"
#include "ess/report/i18n.hpp"

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
    "Décisions qui changent : {count}.",
    "Dossiers invalides sous la nouvelle grille : {count}.",
    "τ de Kendall entre les deux classements : {tau} (sur {count} dossiers classés sous les "
    "deux ; 1 : même ordre, −1 : ordre inverse).",
    "τ de Kendall entre les deux classements : non défini ({count} dossier(s) classés sous les "
    "deux).",
    "Décisions qui changent",
    "Dossiers",
    "(invalide)",
    "Dossiers",
    "Dossier",
    "Total avant",
    "Total après",
    "Écart",
    "Rang avant",
    "Rang après",
    "Décision avant",
    "Décision après",
    "Critères qui ont le plus bougé (points)",
    "Triés par écart absolu décroissant. Apport d'un critère : 100 × poids effectif × score "
    "normalisé. Rangs : parmi les dossiers recevables (ni inéligibles, ni incomplets).",
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
    "weight × normalised score. Ranks: among the dossiers that are neither ineligible nor "
    "incomplete.",
    "Dossiers invalid under the new grid",
    "already invalid under the old grid",
    "Every dossier is scored under both grids, whatever version it pins.",
    "No dossier to compare.",
};

const ImpactWords& impact_words(Language l) {
  return l == Language::en ? english : french;
}

std::string signed_fixed(double v) {
  std::string s = format_fixed(v, 1);
  return s[0] == '-' || s == "0.0" ? s : "+" + s;
}

std::string cell(const std::string& s) {
  return md_cell(md_text(s));
}

std::string shifts_text(const ImpactRow& r) {
  std::vector<std::string> parts;
  for (const auto& s : r.shifts)
    parts.push_back(fmt::format("`{}` {}", s.criterion, signed_fixed(s.delta())));
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

}  // namespace

std::string render_impact_markdown(const ImpactReport& r, const ImpactOptions&) {
  const ImpactWords& w = impact_words(r.language);
  std::string grid = r.old_grid.id == r.new_grid.id
                         ? fmt::format("`{}`", r.old_grid.id)
                         : fmt::format("`{}` → `{}`", r.old_grid.id, r.new_grid.id);
  std::string out =
      fmt::format(fmt::runtime(w.heading), fmt::arg("grid", grid),
                  fmt::arg("old", r.old_grid.version), fmt::arg("new", r.new_grid.version));
  out += "\n\n" + identity_table(r, w);
  out += fmt::format("{}\n\n", w.pinned_note);
  std::size_t both = 0;
  for (const auto& row : r.rows) both += row.before.valid && row.after.valid;
  out += fmt::format("## {}\n\n", w.summary);
  out += "- " +
         fmt::format(fmt::runtime(w.compared), fmt::arg("count", both),
                     fmt::arg("ranked", r.ranked_in_both)) +
         "\n";
  out += "- " + fmt::format(fmt::runtime(w.changed), fmt::arg("count", r.decisions_changed)) + "\n";
  out += "- " +
         fmt::format(fmt::runtime(w.invalid), fmt::arg("count", r.invalid_under_new.size())) + "\n";
  out += "- " +
         (r.kendall_tau
              ? fmt::format(fmt::runtime(w.tau), fmt::arg("tau", format_fixed(*r.kendall_tau, 2)),
                            fmt::arg("count", r.ranked_in_both))
              : fmt::format(fmt::runtime(w.tau_none), fmt::arg("count", r.ranked_in_both))) +
         "\n\n";
  if (!r.transitions.empty()) {
    out += fmt::format("### {}\n\n| {} | {} | {} |\n|---|---|---|\n", w.transitions, w.before,
                       w.after, w.dossiers);
    for (const auto& t : r.transitions) {
      std::vector<std::string> ids;
      for (const auto& id : t.dossiers) ids.push_back(cell(id));
      out += fmt::format("| {} | {} | {} |\n", t.before.empty() ? w.invalid_word : cell(t.before),
                         t.after.empty() ? w.invalid_word : cell(t.after), fmt::join(ids, ", "));
    }
    out += '\n';
  }
  out += fmt::format("## {}\n\n", w.table);
  if (r.rows.empty()) return out + w.no_dossier + "\n";
  out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", w.dossier, w.total_before,
                     w.total_after, w.delta, w.rank_before, w.rank_after, w.decision_before,
                     w.decision_after, w.moved);
  out += "|---|--:|--:|--:|--:|--:|---|---|---|\n";
  auto total = [](const ImpactSide& s) { return s.valid ? format_fixed(s.total, 1) : "—"; };
  auto rank = [](const ImpactSide& s) { return s.rank ? std::to_string(*s.rank) : "—"; };
  for (const auto& row : r.rows) {
    auto d = row.delta();
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", cell(row.dossier),
                       total(row.before), total(row.after), d ? signed_fixed(*d) : "—",
                       rank(row.before), rank(row.after), decision_cell(row.before, w),
                       decision_cell(row.after, w), shifts_text(row));
  }
  out += fmt::format("\n{}\n", w.table_note);
  if (!r.invalid_under_new.empty()) {
    out += fmt::format("\n## {}\n\n", w.invalid_heading);
    for (std::size_t i : r.invalid_under_new) {
      const ImpactRow& row = r.rows[i];
      out += fmt::format("- {} ({}){}\n", cell(row.dossier), cell(row.file),
                         row.before.valid ? "" : fmt::format(" — {}", w.already_invalid));
      for (const auto& d : row.after.diagnostics)
        if (d.severity == Severity::error) out += fmt::format("  - {}\n", cell(diagnostic_line(d)));
    }
  }
  return out;
}

std::string render_impact_csv(const ImpactReport& r, const ImpactOptions& options) {
  char sep = options.csv_separator;
  std::string out = fmt::format(
      "dossier{0}total_before{0}total_after{0}delta{0}rank_before{0}rank_after{0}"
      "decision_before{0}decision_after{0}status_before{0}status_after\r\n",
      sep);
  auto total = [](const ImpactSide& s) { return s.valid ? format_shortest(s.total) : ""; };
  auto rank = [](const ImpactSide& s) { return s.rank ? std::to_string(*s.rank) : ""; };
  auto status = [](const ImpactSide& s) { return s.valid ? status_token(s.status) : "invalid"; };
  for (const auto& row : r.rows) {
    auto d = row.delta();
    out += fmt::format("{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}{0}{8}{0}{9}{0}{10}\r\n", sep,
                       csv_field(row.dossier, sep), total(row.before), total(row.after),
                       d ? format_shortest(*d) : "", rank(row.before), rank(row.after),
                       csv_field(row.before.decision, sep), csv_field(row.after.decision, sep),
                       status(row.before), status(row.after));
  }
  return out;
}

namespace {

std::string json_grid(const GridIdentity& g) {
  return fmt::format("{{\"id\": {}, \"version\": {}, \"file\": {}, \"sha256\": {}}}",
                     json_escape(g.id), json_escape(g.version), json_escape(g.file),
                     json_escape(g.sha256));
}

std::string json_diagnostic(const Diagnostic& d) {
  return fmt::format(
      "{{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": \"{}\", \"code\": {}, "
      "\"message\": {}, \"hint\": {}}}",
      json_escape(d.file), d.pos.line, d.pos.col, severity_name(d.severity), json_escape(d.code),
      json_escape(d.message), json_escape(d.hint));
}

std::string json_side_fields(const ImpactSide& s, const char* suffix) {
  auto null_or = [](bool has, const std::string& v) { return has ? v : std::string("null"); };
  return fmt::format(
      "\"total_{0}\": {1}, \"rank_{0}\": {2}, \"decision_{0}\": {3}, \"status_{0}\": \"{4}\"",
      suffix, null_or(s.valid, format_shortest(s.total)),
      null_or(s.rank.has_value(), s.rank ? std::to_string(*s.rank) : ""),
      null_or(s.valid, json_escape(s.decision)), s.valid ? status_token(s.status) : "invalid");
}

}  // namespace

std::string render_impact_json(const ImpactReport& r, const ImpactOptions&) {
  std::string out = "{\n";
  out +=
      fmt::format("  \"old\": {},\n  \"new\": {},\n", json_grid(r.old_grid), json_grid(r.new_grid));
  out += "  \"dossiers\": [";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const ImpactRow& row = r.rows[i];
    auto d = row.delta();
    std::vector<std::string> shifts;
    for (const auto& s : row.shifts)
      shifts.push_back(
          fmt::format("{{\"criterion\": {}, \"before\": {}, \"after\": {}, \"delta\": {}}}",
                      json_escape(s.criterion), format_shortest(s.before), format_shortest(s.after),
                      format_shortest(s.delta())));
    out += fmt::format(
        "{}\n    {{\"dossier\": {}, \"file\": {}, {}, {}, \"delta\": {}, \"moved\": [{}]}}",
        i ? "," : "", json_escape(row.dossier), json_escape(row.file),
        json_side_fields(row.before, "before"), json_side_fields(row.after, "after"),
        d ? format_shortest(*d) : "null", fmt::join(shifts, ", "));
  }
  out += r.rows.empty() ? "],\n" : "\n  ],\n";
  out += "  \"summary\": {\n";
  std::vector<std::string> transitions;
  for (const auto& t : r.transitions) {
    std::vector<std::string> ids;
    for (const auto& id : t.dossiers) ids.push_back(json_escape(id));
    transitions.push_back(fmt::format(
        "{{\"before\": {}, \"after\": {}, \"count\": {}, \"dossiers\": [{}]}}",
        t.before.empty() ? "null" : json_escape(t.before),
        t.after.empty() ? "null" : json_escape(t.after), t.dossiers.size(), fmt::join(ids, ", ")));
  }
  std::vector<std::string> invalid;
  for (std::size_t i : r.invalid_under_new) {
    const ImpactRow& row = r.rows[i];
    std::vector<std::string> diags;
    for (const auto& d : row.after.diagnostics) diags.push_back(json_diagnostic(d));
    invalid.push_back(fmt::format("{{\"dossier\": {}, \"file\": {}, \"diagnostics\": [{}]}}",
                                  json_escape(row.dossier), json_escape(row.file),
                                  fmt::join(diags, ", ")));
  }
  out += fmt::format("    \"dossiers\": {},\n", r.rows.size());
  out += fmt::format("    \"decisions_changed\": {},\n", r.decisions_changed);
  out += fmt::format("    \"transitions\": [{}],\n", fmt::join(transitions, ", "));
  out += fmt::format("    \"invalid_under_new\": [{}],\n", fmt::join(invalid, ", "));
  out += fmt::format("    \"ranked_in_both\": {},\n", r.ranked_in_both);
  out += fmt::format("    \"kendall_tau\": {}\n  }},\n",
                     r.kendall_tau ? format_shortest(*r.kendall_tau) : "null");
  std::vector<std::string> diags;
  for (const auto& d : r.diagnostics) diags.push_back(json_diagnostic(d));
  out += fmt::format("  \"diagnostics\": [{}]\n}}\n", fmt::join(diags, ", "));
  return out;
}

}  // namespace ess
