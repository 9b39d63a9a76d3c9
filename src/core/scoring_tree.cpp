#include "scoring_tree.hpp"

#include "ess/core/weights.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ess {

Tree build_tree(const Grid& grid) {
  Tree tree;
  std::function<std::size_t(const Criterion&)> add = [&](const Criterion& c) {
    std::size_t index = tree.nodes.size();
    tree.nodes.push_back(&c);
    tree.weights.push_back(c.weight);
    tree.children.emplace_back();
    for (const auto& child : c.children) {
      std::size_t child_index = add(child);
      tree.children[index].push_back(child_index);
    }
    return index;
  };
  for (const auto& axis : grid.criteria) tree.axes.push_back(add(axis));
  return tree;
}

namespace {

// The aggregate of the included children, or nullopt when their weights sum to 0.
std::optional<double> aggregate(Aggregation method, const Tree& tree,
                                const std::vector<std::size_t>& kids,
                                const std::vector<std::optional<double>>& s) {
  double total_weight = 0;
  for (std::size_t k : kids)
    if (s[k]) total_weight += tree.weights[k];
  if (total_weight <= 0) return std::nullopt;
  switch (method) {
    case Aggregation::weighted_mean: {
      double sum = 0;
      for (std::size_t k : kids)
        if (s[k]) sum += tree.weights[k] * *s[k];
      return sum / total_weight;
    }
    case Aggregation::weighted_geometric: {
      double product = 1;
      for (std::size_t k : kids) {
        double w = tree.weights[k];
        if (!s[k] || w <= 0) continue;
        if (*s[k] <= 0) return 0.0;
        product *= std::pow(*s[k], w / total_weight);
      }
      return product;
    }
    case Aggregation::min: {
      double lowest = 1;
      for (std::size_t k : kids)
        if (s[k] && tree.weights[k] > 0) lowest = std::min(lowest, *s[k]);
      return lowest;
    }
  }
  return std::nullopt;
}

}  // namespace

Evaluation evaluate(const Tree& tree, std::vector<std::optional<double>> leaf_s) {
  Evaluation e;
  e.s = std::move(leaf_s);
  // Children follow their parent in depth-first order: walk backwards, children first.
  for (std::size_t i = tree.nodes.size(); i-- > 0;)
    if (!tree.children[i].empty())
      e.s[i] = aggregate(tree.nodes[i]->aggregation, tree, tree.children[i], e.s);
  if (auto root = aggregate(Aggregation::weighted_mean, tree, tree.axes, e.s))
    e.total = 100 * *root;
  return e;
}

std::vector<double> effective_weights(const Tree& tree,
                                      const std::vector<std::optional<double>>& s) {
  std::vector<double> ew(tree.nodes.size(), 0.0);
  std::function<void(const std::vector<std::size_t>&, double)> share =
      [&](const std::vector<std::size_t>& kids, double parent) {
        double total_weight = 0;
        for (std::size_t k : kids)
          if (s[k]) total_weight += tree.weights[k];
        for (std::size_t k : kids) {
          if (!s[k] || total_weight <= 0) continue;
          ew[k] = parent * tree.weights[k] / total_weight;
          share(tree.children[k], ew[k]);
        }
      };
  share(tree.axes, 1.0);
  return ew;
}

std::map<std::string, double> nominal_effective_weights(const Grid& grid) {
  Tree tree = build_tree(grid);
  std::vector<std::optional<double>> all_in(tree.nodes.size(), 1.0);
  std::vector<double> ew = effective_weights(tree, all_in);
  std::map<std::string, double> out;
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) out[tree.nodes[i]->id] = ew[i];
  return out;
}

}  // namespace ess
