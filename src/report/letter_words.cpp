#include "letter_words.hpp"

namespace ess {

namespace {

const LetterWords french{
    .place_date = "{place}, le {date}",
    .date_only = "Le {date}",
    .subject = "Objet : votre demande de soutien pour le projet {title} (dossier {id})",
    .call = "Appel à projets : {call}",
    .reference = "Référence : {reference}",
    .greeting = "Madame, Monsieur,",
    .intro =
        "Nous avons examiné votre dossier au regard de la grille d'instruction {grid}. "
        "Vous trouverez ci-dessous l'avis qui en résulte, ce qui le fonde, et les points sur "
        "lesquels un accompagnement pourrait vous être utile.",

    .decision_heading = "L'avis sur votre dossier",
    .decision_ok = "Votre dossier reçoit l'avis {band}.",
    .total_next = "Votre dossier obtient {total} sur 100 ; l'avis {next} commence à {min}.",
    .total_top = "Votre dossier obtient {total} sur 100 ; l'avis {band} commence à {min}.",
    .total_only = "Votre dossier obtient {total} sur 100.",
    .bands_intro = "Pour mémoire, la grille prévoit les avis suivants : {list}.",
    .band_below = "{band} en dessous de {next}",
    .band_between = "{band} de {min} à moins de {next}",
    .band_from = "{band} à partir de {min}",
    .ineligible =
        "Votre dossier ne peut pas recevoir d'avis favorable en l'état : une condition "
        "d'éligibilité au moins n'est pas remplie (voir « Conditions non remplies » "
        "ci-dessous).",
    .ineligible_total =
        "Sur l'ensemble des critères, votre dossier obtient {total} sur 100, "
        "mais ce total ne peut être retenu tant que la condition n'est pas "
        "remplie.",
    .incomplete =
        "L'instruction de votre dossier ne peut pas encore être achevée : des éléments "
        "nous manquent (voir « Ce qui manque à votre dossier » ci-dessous).",
    .incomplete_total =
        "Sur les seuls critères que nous avons pu apprécier, votre dossier "
        "obtient {total} sur 100 ; ce total est provisoire.",
    .not_assessed =
        "Votre dossier n'a pas encore été instruit : seule votre auto-évaluation nous "
        "est parvenue. Un avis vous sera adressé dès que l'instruction sera achevée.",

    .strengths_heading = "Vos points forts",
    .strengths_intro = "Sur ces critères, votre dossier atteint le niveau visé par la grille :",
    .strengths_none =
        "Aucun critère n'atteint encore le niveau visé par la grille : les pistes "
        "ci-dessous vous indiquent par où commencer.",
    .strength_at_target = "{criterion} : {value}, le niveau visé",
    .strength_item = "{criterion} : {value} (niveau visé : {target})",

    .support_heading = "Où un accompagnement vous aiderait le plus",
    .path_intro =
        "Pour atteindre l'avis {next} ({min} sur 100), voici, dans l'ordre, les progrès "
        "qui compteraient le plus :",
    .path_step =
        "{criterion} : aujourd'hui {from} ; niveau visé : {to} (jusqu'à {points} points "
        "de plus).",
    .path_reached = "Ces progrès porteraient votre total à {total} sur 100, soit l'avis {next}.",
    .path_out_of_reach =
        "Même avec l'ensemble de ces progrès, votre total atteindrait {total} "
        "sur 100, en deçà du seuil de l'avis {next} ({min}) ; ce sont néanmoins "
        "les progrès qui compteraient le plus.",
    .path_none =
        "Aucun progrès sur les critères appréciés ne suffirait, à lui seul, pour "
        "atteindre l'avis {next}.",
    .top_intro =
        "Votre dossier reçoit déjà l'avis le plus favorable de la grille. Des progrès "
        "restent possibles sur les critères suivants :",
    .top_none = "Votre dossier atteint le niveau visé sur tous les critères appréciés.",
    .gaps_intro = "Sur les critères déjà appréciés, voici où des progrès compteraient le plus :",
    .unit = " (en {unit})",
    .and_word = " et ",
    .guidance_lead = "Ce que nous examinons :",

    .conditions_heading = "Conditions non remplies",
    .conditions_intro =
        "Ces conditions doivent être remplies pour que votre dossier puisse "
        "recevoir un avis favorable :",
    .condition_leaf =
        "{criterion} : la grille demande au moins {minimum} ; votre dossier : "
        "{value}.",
    .condition_node =
        "{criterion} : la grille demande au moins {minimum} sur 100 ; votre "
        "dossier obtient {score}.",

    .missing_heading = "Ce qui manque à votre dossier",
    .missing_intro =
        "Pour que nous puissions achever l'instruction, merci de nous transmettre "
        "les éléments suivants :",
    .missing_fact =
        "{fact} : ce chiffre n'a pas été indiqué ; sans lui, nous ne pouvons pas "
        "apprécier {criteria}. Merci de nous le communiquer.",
    .missing_scored = "{criterion} : les pièces reçues ne nous ont pas permis de l'apprécier.",
    .na_heading = "Critères sans objet pour votre structure",
    .na_intro =
        "Ces critères ont été jugés sans objet pour votre structure à ce jour : ils ne "
        "sont pas comptés, et leur poids se reporte sur les autres critères. Si votre "
        "situation évolue, voici ce qui nous permettrait de les apprécier :",

    .closing =
        "Nous restons à votre disposition pour échanger sur ces éléments et sur "
        "l'accompagnement dont vous pourriez avoir besoin.",
    .politeness =
        "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations "
        "distinguées.",
};

const LetterWords english{
    .place_date = "{place}, {date}",
    .date_only = "{date}",
    .subject = "Subject: your application for the project {title} (application {id})",
    .call = "Call for projects: {call}",
    .reference = "Reference: {reference}",
    .greeting = "Dear Sir or Madam,",
    .intro =
        "We have examined your application against the assessment grid {grid}. Below you "
        "will find the resulting opinion, what it rests on, and where support could help "
        "you.",

    .decision_heading = "The opinion on your application",
    .decision_ok = "Your application receives the opinion {band}.",
    .total_next =
        "Your application scores {total} out of 100; the opinion {next} starts at "
        "{min}.",
    .total_top = "Your application scores {total} out of 100; the opinion {band} starts at {min}.",
    .total_only = "Your application scores {total} out of 100.",
    .bands_intro = "For reference, the grid provides for these opinions: {list}.",
    .band_below = "{band} below {next}",
    .band_between = "{band} from {min} to below {next}",
    .band_from = "{band} from {min}",
    .ineligible =
        "Your application cannot receive a favourable opinion as it stands: at least "
        "one eligibility condition is not met (see “Conditions not met” below).",
    .ineligible_total =
        "Across all criteria your application scores {total} out of 100, but "
        "this total cannot stand while the condition is not met.",
    .incomplete =
        "We cannot complete the assessment of your application yet: some information "
        "is missing (see “What your application is missing” below).",
    .incomplete_total =
        "On the criteria we could assess, your application scores {total} out of "
        "100; this total is provisional.",
    .not_assessed =
        "Your application has not been assessed yet: only your self-assessment has "
        "reached us. We will send you an opinion once the assessment is complete.",

    .strengths_heading = "Your strengths",
    .strengths_intro = "On these criteria your application reaches the level the grid aims at:",
    .strengths_none =
        "No criterion reaches the level the grid aims at yet: the points below "
        "show where to start.",
    .strength_at_target = "{criterion}: {value}, the level aimed at",
    .strength_item = "{criterion}: {value} (level aimed at: {target})",

    .support_heading = "Where support would help most",
    .path_intro =
        "To reach the opinion {next} ({min} out of 100), these are, in order, the "
        "improvements that would count most:",
    .path_step = "{criterion}: now {from}; aimed at: {to} (up to {points} more points).",
    .path_reached =
        "These improvements would bring your total to {total} out of 100, which is "
        "the opinion {next}.",
    .path_out_of_reach =
        "Even with all of these improvements your total would reach {total} out "
        "of 100, short of the opinion {next} ({min}); they are still the "
        "improvements that would count most.",
    .path_none =
        "No improvement on the assessed criteria would, on its own, reach the opinion "
        "{next}.",
    .top_intro =
        "Your application already receives the grid's most favourable opinion. "
        "Improvements remain possible on these criteria:",
    .top_none = "Your application reaches the level aimed at on every assessed criterion.",
    .gaps_intro = "On the criteria already assessed, this is where improvements would count most:",
    .unit = " (in {unit})",
    .and_word = " and ",
    .guidance_lead = "What we look at:",

    .conditions_heading = "Conditions not met",
    .conditions_intro =
        "These conditions must be met for your application to receive a "
        "favourable opinion:",
    .condition_leaf =
        "{criterion}: the grid asks for at least {minimum}; your application: "
        "{value}.",
    .condition_node =
        "{criterion}: the grid asks for at least {minimum} out of 100; your "
        "application scores {score}.",

    .missing_heading = "What your application is missing",
    .missing_intro = "So that we can complete the assessment, please send us the following:",
    .missing_fact =
        "{fact}: this figure was not given; without it we cannot assess {criteria}. "
        "Please send it to us.",
    .missing_scored = "{criterion}: the documents received did not allow us to assess it.",
    .na_heading = "Criteria that do not apply to your organisation",
    .na_intro =
        "These criteria were found not to apply to your organisation at this stage: "
        "they are not counted, and their weight goes to the other criteria. Should your "
        "situation change, this is what would allow us to assess them:",

    .closing =
        "We remain at your disposal to discuss these points and any support you may "
        "need.",
    .politeness = "Yours faithfully,",
};

}  // namespace

const LetterWords& letter_words(Language language) {
  return language == Language::en ? english : french;
}

}  // namespace ess
