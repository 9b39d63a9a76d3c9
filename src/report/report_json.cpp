// JSON of `score` (§4): the whole result, keys in the order of spec §4, then extras.
// Numbers are JSON numbers (shortest round trip), absent values null, text escaped once.
#include <cmath>

#include "ess/core/assessor_views.hpp"
#include "ess/model/format.hpp"
#include "ess/model/json_writer.hpp"
#include "ess/report/i18n.hpp"
#include "ess/report/report.hpp"

namespace ess {

namespace {

using json::Writer;

void grid_object(Writer& j, const Grid& g) {
  j.key("grid").begin_object();
  j.key("id").string(g.id);
  j.key("version").string(g.version);
  j.key("sha256").string(g.sha256);
  j.end_object();
}

void axes_object(Writer& j, const DossierResult& r) {
  j.key("axes").begin_object();
  for (std::size_t i : r.axes) {
    const CriterionResult& c = r.criteria[i];
    j.key(c.criterion->id).number(c.s ? std::optional<double>(100 * *c.s) : std::nullopt);
  }
  j.end_object();
}

void flags_array(Writer& j, const CriterionResult& c) {
  j.key("flags").begin_array();
  if (c.disagreement) j.string("disagreement");
  if (c.straddles_band) j.string("straddles_band");
  if (c.partial_na) j.string("partial_na");
  if (c.omission()) j.string("omitted");
  if (c.consensus) j.string("consensus");
  j.end_array();
}

void assessors_array(Writer& j, const DossierResult& r, const CriterionResult& c) {
  j.key("assessors").begin_array();
  for (const auto* list : {&c.counted, &c.self})
    for (const AssessorScore& s : *list) {
      const Assessment& a = r.dossier->assessments[s.assessment];
      j.begin_object();
      j.key("assessor").string(a.assessor);
      j.key("role").string(role_name(a.role));
      j.key("counted").boolean(list == &c.counted);
      j.key("value").number(s.na ? std::nullopt : std::optional<double>(s.value));
      j.key("s").number(s.na ? std::nullopt : std::optional<double>(s.s));
      j.key("na").optional_string(s.na && s.entry ? &s.entry->na_reason : nullptr);
      j.end_object();
    }
  j.end_array();
}

void consensus_object(Writer& j, const CriterionResult& c) {
  j.key("consensus");
  if (!c.consensus) {
    j.null();
    return;
  }
  j.begin_object();
  j.key("value").number(c.consensus->value);
  j.key("note").string(c.consensus->note);
  j.end_object();
}

const char* fact_reason_token(FactValue::Why why) {
  switch (why) {
    case FactValue::Why::defined:
      return "defined";
    case FactValue::Why::not_given:
      return "not_given";
    case FactValue::Why::zero_denominator:
      return "zero_denominator";
    case FactValue::Why::undefined_operand:
      return "undefined_operand";
    case FactValue::Why::no_total:
      return "no_total";
    case FactValue::Why::negative_amount:
      return "negative_amount";
    case FactValue::Why::overflow:
      return "overflow";
  }
  return "defined";
}

// Why a leaf is missing, as a stable token: "not_scored", or its fact's first cause.
std::string missing_token(const DossierResult& r, const CriterionResult& c) {
  if (c.criterion->from.empty()) return "not_scored";
  if (c.fact_value) return "out_of_bounds";
  return fact_reason_token(first_cause(*r.grid, r.facts, c.criterion->from).why);
}

void criterion_object(Writer& j, const DossierResult& r, const CriterionResult& c) {
  const Criterion& k = *c.criterion;
  j.begin_object();
  j.key("dossier").string(r.dossier->id);
  j.key("criterion").string(k.id);
  j.key("path").string(c.path);
  j.key("level").optional_string(c.level.empty() ? nullptr : &c.level);
  j.key("value").number(c.value);
  j.key("s").number(c.s);
  j.key("weight").number(c.weight);
  j.key("effective_weight").number(c.effective_weight);
  j.key("target").number(c.target);
  j.key("gap").number(c.gap);
  j.key("points_to_gain").number(c.points_to_gain);
  j.key("spread").number(c.spread);
  j.key("self_gap").number(c.self_gap);
  j.key("status").string(criterion_status_token(c.status));
  j.key("omitted_by").begin_array();
  for (std::size_t a : c.omitted_by) j.string(r.dossier->assessments[a].assessor);
  j.end_array();
  // extras
  j.key("title").string(k.title);
  j.key("kind").string(c.is_leaf() ? "leaf" : "node");
  j.key("nominal_effective_weight").number(c.nominal_effective_weight);
  j.key("s_target").number(c.s_target);
  j.key("minimum").number(k.minimum);
  j.key("threshold_failure").boolean(c.below_minimum);
  j.key("eliminatory").boolean(k.eliminatory);
  j.key("from").optional_string(k.from.empty() ? nullptr : &k.from);
  j.key("consolidated").number(c.consolidated);
  consensus_object(j, c);
  j.key("self_s").number(c.self_s);
  j.key("points_moved").number(c.points_moved);
  j.key("reason");
  if (c.status == CriterionStatus::missing && c.is_leaf())
    j.string(missing_token(r, c));
  else
    j.null();
  flags_array(j, c);
  assessors_array(j, r, c);
  j.end_object();
}

void path_object(Writer& j, const DossierResult& r) {
  j.key("path_to_next_band");
  const PathToNextBand& p = r.path;
  if (r.status == DossierStatus::ineligible || !p.next_band) {
    j.null();
    return;
  }
  const Band& next = r.grid->decision[*p.next_band];
  j.begin_object();
  j.key("band").string(r.grid->decision[r.band.value_or(0)].label);
  j.key("next_band").string(next.label);
  j.key("next_min").number(next.min);
  j.key("reachable").boolean(p.reachable);
  j.key("steps").begin_array();
  for (const PathStep& s : p.steps) {
    j.begin_object();
    j.key("criterion").string(r.criteria[s.criterion].criterion->id);
    j.key("points_to_gain").number(s.points_to_gain);
    j.key("total_after").number(s.total_after);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

void na_array(Writer& j, const DossierResult& r) {
  j.key("na").begin_array();
  for (std::size_t i : r.na) {
    const CriterionResult& c = r.criteria[i];
    j.begin_object();
    j.key("criterion").string(c.criterion->id);
    j.key("path").string(c.path);
    j.key("points_moved").number(c.points_moved);
    j.key("reasons").begin_array();
    for (const AssessorScore& s : c.counted) {
      if (!s.na || !s.entry) continue;
      j.begin_object();
      j.key("assessor").string(r.dossier->assessments[s.assessment].assessor);
      j.key("reason").string(s.entry->na_reason);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
}

void missing_array(Writer& j, const DossierResult& r) {
  j.key("missing").begin_array();
  for (std::size_t i : r.missing) {
    const CriterionResult& c = r.criteria[i];
    j.begin_object();
    j.key("criterion").string(c.criterion->id);
    j.key("path").string(c.path);
    j.key("reason").string(missing_token(r, c));
    const std::string& from = c.criterion->from;
    FactCause cause = from.empty() ? FactCause{} : first_cause(*r.grid, r.facts, from);
    j.key("fact").optional_string(from.empty() ? nullptr : &from);
    j.key("cause_fact").optional_string(cause.fact.empty() ? nullptr : &cause.fact);
    j.key("operand").optional_string(cause.operand.empty() ? nullptr : &cause.operand);
    j.end_object();
  }
  j.end_array();
}

void facts_object(Writer& j, const DossierResult& r) {
  j.key("facts").begin_object();
  for (std::size_t i = 0; i < r.grid->facts.size() && i < r.facts.size(); ++i)
    j.key(r.grid->facts[i].id).number(r.facts[i].value);
  j.end_object();
}

void diagnostics_array(Writer& j, const std::vector<Diagnostic>& diagnostics) {
  j.key("diagnostics").begin_array();
  for (const Diagnostic& d : diagnostics) {
    j.begin_object();
    j.key("file").string(d.file);
    j.key("line").number(d.pos.line);
    j.key("column").number(d.pos.col);
    j.key("severity").string(severity_name(d.severity));
    j.key("code").string(d.code);
    j.key("message").string(d.message);
    j.key("hint").string(d.hint);
    j.end_object();
  }
  j.end_array();
}

void ids_array(Writer& j, const char* name, const DossierResult& r,
               const std::vector<std::size_t>& indices) {
  j.key(name).begin_array();
  for (std::size_t i : indices) j.string(r.criteria[i].criterion->id);
  j.end_array();
}

// §4: one object per assessment with its own total (assessor_views) and that total's band;
// null for an assessment that scores no leaf.
void assessors_array(Writer& j, const DossierResult& r) {
  std::vector<AssessorView> views = assessor_views(r);
  j.key("assessors").begin_array();
  for (std::size_t a = 0; a < r.dossier->assessments.size(); ++a) {
    const Assessment& assessment = r.dossier->assessments[a];
    const AssessorView* view = nullptr;
    for (const AssessorView& v : views)
      if (v.assessment == a) view = &v;
    bool band = view && view->total && view->band && *view->band < r.grid->decision.size();
    j.begin_object();
    j.key("assessor").string(assessment.assessor);
    j.key("role").string(role_name(assessment.role));
    j.key("date").string(assessment.date);
    j.key("total").number(view ? view->total : std::nullopt);
    j.key("decision").optional_string(band ? &r.grid->decision[*view->band].label : nullptr);
    j.key("counted").boolean(r.self_only || assessment.role != Role::self);
    j.end_object();
  }
  j.end_array();
}

void optional_text(Writer& j, const char* name, const std::string& value) {
  j.key(name).optional_string(value.empty() ? nullptr : &value);
}

void dossier_object(Writer& j, const DossierResult& r, const ReportOptions& options,
                    const std::vector<Diagnostic>& diagnostics) {
  const Dossier& d = *r.dossier;
  j.begin_object();
  j.key("dossier").string(d.id);
  optional_text(j, "title", d.title);
  optional_text(j, "applicant", d.applicant);
  optional_text(j, "call", d.call);
  optional_text(j, "territory", d.territory);
  optional_text(j, "theme", d.theme);
  j.key("requested").number(d.requested);
  grid_object(j, *r.grid);
  j.key("total").number(r.total);
  j.key("decision").string(decision_label(r, options.language));
  j.key("status").string(status_token(r.status));
  axes_object(j, r);
  j.key("criteria").begin_array();
  for (const auto& c : r.criteria) criterion_object(j, r, c);
  j.end_array();
  assessors_array(j, r);
  path_object(j, r);
  na_array(j, r);
  missing_array(j, r);
  facts_object(j, r);
  diagnostics_array(j, diagnostics);
  // extras
  j.key("band").string(r.grid->decision[r.band.value_or(0)].label);
  j.key("language").string(language_code(options.language));
  j.key("consolidation").string(consolidation_token(r.consolidation));
  j.key("self_only").boolean(r.self_only);
  j.key("assessors_straddle_band").boolean(r.assessors_straddle_band);
  ids_array(j, "eliminatory_failures", r, r.eliminatory_failures);
  ids_array(j, "threshold_failures", r, r.threshold_failures);
  j.end_object();
}

}  // namespace

std::string render_json(const DossierResult& result, const ReportOptions& options,
                        const std::vector<Diagnostic>& diagnostics) {
  Writer j;
  dossier_object(j, result, options, diagnostics);
  return std::move(j).finish();
}

}  // namespace ess
