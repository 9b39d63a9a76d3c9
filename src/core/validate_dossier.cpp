// A dossier read against its grid. Reports every problem; resolves every value it can.
#include <fmt/format.h>

#include "ess/core/facts.hpp"
#include "ess/core/scale.hpp"
#include "ess/core/scoring.hpp"
#include "ess/core/validate.hpp"
#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"

namespace ess {

using namespace fmt::literals;

bool check_grid_reference(const Grid& grid, const Dossier& dossier, Diagnostics& diags) {
  if (dossier.grid_id != grid.id) {
    diags.error(dossier.grid_pos,
                say(Msg::grid_mismatch_id, "named"_a = clip(dossier.grid_id), "grid"_a = grid.id),
                say(Msg::grid_mismatch_id_hint));
    return false;
  }
  if (!dossier.grid_version.empty() && dossier.grid_version != grid.version) {
    diags.error(dossier.grid_pos,
                say(Msg::grid_mismatch_version, "grid"_a = grid.id,
                    "pinned"_a = dossier.grid_version, "version"_a = grid.version),
                say(Msg::grid_mismatch_version_hint));
    return false;
  }
  return true;
}

namespace {

// Which criterion a score names; nullptr (with a diagnostic) when it cannot be scored.
const Criterion* scored_leaf(const GridIndex& index, const ScoreEntry& e, Diagnostics& diags) {
  const Criterion* c = index.find(e.criterion);
  if (!c) {
    std::string close = suggest(e.criterion, index.criterion_ids);
    diags.error(
        e.pos,
        say(Msg::unknown_criterion, "grid"_a = index.grid->id, "criterion"_a = clip(e.criterion)),
        close.empty() ? say(Msg::template_hint) : did_you_mean(close));
    return nullptr;
  }
  if (!c->is_leaf()) {
    diags.error(e.pos, say(Msg::score_for_node, "criterion"_a = e.criterion),
                say(Msg::score_for_node_hint));
    return nullptr;
  }
  if (!c->from.empty()) {
    diags.error(e.pos, say(Msg::score_for_derived, "criterion"_a = e.criterion, "fact"_a = c->from),
                say(Msg::score_for_derived_hint, "fact"_a = c->from));
    return nullptr;
  }
  return c;
}

void resolve_entry(const GridIndex& index, const Criterion& leaf, ScoreEntry& e, bool consensus,
                   Diagnostics& diags) {
  const Scale& scale = scale_of(*index.grid, leaf);
  if (e.kind == ScoreEntry::Kind::na) {
    if (!leaf.allow_na)
      diags.error(e.value_pos, say(Msg::na_not_allowed, "criterion"_a = leaf.id),
                  say(Msg::na_not_allowed_hint));
    return;
  }
  bool wants_level = scale.type == ScaleType::levels;
  if (e.raw_is_level != wants_level) {
    diags.error(e.value_pos,
                say(wants_level ? Msg::write_level : Msg::write_value, "criterion"_a = leaf.id));
    return;
  }
  ScaleText written{e.raw, e.raw_quoted, e.value_pos};
  if (auto v =
          resolve_scale_value(scale, index.grid->language, written,
                              phrase(Msg::what_criterion_named, "criterion"_a = leaf.id), diags)) {
    e.value = *v;
    e.resolved = true;
  }
  if (!consensus && leaf.evidence == EvidencePolicy::required && e.evidence.empty())
    diags.error(e.pos, say(Msg::evidence_missing, "criterion"_a = leaf.id),
                say(Msg::evidence_missing_hint));
}

void check_facts(const GridIndex& index, const Dossier& d, Diagnostics& diags) {
  for (const auto& f : d.facts) {
    auto it = index.facts.find(f.id);
    if (it == index.facts.end()) {
      std::string close = suggest(f.id, index.declared_fact_ids);
      diags.error(
          f.pos, say(Msg::undeclared_fact, "grid"_a = index.grid->id, "fact"_a = clip(f.id)),
          close.empty()
              ? say(Msg::declared_facts_hint, "ids"_a = fmt::join(index.declared_fact_ids, ", "))
              : did_you_mean(close));
    } else if (index.grid->facts[it->second].op != FactOp::declared) {
      diags.error(f.pos, say(Msg::computed_fact_set, "fact"_a = f.id));
    }
  }
  auto values = compute_facts(index, d);
  for (const Criterion* leaf : index.leaves) {
    if (leaf->from.empty()) continue;
    const FactValue& v = values[index.facts.at(leaf->from)];
    if (!v.value) {
      diags.warning(d.pos,
                    say(Msg::undefined_fact, "criterion"_a = leaf->id, "fact"_a = leaf->from));
    } else if (!within_bounds(scale_of(*index.grid, *leaf), *v.value)) {
      Pos pos = d.pos;
      for (const auto& f : d.facts)
        if (f.id == leaf->from) pos = f.pos;
      diags.error(pos, say(Msg::fact_out_of_range, "fact"_a = leaf->from, "value"_a = *v.value,
                           "criterion"_a = leaf->id));
    }
  }
}

}  // namespace

void validate_dossier(const GridIndex& index, Dossier& d, Diagnostics& diags) {
  reset_suggestion_budget();
  check_facts(index, d, diags);
  for (auto& a : d.assessments) {
    for (auto& e : a.scores)
      if (const Criterion* leaf = scored_leaf(index, e, diags))
        resolve_entry(index, *leaf, e, false, diags);
    for (const Criterion* leaf : index.leaves) {
      if (leaves_out(a, *leaf))
        diags.warning(
            a.pos,
            say(Msg::missing_score, "assessor"_a = clip(a.assessor), "criterion"_a = leaf->id),
            say(leaf->allow_na ? Msg::missing_score_na_hint : Msg::missing_score_hint));
    }
  }
  for (auto& e : d.consensus)
    if (const Criterion* leaf = scored_leaf(index, e, diags))
      resolve_entry(index, *leaf, e, true, diags);
  if (d.assessments.empty())
    diags.warning(d.pos, say(Msg::no_assessment), say(Msg::no_assessment_hint));
}

}  // namespace ess
