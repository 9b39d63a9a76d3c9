// The fixed words of `rank` reports, French and English. Sentences with {placeholders} are
// filled with fmt::format(fmt::runtime(...), fmt::arg(...)).
#include "ess/report/rank_report.hpp"

namespace ess {

namespace {

const RankWords french = {
    .heading = "Classement des dossiers",
    .grid = "Grille",
    .dossiers =
        "Dossiers : {count} ({files} fichiers lus) — classés : {ranked}, inéligibles : "
        "{ineligible}, incomplets : {incomplete}",
    .filters = "Filtres",
    .filter_call = "appel",
    .filter_territory = "territoire",
    .filter_theme = "thème",
    .filtered_out = "dossiers écartés : {count}",
    .other_calls = "dossiers d'autres appels : {count}",
    .call_line = "Appel",
    .budget =
        "Budget : {budget} — dossiers financés : {count}, pour {funded} ; reliquat : "
        "{remaining}",
    .ranking = "Classement",
    .rank = "Rang",
    .dossier = "Dossier",
    .title = "Titre",
    .total = "Total",
    .decision = "Décision",
    .requested = "Demandé",
    .cumulative = "Cumul",
    .funded = "Financé",
    .flags = "Points d'attention",
    .no_ranked = "Aucun dossier classé.",
    .funding_line = "Ligne de financement",
    .funding_line_text = "budget {budget} : {funded} engagés, reliquat {remaining}",
    .funding_line_all =
        "budget {budget} : tous les dossiers classés tiennent ({funded} engagés, "
        "reliquat {remaining})",
    .axes_legend = "Axes (note sur 100)",
    .weight = "poids",
    .unranked = "Dossiers non classés",
    .unranked_intro =
        "Inéligibles puis incomplets : hors classement et hors ligne de "
        "financement. Leur total n'est qu'indicatif.",
    .indicative_total = "Total indicatif",
    .reason = "Motif",
    .eliminatory = "condition éliminatoire non remplie",
    .missing = "critères manquants",
    .below_line = "Hors ligne mais finançables",
    .below_line_intro =
        "Classés sous la ligne de financement, ces dossiers tiendraient chacun "
        "dans le reliquat de {remaining}. Ils ne sont pas financés : le comité "
        "décide des exceptions.",
    .below_line_none = "Aucun dossier sous la ligne ne tient dans le reliquat de {remaining}.",
    .group_heading = {"Par appel à projets", "Par territoire", "Par thème"},
    .group_column = {"Appel", "Territoire", "Thème"},
    .not_given = "(non renseigné)",
    .count = "Dossiers",
    .ranked = "Classés",
    .mean = "Moyenne",
    .median = "Médiane",
    .groups_intro =
        "Moyenne et médiane des totaux des dossiers classés ; rang dans le groupe, "
        "puis rang général.",
    .group_rank = "Rang",
    .overall_rank = "Rang général",
    .flag_self_only = "auto-évaluation seule",
    .flag_disagreement = "désaccord entre évaluateurs",
    .flag_split_decision = "évaluateurs de part et d'autre d'une limite de décision",
    .flag_partial_na = "N/A partiel",
    .flag_below_minimum = "sous le minimum",
    .flag_na = "N/A",
    .flag_would_fit = "finançable hors ligne",
};

const RankWords english = {
    .heading = "Ranking of dossiers",
    .grid = "Grid",
    .dossiers =
        "Dossiers: {count} ({files} files read) — ranked: {ranked}, ineligible: "
        "{ineligible}, incomplete: {incomplete}",
    .filters = "Filters",
    .filter_call = "call",
    .filter_territory = "territory",
    .filter_theme = "theme",
    .filtered_out = "dossiers left out: {count}",
    .other_calls = "dossiers of other calls: {count}",
    .call_line = "Call",
    .budget = "Budget: {budget} — dossiers funded: {count}, for {funded}; left: {remaining}",
    .ranking = "Ranking",
    .rank = "Rank",
    .dossier = "Dossier",
    .title = "Title",
    .total = "Total",
    .decision = "Decision",
    .requested = "Requested",
    .cumulative = "Cumulative",
    .funded = "Funded",
    .flags = "To look at",
    .no_ranked = "No dossier ranked.",
    .funding_line = "Funding line",
    .funding_line_text = "budget {budget}: {funded} committed, {remaining} left",
    .funding_line_all =
        "budget {budget}: every ranked dossier fits ({funded} committed, "
        "{remaining} left)",
    .axes_legend = "Axes (score out of 100)",
    .weight = "weight",
    .unranked = "Unranked dossiers",
    .unranked_intro =
        "Ineligible, then incomplete: outside the ranking and the funding line. "
        "Their total is only indicative.",
    .indicative_total = "Indicative total",
    .reason = "Why",
    .eliminatory = "eliminatory condition not met",
    .missing = "missing criteria",
    .below_line = "Below the line but fundable",
    .below_line_intro =
        "Ranked below the funding line, each of these dossiers would fit in "
        "the {remaining} left. They are not funded: exceptions are for the "
        "committee to decide.",
    .below_line_none = "No dossier below the line fits in the {remaining} left.",
    .group_heading = {"By call for projects", "By territory", "By theme"},
    .group_column = {"Call", "Territory", "Theme"},
    .not_given = "(not given)",
    .count = "Dossiers",
    .ranked = "Ranked",
    .mean = "Mean",
    .median = "Median",
    .groups_intro =
        "Mean and median of the ranked dossiers' totals; rank within the group, "
        "then overall rank.",
    .group_rank = "Rank",
    .overall_rank = "Overall rank",
    .flag_self_only = "self-assessment only",
    .flag_disagreement = "assessors disagree",
    .flag_split_decision = "assessors on both sides of a decision band",
    .flag_partial_na = "partly N/A",
    .flag_below_minimum = "below minimum",
    .flag_na = "N/A",
    .flag_would_fit = "fundable below the line",
};

}  // namespace

const RankWords& rank_words(Language language) {
  return language == Language::en ? english : french;
}

}  // namespace ess
