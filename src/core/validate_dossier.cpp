// A dossier read against its grid. Reports every problem; resolves every value it can.
#include <fmt/format.h>

#include "ess/core/facts.hpp"
#include "ess/core/scale.hpp"
#include "ess/core/validate.hpp"
#include "ess/model/text.hpp"

namespace ess {

bool check_grid_reference(const Grid& grid, const Dossier& dossier, Diagnostics& diags) {
  if (dossier.grid_id != grid.id) {
    diags.error("grid-mismatch", dossier.grid_pos,
                fmt::format("the dossier names grid '{}', but it is checked against grid '{}'",
                            clip(dossier.grid_id), grid.id),
                "fix grid: or pass the right --grid");
    return false;
  }
  if (!dossier.grid_version.empty() && dossier.grid_version != grid.version) {
    diags.error("grid-mismatch", dossier.grid_pos,
                fmt::format("the dossier is pinned to {}@{}, but the grid found is version {}",
                            grid.id, dossier.grid_version, grid.version),
                "score it with the pinned grid (--grid FILE), or update the pin after review");
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
    diags.error("unknown-criterion", e.pos,
                fmt::format("grid '{}' has no criterion '{}'", index.grid->id, clip(e.criterion)),
                close.empty() ? "run `ess-eval template` to list the criteria"
                              : fmt::format("did you mean '{}'?", close));
    return nullptr;
  }
  if (!c->is_leaf()) {
    diags.error(
        "unknown-criterion", e.pos,
        fmt::format("'{}' groups other criteria; its score is computed from them", e.criterion),
        "score its leaves instead");
    return nullptr;
  }
  if (!c->from.empty()) {
    diags.error("score-for-derived", e.pos,
                fmt::format("'{}' takes its value from fact '{}'; assessors do not score it",
                            e.criterion, c->from),
                fmt::format("give the figure under facts: {}:", c->from));
    return nullptr;
  }
  return c;
}

void resolve_entry(const GridIndex& index, const Criterion& leaf, ScoreEntry& e, bool consensus,
                   Diagnostics& diags) {
  const Scale& scale = scale_of(*index.grid, leaf);
  if (e.kind == ScoreEntry::Kind::na) {
    if (!leaf.allow_na)
      diags.error("na-not-allowed", e.value_pos,
                  fmt::format("the grid does not allow '{}' to be marked not applicable", leaf.id),
                  "score it; the grid's allow_na decides which criteria may be N/A");
    return;
  }
  bool wants_level = scale.type == ScaleType::levels;
  if (e.raw_is_level != wants_level) {
    diags.error("wrong-type", e.value_pos,
                fmt::format("'{}' is on a {} scale: write {}", leaf.id,
                            wants_level ? "levels" : "numeric or yes/no",
                            wants_level ? "level:" : "value:"));
    return;
  }
  ScaleText written{e.raw, e.raw_quoted, e.value_pos};
  if (auto v = resolve_scale_value(scale, written, fmt::format("'{}'", leaf.id), diags)) {
    e.value = *v;
    e.resolved = true;
  }
  if (!consensus && leaf.evidence == EvidencePolicy::required && e.evidence.empty())
    diags.error(
        "evidence-missing", e.pos, fmt::format("'{}' requires evidence for its score", leaf.id),
        "add evidence: \"the document that supports it (PV d'AG, comptes, convention...)\"");
}

void check_facts(const GridIndex& index, const Dossier& d, Diagnostics& diags) {
  for (const auto& f : d.facts) {
    auto it = index.facts.find(f.id);
    if (it == index.facts.end()) {
      std::string close = suggest(f.id, index.declared_fact_ids);
      diags.error("unknown-fact", f.pos,
                  fmt::format("grid '{}' declares no fact '{}'", index.grid->id, clip(f.id)),
                  close.empty()
                      ? fmt::format("declared facts: {}", fmt::join(index.declared_fact_ids, ", "))
                      : fmt::format("did you mean '{}'?", close));
    } else if (index.grid->facts[it->second].op != FactOp::declared) {
      diags.error(
          "unknown-fact", f.pos,
          fmt::format("fact '{}' is computed by the grid; the dossier cannot set it", f.id));
    }
  }
  auto values = compute_facts(index, d);
  for (const Criterion* leaf : index.leaves) {
    if (leaf->from.empty()) continue;
    const FactValue& v = values[index.facts.at(leaf->from)];
    if (!v.value) {
      diags.warning(
          "undefined-fact", d.pos,
          fmt::format("criterion '{}' is missing: fact '{}' is not defined for this dossier",
                      leaf->id, leaf->from));
    } else if (!within_bounds(scale_of(*index.grid, *leaf), *v.value)) {
      Pos pos = d.pos;
      for (const auto& f : d.facts)
        if (f.id == leaf->from) pos = f.pos;
      diags.error("value-out-of-range", pos,
                  fmt::format("fact '{}' = {} is outside the bounds of the scale of '{}'",
                              leaf->from, *v.value, leaf->id));
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
      if (!leaf->from.empty()) continue;
      bool found = false;
      for (const auto& e : a.scores) found = found || e.criterion == leaf->id;
      if (!found)
        diags.warning(
            "missing-score", a.pos,
            fmt::format("the assessment by {} does not score '{}'", clip(a.assessor), leaf->id),
            leaf->allow_na ? "score it, or mark it na: \"reason\"" : "score it");
    }
  }
  for (auto& e : d.consensus)
    if (const Criterion* leaf = scored_leaf(index, e, diags))
      resolve_entry(index, *leaf, e, true, diags);
  if (d.assessments.empty())
    diags.warning("missing-score", d.pos, "the dossier has no assessment yet",
                  "add assessments: with at least one analyst's scores");
}

}  // namespace ess
