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
#include "ess/grid_diff.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "ess/format.hpp"
#include "ess/grid_show.hpp"
#include "ess/load.hpp"
#include "ess/scale.hpp"

extern char** environ;

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

  void grid_keys() {
    auto g = ChangeSubject::grid;
    if (old_.id != new_.id) add(Bump::major, g, "grid", "grid-id", old_.id, new_.id);
    if (old_.title != new_.title) add(Bump::patch, g, "title", "title", old_.title, new_.title);
    if (old_.description != new_.description)
      add(Bump::patch, g, "description", "description", old_.description, new_.description);
    if (old_.language != new_.language)
      add(Bump::patch, g, "language", "language", old_.language == Language::en ? "en" : "fr",
          new_.language == Language::en ? "en" : "fr");
    if (old_.disagreement != new_.disagreement)
      add(Bump::minor, g, "disagreement", "disagreement", num(old_.disagreement),
          num(new_.disagreement));
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
        GridChange& c = add(Bump::minor, subject, id, "weight", num(a.weight), num(b.weight));
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
            add(Bump::minor, subject, l->label, "band-min", num(l->min), num(r->min));
          l = r = nullptr;
        }
    for (auto& l : left)
      for (auto& r : right)
        if (l && r && l->min == r->min) {
          add(Bump::minor, subject, r->label, "band-label", l->label, r->label);
          l = r = nullptr;
        }
    for (const Band* l : left)
      if (l) add(Bump::minor, subject, l->label, "band-removed", num(l->min), "");
    for (const Band* r : right)
      if (r) add(Bump::minor, subject, r->label, "band-added", "", num(r->min));
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

// ---------------------------------------------------------------- reports

namespace ess {

namespace {

struct ChangeWords {
  const char* kind;
  const char* fr;
  const char* en;
};

// {old}, {new}: the values as text; {id}: the subject; {ew_old}, {ew_new}: effective weights.
const ChangeWords change_words[] = {
    {"leaf-added", "feuille ajoutée ({new}) : les dossiers doivent la noter",
     "leaf added ({new}): dossiers must score it"},
    {"leaf-removed", "feuille retirée ({old}) : les dossiers qui la notent ne sont plus valides",
     "leaf removed ({old}): dossiers that score it are no longer valid"},
    {"node-added", "critère regroupant ajouté ({new})", "grouping criterion added ({new})"},
    {"node-removed", "critère regroupant retiré ({old})", "grouping criterion removed ({old})"},
    {"leaf-became-node",
     "la feuille regroupe désormais d'autres critères : les dossiers ne peuvent plus la noter",
     "the leaf now groups other criteria: dossiers can no longer score it"},
    {"node-became-leaf",
     "le critère regroupant devient une feuille : les dossiers doivent la noter",
     "the grouping criterion becomes a leaf: dossiers must score it"},
    {"moved", "déplacé : {old} → {new}", "moved: {old} → {new}"},
    {"weight", "poids {old} → {new} (poids effectif {ew_old} % → {ew_new} %)",
     "weight {old} → {new} (effective weight {ew_old}% → {ew_new}%)"},
    {"aggregation", "agrégation {old} → {new}", "aggregation {old} → {new}"},
    {"target", "cible {old} → {new}", "target {old} → {new}"},
    {"minimum", "seuil {old} → {new}", "threshold {old} → {new}"},
    {"eliminatory", "éliminatoire : {old} → {new}", "eliminatory: {old} → {new}"},
    {"evidence-required", "pièces justificatives désormais requises ({old} → {new})",
     "evidence now required ({old} → {new})"},
    {"evidence", "pièces justificatives : {old} → {new}", "evidence: {old} → {new}"},
    {"allow-na-withdrawn",
     "N/A n'est plus autorisé : les dossiers qui le déclarent N/A ne sont plus valides",
     "N/A no longer allowed: dossiers that mark it N/A are no longer valid"},
    {"allow-na-granted", "N/A désormais autorisé", "N/A now allowed"},
    {"scale-replaced", "échelle remplacée : {old} → {new}", "scale replaced: {old} → {new}"},
    {"scale-renamed", "échelle renommée, même contenu : {old} → {new}",
     "scale renamed, same content: {old} → {new}"},
    {"source-fact", "fait source {old} → {new}", "source fact {old} → {new}"},
    {"became-derived", "désormais calculé à partir du fait {new} : les dossiers ne le notent plus",
     "now computed from fact {new}: dossiers no longer score it"},
    {"became-assessed", "n'est plus calculé à partir du fait {old} : les dossiers doivent le noter",
     "no longer computed from fact {old}: dossiers must score it"},
    {"title", "titre : « {old} » → « {new} »", "title: “{old}” → “{new}”"},
    {"description", "description modifiée", "description reworded"},
    {"guidance", "consignes modifiées", "guidance reworded"},
    {"unit", "unité {old} → {new}", "unit {old} → {new}"},
    {"language", "langue {old} → {new}", "language {old} → {new}"},
    {"disagreement", "seuil de désaccord {old} → {new}", "disagreement level {old} → {new}"},
    {"grid-id", "identifiant {old} → {new} : les dossiers nomment la grille par son identifiant",
     "id {old} → {new}: dossiers name the grid by its id"},
    {"scale-type", "type d'échelle {old} → {new}", "scale type {old} → {new}"},
    {"scale-added", "échelle ajoutée", "scale added"},
    {"scale-removed", "échelle retirée", "scale removed"},
    {"level-removed", "niveau retiré : {old}", "level removed: {old}"},
    {"level-added", "niveau ajouté : {new}", "level added: {new}"},
    {"level-revalued", "valeur de niveau changée : {old} → {new}", "level revalued: {old} → {new}"},
    {"level-relabelled", "niveau renommé : {old} → {new}", "level relabelled: {old} → {new}"},
    {"level-description", "description du niveau {new} modifiée",
     "description of level {new} reworded"},
    {"bounds-narrowed", "bornes resserrées : {old} → {new}", "bounds narrowed: {old} → {new}"},
    {"bounds-widened", "bornes élargies : {old} → {new}", "bounds widened: {old} → {new}"},
    {"value-function", "fonction de valeur : {old} → {new}", "value function: {old} → {new}"},
    {"declared-fact-added", "fait à déclarer ajouté : les dossiers doivent le donner",
     "declared fact added: dossiers must give it"},
    {"declared-fact-removed",
     "fait déclaré retiré : les dossiers qui le donnent ne sont plus valides",
     "declared fact removed: dossiers that give it are no longer valid"},
    {"fact-added", "fait calculé ajouté : {new}", "computed fact added: {new}"},
    {"fact-removed", "fait calculé retiré : {old}", "computed fact removed: {old}"},
    {"formula", "formule {old} → {new}", "formula {old} → {new}"},
    {"band-min", "bande « {id} » : à partir de {old} → {new}", "band “{id}”: from {old} → {new}"},
    {"band-label", "bande renommée : « {old} » → « {new} »", "band relabelled: “{old}” → “{new}”"},
    {"band-added", "bande ajoutée à partir de {new}", "band added from {new}"},
    {"band-removed", "bande retirée (à partir de {old})", "band removed (was from {old})"},
};

// One line, at most `limit` characters (on a UTF-8 boundary), for long texts in a table.
std::string shorten(const std::string& text, std::size_t limit = 60) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r') ? ' ' : c;
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  std::size_t chars = 0, i = 0;
  for (; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) {
      if (chars == limit) return flat.substr(0, i) + "…";
      ++chars;
    }
  }
  return flat;
}

const char* bump_word(Bump b, Language l) {
  bool en = l == Language::en;
  switch (b) {
    case Bump::none:
      return en ? "none" : "aucune";
    case Bump::patch:
      return en ? "patch" : "corrective";
    case Bump::minor:
      return en ? "minor" : "mineure";
    case Bump::major:
      return en ? "major" : "majeure";
  }
  return "";
}

std::string subject_text(const GridChange& c, Language l) {
  bool en = l == Language::en;
  switch (c.subject) {
    case ChangeSubject::grid:
      return en ? "grid" : "grille";
    case ChangeSubject::criterion:
      return fmt::format("{} `{}`", en ? "criterion" : "critère", c.id);
    case ChangeSubject::scale:
      return fmt::format("{} `{}`", en ? "scale" : "échelle", c.id);
    case ChangeSubject::fact:
      return fmt::format("{} `{}`", en ? "fact" : "fait", c.id);
    case ChangeSubject::decision:
      return en ? fmt::format("band “{}”", md_text(c.id))
                : fmt::format("bande « {} »", md_text(c.id));
  }
  return "";
}

std::string share_text(std::optional<double> share) {
  return share ? format_fixed(100 * *share, 1) : "—";
}

std::string json_text_or_null(const std::string& s) {
  return s.empty() ? "null" : json_escape(s);
}
std::string json_number_or_null(std::optional<double> v) {
  return v ? format_shortest(*v) : "null";
}

std::string version_bump_token(const VersionCheck& v) {
  return v.backwards ? "backwards" : bump_token(v.actual);
}

}  // namespace

std::string describe_change(const GridChange& c, Language language) {
  const char* tmpl = nullptr;
  for (const auto& w : change_words)
    if (c.kind == w.kind) tmpl = language == Language::en ? w.en : w.fr;
  if (!tmpl) return c.kind;
  std::string none = language == Language::en ? "none" : "aucun";
  bool text = c.kind == "title" || c.kind == "description" || c.kind == "guidance";
  auto value = [&](const std::string& v) {
    if (v.empty()) return none;
    return text ? shorten(v) : v;
  };
  return fmt::format(fmt::runtime(tmpl), fmt::arg("old", value(c.old_value)),
                     fmt::arg("new", value(c.new_value)), fmt::arg("id", c.id),
                     fmt::arg("ew_old", share_text(c.old_effective_weight)),
                     fmt::arg("ew_new", share_text(c.new_effective_weight)));
}

namespace {

std::string verdict(const GridDiff& d, Language l) {
  bool en = l == Language::en;
  const VersionCheck& v = d.version;
  std::string out;
  if (v.required == Bump::none)
    out = en ? "**No change that requires a new version.**"
             : "**Aucun changement ne demande de "
               "nouvelle version.**";
  else
    out = fmt::format(fmt::runtime(en ? "**Required version bump: {}** (at least {})."
                                      : "**Montée de version requise : {}** (au moins {})."),
                      bump_word(v.required, l), next_version(d.old_version, v.required));
  out += ' ';
  if (v.backwards)
    out += fmt::format(fmt::runtime(en ? "The version goes backwards, from {} to {}: refused."
                                       : "La version recule, de {} à {} : refusé."),
                       d.old_version, d.new_version);
  else if (v.actual == Bump::none)
    out += fmt::format(fmt::runtime(en ? "The version stays {}: {}." : "La version reste {} : {}."),
                       d.new_version,
                       v.ok ? (en ? "enough" : "suffisant") : (en ? "not enough" : "insuffisant"));
  else
    out +=
        fmt::format(fmt::runtime(en ? "The version goes from {} to {}, a {} bump: {}."
                                    : "La version passe de {} à {}, montée {} : {}."),
                    d.old_version, d.new_version, bump_word(v.actual, l),
                    v.ok ? (en ? "enough" : "suffisante") : (en ? "not enough" : "insuffisante"));
  return out;
}

}  // namespace

std::string render_diff_markdown(const GridDiff& d, const DiffOptions& options) {
  Language l = options.language;
  bool en = l == Language::en;
  std::string out;
  std::string grid = d.old_id == d.new_id ? fmt::format("`{}`", d.old_id)
                                          : fmt::format("`{}` → `{}`", d.old_id, d.new_id);
  out += fmt::format(fmt::runtime(en ? "# Changes between two versions of grid {}\n\n"
                                     : "# Changements entre deux versions de la grille {}\n\n"),
                     grid);
  out += en ? "| | Grid | Version | File | SHA-256 |\n"
            : "| | Grille | Version | Fichier | SHA-256 |\n";
  out += "|---|---|---|---|---|\n";
  out += fmt::format("| {} | `{}` | {} | {} | `{}` |\n", en ? "Before" : "Avant", d.old_id,
                     md_cell(d.old_version), md_cell(md_text(d.old_file)), d.old_sha.substr(0, 12));
  out += fmt::format("| {} | `{}` | {} | {} | `{}` |\n\n", en ? "After" : "Après", d.new_id,
                     md_cell(d.new_version), md_cell(md_text(d.new_file)), d.new_sha.substr(0, 12));
  out += verdict(d, l) + "\n\n";
  if (d.changes.empty()) {
    out += en ? "No change.\n" : "Aucun changement.\n";
  } else {
    out += fmt::format(fmt::runtime(en ? "## Changes ({})\n\n" : "## Changements ({})\n\n"),
                       d.changes.size());
    out += en ? "| Bump | Element | Change |\n" : "| Montée | Élément | Changement |\n";
    out += "|---|---|---|\n";
    for (const auto& c : d.changes)
      out += fmt::format("| {} | {} | {} |\n", bump_word(c.bump, l), md_cell(subject_text(c, l)),
                         md_cell(describe_change(c, l)));
  }
  if (!d.effective_weights.empty()) {
    out += en ? "\n## Effective weights that move\n\n" : "\n## Poids effectifs qui changent\n\n";
    out += en ? "Share of the total each criterion carries when every criterion is scored.\n\n"
              : "Part du total que porte chaque critère quand tous les critères sont notés.\n\n";
    out +=
        en ? "| Criterion | Before (%) | After (%) |\n" : "| Critère | Avant (%) | Après (%) |\n";
    out += "|---|--:|--:|\n";
    for (const auto& w : d.effective_weights)
      out += fmt::format("| `{}` | {} | {} |\n", w.criterion, share_text(w.old_share),
                         share_text(w.new_share));
  }
  return out;
}

std::string render_diff_csv(const GridDiff& d, const DiffOptions& options) {
  char sep = options.csv_separator;
  auto row = [&](std::initializer_list<std::string> fields) {
    std::string line;
    for (const auto& f : fields) {
      if (!line.empty() || &f != fields.begin()) line += sep;
      line += csv_field(f, sep);
    }
    return line + "\r\n";
  };
  std::string out = row({"bump", "subject", "id", "change", "old", "new", "detail"});
  for (const auto& c : d.changes)
    out += row({bump_token(c.bump), subject_token(c.subject), c.id, c.kind, c.old_value,
                c.new_value, describe_change(c, options.language)});
  return out;
}

std::string render_diff_json(const GridDiff& d, const DiffOptions& options) {
  auto side = [](const std::string& id, const std::string& version, const std::string& file,
                 const std::string& sha) {
    return fmt::format("{{\"id\": {}, \"version\": {}, \"file\": {}, \"sha256\": {}}}",
                       json_escape(id), json_escape(version), json_escape(file), json_escape(sha));
  };
  std::string out = "{\n";
  out += fmt::format("  \"old\": {},\n", side(d.old_id, d.old_version, d.old_file, d.old_sha));
  out += fmt::format("  \"new\": {},\n", side(d.new_id, d.new_version, d.new_file, d.new_sha));
  out += fmt::format("  \"required_bump\": \"{}\",\n", bump_token(d.version.required));
  out += fmt::format("  \"minimum_version\": {},\n",
                     json_escape(next_version(d.old_version, d.version.required)));
  out += fmt::format("  \"version_bump\": \"{}\",\n", version_bump_token(d.version));
  out += fmt::format("  \"version_ok\": {},\n", d.version.ok ? "true" : "false");
  out += "  \"changes\": [";
  for (std::size_t i = 0; i < d.changes.size(); ++i) {
    const GridChange& c = d.changes[i];
    out += fmt::format(
        "{}\n    {{\"bump\": \"{}\", \"subject\": \"{}\", \"id\": {}, \"change\": {}, \"old\": {}, "
        "\"new\": {}, \"detail\": {}",
        i ? "," : "", bump_token(c.bump), subject_token(c.subject), json_escape(c.id),
        json_escape(c.kind), json_text_or_null(c.old_value), json_text_or_null(c.new_value),
        json_escape(describe_change(c, options.language)));
    if (c.old_effective_weight || c.new_effective_weight)
      out += fmt::format(", \"effective_weight\": {{\"old\": {}, \"new\": {}}}",
                         json_number_or_null(c.old_effective_weight),
                         json_number_or_null(c.new_effective_weight));
    if (c.subject == ChangeSubject::scale) {
      std::vector<std::string> ids;
      for (const auto& u : c.used_by) ids.push_back(json_escape(u));
      out += fmt::format(", \"used_by\": [{}]", fmt::join(ids, ", "));
    }
    out += "}";
  }
  out += d.changes.empty() ? "],\n" : "\n  ],\n";
  out += "  \"effective_weights\": [";
  for (std::size_t i = 0; i < d.effective_weights.size(); ++i) {
    const auto& w = d.effective_weights[i];
    out += fmt::format("{}\n    {{\"criterion\": {}, \"old\": {}, \"new\": {}}}", i ? "," : "",
                       json_escape(w.criterion), json_number_or_null(w.old_share),
                       json_number_or_null(w.new_share));
  }
  out += d.effective_weights.empty() ? "]\n" : "\n  ]\n";
  return out + "}\n";
}

}  // namespace ess

// ---------------------------------------------------------------- reading OLD and NEW

namespace ess {

bool is_git_reference(const std::string& ref) {
  if (ref == "-" || ref.find(':') == std::string::npos) return false;
  struct stat st {};
  return ::stat(ref.c_str(), &st) != 0;  // an existing file with a colon in its name is a file
}

namespace {

// Reads both pipes to their end without letting either fill up and block git.
void drain(int out_fd, int err_fd, std::size_t max_bytes, std::string& out, std::string& err,
           bool& too_large) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = 2;
  char buf[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      std::string& sink = i == 0 ? out : err;
      std::size_t cap = i == 0 ? max_bytes : 4096;
      std::size_t room = sink.size() < cap ? cap - sink.size() : 0;
      sink.append(buf, std::min(room, static_cast<std::size_t>(n)));
      if (i == 0 && static_cast<std::size_t>(n) > room) too_large = true;
    }
  }
}

// git's own reason: its `fatal:` line when there is one, else its first line.
std::string git_message(const std::string& text) {
  std::size_t start = 0;
  std::string first;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.rfind("fatal: ", 0) == 0) return line.substr(7);
    if (first.empty()) first = line;
    start = end + 1;
  }
  return first;
}

}  // namespace

bool git_show(const std::string& rev_path, std::size_t max_bytes, std::string& bytes,
              std::string& error) {
  if (!rev_path.empty() && rev_path[0] == '-') {
    error = "a revision cannot start with '-'";
    return false;
  }
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    error = std::strerror(errno);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  // One argument per element: no shell ever sees the reference. No pager, no text conversion
  // filter: the bytes of the blob as committed.
  std::string arg = rev_path;
  const char* argv[] = {"git", "--no-pager", "show", "--no-textconv", arg.c_str(), nullptr};
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    error = fmt::format("cannot run git: {}", std::strerror(rc));
    return false;
  }
  std::string err;
  bool too_large = false;
  bytes.clear();
  drain(out_pipe[0], err_pipe[0], max_bytes, bytes, err, too_large);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err.empty()) {
    error = "cannot run git: not found on PATH";
    return false;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = err.empty() ? "git failed" : git_message(err);
    return false;
  }
  if (too_large) {
    error = fmt::format("the file is larger than {} bytes", max_bytes);
    return false;
  }
  return true;
}

std::optional<Grid> load_grid_source(const std::string& ref, const ParseLimits& limits,
                                     Diagnostics& diags) {
  if (!is_git_reference(ref)) return load_grid_file(ref, limits, diags);
  std::string bytes, error;
  if (!git_show(ref, limits.max_file_bytes, bytes, error)) {
    diags.error("git-error", {}, fmt::format("cannot read '{}' through git show: {}", ref, error),
                "REV:PATH takes a revision git knows (a branch, a tag, a commit) and a path from "
                "the repository's root (or ./PATH from the current folder)");
    return std::nullopt;
  }
  return load_grid_bytes(bytes, ref, limits, diags);
}

}  // namespace ess
