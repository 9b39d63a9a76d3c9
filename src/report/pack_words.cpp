#include "pack_words.hpp"

namespace ess::pack {

namespace {

const PackWords french{
    .committee_title = "Dossier de séance — {call}",
    .public_title = "Compte rendu public — {call}",
    .meta_grid = "Grille {title} ({grid})",
    .meta_funder = "Financeur : {funder}",
    .meta_date = "Séance du {date}",
    .meta_other_calls = "dossiers d'autres appels écartés : {count}",
    .committee_intro =
        "Document de travail du comité : il réunit la synthèse de l'appel, le classement, les "
        "points à examiner en séance, une fiche par dossier et les besoins d'accompagnement "
        "collectifs. Il nomme les évaluateurs et ne doit pas être diffusé au-delà du comité.",
    .public_intro =
        "Ce document rend compte de ce que l'appel à projets a permis : les projets soutenus, la "
        "répartition des candidatures, les ressources que mobilisent les projets soutenus et les "
        "besoins d'accompagnement qui se dégagent de l'ensemble des dossiers. Seuls les projets "
        "soutenus y sont nommés.",
    .contents_heading = "Sommaire",
    .summary_heading = "Synthèse de l'appel",
    .ranking_heading = "Classement et ligne de financement",
    .discuss_heading = "Points à examiner en séance",
    .dossiers_heading = "Fiches des dossiers",
    .support_heading = "Besoins d'accompagnement collectifs",
    .awards_heading = "Projets soutenus",
    .figures_heading = "Les candidatures en chiffres",
    .resources_heading = "Ressources mobilisées par les projets soutenus",
    .status_caption = "Dossiers par statut",
    .status = "Statut",
    .count = "Nombre",
    .status_ranked = "Classés",
    .status_not_assessed = "Non évalués : auto-évaluation seule (à instruire)",
    .status_ineligible = "Inéligibles",
    .status_incomplete = "Incomplets (ajournés)",
    .status_refused = "Fichiers refusés à la validation",
    .total_files = "Total",
    .budget_line =
        "Budget disponible : {budget}. La ligne de financement retient {count} pour {funded} ; "
        "reste {remaining}.",
    .requested_line =
        "Montant demandé par l'ensemble des dossiers : {requested}, pour {budget} disponibles "
        "({ratio} fois le budget).",
    .no_budget =
        "Aucun budget n'a été indiqué : le classement ne trace pas de ligne de financement. "
        "Montant demandé par l'ensemble des dossiers : {requested}.",
    .distribution_caption = "Répartition des totaux des dossiers classés",
    .distribution_sentence =
        "Totaux des {count} dossiers classés, par tranche de dix points : {list}.",
    .bin_item = "{count} de {low} à {high}",
    .count_legend = "Nombre de dossiers",
    .none = "aucun",
    .rank = "Rang",
    .dossier = "Dossier",
    .title = "Intitulé",
    .total = "Total",
    .decision = "Avis",
    .requested = "Demandé",
    .cumulative = "Cumul",
    .funded = "Financé",
    .yes = "oui",
    .dash = "—",
    .funding_rule =
        "Ligne de financement — budget {budget} : {funded} engagés au-dessus de la ligne, reste "
        "{remaining}",
    .funding_rule_all =
        "Ligne de financement — budget {budget} : tous les dossiers classés tiennent dans le "
        "budget ({funded}), reste {remaining}",
    .no_line = "Sans budget, pas de ligne de financement : la colonne « Financé » reste vide.",
    .no_ranked = "Aucun dossier n'est classé.",
    .unranked_caption = "Dossiers non classés",
    .reason = "Motif",
    .reason_ineligible = "condition éliminatoire non remplie : {list}",
    .reason_incomplete = "éléments manquants : {list}",
    .refused_caption = "Fichiers refusés à la validation",
    .file = "Fichier",
    .discuss_intro =
        "Les dossiers ci-dessous appellent un examen en séance : un total proche d'un seuil, des "
        "évaluateurs qui divergent, un dossier qu'il reste à instruire ou à compléter.",
    .discuss_none = "Aucun dossier n'appelle d'examen particulier.",
    .topic_band = "Totaux à moins de 3 points d'un seuil d'avis",
    .topic_line = "Totaux à moins de 3 points de la ligne de financement",
    .topic_straddles = "Désaccords entre évaluateurs qui changent l'avis",
    .topic_omissions = "Critères omis par un évaluateur",
    .topic_not_assessed = "Dossiers évalués par leur seul porteur",
    .topic_incomplete = "Dossiers incomplets",
    .topic_ineligible = "Dossiers inéligibles",
    .topic_refused = "Fichiers refusés",
    .close_above = "{total}, soit {gap} pt au-dessus du seuil de l'avis {band} ({min})",
    .close_below = "{total}, soit {gap} pt en dessous du seuil de l'avis {band} ({min})",
    .close_line_funded = "{total}, financé, {gap} pt au-dessus du premier dossier non financé",
    .close_line_unfunded = "{total}, non financé, {gap} pt en dessous du dernier dossier financé",
    .straddle_totals = "les totaux propres des évaluateurs relèvent d'avis différents",
    .straddle_leaves = "désaccord qui change l'avis sur {list}",
    .omitted = "{list}",
    .not_assessed_detail =
        "seule l'auto-évaluation du porteur a été fournie ; le dossier reste à instruire",
    .applicant = "Porteur",
    .territory = "Territoire",
    .theme = "Thématique",
    .funded_yes = "Financé",
    .funded_no = "Non financé",
    .profile_heading = "Profil du dossier",
    .profile_caption = "Profil du dossier {dossier}",
    .profile_desc =
        "Score retenu de chaque axe sur 100, avec son seuil minimal et la valeur propre de chacune "
        "des {count} évaluations ; total {total} sur 100 face aux seuils des avis.",
    .axis = "Axe",
    .self_column = "Auto-évaluation",
    .retained = "Retenu",
    .minimum = "Seuil",
    .legend_score = "Score retenu",
    .legend_minimum = "Seuil minimal de l'axe",
    .legend_bands = "Seuils des avis",
    .mix_heading = "Ressources du porteur",
    .mix_sentence = "Ressources : {list}.",
    .mix_index = " ; indice d'hybridation {index}",
    .strengths_heading = "Points forts",
    .strengths_none = "Aucun critère n'atteint sa cible.",
    .weaknesses_heading = "Points faibles",
    .weaknesses_none = "Aucun point faible : tous les critères atteignent leur cible.",
    .weak_eliminatory = "{value}, sous le minimum éliminatoire ({minimum})",
    .weak_alert = "{value}, sous le seuil d'alerte ({minimum})",
    .weak_missing = "manquant : le dossier est ajourné",
    .weak_na = "sans objet, non compté",
    .weak_gap = "{value} pour une cible {target} ({points} pt à gagner)",
    .path_heading = "Chemin vers l'avis suivant",
    .path_ineligible =
        "Dossier inéligible : les conditions éliminatoires ci-dessus doivent d'abord être "
        "remplies.",
    .path_top = "Le dossier est dans la tranche la plus haute : {band}.",
    .path_none = "Aucun critère évalué ne permet d'atteindre l'avis {next}.",
    .path_step = "{from} → {to} (+{points} pt)",
    .path_reached = "Total atteint : {total}, soit l'avis {next} ({min}).",
    .path_out_of_reach =
        "Même ainsi, le total atteindrait {total} : l'avis {next} ({min}) reste hors de portée.",
    .disagreements_heading = "Désaccords entre évaluateurs",
    .consensus_value = "consensus du comité : {value}",
    .na = "N/A",
    .support_intro =
        "Points que les {count} dossiers instruits gagneraient si chaque critère atteignait sa "
        "cible : là où un accompagnement collectif de l'appel serait le plus utile.",
    .support_none =
        "Aucun besoin d'accompagnement ne se dégage : les critères atteignent leur cible.",
    .support_overall = "Sur l'ensemble de l'appel",
    .criterion = "Critère",
    .below_target = "Dossiers sous la cible",
    .points_total = "Points à gagner, en tout",
    .points_each = "Par dossier concerné",
    .support_by_territory = "Par territoire",
    .support_by_theme = "Par thématique",
    .applications = "Candidatures",
    .first_need = "Premier besoin",
    .second_need = "Deuxième besoin",
    .need_item = "{criterion} : {points} pt sur {count}",
    .one_dossier = "{count} dossier",
    .many_dossiers = "{count} dossiers",
    .mix_funded_heading = "Ressources des projets soutenus, additionnées",
    .not_given = "non précisé",
    .project = "Projet",
    .amount = "Montant",
    .awards_none = "Aucune aide n'est attribuée à ce jour.",
    .awards_note =
        "Montants proposés par la ligne de financement, dans l'ordre du classement, tant que le "
        "comité n'a pas arrêté ses attributions.",
    .figures_line = "{count} candidatures reçues, {ranked} classées, {funded} soutenues.",
    .by_territory = "Candidatures par territoire",
    .by_theme = "Candidatures par thématique",
    .supported = "Soutenues",
    .resources_intro =
        "Ressources des {count} projets soutenus, additionnées : ce que l'aide publique accompagne "
        "au-delà d'elle-même.",
    .resources_none = "Aucun projet n'est soutenu à ce jour.",
};

const PackWords english{
    .committee_title = "Committee pack — {call}",
    .public_title = "Public account — {call}",
    .meta_grid = "Grid {title} ({grid})",
    .meta_funder = "Funder: {funder}",
    .meta_date = "Committee of {date}",
    .meta_other_calls = "dossiers of other calls left out: {count}",
    .committee_intro =
        "The committee's working document: the call's summary, the ranking, what to discuss, one "
        "page per application and the collective support needs. It names the assessors and must "
        "not be circulated beyond the committee.",
    .public_intro =
        "This document gives an account of what the call for projects did: the projects supported, "
        "how the applications were spread, the resources the supported projects mobilise, and the "
        "support needs that emerge from all the applications. Only the supported projects are "
        "named.",
    .contents_heading = "Contents",
    .summary_heading = "Summary of the call",
    .ranking_heading = "Ranking and funding line",
    .discuss_heading = "What the committee must discuss",
    .dossiers_heading = "Application pages",
    .support_heading = "Collective support needs",
    .awards_heading = "Projects supported",
    .figures_heading = "The applications in figures",
    .resources_heading = "Resources the supported projects mobilise",
    .status_caption = "Applications by status",
    .status = "Status",
    .count = "Number",
    .status_ranked = "Ranked",
    .status_not_assessed = "Not assessed: self-assessment only (to be assessed)",
    .status_ineligible = "Ineligible",
    .status_incomplete = "Incomplete (deferred)",
    .status_refused = "Files refused by validation",
    .total_files = "Total",
    .budget_line =
        "Budget available: {budget}. The funding line keeps {count} for {funded}; {remaining} "
        "left.",
    .requested_line =
        "Amount requested by all applications: {requested}, against {budget} available ({ratio} "
        "times the budget).",
    .no_budget =
        "No budget was given: the ranking draws no funding line. Amount requested by all "
        "applications: {requested}.",
    .distribution_caption = "Distribution of the ranked applications' totals",
    .distribution_sentence = "Totals of the {count} ranked applications, by ten points: {list}.",
    .bin_item = "{count} from {low} to {high}",
    .count_legend = "Number of applications",
    .none = "none",
    .rank = "Rank",
    .dossier = "Application",
    .title = "Title",
    .total = "Total",
    .decision = "Opinion",
    .requested = "Requested",
    .cumulative = "Cumulative",
    .funded = "Funded",
    .yes = "yes",
    .dash = "—",
    .funding_rule =
        "Funding line — budget {budget}: {funded} committed above the line, {remaining} left",
    .funding_rule_all =
        "Funding line — budget {budget}: every ranked application fits ({funded}), {remaining} "
        "left",
    .no_line = "Without a budget there is no funding line: the “Funded” column stays empty.",
    .no_ranked = "No application is ranked.",
    .unranked_caption = "Applications not ranked",
    .reason = "Reason",
    .reason_ineligible = "eliminatory condition not met: {list}",
    .reason_incomplete = "missing: {list}",
    .refused_caption = "Files refused by validation",
    .file = "File",
    .discuss_intro =
        "The applications below call for discussion: a total close to a threshold, assessors who "
        "disagree, an application still to be assessed or completed.",
    .discuss_none = "No application calls for a particular discussion.",
    .topic_band = "Totals within 3 points of an opinion's threshold",
    .topic_line = "Totals within 3 points of the funding line",
    .topic_straddles = "Disagreements between assessors that change the opinion",
    .topic_omissions = "Criteria an assessor left out",
    .topic_not_assessed = "Applications assessed by their applicant only",
    .topic_incomplete = "Incomplete applications",
    .topic_ineligible = "Ineligible applications",
    .topic_refused = "Refused files",
    .close_above = "{total}, {gap} pt above the threshold of {band} ({min})",
    .close_below = "{total}, {gap} pt below the threshold of {band} ({min})",
    .close_line_funded = "{total}, funded, {gap} pt above the first unfunded application",
    .close_line_unfunded = "{total}, not funded, {gap} pt below the last funded application",
    .straddle_totals = "the assessors' own totals fall in different opinions",
    .straddle_leaves = "disagreement that changes the opinion on {list}",
    .omitted = "{list}",
    .not_assessed_detail =
        "only the applicant's self-assessment was given; the application is still to be assessed",
    .applicant = "Applicant",
    .territory = "Territory",
    .theme = "Theme",
    .funded_yes = "Funded",
    .funded_no = "Not funded",
    .profile_heading = "Profile of the application",
    .profile_caption = "Profile of application {dossier}",
    .profile_desc =
        "Each axis' retained score out of 100, with its minimum and the own value of each of the "
        "{count} assessments; total {total} out of 100 against the opinions' thresholds.",
    .axis = "Axis",
    .self_column = "Self-assessment",
    .retained = "Retained",
    .minimum = "Minimum",
    .legend_score = "Retained score",
    .legend_minimum = "Axis minimum",
    .legend_bands = "Opinion thresholds",
    .mix_heading = "The applicant's resources",
    .mix_sentence = "Resources: {list}.",
    .mix_index = "; hybridisation index {index}",
    .strengths_heading = "Strengths",
    .strengths_none = "No criterion reaches its target.",
    .weaknesses_heading = "Weaknesses",
    .weaknesses_none = "No weakness: every criterion reaches its target.",
    .weak_eliminatory = "{value}, below the eliminatory minimum ({minimum})",
    .weak_alert = "{value}, below the alert threshold ({minimum})",
    .weak_missing = "missing: the application is deferred",
    .weak_na = "not applicable, not counted",
    .weak_gap = "{value} against a target of {target} ({points} pt to gain)",
    .path_heading = "Path to the next opinion",
    .path_ineligible =
        "Ineligible application: the eliminatory conditions above must be met first.",
    .path_top = "The application is in the highest band: {band}.",
    .path_none = "No assessed criterion can reach the opinion {next}.",
    .path_step = "{from} → {to} (+{points} pt)",
    .path_reached = "Total reached: {total}, the opinion {next} ({min}).",
    .path_out_of_reach =
        "Even so the total would reach {total}: the opinion {next} ({min}) stays out of reach.",
    .disagreements_heading = "Disagreements between assessors",
    .consensus_value = "committee consensus: {value}",
    .na = "N/A",
    .support_intro =
        "Points the {count} assessed applications would gain if each criterion reached its target: "
        "where collective support for the call would help most.",
    .support_none = "No support need stands out: the criteria reach their targets.",
    .support_overall = "Across the call",
    .criterion = "Criterion",
    .below_target = "Applications below target",
    .points_total = "Points to gain, in all",
    .points_each = "Per application concerned",
    .support_by_territory = "By territory",
    .support_by_theme = "By theme",
    .applications = "Applications",
    .first_need = "First need",
    .second_need = "Second need",
    .need_item = "{criterion}: {points} pt over {count}",
    .one_dossier = "{count} application",
    .many_dossiers = "{count} applications",
    .mix_funded_heading = "Resources of the supported projects, added up",
    .not_given = "not given",
    .project = "Project",
    .amount = "Amount",
    .awards_none = "No grant has been awarded yet.",
    .awards_note =
        "Amounts proposed by the funding line, in ranking order, until the committee records its "
        "awards.",
    .figures_line = "{count} applications received, {ranked} ranked, {funded} supported.",
    .by_territory = "Applications by territory",
    .by_theme = "Applications by theme",
    .supported = "Supported",
    .resources_intro =
        "Resources of the {count} supported projects, added up: what public support backs beyond "
        "itself.",
    .resources_none = "No project is supported yet.",
};

}  // namespace

const PackWords& pack_words(Language language) {
  return language == Language::en ? english : french;
}

}  // namespace ess::pack
