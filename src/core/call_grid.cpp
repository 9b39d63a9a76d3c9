// The call's grid: the base grid copied, then each override of the call applied in turn.
#include "ess/core/call_grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ess/model/messages.hpp"
#include "ess/model/scale_value.hpp"
#include "ess/model/sha256.hpp"
#include "ess/model/text.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

class Applier {
 public:
  Applier(Grid& grid, Diagnostics& diags) : grid_(grid), diags_(diags) { index(grid_.criteria); }

  void weights(const std::vector<WeightOverride>& list, std::vector<OverrideChange>& out) {
    std::map<const std::vector<Criterion>*, Pos> touched;  // sibling lists, first override
    for (const auto& o : list) {
      Criterion* c = find(o.criterion, o.pos, "weights");
      if (!c) continue;
      out.push_back(change(OverrideChange::Kind::weight, o.criterion, o.pos));
      out.back().before = c->weight;
      out.back().after = o.weight;
      c->weight = o.weight;
      touched.emplace(siblings_.at(c->id), o.pos);
    }
    for (const auto& [siblings, pos] : touched) {
      double total = 0;
      for (const auto& c : *siblings) total += c.weight;
      if (total <= 0)
        diags_.error(pos, say(Msg::call_weights_all_zero), say(Msg::weights_all_zero_hint));
    }
  }

  void targets(const std::vector<ValueOverride>& list, std::vector<OverrideChange>& out) {
    for (const auto& o : list) {
      Criterion* c = find(o.criterion, o.pos, "targets");
      if (!c) continue;
      if (!c->is_leaf()) {
        diags_.error(o.pos, say(Msg::target_on_node, "criterion"_a = o.criterion),
                     say(Msg::target_on_node_hint));
        continue;
      }
      auto v = leaf_value(*c, o, Msg::what_target_of, "invalid-target");
      if (!v) continue;
      out.push_back(change(OverrideChange::Kind::target, o.criterion, o.pos));
      out.back().before = c->target;
      out.back().after = v;
      c->target = v;
    }
  }

  void minimums(const std::vector<ValueOverride>& list, std::vector<OverrideChange>& out) {
    for (const auto& o : list) {
      Criterion* c = find(o.criterion, o.pos, "minimums");
      if (!c) continue;
      auto v = c->is_leaf() ? leaf_value(*c, o, Msg::what_minimum_of, "invalid-minimum")
                            : node_minimum(o);
      if (!v) continue;
      out.push_back(change(OverrideChange::Kind::minimum, o.criterion, o.pos));
      out.back().before = c->minimum;
      out.back().after = v;
      c->minimum = v;
    }
  }

  // `minimums`: the call's, so that one refused there is not said again here.
  void eliminatory(const std::vector<EliminatoryOverride>& list,
                   const std::vector<ValueOverride>& minimums, std::vector<OverrideChange>& out) {
    for (const auto& o : list) {
      Criterion* c = find(o.criterion, o.pos, "eliminatory");
      if (!c) continue;
      bool named = std::any_of(minimums.begin(), minimums.end(),
                               [&](const ValueOverride& m) { return m.criterion == o.criterion; });
      if (!c->minimum && named) continue;
      if (!c->minimum) {
        diags_.error(o.pos, say(Msg::eliminatory_no_minimum, "criterion"_a = o.criterion),
                     say(Msg::eliminatory_no_minimum_hint, "criterion"_a = o.criterion));
        continue;
      }
      out.push_back(change(OverrideChange::Kind::eliminatory, o.criterion, o.pos));
      out.back().was_eliminatory = c->eliminatory;
      c->eliminatory = true;
    }
  }

 private:
  void index(std::vector<Criterion>& nodes) {
    for (auto& c : nodes) {
      by_id_[c.id] = &c;
      siblings_[c.id] = &nodes;
      ids_.push_back(c.id);
      index(c.children);
    }
  }

  static OverrideChange change(OverrideChange::Kind kind, const std::string& id, Pos pos) {
    OverrideChange c;
    c.kind = kind;
    c.criterion = id;
    c.pos = pos;
    return c;
  }

  Criterion* find(const std::string& id, Pos pos, const char* key) {
    auto it = by_id_.find(id);
    if (it != by_id_.end()) return it->second;
    std::string close = suggest(id, ids_);
    diags_.error(pos,
                 say(Msg::override_unknown_criterion, "key"_a = key, "criterion"_a = clip(id),
                     "grid"_a = base_grid_id(grid_.id), "version"_a = grid_.version),
                 close.empty() ? say(Msg::override_ids_hint) : did_you_mean(close));
    return nullptr;
  }

  // A target or a leaf's minimum on the leaf's scale; every refusal under the key's own code,
  // as the grid loader reports them.
  std::optional<double> leaf_value(const Criterion& leaf, const ValueOverride& o, Msg what,
                                   const char* code) {
    Diagnostics local(diags_.file());
    auto v =
        resolve_scale_value(scale_of(grid_, leaf), grid_.language, {o.text, o.quoted, o.value_pos},
                            phrase(what, "criterion"_a = leaf.id), local);
    for (auto d : local.items()) {
      if (d.severity == Severity::error) d.code = code;
      diags_.add(std::move(d));
    }
    return v;
  }

  std::optional<double> node_minimum(const ValueOverride& o) {
    Diagnostics local(diags_.file());
    auto v = check_number_text(o.text, o.quoted, o.value_pos,
                               phrase(Msg::what_minimum_of, "criterion"_a = o.criterion), local);
    if (v && (*v < 0 || *v > 100)) {
      diags_.error(o.value_pos, say(Msg::node_minimum_range, "criterion"_a = o.criterion));
      return std::nullopt;
    }
    for (auto d : local.items()) {
      if (d.severity == Severity::error) d.code = "invalid-minimum";
      diags_.add(std::move(d));
    }
    return v;
  }

  Grid& grid_;
  Diagnostics& diags_;
  std::map<std::string, Criterion*> by_id_;
  std::map<std::string, std::vector<Criterion>*> siblings_;
  std::vector<std::string> ids_;
};

}  // namespace

std::string call_grid_id(const std::string& base_id, const std::string& call_id) {
  return base_id + "+" + call_id;
}

std::optional<CallGrid> apply_call(const Grid& base, const Call& call, Diagnostics& diags) {
  std::size_t errors = diags.error_count();
  CallGrid out;
  out.grid = base;
  Grid& g = out.grid;
  g.id = call_grid_id(base.id, call.id);
  g.file = call.file;
  g.sha256 = sha256_hex(base.sha256 + call.sha256);
  Applier apply(g, diags);
  const CallOverrides& o = call.overrides;
  apply.weights(o.weights, out.changes);
  apply.targets(o.targets, out.changes);
  apply.minimums(o.minimums, out.changes);
  apply.eliminatory(o.eliminatory, o.minimums, out.changes);
  if (o.decision) {
    OverrideChange c;
    c.kind = OverrideChange::Kind::decision;
    c.pos = o.decision_pos;
    c.bands_before = g.decision;
    c.bands_after = *o.decision;
    g.decision = *o.decision;
    out.changes.push_back(std::move(c));
  }
  if (diags.error_count() != errors) return std::nullopt;
  return out;
}

}  // namespace ess
