// `grid diff`: the semantic comparison of two grids and the bump each change requires.
//
// Classification (§5 of the spec), by what a change can do to dossiers:
// - major: a dossier valid under OLD may be invalid under NEW — leaf added or removed (or a
//   leaf turned into a node and back), levels removed, revalued or relabelled, a leaf's scale
//   replaced (or its type changed), numeric bounds narrowed, allow_na withdrawn, evidence
//   required added, a leaf switched between assessed and `from:` a fact, a declared fact added
//   or removed, the grid's id changed (dossiers name it).
// - minor: dossiers stay valid, scores or decisions may change — weights, aggregation, targets,
//   minimums, eliminatory, bands, value functions, bounds widened, a level added, a criterion
//   moved or a grouping node added/removed, a leaf's source fact or a formula changed, allow_na
//   granted or evidence relaxed (rules of instruction, not wording), the disagreement level.
// - patch: wording — titles, descriptions, guidance, units, level descriptions, language; and a
//   scale renamed with the same content, or a scale no leaf uses.
// Reordering siblings, levels, facts or scales is no change: everything is matched by id.
#include "ess/core/grid_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "ess/core/scale.hpp"
#include "ess/core/weights.hpp"
#include "ess/model/format.hpp"
#include "ess/model/language.hpp"

namespace ess {

const char* bump_token(Bump bump) {
  switch (bump) {
    case Bump::none:
      return "none";
    case Bump::patch:
      return "patch";
    case Bump::minor:
      return "minor";
    case Bump::major:
      return "major";
  }
  return "none";
}

const char* subject_token(ChangeSubject subject) {
  switch (subject) {
    case ChangeSubject::grid:
      return "grid";
    case ChangeSubject::criterion:
      return "criterion";
    case ChangeSubject::scale:
      return "scale";
    case ChangeSubject::fact:
      return "fact";
    case ChangeSubject::decision:
      return "decision";
  }
  return "grid";
}

namespace {

std::string num(double v) {
  return format_shortest(v);
}

struct Placed {
  const Criterion* criterion = nullptr;
  std::string path;  // ids from the top: "gouvernance/transparence"
};

std::map<std::string, Placed> flatten(const Grid& grid) {
  std::map<std::string, Placed> out;
  std::function<void(const std::vector<Criterion>&, const std::string&)> walk =
      [&](const std::vector<Criterion>& nodes, const std::string& prefix) {
        for (const auto& c : nodes) {
          std::string path = prefix.empty() ? c.id : prefix + "/" + c.id;
          out[c.id] = {&c, path};
          walk(c.children, path);
        }
      };
  walk(grid.criteria, "");
  return out;
}

std::string parent_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// A value in a scale's units, as the grid file would say it: "3 (Exemplaire)", "yes", "25".
std::string value_text(const Scale& scale, double value) {
  if (scale.type == ScaleType::yesno) return value >= 0.5 ? "yes" : "no";
  std::string label = scale.type == ScaleType::levels ? value_label(scale, value) : "";
  return label.empty() ? num(value) : fmt::format("{} ({})", num(value), label);
}

std::string level_text(const Level& l) {
  return fmt::format("{} ({})", num(l.value), l.label);
}

std::string bounds_text(const Scale& s) {
  return fmt::format("[{}, {}]", s.min ? num(*s.min) : "-inf", s.max ? num(*s.max) : "inf");
}

std::string points_text(const std::vector<ValuePoint>& pts) {
  std::vector<std::string> parts;
  for (const auto& p : pts) parts.push_back(fmt::format("[{}, {}]", num(p.x), num(p.s)));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

std::string function_text(const Scale& s) {
  if (!s.points.empty()) return "points " + points_text(s.points);
  if (!s.steps.empty()) return "steps " + points_text(s.steps);
  return s.better == Better::lower ? "linear, better: lower" : "linear, better: higher";
}

const char* type_text(ScaleType t) {
  switch (t) {
    case ScaleType::levels:
      return "levels";
    case ScaleType::yesno:
      return "yesno";
    case ScaleType::numeric:
      return "numeric";
  }
  return "levels";
}

const char* evidence_text(EvidencePolicy e) {
  switch (e) {
    case EvidencePolicy::required:
      return "required";
    case EvidencePolicy::recommended:
      return "recommended";
    case EvidencePolicy::none:
      return "none";
  }
  return "recommended";
}

bool same_points(const std::vector<ValuePoint>& a, const std::vector<ValuePoint>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](auto& p, auto& q) {
           return p.x == q.x && p.s == q.s;
         });
}

// Same meaning for a dossier (wording aside): a renamed scale is no replacement.
bool equivalent_scales(const Scale& a, const Scale& b) {
  if (a.type != b.type || a.min != b.min || a.max != b.max) return false;
  if (!same_points(a.points, b.points) || !same_points(a.steps, b.steps)) return false;
  if (a.type == ScaleType::numeric && a.points.empty() && a.steps.empty() && a.better != b.better)
    return false;
  std::set<std::pair<double, std::string>> la, lb;
  for (const auto& l : a.levels) la.emplace(l.value, l.label);
  for (const auto& l : b.levels) lb.emplace(l.value, l.label);
  return la == lb;
}

std::string formula_text(const Fact& f) {
  switch (f.op) {
    case FactOp::declared:
      return "declared";
    case FactOp::constant:
      return fmt::format("value: {}", num(f.constant));
    case FactOp::sum:
      return fmt::format("sum: [{}]", fmt::join(f.operands, ", "));
    case FactOp::product:
      return fmt::format("product: [{}]", fmt::join(f.operands, ", "));
    case FactOp::ratio:
      return fmt::format("ratio: [{}]", fmt::join(f.operands, ", "));
    case FactOp::diversity:
      return fmt::format("diversity: [{}]", fmt::join(f.operands, ", "));
  }
  return "";
}

// The formula up to the order of commutative operands.
std::string formula_key(const Fact& f) {
  Fact copy = f;
  if (f.op != FactOp::ratio) std::sort(copy.operands.begin(), copy.operands.end());
  return formula_text(copy);
}

class Differ {
 public:
  Differ(const Grid& o, const Grid& n) : old_(o), new_(n) {}

  std::vector<GridChange> run() {
    grid_keys();
    criteria();
    scales();
    facts();
    bands();
    return std::move(changes_);
  }

 private:
  GridChange& add(Bump bump, ChangeSubject subject, std::string id, std::string kind,
                  std::string old_value = {}, std::string new_value = {}) {
    GridChange c;
    c.bump = bump;
    c.subject = subject;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.old_value = std::move(old_value);
    c.new_value = std::move(new_value);
    changes_.push_back(std::move(c));
    return changes_.back();
  }

  // A change whose values are plain numbers; absent ones (a band added or removed) are "".
  GridChange& add_numbers(Bump bump, ChangeSubject subject, std::string id, std::string kind,
                          std::optional<double> old_value, std::optional<double> new_value) {
    GridChange& c = add(bump, subject, std::move(id), std::move(kind),
                        old_value ? num(*old_value) : "", new_value ? num(*new_value) : "");
    c.old_number = old_value;
    c.new_number = new_value;
    return c;
  }

  void grid_keys() {
    auto g = ChangeSubject::grid;
    if (old_.id != new_.id) add(Bump::major, g, "grid", "grid-id", old_.id, new_.id);
    if (old_.title != new_.title) add(Bump::patch, g, "title", "title", old_.title, new_.title);
    if (old_.description != new_.description)
      add(Bump::patch, g, "description", "description", old_.description, new_.description);
    if (old_.language != new_.language)
      add(Bump::patch, g, "language", "language", language_code(old_.language),
          language_code(new_.language));
    if (old_.disagreement != new_.disagreement)
      add_numbers(Bump::minor, g, "disagreement", "disagreement", old_.disagreement,
                  new_.disagreement);
  }

  // ------------------------------------------------------------ criteria

  void criteria() {
    auto o = flatten(old_), n = flatten(new_);
    auto ew_old = nominal_effective_weights(old_), ew_new = nominal_effective_weights(new_);
    auto subject = ChangeSubject::criterion;
    for (const auto& [id, p] : o)
      if (!n.count(id)) {
        bool leaf = p.criterion->is_leaf();
        add(leaf ? Bump::major : Bump::minor, subject, id, leaf ? "leaf-removed" : "node-removed",
            p.path, "");
      }
    for (const auto& [id, p] : n)
      if (!o.count(id)) {
        bool leaf = p.criterion->is_leaf();
        add(leaf ? Bump::major : Bump::minor, subject, id, leaf ? "leaf-added" : "node-added", "",
            p.path);
      }
    for (const auto& [id, po] : o) {
      auto it = n.find(id);
      if (it == n.end()) continue;
      const Placed& pn = it->second;
      const Criterion& a = *po.criterion;
      const Criterion& b = *pn.criterion;
      if (a.is_leaf() && !b.is_leaf()) add(Bump::major, subject, id, "leaf-became-node");
      if (!a.is_leaf() && b.is_leaf()) add(Bump::major, subject, id, "node-became-leaf");
      if (parent_of(po.path) != parent_of(pn.path))
        add(Bump::minor, subject, id, "moved", po.path, pn.path);
      if (a.weight != b.weight) {
        GridChange& c = add_numbers(Bump::minor, subject, id, "weight", a.weight, b.weight);
        c.old_effective_weight = ew_old.at(id);
        c.new_effective_weight = ew_new.at(id);
      }
      if (a.title != b.title) add(Bump::patch, subject, id, "title", a.title, b.title);
      if (a.description != b.description)
        add(Bump::patch, subject, id, "description", a.description, b.description);
      if (a.guidance != b.guidance)
        add(Bump::patch, subject, id, "guidance", a.guidance, b.guidance);
      if (a.eliminatory != b.eliminatory)
        add(Bump::minor, subject, id, "eliminatory", a.eliminatory ? "true" : "false",
            b.eliminatory ? "true" : "false");
      minimum(a, b);
      if (!a.is_leaf() && !b.is_leaf() && a.aggregation != b.aggregation)
        add(Bump::minor, subject, id, "aggregation", aggregation_name(a.aggregation),
            aggregation_name(b.aggregation));
      if (a.is_leaf() && b.is_leaf()) leaf(a, b);
    }
  }

  std::string minimum_text(const Grid& g, const Criterion& c) {
    if (!c.minimum) return "";
    return c.is_leaf() ? value_text(scale_of(g, c), *c.minimum) : num(*c.minimum);
  }

  void minimum(const Criterion& a, const Criterion& b) {
    if (!a.minimum && !b.minimum) return;
    if (a.is_leaf() && b.is_leaf() && a.scale != b.scale &&
        !equivalent_scales(scale_of(old_, a), scale_of(new_, b)))
      return;  // part of the scale's replacement
    // The same level on a scale whose levels changed may be another threshold on s: that is
    // told by the scale's change.
    bool same = a.minimum && b.minimum && *a.minimum == *b.minimum && a.is_leaf() == b.is_leaf();
    if (!same)
      add(Bump::minor, ChangeSubject::criterion, a.id, "minimum", minimum_text(old_, a),
          minimum_text(new_, b));
  }

  void leaf(const Criterion& a, const Criterion& b) {
    auto subject = ChangeSubject::criterion;
    const std::string& id = a.id;
    if (a.from.empty() && !b.from.empty())
      add(Bump::major, subject, id, "became-derived", "", b.from);
    else if (!a.from.empty() && b.from.empty())
      add(Bump::major, subject, id, "became-assessed", a.from, "");
    else if (a.from != b.from)
      add(Bump::minor, subject, id, "source-fact", a.from, b.from);
    const Scale& sa = scale_of(old_, a);
    const Scale& sb = scale_of(new_, b);
    bool replaced = false;
    if (a.scale != b.scale) {
      bool same = equivalent_scales(sa, sb);
      replaced = !same;
      add(same ? Bump::patch : Bump::major, subject, id, same ? "scale-renamed" : "scale-replaced",
          a.scale, b.scale);
    }
    double ta = a.target ? *a.target : best_value(sa);
    double tb = b.target ? *b.target : best_value(sb);
    // A replaced scale carries its target along, and a default target follows its scale's
    // changes: both are told as scale changes, not again here.
    if (!replaced && (a.target || b.target) && ta != tb)
      add(Bump::minor, subject, id, "target", value_text(sa, ta), value_text(sb, tb));
    if (a.evidence != b.evidence) {
      bool required = b.evidence == EvidencePolicy::required;
      add(required ? Bump::major : Bump::minor, subject, id,
          required ? "evidence-required" : "evidence", evidence_text(a.evidence),
          evidence_text(b.evidence));
    }
    if (a.allow_na && !b.allow_na)
      add(Bump::major, subject, id, "allow-na-withdrawn", "true", "false");
    if (!a.allow_na && b.allow_na)
      add(Bump::minor, subject, id, "allow-na-granted", "false", "true");
  }

  // ------------------------------------------------------------ scales

  std::vector<std::string> users(const std::string& scale) const {
    std::set<std::string> ids;
    for (const Grid* g : {&old_, &new_})
      for_each_criterion(g->criteria, [&](const Criterion& c, int) {
        if (c.is_leaf() && c.scale == scale) ids.insert(c.id);
      });
    return {ids.begin(), ids.end()};
  }

  void scales() {
    auto subject = ChangeSubject::scale;
    for (const auto& s : old_.scales)
      if (!new_.find_scale(s.id)) add(Bump::patch, subject, s.id, "scale-removed");
    for (const auto& s : new_.scales)
      if (!old_.find_scale(s.id)) add(Bump::patch, subject, s.id, "scale-added");
    for (const auto& a : old_.scales) {
      const Scale* b = new_.find_scale(a.id);
      if (!b) continue;
      std::size_t first = changes_.size();
      scale(a, *b);
      std::vector<std::string> used = users(a.id);
      for (std::size_t i = first; i < changes_.size(); ++i) {
        changes_[i].used_by = used;
        // A scale no leaf uses binds no dossier: whatever changed in it is wording.
        if (used.empty()) changes_[i].bump = std::min(changes_[i].bump, Bump::patch);
      }
    }
  }

  void scale(const Scale& a, const Scale& b) {
    auto subject = ChangeSubject::scale;
    if (a.title != b.title) add(Bump::patch, subject, a.id, "title", a.title, b.title);
    if (a.description != b.description)
      add(Bump::patch, subject, a.id, "description", a.description, b.description);
    if (a.unit != b.unit) add(Bump::patch, subject, a.id, "unit", a.unit, b.unit);
    if (a.type != b.type) {
      add(Bump::major, subject, a.id, "scale-type", type_text(a.type), type_text(b.type));
      return;
    }
    if (a.type == ScaleType::levels) levels(a, b);
    if (a.type == ScaleType::numeric) numeric(a, b);
  }

  void levels(const Scale& a, const Scale& b) {
    auto subject = ChangeSubject::scale;
    std::vector<const Level*> left, right;
    for (const auto& l : a.levels) left.push_back(&l);
    for (const auto& l : b.levels) right.push_back(&l);
    std::vector<std::pair<const Level*, const Level*>> pairs;
    // Labels first (a level keeps its name), then values (a level renamed in place).
    for (auto match : {+[](const Level*x, const Level*y) { return x->label == y->label; },
                       +[](const Level*x, const Level*y) { return x->value == y->value; }}) {
      for (auto& l : left) {
        if (!l) continue;
        for (auto& r : right) {
          if (r && match(l, r)) {
            pairs.emplace_back(l, r);
            l = r = nullptr;
            break;
          }
        }
      }
    }
    for (const Level* l : left)
      if (l) add(Bump::major, subject, a.id, "level-removed", level_text(*l), "");
    for (const Level* r : right)
      if (r) add(Bump::minor, subject, a.id, "level-added", "", level_text(*r));
    for (const auto& [l, r] : pairs) {
      if (l->value != r->value)
        add(Bump::major, subject, a.id, "level-revalued", level_text(*l), level_text(*r));
      else if (l->label != r->label)
        add(Bump::major, subject, a.id, "level-relabelled", level_text(*l), level_text(*r));
      if (l->description != r->description)
        add(Bump::patch, subject, a.id, "level-description", level_text(*l), level_text(*r));
    }
  }

  void numeric(const Scale& a, const Scale& b) {
    auto subject = ChangeSubject::scale;
    bool narrowed =
        (b.min && (!a.min || *b.min > *a.min)) || (b.max && (!a.max || *b.max < *a.max));
    bool widened = (a.min && (!b.min || *b.min < *a.min)) || (a.max && (!b.max || *b.max > *a.max));
    if (narrowed)
      add(Bump::major, subject, a.id, "bounds-narrowed", bounds_text(a), bounds_text(b));
    else if (widened)
      add(Bump::minor, subject, a.id, "bounds-widened", bounds_text(a), bounds_text(b));
    if (function_text(a) != function_text(b))
      add(Bump::minor, subject, a.id, "value-function", function_text(a), function_text(b));
  }

  // ------------------------------------------------------------ facts and bands

  void facts() {
    auto subject = ChangeSubject::fact;
    auto declared = [](const Fact& f) { return f.op == FactOp::declared; };
    for (const auto& f : old_.facts)
      if (!new_.find_fact(f.id))
        add(declared(f) ? Bump::major : Bump::minor, subject, f.id,
            declared(f) ? "declared-fact-removed" : "fact-removed", formula_text(f), "");
    for (const auto& f : new_.facts)
      if (!old_.find_fact(f.id))
        add(declared(f) ? Bump::major : Bump::minor, subject, f.id,
            declared(f) ? "declared-fact-added" : "fact-added", "", formula_text(f));
    for (const auto& a : old_.facts) {
      const Fact* b = new_.find_fact(a.id);
      if (!b) continue;
      if (declared(a) && !declared(*b))
        add(Bump::major, subject, a.id, "declared-fact-removed", formula_text(a), formula_text(*b));
      else if (!declared(a) && declared(*b))
        add(Bump::major, subject, a.id, "declared-fact-added", formula_text(a), formula_text(*b));
      else if (formula_key(a) != formula_key(*b))
        add(Bump::minor, subject, a.id, "formula", formula_text(a), formula_text(*b));
      if (a.title != b->title) add(Bump::patch, subject, a.id, "title", a.title, b->title);
      if (a.unit != b->unit) add(Bump::patch, subject, a.id, "unit", a.unit, b->unit);
      if (a.description != b->description)
        add(Bump::patch, subject, a.id, "description", a.description, b->description);
    }
  }

  void bands() {
    auto subject = ChangeSubject::decision;
    std::vector<const Band*> left, right;
    for (const auto& b : old_.decision) left.push_back(&b);
    for (const auto& b : new_.decision) right.push_back(&b);
    for (auto& l : left)
      for (auto& r : right)
        if (l && r && l->label == r->label) {
          if (l->min != r->min)
            add_numbers(Bump::minor, subject, l->label, "band-min", l->min, r->min);
          l = r = nullptr;
        }
    for (auto& l : left)
      for (auto& r : right)
        if (l && r && l->min == r->min) {
          add(Bump::minor, subject, r->label, "band-label", l->label, r->label);
          l = r = nullptr;
        }
    for (const Band* l : left)
      if (l) add_numbers(Bump::minor, subject, l->label, "band-removed", l->min, std::nullopt);
    for (const Band* r : right)
      if (r) add_numbers(Bump::minor, subject, r->label, "band-added", std::nullopt, r->min);
  }

  const Grid& old_;
  const Grid& new_;
  std::vector<GridChange> changes_;
};

std::vector<EffectiveWeightChange> effective_weight_changes(const Grid& o, const Grid& n) {
  auto a = nominal_effective_weights(o), b = nominal_effective_weights(n);
  std::vector<EffectiveWeightChange> out;
  std::set<std::string> ids;
  for (const auto& [id, w] : a) ids.insert(id);
  for (const auto& [id, w] : b) ids.insert(id);
  for (const auto& id : ids) {
    EffectiveWeightChange c;
    c.criterion = id;
    if (a.count(id)) c.old_share = a.at(id);
    if (b.count(id)) c.new_share = b.at(id);
    if (c.old_share && c.new_share && std::fabs(*c.old_share - *c.new_share) <= 1e-12) continue;
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::tuple<long, long, long>> parse_version(const std::string& v) {
  long parts[3] = {0, 0, 0};
  std::size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    std::size_t end = i < 2 ? v.find('.', start) : v.size();
    if (end == std::string::npos || end == start || end - start > 9) return std::nullopt;
    for (std::size_t k = start; k < end; ++k)
      if (v[k] < '0' || v[k] > '9') return std::nullopt;
    parts[i] = std::stol(v.substr(start, end - start));
    start = end + 1;
  }
  return std::make_tuple(parts[0], parts[1], parts[2]);
}

}  // namespace

std::optional<VersionCheck> compare_versions(const std::string& old_version,
                                             const std::string& new_version, Bump required) {
  auto a = parse_version(old_version), b = parse_version(new_version);
  if (!a || !b) return std::nullopt;
  VersionCheck v;
  v.required = required;
  if (*b < *a)
    v.backwards = true;
  else if (std::get<0>(*b) > std::get<0>(*a))
    v.actual = Bump::major;
  else if (std::get<1>(*b) > std::get<1>(*a))
    v.actual = Bump::minor;
  else if (std::get<2>(*b) > std::get<2>(*a))
    v.actual = Bump::patch;
  v.ok = !v.backwards && v.actual >= v.required;
  return v;
}

std::string next_version(const std::string& old_version, Bump bump) {
  auto a = parse_version(old_version);
  if (!a) return old_version;
  auto [major, minor, patch] = *a;
  switch (bump) {
    case Bump::major:
      return fmt::format("{}.0.0", major + 1);
    case Bump::minor:
      return fmt::format("{}.{}.0", major, minor + 1);
    case Bump::patch:
      return fmt::format("{}.{}.{}", major, minor, patch + 1);
    case Bump::none:
      break;
  }
  return old_version;
}

GridDiff diff_grids(const Grid& old_grid, const Grid& new_grid) {
  GridDiff d;
  d.old_id = old_grid.id;
  d.new_id = new_grid.id;
  d.old_version = old_grid.version;
  d.new_version = new_grid.version;
  d.old_file = old_grid.file;
  d.new_file = new_grid.file;
  d.old_sha = old_grid.sha256;
  d.new_sha = new_grid.sha256;
  d.changes = Differ(old_grid, new_grid).run();
  std::sort(d.changes.begin(), d.changes.end(), [](const GridChange& a, const GridChange& b) {
    return std::make_tuple(-static_cast<int>(a.bump), a.subject, std::cref(a.id), std::cref(a.kind),
                           std::cref(a.old_value), std::cref(a.new_value)) <
           std::make_tuple(-static_cast<int>(b.bump), b.subject, std::cref(b.id), std::cref(b.kind),
                           std::cref(b.old_value), std::cref(b.new_value));
  });
  d.effective_weights = effective_weight_changes(old_grid, new_grid);
  Bump required = Bump::none;
  for (const auto& c : d.changes) required = std::max(required, c.bump);
  if (auto v = compare_versions(d.old_version, d.new_version, required)) {
    d.version = *v;
  } else {
    d.version.required = required;
    d.version.ok = false;
  }
  return d;
}

}  // namespace ess
