// `grid impact`: dossiers scored under two grids, compared. Ranks come from ranking.hpp (the
// same competition ranking and tie tolerance as `rank`), decision words from
// ess/model/decision.hpp; rendered by ess/report/grid_impact_render.hpp.
#include "ess/core/grid_impact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "ess/core/ranking.hpp"
#include "ess/core/validate.hpp"
#include "ess/model/byte_codec.hpp"
#include "ess/model/decision.hpp"
#include "ess/model/format.hpp"

namespace ess {

ImpactSide score_side(const GridIndex& index, const Dossier& dossier, const ScoreOptions& options,
                      Language language) {
  ImpactSide side;
  Dossier copy = dossier;  // validation resolves values on the grid's scales: one copy per grid
  Diagnostics diags(dossier.file);
  validate_dossier(index, copy, diags);
  std::optional<DossierResult> result;
  if (!diags.has_errors()) result = score_dossier(index, copy, options, diags);
  side.diagnostics = std::move(diags.items());
  if (!result) return side;
  side.valid = true;
  side.total = result->total;
  side.status = result->status;
  side.decision = decision_label(*result, language);
  for (const auto& c : result->criteria)
    if (c.is_leaf())
      side.points.emplace_back(c.criterion->id, 100 * c.effective_weight * c.s.value_or(0));
  return side;
}

namespace {

std::vector<CriterionShift> shifts_of(const ImpactSide& before, const ImpactSide& after) {
  std::map<std::string, CriterionShift> by_id;
  for (const auto& [id, p] : before.points) {
    by_id[id].criterion = id;
    by_id[id].before = p;
  }
  for (const auto& [id, p] : after.points) {
    by_id[id].criterion = id;
    by_id[id].after = p;
  }
  std::vector<CriterionShift> out;
  for (const auto& [id, s] : by_id)
    if (std::fabs(s.delta()) > tolerance) out.push_back(s);
  std::stable_sort(out.begin(), out.end(), [](const CriterionShift& a, const CriterionShift& b) {
    return std::fabs(a.delta()) > std::fabs(b.delta());
  });
  if (out.size() > 3) out.resize(3);
  return out;
}

// Sorting key of |delta| that ignores floating-point noise below the tolerance.
long long magnitude_key(double delta) {
  return std::llround(std::fabs(delta) / tolerance);
}

// Big-endian, so that the bytes sort as the numbers do.
void put_ordered(std::string& key, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((value >> shift) & 0xff);
}

void encode_side(ByteWriter& w, const ImpactSide& s) {
  w.raw(static_cast<std::uint8_t>(s.valid));
  w.raw(s.total);
  w.raw(static_cast<std::uint8_t>(s.status));
  w.text(s.decision);
  w.raw(static_cast<std::uint8_t>(s.rank.has_value()));
  if (s.rank) w.raw(static_cast<std::uint64_t>(*s.rank));
  // Only an invalid side's diagnostics are ever shown (why NEW refuses a dossier).
  const std::vector<Diagnostic> none;
  const auto& diags = s.valid ? none : s.diagnostics;
  w.raw(static_cast<std::uint32_t>(diags.size()));
  for (const Diagnostic& d : diags) {
    w.raw(static_cast<std::uint8_t>(d.severity));
    w.raw(d.pos.line);
    w.raw(d.pos.col);
    w.text(d.code);
    w.text(d.file);
    w.text(d.message);
    w.text(d.hint);
  }
}

ImpactSide decode_side(ByteReader& r) {
  ImpactSide s;
  s.valid = r.raw<std::uint8_t>() != 0;
  s.total = r.raw<double>();
  s.status = static_cast<DossierStatus>(r.raw<std::uint8_t>());
  s.decision = r.text();
  if (r.raw<std::uint8_t>()) s.rank = static_cast<std::size_t>(r.raw<std::uint64_t>());
  auto n = r.raw<std::uint32_t>();
  for (std::uint32_t i = 0; i < n; ++i) {
    Diagnostic d;
    d.severity = static_cast<Severity>(r.raw<std::uint8_t>());
    d.pos.line = r.raw<decltype(d.pos.line)>();
    d.pos.col = r.raw<decltype(d.pos.col)>();
    d.code = r.text();
    d.file = r.text();
    d.message = r.text();
    d.hint = r.text();
    s.diagnostics.push_back(std::move(d));
  }
  return s;
}

// The values replaced by their tie class, 0 up: a run of values within the tolerance is one
// class, as a ranking's tie.
std::vector<std::uint32_t> tie_classes(const std::vector<double>& v, std::size_t n) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<std::uint32_t> cls(n);
  std::uint32_t c = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0 && !same_total(v[order[k - 1]], v[order[k]])) ++c;
    cls[order[k]] = c;
  }
  return cls;
}

// Pairs within runs of equal keys, over a sequence sorted by that key.
template <class Key>
double tied_pairs(std::size_t n, Key key) {
  double pairs = 0, run = 1;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i < n && key(i) == key(i - 1)) {
      ++run;
      continue;
    }
    pairs += run * (run - 1) / 2;
    run = 1;
  }
  return pairs;
}

}  // namespace

ImpactRow impact_row(const GridIndex& old_index, const GridIndex& new_index, const Dossier& dossier,
                     const ScoreOptions& options, Language language) {
  ImpactRow row;
  row.dossier = dossier.id;
  row.title = dossier.title;
  row.file = dossier.file;
  row.before = score_side(old_index, dossier, options, language);
  row.after = score_side(new_index, dossier, options, language);
  if (row.before.valid && row.after.valid) row.shifts = shifts_of(row.before, row.after);
  return row;
}

std::optional<double> kendall_tau_b(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs) {
  const std::size_t n = pairs.size();
  if (n < 2) return std::nullopt;
  // Knight: sorted by (x, y), a pair of items is discordant when y goes down: the inversions of
  // the y sequence, counted with a Fenwick tree over the y values (ranks: at most n of them).
  std::sort(pairs.begin(), pairs.end());
  const double ties_x = tied_pairs(n, [&](std::size_t i) { return pairs[i].first; });
  const double ties_xy = tied_pairs(n, [&](std::size_t i) { return pairs[i]; });
  std::uint32_t top = 0;
  for (const auto& p : pairs) top = std::max(top, p.second);
  std::vector<std::uint32_t> tree(static_cast<std::size_t>(top) + 2, 0);
  double discordant = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double not_above = 0;  // earlier y ≤ this y
    for (std::size_t k = pairs[i].second + 1; k > 0; k -= k & (~k + 1)) not_above += tree[k];
    discordant += static_cast<double>(i) - not_above;
    for (std::size_t k = pairs[i].second + 1; k < tree.size(); k += k & (~k + 1)) ++tree[k];
  }
  // The same memory counts each y value: the ties on y.
  std::fill(tree.begin(), tree.end(), 0);
  for (const auto& p : pairs) ++tree[p.second];
  double ties_y = 0;
  for (std::uint32_t f : tree) ties_y += static_cast<double>(f) * (f - 1.0) / 2;
  const double all = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  // Pairs tied on neither side are concordant or discordant.
  const double concordant = all - ties_x - ties_y + ties_xy - discordant;
  const double denominator = std::sqrt((all - ties_x) * (all - ties_y));
  if (denominator <= 0) return std::nullopt;
  return (concordant - discordant) / denominator;
}

std::optional<double> kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = std::min(x.size(), y.size());
  std::vector<std::uint32_t> cx = tie_classes(x, n), cy = tie_classes(y, n);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(n);
  for (std::size_t i = 0; i < n; ++i) pairs[i] = {cx[i], cy[i]};
  return kendall_tau_b(std::move(pairs));
}

GridIdentity grid_identity(const Grid& grid) {
  return {grid.id, grid.version, grid.file, grid.sha256};
}

ImpactSummaryBuilder::ImpactSummaryBuilder(std::size_t rows) {
  ranks_.reserve(rows);
}

void ImpactSummaryBuilder::add(const ImpactRow& r) {
  ++summary_.rows;
  summary_.valid_in_both += r.before.valid && r.after.valid;
  if (r.decision_changed()) {
    ++summary_.decisions_changed;
    ++transitions_[{r.before.decision, r.after.decision}];
  }
  summary_.invalid_under_new += !r.after.valid;
  if (r.before.rank && r.after.rank)
    ranks_.emplace_back(static_cast<std::uint32_t>(*r.before.rank),
                        static_cast<std::uint32_t>(*r.after.rank));
}

ImpactSummary ImpactSummaryBuilder::finish() && {
  for (const auto& [key, n] : transitions_)
    summary_.transitions.push_back({key.first, key.second, n});
  summary_.ranked_in_both = ranks_.size();
  summary_.kendall_tau = kendall_tau_b(std::move(ranks_));
  return std::move(summary_);
}

std::string impact_rank_key(const ImpactRow& row, bool after) {
  const ImpactSide& side = after ? row.after : row.before;
  std::string key;
  if (!side.valid) {
    key.push_back('\x03');  // after every status of rank_key: not ranked
    append_ordered(key, std::string_view(row.dossier));
  } else {
    RankRow r;
    r.dossier = row.dossier;
    r.total = side.total;
    r.status = side.status;
    key = rank_key(r);
  }
  append_ordered(key, std::string_view(row.file));
  return key;
}

void ImpactRanker::rank(ImpactRow& row) {
  ImpactSide& side = after_ ? row.after : row.before;
  side.rank.reset();
  if (side.valid && side.status == DossierStatus::ok) side.rank = ranks_.next(side.total);
}

std::string impact_row_key(const ImpactRow& row) {
  std::string key;
  auto d = row.delta();
  key += d ? '\0' : '\1';
  // Largest first: the complement of the magnitude.
  if (d) put_ordered(key, ~static_cast<std::uint64_t>(magnitude_key(*d)));
  append_ordered(key, std::string_view(row.dossier));
  append_ordered(key, std::string_view(row.file));
  return key;
}

void encode_impact_row(const ImpactRow& row, std::string& out) {
  ByteWriter w(out);
  w.text(row.dossier);
  w.text(row.title);
  w.text(row.file);
  encode_side(w, row.before);
  encode_side(w, row.after);
  w.raw(static_cast<std::uint32_t>(row.shifts.size()));
  for (const auto& s : row.shifts) {
    w.text(s.criterion);
    w.raw(s.before);
    w.raw(s.after);
  }
}

ImpactRow decode_impact_row(std::string_view bytes) {
  ByteReader r(bytes);
  ImpactRow row;
  row.dossier = r.text();
  row.title = r.text();
  row.file = r.text();
  row.before = decode_side(r);
  row.after = decode_side(r);
  auto n = r.raw<std::uint32_t>();
  for (std::uint32_t i = 0; i < n; ++i) {
    CriterionShift s;
    s.criterion = r.text();
    s.before = r.raw<double>();
    s.after = r.raw<double>();
    row.shifts.push_back(std::move(s));
  }
  if (!r.done()) throw std::runtime_error("an impact record has extra bytes");
  return row;
}

ImpactTables summarise_impact(const Grid& old_grid, const Grid& new_grid,
                              std::vector<ImpactRow> rows) {
  ImpactTables t;
  t.old_grid = grid_identity(old_grid);
  t.new_grid = grid_identity(new_grid);
  for (bool after : {false, true}) {
    std::sort(rows.begin(), rows.end(), [&](const ImpactRow& a, const ImpactRow& b) {
      return impact_rank_key(a, after) < impact_rank_key(b, after);
    });
    ImpactRanker ranker(after);
    for (ImpactRow& row : rows) ranker.rank(row);
  }
  std::sort(rows.begin(), rows.end(), [](const ImpactRow& a, const ImpactRow& b) {
    return impact_row_key(a) < impact_row_key(b);
  });
  ImpactSummaryBuilder summary;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> transitions;
  std::vector<std::pair<std::string, std::size_t>> invalid;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ImpactRow& r = rows[i];
    summary.add(r);
    if (r.decision_changed())
      transitions[{r.before.decision, r.after.decision}].push_back(r.dossier);
    if (!r.after.valid) invalid.emplace_back(r.dossier, i);
  }
  for (auto& [key, ids] : transitions) {
    std::sort(ids.begin(), ids.end());
    t.transitions.push_back({key.first, key.second, ids});
  }
  std::sort(invalid.begin(), invalid.end());
  for (const auto& [id, i] : invalid) t.invalid_under_new.push_back(i);
  t.summary = std::move(summary).finish();
  t.rows = std::move(rows);
  return t;
}

}  // namespace ess
