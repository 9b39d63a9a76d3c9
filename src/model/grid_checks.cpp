// Cross-references of a grid: everything a single key cannot check on its own.
#include "ess/model/grid_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "ess/model/messages.hpp"
#include "ess/model/text.hpp"

namespace ess {

namespace {

using namespace fmt::literals;

void check_criteria(const std::vector<Criterion>& nodes, const Grid& grid,
                    std::map<std::string, Pos>& seen, Diagnostics& diags) {
  double total_weight = 0;
  bool negative = false;  // an error of its own: not also "all zero"
  for (const auto& c : nodes) {
    if (c.weight > 0) total_weight += c.weight;
    negative = negative || c.weight < 0;
    auto [it, inserted] = seen.emplace(c.id, c.pos);
    if (!inserted)
      diags.error(c.pos,
                  say(Msg::duplicate_criterion_id, "id"_a = c.id, "line"_a = it->second.line),
                  say(Msg::duplicate_criterion_id_hint));
    check_criteria(c.children, grid, seen, diags);
  }
  if (!nodes.empty() && total_weight <= 0 && !negative)
    diags.error(nodes.front().weight_pos.line ? nodes.front().weight_pos : nodes.front().pos,
                say(Msg::weights_all_zero), say(Msg::weights_all_zero_hint));
}

void check_facts(const Grid& grid, Diagnostics& diags) {
  std::map<std::string, const Fact*> by_id;
  for (const auto& f : grid.facts) {
    if (!by_id.emplace(f.id, &f).second)
      diags.error(f.pos, say(Msg::duplicate_fact_id, "id"_a = f.id));
  }
  std::vector<std::string> ids;
  for (const auto& f : grid.facts) ids.push_back(f.id);
  for (const auto& f : grid.facts) {
    for (const auto& ref : f.operands) {
      if (by_id.count(ref)) continue;
      std::string close = suggest(ref, ids);
      diags.error(f.pos, say(Msg::fact_refers_unknown, "fact"_a = f.id, "ref"_a = ref),
                  did_you_mean(close));
    }
  }
  // Cycles: depth-first search with colours; report each cycle once, at its first fact.
  std::map<std::string, int> colour;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<void(const Fact&)> visit = [&](const Fact& f) {
    colour[f.id] = 1;
    path.push_back(f.id);
    for (const auto& ref : f.operands) {
      auto it = by_id.find(ref);
      if (it == by_id.end()) continue;
      if (colour[ref] == 1) {
        auto start = std::find(path.begin(), path.end(), ref);
        std::vector<std::string> cycle(start, path.end());
        cycle.push_back(ref);
        diags.error(by_id[ref]->pos, say(Msg::fact_cycle, "cycle"_a = fmt::join(cycle, " -> ")),
                    say(Msg::fact_cycle_hint));
      } else if (colour[ref] == 0) {
        visit(*it->second);
      }
    }
    path.pop_back();
    colour[f.id] = 2;
  };
  for (const auto& f : grid.facts)
    if (colour[f.id] == 0) visit(f);
}

}  // namespace

void check_grid_references(const Grid& grid, Diagnostics& diags) {
  std::map<std::string, Pos> seen;
  check_criteria(grid.criteria, grid, seen, diags);
  check_facts(grid, diags);
}

}  // namespace ess
