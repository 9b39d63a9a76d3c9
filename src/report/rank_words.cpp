// The fixed words of `rank` reports, French and English. Sentences with {placeholders} are
// filled with fmt::format(fmt::runtime(...), fmt::arg(...)).
#include "ess/report/rank_report.hpp"

namespace ess {

namespace {

const RankWords french = {
    .heading = "Classement des dossiers",
    .grid = "Grille",
    .dossiers =
        "Fichiers lus : {files} — classés : {ranked}, inéligibles : {ineligible}, incomplets : "
        "{incomplete}, non évalués : {not_assessed}, invalides : {invalid}",
    .filtered = ", écartés par les filtres : {count}",
    .filters = "Filtres",
    .filter_call = "appel",
    .filter_territory = "territoire",
    .filter_theme = "thématique",
    .other_calls = ", d'autres appels : {count}",
    .call_line = "Appel",
    .budget =
        "Budget : {budget} — dossiers financés : {count}, pour {funded} ; reliquat : "
        "{remaining}",
    .budgets =
        "Budgets {by} : {list} — dossiers financés : {count}, pour {funded} ; reliquat : "
        "{remaining}",
    .budgets_by = {"par appel", "par territoire", "par thématique"},
    .no_budget = "Pas de budget pour ce groupe : aucun de ses dossiers n'est financé.",
    .ranking = "Classement",
    .rank = "Rang",
    .dossier = "Dossier",
    .title = "Titre",
    .total = "Total",
    .decision = "Avis",
    .requested = "Demandé",
    .cumulative = "Cumul",
    .funded = "Financé",
    .flags = "Points d'attention",
    .no_ranked = "Aucun dossier classé.",
    .funding_line = "Ligne de financement",
    .funding_line_text = "budget {budget} : {funded} engagés, reliquat {remaining} ; {why}",
    .funding_line_all =
        "budget {budget} : tous les dossiers classés tiennent ({funded} engagés, "
        "reliquat {remaining})",
    .line_by_budget = "le dossier suivant demande plus que le reliquat",
    .line_by_band = "l'avis « {decision} » n'est pas finançable",
    .unfunded = {"", "dépasse le reliquat", "avis non finançable", "sous la ligne",
                 "groupe sans budget"},
    .axes_legend = "Axes (note sur 100)",
    .weight = "poids",
    .unranked = "Dossiers non classés",
    .unranked_intro =
        "Inéligibles, incomplets, non évalués, puis fichiers invalides : hors classement et "
        "hors ligne de financement. Leur total n'est qu'indicatif.",
    .indicative_total = "Total indicatif",
    .reason = "Motif",
    .eliminatory = "condition éliminatoire non remplie",
    .missing = "critères manquants",
    .self_only = "évalué par son seul porteur : à instruire",
    .no_assessment = "aucune évaluation : à instruire",
    .invalid_file = "fichier {file} : {message} [{code}]",
    .below_line = "Hors ligne mais finançables",
    .below_line_intro =
        "Classés sous la ligne de financement, ces dossiers tiendraient chacun "
        "dans le reliquat de {remaining}. Ils ne sont pas financés : le comité "
        "décide des exceptions.",
    .below_line_none =
        "Aucun dossier finançable sous la ligne ne tient dans le reliquat de {remaining}.",
    .below_line_groups =
        "Classés sous la ligne de leur groupe, ces dossiers tiendraient chacun dans le "
        "reliquat de leur groupe. Ils ne sont pas financés : le comité décide des exceptions.",
    .left = "Reliquat",
    .group_heading = {"Par appel à projets", "Par territoire", "Par thématique"},
    .group_column = {"Appel", "Territoire", "Thématique"},
    .budget_column = "Budget",
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
    .flag_split_decision = "évaluateurs de part et d'autre d'une limite d'avis",
    .flag_partial_na = "N/A partiel",
    .flag_below_minimum = "sous le minimum",
    .flag_na = "N/A",
    .flag_would_fit = "finançable hors ligne",
};

const RankWords english = {
    .heading = "Ranking of dossiers",
    .grid = "Grid",
    .dossiers =
        "Files read: {files} — ranked: {ranked}, ineligible: {ineligible}, incomplete: "
        "{incomplete}, not assessed: {not_assessed}, invalid: {invalid}",
    .filtered = ", left out by the filters: {count}",
    .filters = "Filters",
    .filter_call = "call",
    .filter_territory = "territory",
    .filter_theme = "theme",
    .other_calls = ", of other calls: {count}",
    .call_line = "Call",
    .budget = "Budget: {budget} — dossiers funded: {count}, for {funded}; left: {remaining}",
    .budgets = "Budgets {by}: {list} — dossiers funded: {count}, for {funded}; left: {remaining}",
    .budgets_by = {"by call", "by territory", "by theme"},
    .no_budget = "No budget for this group: none of its dossiers is funded.",
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
    .funding_line_text = "budget {budget}: {funded} committed, {remaining} left; {why}",
    .funding_line_all =
        "budget {budget}: every ranked dossier fits ({funded} committed, "
        "{remaining} left)",
    .line_by_budget = "the next dossier asks for more than what is left",
    .line_by_band = "decision “{decision}” is not fundable",
    .unfunded = {"", "over what is left", "decision not fundable", "below the line",
                 "group without a budget"},
    .axes_legend = "Axes (score out of 100)",
    .weight = "weight",
    .unranked = "Unranked dossiers",
    .unranked_intro =
        "Ineligible, incomplete, not assessed, then invalid files: outside the ranking and the "
        "funding line. Their total is only indicative.",
    .indicative_total = "Indicative total",
    .reason = "Why",
    .eliminatory = "eliminatory condition not met",
    .missing = "missing criteria",
    .self_only = "assessed by its applicant only: to be assessed",
    .no_assessment = "no assessment: to be assessed",
    .invalid_file = "file {file}: {message} [{code}]",
    .below_line = "Below the line but fundable",
    .below_line_intro =
        "Ranked below the funding line, each of these dossiers would fit in "
        "the {remaining} left. They are not funded: exceptions are for the "
        "committee to decide.",
    .below_line_none = "No fundable dossier below the line fits in the {remaining} left.",
    .below_line_groups =
        "Ranked below the funding line of their group, each of these dossiers would fit in "
        "what its group has left. They are not funded: exceptions are for the committee to "
        "decide.",
    .left = "Left",
    .group_heading = {"By call for projects", "By territory", "By theme"},
    .group_column = {"Call", "Territory", "Theme"},
    .budget_column = "Budget",
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
