// The fixed words of reports and templates. French is the first language: the words of
// instruction (avis, ajourné, pièces justificatives, porteur de projet...), not a translation.
#include "ess/report/i18n.hpp"

namespace ess {

namespace {

const ReportWords french_report{
    .yes = "Oui",
    .no = "Non",
    .na_short = "N/A",
    .missing_short = "manquant",

    .role_analyst = "chargé·e d'instruction",
    .role_self = "auto-évaluation",
    .role_partner = "partenaire",
    .role_committee = "comité",
    .stat_mean = "moyenne",
    .stat_median = "médiane",
    .stat_min = "minimum",

    .dossier = "Dossier",
    .applicant = "Porteur de projet",
    .call = "Appel à projets",
    .territory = "Territoire",
    .theme = "Thématique",
    .requested = "Montant demandé",
    .grid = "Grille",
    .assessments = "Évaluations",
    .siret = "SIRET",
    .rna = "N° RNA",
    .project_cost = "Coût du projet",
    .awarded = "Montant attribué",
    .requested_share = "le montant demandé en couvre {share}",
    .consolidation = "Consolidation",
    .consolidation_text = "{stat} des valeurs des évaluateurs, auto-évaluations mises à part",
    .self_only_text =
        "seules des auto-évaluations ont été fournies : les notes sont celles de la "
        "structure elle-même",
    .assessment_line = "{assessor} ({role}, {date})",

    .verdict = "Avis",
    .total = "Total",
    .decision = "Avis",
    .total_out_of = "{total} / 100",
    .total_ineligible_note = "le total seul correspondrait à l'avis {band}",
    .total_incomplete_note =
        "sur les critères évalués seulement, ce qui correspondrait à l'avis "
        "{band}",
    .incomplete_text = "dossier ajourné dans l'attente des éléments manquants",
    .total_not_assessed_note =
        "indicatif : la seule auto-évaluation du porteur, qui correspondrait à l'avis {band}",
    .not_assessed_text =
        "à instruire : seul le porteur a évalué son dossier ; il n'est ni classé ni financé",
    .eliminatory_heading = "Conditions éliminatoires non remplies :",
    .missing_heading = "Éléments manquants :",
    .alerts_heading = "Seuils d'alerte non atteints (non éliminatoires) :",
    .failure_leaf = "{criterion} : {value} (minimum : {minimum})",
    .failure_node = "{criterion} : {score} / 100 (minimum : {minimum})",
    .straddle_text = "Les totaux propres des évaluateurs relèvent d'avis différents.",
    .straddle_see = "Voir « Évaluateurs ».",

    .axes_heading = "Scores par axe",
    .axis = "Axe",
    .score = "Score (/100)",
    .effective_weight = "Poids effectif",
    .minimum = "Seuil",
    .profile = "Profil",
    .below_minimum_mark = "⚠",

    .criteria_heading = "Détail des critères",
    .criterion = "Critère",
    .level_or_value = "Niveau ou valeur",
    .weight = "Poids",
    .target = "Cible",
    .gap = "Écart à la cible",
    .points_to_gain = "Points à gagner",
    .evidence = "Pièces justificatives",
    .criteria_legend =
        "Score : note du critère ramenée sur 100. Poids effectif : part du critère "
        "dans le total. Points à gagner : ce que le total gagnerait si le critère "
        "atteignait sa cible. {mark} : sous le seuil minimal.",
    .computed_from = "calculé à partir de la donnée `{fact}`",
    .consensus_evidence = "Consensus du comité",

    .support_heading = "Où l'accompagnement aiderait le plus",
    .support_none = "Tous les critères évalués atteignent leur cible.",
    .current = "Actuel",
    .path_heading = "Chemin vers l'avis suivant",
    .path_top = "Le dossier est déjà dans la tranche la plus haute : {band}.",
    .path_intro =
        "Pour passer de l'avis {band} ({total}) à l'avis {next} ({min} au moins), "
        "porter ces critères à leur cible, dans cet ordre :",
    .path_reached = "Total atteint : {total}, avis {next}.",
    .path_out_of_reach =
        "Hors d'atteinte : même avec tous ces critères à leur cible, le total "
        "n'atteindrait que {total}, sous le seuil de l'avis {next} ({min}).",
    .path_none =
        "Hors d'atteinte : aucun critère évalué n'est sous sa cible, et l'avis {next} "
        "demande davantage.",
    .path_incomplete_note =
        "Les éléments manquants doivent de toute façon être fournis : tant "
        "qu'ils manquent, le dossier reste ajourné.",
    .step = "Étape",
    .from_to = "Actuel → cible",
    .total_after = "Total après",
    .fix_heading = "Conditions éliminatoires à lever",
    .fix_intro =
        "Tant que ces conditions ne sont pas remplies, le dossier est inéligible quel "
        "que soit son total :",

    .assessors_heading = "Évaluateurs",
    .consolidated = "Consolidé",
    .consensus = "Consensus",
    .spread = "Écart entre évaluateurs",
    .self_assessment = "Auto-évaluation",
    .self_gap = "Écart d'auto-évaluation",
    .flags = "Signaux",
    .flag_disagreement = "⚠ désaccord",
    .flag_straddles = "à cheval sur deux avis",
    .flag_partial_na = "N/A partiel",
    .flag_omitted = "omission",
    .assessors_legend =
        "Valeurs brutes dans les unités de l'échelle ; « non noté » : l'évaluation "
        "ne note pas le critère, retenu d'après les autres. Écarts en points sur 100 ; "
        "un écart entre évaluateurs d'au moins {threshold} est signalé. Écart "
        "d'auto-évaluation : note de l'auto-évaluation moins note retenue.",
    .not_scored_short = "non noté",
    .assessor = "Évaluateur",
    .role = "Rôle",
    .date = "Date",
    .own_total = "Total propre",
    .own_band = "Avis correspondant",
    .total_used = "Total retenu",
    .own_totals_legend =
        "Total propre : le total que donneraient les valeurs de cette évaluation, la "
        "valeur retenue là où elle n'en donne pas (critère non noté ou non applicable) "
        "ou là où le comité a fixé un consensus. Avis correspondant : la tranche de "
        "décision de ce total, conditions éliminatoires et éléments manquants mis à part.",
    .no_assessed_criterion = "Aucun critère n'est noté par des évaluateurs.",
    .consensus_heading = "Consensus du comité :",
    .consensus_line = "{criterion} : consensus {value} ; {stat} des évaluateurs : {consolidated}",
    .comments_heading = "Commentaires des évaluateurs :",

    .na_heading = "Critères non applicables et manquants",
    .status = "Statut",
    .reason = "Motif",
    .nominal_weight = "Poids nominal",
    .points_moved = "Points reportés",
    .status_na = "Non applicable",
    .status_missing = "Manquant",
    .status_partial_na = "N/A partiel",
    .status_omitted = "Omission",
    .omitted_reason = "{assessors} : retenu d'après les autres évaluations",
    .na_none = "Aucun : tous les critères sont évalués.",
    .na_legend =
        "Poids nominal : part du critère dans le total si tout était évalué. Points "
        "reportés : ce que son poids aurait porté, réparti sur les critères voisins "
        "(pour information).",
    .not_scored_by = "non noté par {assessors}",
    .no_assessment = "aucune évaluation",
    .fact_not_given = "donnée `{root}` non déclarée par le dossier",
    .fact_not_given_for = "donnée `{root}` non déclarée par le dossier : `{fact}` est incalculable",
    .fact_zero_denominator = "`{fact}` incalculable : `{operand}` vaut 0",
    .fact_no_total = "`{fact}` incalculable : tous les montants sont nuls",
    .fact_negative = "`{fact}` incalculable : `{operand}` a une valeur négative",
    .fact_overflow = "`{fact}` incalculable : valeur hors limites",
    .fact_out_of_bounds = "`{fact}` vaut {value}, hors des bornes de l'échelle",

    .facts_heading = "Données chiffrées et ressources",
    .fact = "Donnée",
    .value = "Valeur",
    .unit = "Unité",
    .origin = "Origine",
    .origin_declared = "déclarée par le dossier",
    .origin_constant = "constante de la grille",
    .origin_sum = "somme : {operands}",
    .origin_product = "produit : {operands}",
    .origin_ratio = "rapport : {operands}",
    .origin_diversity = "diversité (Gini-Simpson) de {operands}",
    .undefined = "non défini",
    .mix_heading = "Hybridation des ressources",
    .resource = "Ressource",
    .amount = "Montant",
    .share = "Part",
    .diversity_line =
        "{title} : {value} (0 quand une seule ressource fait tout ; au plus {max} "
        "avec {count} ressources à parts égales)",
    .valued_volunteering = "Bénévolat valorisé",

    .index_heading = "Rapports d'instruction",
    .title = "Intitulé",
    .report = "Rapport",
};

const ReportWords english_report{
    .yes = "Yes",
    .no = "No",
    .na_short = "N/A",
    .missing_short = "missing",

    .role_analyst = "analyst",
    .role_self = "self-assessment",
    .role_partner = "partner",
    .role_committee = "committee",
    .stat_mean = "mean",
    .stat_median = "median",
    .stat_min = "minimum",

    .dossier = "Dossier",
    .applicant = "Applicant",
    .call = "Call for projects",
    .territory = "Territory",
    .theme = "Theme",
    .requested = "Amount requested",
    .grid = "Grid",
    .assessments = "Assessments",
    .siret = "SIRET",
    .rna = "RNA number",
    .project_cost = "Project cost",
    .awarded = "Amount awarded",
    .requested_share = "the amount requested covers {share} of it",
    .consolidation = "Consolidation",
    .consolidation_text = "{stat} of the assessors' values, self-assessments set apart",
    .self_only_text = "only self-assessments were given: the scores are the applicant's own",
    .assessment_line = "{assessor} ({role}, {date})",

    .verdict = "Decision",
    .total = "Total",
    .decision = "Decision",
    .total_out_of = "{total} / 100",
    .total_ineligible_note = "the total alone would be {band}",
    .total_incomplete_note = "over the scored criteria only, which would be {band}",
    .incomplete_text = "postponed until the missing information arrives",
    .total_not_assessed_note =
        "indicative: the applicant's own self-assessment, which would be {band}",
    .not_assessed_text =
        "to be assessed: only the applicant has assessed it; it is neither ranked nor funded",
    .eliminatory_heading = "Eliminatory conditions not met:",
    .missing_heading = "Missing:",
    .alerts_heading = "Alert thresholds not met (not eliminatory):",
    .failure_leaf = "{criterion}: {value} (minimum: {minimum})",
    .failure_node = "{criterion}: {score} / 100 (minimum: {minimum})",
    .straddle_text = "The assessors' own totals fall in different bands.",
    .straddle_see = "See “Assessors”.",

    .axes_heading = "Scores by axis",
    .axis = "Axis",
    .score = "Score (/100)",
    .effective_weight = "Effective weight",
    .minimum = "Minimum",
    .profile = "Profile",
    .below_minimum_mark = "⚠",

    .criteria_heading = "Criteria",
    .criterion = "Criterion",
    .level_or_value = "Level or value",
    .weight = "Weight",
    .target = "Target",
    .gap = "Gap to target",
    .points_to_gain = "Points to gain",
    .evidence = "Evidence",
    .criteria_legend =
        "Score: the criterion's normalised score out of 100. Effective weight: its "
        "share of the total. Points to gain: what the total would gain with the "
        "criterion at its target. {mark}: below its minimum.",
    .computed_from = "computed from fact `{fact}`",
    .consensus_evidence = "Committee consensus",

    .support_heading = "Where support would help most",
    .support_none = "Every scored criterion reaches its target.",
    .current = "Current",
    .path_heading = "Path to the next band",
    .path_top = "Already in the highest band: {band}.",
    .path_intro =
        "To move from {band} ({total}) to {next} ({min} or more), raise these criteria "
        "to their targets, in this order:",
    .path_reached = "Total reached: {total}, {next}.",
    .path_out_of_reach =
        "Out of reach: even with all these criteria at their targets the total "
        "would reach only {total}, below {next} ({min}).",
    .path_none = "Out of reach: no scored criterion is below its target, and {next} needs more.",
    .path_incomplete_note =
        "The missing information must be provided in any case: until then "
        "the dossier stays postponed.",
    .step = "Step",
    .from_to = "Current → target",
    .total_after = "Total after",
    .fix_heading = "Eliminatory failures to fix",
    .fix_intro = "Until these conditions are met, the dossier is ineligible whatever its total:",

    .assessors_heading = "Assessors",
    .consolidated = "Consolidated",
    .consensus = "Consensus",
    .spread = "Spread between assessors",
    .self_assessment = "Self-assessment",
    .self_gap = "Self gap",
    .flags = "Flags",
    .flag_disagreement = "⚠ disagreement",
    .flag_straddles = "straddles two bands",
    .flag_partial_na = "partly N/A",
    .flag_omitted = "left out",
    .assessors_legend =
        "Raw values in the scale's units; “not scored”: the assessment does not score "
        "the criterion, taken from the others. Gaps in points out of 100; a spread of "
        "{threshold} or more is flagged. Self gap: the self-assessment's score "
        "minus the score used.",
    .not_scored_short = "not scored",
    .assessor = "Assessor",
    .role = "Role",
    .date = "Date",
    .own_total = "Own total",
    .own_band = "Matching band",
    .total_used = "Total used",
    .own_totals_legend =
        "Own total: the total this assessment's values would give, with the value used "
        "wherever it gives none (a criterion not scored or not applicable) or the "
        "committee set a consensus. Matching band: the decision band of that total, "
        "leaving aside eliminatory conditions and missing information.",
    .no_assessed_criterion = "No criterion is scored by assessors.",
    .consensus_heading = "Committee consensus:",
    .consensus_line = "{criterion}: consensus {value}; assessors' {stat}: {consolidated}",
    .comments_heading = "Assessors' comments:",

    .na_heading = "Not applicable and missing criteria",
    .status = "Status",
    .reason = "Reason",
    .nominal_weight = "Nominal weight",
    .points_moved = "Points moved",
    .status_na = "Not applicable",
    .status_missing = "Missing",
    .status_partial_na = "Partly N/A",
    .status_omitted = "Left out",
    .omitted_reason = "{assessors}: taken from the other assessments",
    .na_none = "None: every criterion is scored.",
    .na_legend =
        "Nominal weight: the criterion's share of the total if everything were scored. "
        "Points moved: what its weight would have carried, spread over its siblings "
        "(for information).",
    .not_scored_by = "not scored by {assessors}",
    .no_assessment = "no assessment yet",
    .fact_not_given = "fact `{root}` not given by the dossier",
    .fact_not_given_for = "fact `{root}` not given by the dossier, so `{fact}` cannot be computed",
    .fact_zero_denominator = "`{fact}` undefined: `{operand}` is 0",
    .fact_no_total = "`{fact}` undefined: all the amounts are zero",
    .fact_negative = "`{fact}` undefined: `{operand}` is negative",
    .fact_overflow = "`{fact}` undefined: value out of range",
    .fact_out_of_bounds = "`{fact}` is {value}, outside the scale's bounds",

    .facts_heading = "Facts and resources",
    .fact = "Fact",
    .value = "Value",
    .unit = "Unit",
    .origin = "Source",
    .origin_declared = "declared by the dossier",
    .origin_constant = "grid constant",
    .origin_sum = "sum: {operands}",
    .origin_product = "product: {operands}",
    .origin_ratio = "ratio: {operands}",
    .origin_diversity = "diversity (Gini–Simpson) of {operands}",
    .undefined = "undefined",
    .mix_heading = "Resource mix",
    .resource = "Resource",
    .amount = "Amount",
    .share = "Share",
    .diversity_line =
        "{title}: {value} (0 when one resource is everything; at most {max} with "
        "{count} equal shares)",
    .valued_volunteering = "Valued volunteering",

    .index_heading = "Scoring reports",
    .title = "Title",
    .report = "Report",
};

const TemplateWords french_template{
    .header = "Dossier à remplir pour la grille {grid}@{version} : {title}",
    .how_to = "Remplacer chaque ~ par une valeur, puis vérifier : ess-eval validate FICHIER",
    .schema_hint =
        "Complétion dans l'éditeur : ess-eval schema dossier > dossier.schema.json, "
        "puis en tête de fichier : # yaml-language-server: "
        "$schema=dossier.schema.json",
    .dossier_id =
        "identifiant unique du dossier (64 caractères au plus, sans « / ») : il nomme "
        "les rapports",
    .title = "intitulé du projet",
    .applicant = "structure porteuse",
    .grid_pin = "grille d'instruction et sa version",
    .call = "appel à projets (facultatif)",
    .territory = "territoire (facultatif)",
    .theme = "thématique (facultatif)",
    .requested = "montant demandé (facultatif)",
    .facts = "Chiffres déclarés par la structure",
    .facts_computed = "Calculés par ess-eval : {list}",
    .assessment = "Une évaluation par évaluateur : copier ce bloc pour chacun",
    .assessor = "nom de l'évaluateur ou de l'instance",
    .role = "analyste",
    .roles = "analyste (instruction) | auto-évaluation | partenaire | comité",
    .date = "date de l'évaluation, AAAA-MM-JJ",
    .axis = "── {title}",
    .levels = "niveaux :",
    .yes_no = "oui | non",
    .yes = "oui",
    .no = "non",
    .number = "nombre",
    .value_function = "fonction de valeur : {points}",
    .target = "cible",
    .minimum = "minimum",
    .eliminatory = "éliminatoire",
    .evidence_required = "pièces justificatives obligatoires",
    .evidence_recommended = "pièces justificatives recommandées",
    .na_allowed = "peut être déclaré non applicable : na: \"motif\" au lieu de la note",
};

const TemplateWords english_template{
    .header = "Dossier to fill in for grid {grid}@{version}: {title}",
    .how_to = "Replace every ~ with a value, then check: ess-eval validate FILE",
    .schema_hint =
        "Completion in editors: ess-eval schema dossier > dossier.schema.json, then "
        "at the top of the file: # yaml-language-server: $schema=dossier.schema.json",
    .dossier_id = "unique id of the dossier (at most 64 characters, no '/'): it names reports",
    .title = "title of the project",
    .applicant = "applicant organisation",
    .grid_pin = "appraisal grid and its version",
    .call = "call for projects (optional)",
    .territory = "territory (optional)",
    .theme = "theme (optional)",
    .requested = "amount requested (optional)",
    .facts = "Figures declared by the applicant",
    .facts_computed = "Computed by ess-eval: {list}",
    .assessment = "One assessment per assessor: copy this block for each",
    .assessor = "name of the assessor or body",
    .role = "analyst",
    .roles = "analyst | self | partner | committee",
    .date = "date of the assessment, YYYY-MM-DD",
    .axis = "── {title}",
    .levels = "levels:",
    .yes_no = "yes | no",
    .yes = "yes",
    .no = "no",
    .number = "number",
    .value_function = "value function: {points}",
    .target = "target",
    .minimum = "minimum",
    .eliminatory = "eliminatory",
    .evidence_required = "evidence required",
    .evidence_recommended = "evidence recommended",
    .na_allowed = "may be not applicable: na: \"reason\" instead of the score",
};

}  // namespace

const ReportWords& report_words(Language language) {
  return language == Language::en ? english_report : french_report;
}

const TemplateWords& template_words(Language language) {
  return language == Language::en ? english_template : french_template;
}

std::string_view role_label(Role role, Language language) {
  const ReportWords& w = report_words(language);
  switch (role) {
    case Role::analyst:
      return w.role_analyst;
    case Role::self:
      return w.role_self;
    case Role::partner:
      return w.role_partner;
    case Role::committee:
      return w.role_committee;
  }
  return w.role_analyst;
}

std::string_view statistic_label(Consolidation consolidation, Language language) {
  const ReportWords& w = report_words(language);
  switch (consolidation) {
    case Consolidation::mean:
      return w.stat_mean;
    case Consolidation::median:
      return w.stat_median;
    case Consolidation::min:
      return w.stat_min;
  }
  return w.stat_mean;
}

std::string quoted(std::string_view text, Language language) {
  if (language == Language::en) return "“" + std::string(text) + "”";
  return "« " + std::string(text) + " »";
}

std::string percent_text(std::string_view number, Language language) {
  return NumberWords(language).percent_sign(number);
}

}  // namespace ess
