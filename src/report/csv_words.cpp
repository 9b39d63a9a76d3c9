#include "csv_words.hpp"

#include <fmt/format.h>

#include "ess/report/i18n.hpp"
#include "word_tables.hpp"

namespace ess {

namespace {

struct Heading {
  std::string_view token, fr, en;
};

// Every column of every CSV output (score, index, rank, grid diff, grid impact, sensitivity).
constexpr Heading headings[] = {
    {"dossier", "Dossier", "Dossier"},
    {"criterion", "Critère", "Criterion"},
    {"path", "Chemin", "Path"},
    {"level", "Niveau", "Level"},
    {"value", "Valeur", "Value"},
    {"s", "Score (0 à 1)", "Score (0 to 1)"},
    {"weight", "Poids", "Weight"},
    {"effective_weight", "Poids effectif (0 à 1)", "Effective weight (0 to 1)"},
    {"target", "Cible", "Target"},
    {"gap", "Écart à la cible", "Gap to target"},
    {"points_to_gain", "Points à gagner", "Points to gain"},
    {"spread", "Écart entre évaluateurs (0 à 1)", "Spread between assessors (0 to 1)"},
    {"self_gap", "Écart d'auto-évaluation (0 à 1)", "Self-assessment gap (0 to 1)"},
    {"status", "Statut", "Status"},
    {"title", "Titre", "Title"},
    {"total", "Total", "Total"},
    {"decision", "Avis", "Decision"},
    {"file", "Fichier", "File"},
    {"rank", "Rang", "Rank"},
    {"requested", "Montant demandé", "Amount requested"},
    {"cumulative", "Cumul", "Cumulative"},
    {"funded", "Financé", "Funded"},
    {"flags", "Points d'attention", "Flags"},
    {"bump", "Version à incrémenter", "Version bump"},
    {"subject", "Objet", "Subject"},
    {"id", "Identifiant", "Id"},
    {"change", "Modification", "Change"},
    {"old", "Avant", "Before"},
    {"new", "Après", "After"},
    {"detail", "Détail", "Detail"},
    {"total_before", "Total avant", "Total before"},
    {"total_after", "Total après", "Total after"},
    {"delta", "Écart", "Change"},
    {"rank_before", "Rang avant", "Rank before"},
    {"rank_after", "Rang après", "Rank after"},
    {"decision_before", "Avis avant", "Decision before"},
    {"decision_after", "Avis après", "Decision after"},
    {"status_before", "Statut avant", "Status before"},
    {"status_after", "Statut après", "Status after"},
    {"total_p5", "Total (5e centile)", "Total (5th percentile)"},
    {"total_p95", "Total (95e centile)", "Total (95th percentile)"},
    {"rank_p5", "Rang (5e centile)", "Rank (5th percentile)"},
    {"rank_p95", "Rang (95e centile)", "Rank (95th percentile)"},
};

// The header of a sensitivity column, {} the outcome's label (csv_probability_heading).
constexpr Heading probability = {"p_", "Probabilité {} (0 à 1)", "Probability {} (0 to 1)"};

}  // namespace

word_tables::WordList word_tables::csv_heading_words(Language language) {
  WordList out;
  for (const Heading& h : headings) out.push_back(language == Language::en ? h.en : h.fr);
  out.push_back(language == Language::en ? probability.en : probability.fr);
  return out;
}

std::string csv_heading(std::string_view column, const ReportOptions& options) {
  if (!options.spreadsheet) return std::string(column);
  for (const Heading& h : headings)
    if (h.token == column) return std::string(options.language == Language::fr ? h.fr : h.en);
  return std::string(column);
}

std::string csv_probability_heading(std::string_view label, const ReportOptions& options) {
  if (!options.spreadsheet) return std::string(probability.token) + std::string(label);
  return fmt::format(
      fmt::runtime(options.language == Language::fr ? probability.fr : probability.en),
      quoted(label, options.language));
}

std::string_view csv_yes_no(bool value, const ReportOptions& options) {
  if (!options.spreadsheet) return value ? "true" : "false";
  const ReportWords& w = report_words(options.language);
  return value ? w.yes : w.no;
}

}  // namespace ess
