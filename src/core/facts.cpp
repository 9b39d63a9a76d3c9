#include "ess/core/facts.hpp"

#include <cmath>
#include <functional>

namespace ess {

namespace {

using Why = FactValue::Why;

FactValue undefined(Why why, std::string operand = {}) {
  FactValue v;
  v.why = why;
  v.operand = std::move(operand);
  return v;
}

FactValue defined(double value) {
  FactValue v;
  v.value = value;
  return v;
}

FactValue derive(const Fact& fact, const std::vector<const FactValue*>& in,
                 const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < in.size(); ++i)
    if (!in[i]->value) return undefined(Why::undefined_operand, names[i]);
  switch (fact.op) {
    case FactOp::sum: {
      double total = 0;
      for (auto* v : in) total += *v->value;
      return defined(total);
    }
    case FactOp::product: {
      double total = 1;
      for (auto* v : in) total *= *v->value;
      return defined(total);
    }
    case FactOp::ratio:
      if (*in[1]->value == 0) return undefined(Why::zero_denominator, names[1]);
      return defined(*in[0]->value / *in[1]->value);
    case FactOp::diversity: {
      double total = 0;
      for (std::size_t i = 0; i < in.size(); ++i) {
        if (*in[i]->value < 0) return undefined(Why::negative_amount, names[i]);
        total += *in[i]->value;
      }
      if (total <= 0) return undefined(Why::no_total);
      double concentration = 0;  // Σ p², the Simpson index
      for (auto* v : in) concentration += (*v->value / total) * (*v->value / total);
      return defined(1 - concentration);
    }
    case FactOp::declared:
    case FactOp::constant:
      break;
  }
  return undefined(Why::not_given);
}

}  // namespace

std::vector<FactValue> compute_facts(const GridIndex& index, const Dossier& dossier) {
  const auto& facts = index.grid->facts;
  std::vector<FactValue> values(facts.size());
  std::vector<char> done(facts.size(), 0);
  std::function<const FactValue&(std::size_t)> get = [&](std::size_t i) -> const FactValue& {
    if (done[i]) return values[i];
    done[i] = 1;  // the grid has no cycles, so a fact in progress is never met again
    const Fact& f = facts[i];
    if (f.op == FactOp::declared) {
      values[i] = undefined(Why::not_given);
      for (const auto& d : dossier.facts)
        if (d.id == f.id) values[i] = defined(d.value);
    } else if (f.op == FactOp::constant) {
      values[i] = defined(f.constant);
    } else {
      std::vector<const FactValue*> in;
      for (const auto& ref : f.operands) in.push_back(&get(index.facts.at(ref)));
      values[i] = derive(f, in, f.operands);
      if (values[i].value && !std::isfinite(*values[i].value)) values[i] = undefined(Why::overflow);
    }
    return values[i];
  };
  for (std::size_t i = 0; i < facts.size(); ++i) get(i);
  return values;
}

}  // namespace ess
