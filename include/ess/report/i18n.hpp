#pragma once
// The fixed words of reports and templates, French first, then English. Grids bring their
// own words (titles, level labels, band labels); these are all the others. Sentences with
// {placeholders} are filled with fmt::format(fmt::runtime(...), fmt::arg(...)).
#include <optional>
#include <string>
#include <string_view>

#include "ess/core/scoring.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/language.hpp"
#include "ess/model/model.hpp"
#include "ess/model/number_words.hpp"

namespace ess {

struct ReportWords {
  // yes and no, in a cell
  std::string_view yes, no;
  std::string_view na_short;  // a cell: not applicable
  std::string_view missing_short;

  // roles of assessments
  std::string_view role_analyst, role_self, role_partner, role_committee;
  // consolidation statistics
  std::string_view stat_mean, stat_median, stat_min;

  // header
  std::string_view dossier, applicant, call, territory, theme, requested, grid, assessments;
  std::string_view siret, rna, project_cost, awarded;
  std::string_view requested_share;  // {share}: the amount requested, as a share of the cost
  std::string_view consolidation;
  std::string_view consolidation_text;  // {stat}
  std::string_view self_only_text;
  std::string_view assessment_line;  // {assessor} {role} {date}

  // verdict
  std::string_view verdict, total, decision;
  std::string_view total_out_of;           // {total}
  std::string_view total_ineligible_note;  // {band}
  std::string_view total_incomplete_note;  // {band}
  std::string_view incomplete_text;
  std::string_view total_not_assessed_note;  // {band}
  std::string_view not_assessed_text;
  std::string_view eliminatory_heading, missing_heading, alerts_heading;
  std::string_view failure_leaf;  // {criterion} {value} {minimum}
  std::string_view failure_node;  // {criterion} {score} {minimum}
  std::string_view straddle_text, straddle_see;

  // scores by axis
  std::string_view axes_heading, axis, score, effective_weight, minimum, profile;
  std::string_view below_minimum_mark;  // a cell: under the minimum

  // criteria
  std::string_view criteria_heading, criterion, level_or_value, weight, target, gap;
  std::string_view points_to_gain, evidence;
  std::string_view criteria_legend;  // {mark}
  std::string_view computed_from;    // {fact}
  std::string_view consensus_evidence;

  // where support would help most, path to the next band
  std::string_view support_heading, support_none, current;
  std::string_view path_heading, path_top;  // {band}
  std::string_view path_intro;              // {band} {total} {next} {min}
  std::string_view path_reached;            // {total} {next}
  std::string_view path_out_of_reach;       // {total} {next} {min}
  std::string_view path_none;               // {next}
  std::string_view path_incomplete_note;
  std::string_view step, from_to, total_after;
  std::string_view fix_heading, fix_intro;

  // assessors
  std::string_view assessors_heading, consolidated, consensus, spread, self_assessment, self_gap;
  std::string_view flags, flag_disagreement, flag_straddles, flag_partial_na, flag_omitted;
  std::string_view assessors_legend;  // {threshold}
  std::string_view not_scored_short;  // a cell: this assessment left the leaf out
  // each assessment's own total (assessor_views)
  std::string_view assessor, role, date, own_total, own_band, total_used, own_totals_legend;
  std::string_view no_assessed_criterion;
  std::string_view consensus_heading;
  std::string_view consensus_line;  // {criterion} {value} {consolidated} {stat}
  std::string_view comments_heading;

  // N/A and missing
  std::string_view na_heading, status, reason, nominal_weight, points_moved;
  std::string_view status_na, status_missing, status_partial_na, status_omitted;
  std::string_view omitted_reason;  // {assessors}: scored from the other assessments
  std::string_view na_none, na_legend;
  std::string_view not_scored_by;  // {assessors}
  std::string_view no_assessment;
  std::string_view fact_not_given;         // {root}
  std::string_view fact_not_given_for;     // {root} {fact}
  std::string_view fact_zero_denominator;  // {fact} {operand}
  std::string_view fact_no_total;          // {fact}
  std::string_view fact_negative;          // {fact} {operand}
  std::string_view fact_overflow;          // {fact}
  std::string_view fact_out_of_bounds;     // {fact} {value}

  // facts and resource mix
  std::string_view facts_heading, fact, value, unit, origin;
  std::string_view origin_declared, origin_constant;
  std::string_view origin_sum, origin_product, origin_ratio, origin_diversity;  // {operands}
  std::string_view undefined;
  std::string_view mix_heading, resource, amount, share;
  std::string_view diversity_line;  // {title} {value} {max} {count}
  std::string_view valued_volunteering;

  // index of --out-dir
  std::string_view index_heading, title, report;
};

// The words a template's comments are made of.
struct TemplateWords {
  std::string_view header;  // {grid} {version} {title}
  std::string_view how_to;
  std::string_view schema_hint;
  std::string_view dossier_id, title, applicant, grid_pin, call, territory, theme, requested;
  std::string_view facts, facts_computed;                    // facts_computed: {list}
  std::string_view assessment, assessor, role, roles, date;  // role: the one written out
  std::string_view axis;                                     // {title}
  std::string_view levels, yes_no, yes, no, number;          // yes_no, yes, no: the grid's language
  std::string_view value_function;                           // {points}
  std::string_view target, minimum, eliminatory, evidence_required, evidence_recommended;
  std::string_view na_allowed;
};

const ReportWords& report_words(Language language);
const TemplateWords& template_words(Language language);

std::string_view role_label(Role role, Language language);
std::string_view statistic_label(Consolidation consolidation, Language language);

// « text » in French, “text” in English.
std::string quoted(std::string_view text, Language language);
// "15,0 %" in French (a narrow no-break space), "15.0%" in English: `number` already written
// by NumberWords (ess/model/number_words.hpp), which is where the rule lives.
std::string percent_text(std::string_view number, Language language);

}  // namespace ess
