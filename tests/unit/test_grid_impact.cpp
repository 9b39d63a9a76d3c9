// grid impact: dossiers under two grids, every number checked against a hand computation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "ess/io/load.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/report/grid_impact_render.hpp"
#include "test_support.hpp"

using Catch::Detail::Approx;
using ess::DossierStatus;

namespace {

Approx exact(double v) {
  return Approx(v).margin(1e-9);
}

const char* old_grid = R"(
grid: g
version: 1.0.0
title: T
scales:
  niveau: {type: levels, levels: [{value: 0, label: Absent}, {value: 1, label: Emergent}, {value: 2, label: Etabli}, {value: 3, label: Exemplaire}]}
  oui-non: {type: yesno}
  part: {type: numeric, min: 0, max: 100}
  heures: {type: numeric, min: 0, points: [[0, 0], [1000, 1]]}
facts:
  - {id: heures-benevoles, title: Heures, unit: h}
criteria:
  - id: a
    title: A
    weight: 3
    children:
      - {id: a1, title: A1, scale: niveau, weight: 2}
      - {id: a2, title: A2, scale: oui-non, weight: 1, minimum: yes, eliminatory: true}
  - id: b
    title: B
    weight: 1
    children:
      - {id: b1, title: B1, scale: part}
      - {id: b2, title: B2, scale: heures, from: heures-benevoles}
decision:
  - {min: 0, label: Defavorable}
  - {min: 50, label: Reserve}
  - {min: 70, label: Favorable}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return test_support::replace_once(std::move(text), from, to);
}

struct Fixture {
  ess::Grid before, after;
  ess::GridIndex before_index, after_index;
};

std::unique_ptr<Fixture> grids(const std::string& new_yaml) {
  auto f = std::make_unique<Fixture>();
  ess::Diagnostics diags("g");
  auto a = ess::load_grid_bytes(old_grid, "old.yaml", ess::ParseLimits{}, diags);
  auto b = ess::load_grid_bytes(new_yaml, "new.yaml", ess::ParseLimits{}, diags);
  REQUIRE(a);
  REQUIRE(b);
  f->before = std::move(*a);
  f->after = std::move(*b);
  f->before_index = ess::index_grid(f->before);
  f->after_index = ess::index_grid(f->after);
  return f;
}

ess::Dossier dossier(const std::string& id, const std::string& scores, const std::string& hours) {
  std::string yaml = "dossier: " + id +
                     "\ntitle: D\ngrid: g@1.0.0\nfacts:\n  heures-benevoles: " + hours +
                     "\nassessments:\n  - assessor: X\n    role: analyst\n    date: 2026-01-01\n"
                     "    scores:\n" +
                     scores;
  ess::Diagnostics diags(id);
  ess::YamlNode root;
  REQUIRE(ess::parse_yaml(yaml, ess::ParseLimits{}, root, diags));
  auto d = ess::load_dossier(root, diags);
  REQUIRE(d);
  d->file = id + ".yaml";
  return std::move(*d);
}

std::string scores(const std::string& a1, const std::string& a2, const std::string& b1) {
  return "      a1: {level: " + a1 + "}\n      a2: {value: " + a2 + "}\n      b1: {value: " + b1 +
         "}\n";
}

// The weight of axis a goes from 3 to 1.
std::string weight_change() {
  return replaced(replaced(old_grid, "    title: A\n    weight: 3", "    title: A\n    weight: 1"),
                  "version: 1.0.0", "version: 1.1.0");
}

}  // namespace

TEST_CASE("grid impact: a weight change, by hand") {
  auto f = grids(weight_change());
  // a1 level 2 (s = 2/3), a2 yes (1), b1 50 (0.5), 500 h (0.5).
  ess::ImpactRow row =
      ess::impact_row(f->before_index, f->after_index,
                      dossier("d1", scores("2", "yes", "50"), "500"), {}, ess::Language::fr);
  REQUIRE(row.before.valid);
  REQUIRE(row.after.valid);
  // A = (2·2/3 + 1)/3 = 7/9; B = (0.5 + 0.5)/2 = 0.5.
  // before: 100·(3·7/9 + 0.5)/4 = 100·17/24 = 70.83 → Favorable
  CHECK(row.before.total == exact(100.0 * 17 / 24));
  CHECK(row.before.decision == "Favorable");
  // after: 100·(1·7/9 + 0.5)/2 = 100·23/36 = 63.89 → Reserve
  CHECK(row.after.total == exact(100.0 * 23 / 36));
  CHECK(row.after.decision == "Reserve");
  CHECK(row.delta().value() == exact(100.0 * (23.0 / 36 - 17.0 / 24)));  // −6.94
  CHECK(row.decision_changed());
  // Contributions 100·ew·s. before: a1 = 100·(3/4·2/3)·2/3 = 33.33, a2 = 100·(3/4·1/3)·1 = 25,
  // b1 = b2 = 100·(1/4·1/2)·0.5 = 6.25. after: a1 = 100·(1/2·2/3)·2/3 = 22.22,
  // a2 = 100·(1/2·1/3) = 16.67, b1 = b2 = 100·(1/2·1/2)·0.5 = 12.5.
  REQUIRE(row.shifts.size() == 3);
  CHECK(row.shifts[0].criterion == "a1");
  CHECK(row.shifts[0].before == exact(100.0 / 3));
  CHECK(row.shifts[0].after == exact(200.0 / 9));
  CHECK(row.shifts[1].criterion == "a2");
  CHECK(row.shifts[1].delta() == exact(100.0 / 6 - 25));
  CHECK(row.shifts[2].criterion == "b1");  // tied with b2 at +6.25: by id
  CHECK(row.shifts[2].delta() == exact(6.25));
}

TEST_CASE("grid impact: ranks, order, decisions and the summary") {
  auto f = grids(weight_change());
  std::vector<ess::ImpactRow> rows;
  auto add = [&](const std::string& id, const std::string& s, const std::string& hours) {
    rows.push_back(ess::impact_row(f->before_index, f->after_index, dossier(id, s, hours), {},
                                   ess::Language::en));
  };
  add("d1", scores("2", "yes", "50"), "500");    // 70.83 → 63.89 (computed above)
  add("d2", scores("3", "yes", "0"), "0");       // A = 1, B = 0: 75 → 50
  add("d3", scores("0", "yes", "100"), "1000");  // A = 1/3, B = 1: 50 → 66.67
  add("d4", scores("3", "no", "100"), "1000");   // ineligible: A = 2/3, B = 1: 75 → 83.33
  ess::ImpactTables r = ess::summarise_impact(f->before, f->after, rows);
  REQUIRE(r.rows.size() == 4);
  // |delta|: d2 25, d3 16.67, d4 8.33, d1 6.94
  CHECK(r.rows[0].dossier == "d2");
  CHECK(r.rows[1].dossier == "d3");
  CHECK(r.rows[2].dossier == "d4");
  CHECK(r.rows[3].dossier == "d1");
  // before: d2 75 (1), d1 70.83 (2), d3 50 (3); after: d3 66.67 (1), d1 63.89 (2), d2 50 (3)
  CHECK(r.rows[0].before.rank == 1u);
  CHECK(r.rows[0].after.rank == 3u);
  CHECK(r.rows[1].before.rank == 3u);
  CHECK(r.rows[1].after.rank == 1u);
  CHECK(r.rows[3].before.rank == 2u);
  CHECK(r.rows[3].after.rank == 2u);
  CHECK_FALSE(r.rows[2].before.rank);  // ineligible: not ranked
  CHECK(r.rows[2].before.status == DossierStatus::ineligible);
  CHECK(r.rows[2].before.decision == "Ineligible");
  CHECK(r.rows[2].delta().value() == exact(100.0 * (5.0 / 6 - 3.0 / 4)));
  // d2 Favorable → Reserve, d1 Favorable → Reserve, d3 Reserve → Reserve (50 → 66.67)
  CHECK(r.summary.decisions_changed == 2);
  REQUIRE(r.transitions.size() == 1);
  CHECK(r.transitions[0].before == "Favorable");
  CHECK(r.transitions[0].after == "Reserve");
  CHECK(r.transitions[0].dossiers == std::vector<std::string>{"d1", "d2"});
  // Ranks (d1, d2, d3): before (2, 1, 3), after (2, 3, 1). Pairs: d1-d2 (+, −) discordant,
  // d1-d3 (−, +) discordant, d2-d3 (−, +) discordant: τ = (0 − 3)/3 = −1.
  CHECK(r.summary.ranked_in_both == 3);
  CHECK(r.summary.kendall_tau.value() == exact(-1));
  CHECK(r.invalid_under_new.empty());
  CHECK(r.summary.invalid_under_new == 0);
  REQUIRE(r.summary.transitions.size() == 1);
  CHECK(r.summary.transitions[0].count == 2);

  std::vector<ess::Diagnostic> none;
  std::string csv = ess::render_impact(ess::impact_report(r, none), ess::ReportFormat::csv, {});
  CHECK(csv.substr(0, csv.find("\r\n")) ==
        "dossier,total_before,total_after,delta,rank_before,rank_after,decision_before,"
        "decision_after,status_before,status_after");
  CHECK(csv.find("d2,75,50,-25,1,3,Favorable,Reserve,ok,ok\r\n") != std::string::npos);
  CHECK(csv.find("d4,75,") != std::string::npos);
  CHECK(csv.find(",,,Ineligible,Ineligible,ineligible,ineligible\r\n") != std::string::npos);
}

TEST_CASE("grid impact: a dossier the new grid makes invalid, and why") {
  // b1 removed: a dossier that scores it names a criterion NEW does not have.
  auto f = grids(replaced(old_grid, "      - {id: b1, title: B1, scale: part}\n", ""));
  std::vector<ess::ImpactRow> rows;
  rows.push_back(ess::impact_row(f->before_index, f->after_index,
                                 dossier("d1", scores("2", "yes", "50"), "500"), {},
                                 ess::Language::fr));
  ess::ImpactTables r = ess::summarise_impact(f->before, f->after, rows);
  REQUIRE(r.invalid_under_new.size() == 1);
  const ess::ImpactRow& row = r.rows[r.invalid_under_new[0]];
  CHECK(row.before.valid);
  CHECK_FALSE(row.after.valid);
  CHECK_FALSE(row.delta());
  CHECK(row.decision_changed());
  CHECK(r.summary.decisions_changed == 1);
  bool unknown = false;
  for (const auto& d : row.after.diagnostics) unknown = unknown || d.code == "unknown-criterion";
  CHECK(unknown);
  std::vector<ess::Diagnostic> none;
  std::string csv = ess::render_impact(ess::impact_report(r, none), ess::ReportFormat::csv, {});
  CHECK(csv.find("d1,70.83") != std::string::npos);
  CHECK(csv.find(",,,1,,Favorable,,ok,invalid\r\n") != std::string::npos);
}

TEST_CASE("grid impact: Kendall's tau-b by hand") {
  // (1,1) (2,3) (3,2) (4,4): 6 pairs, one discordant (2-3): τ = (5 − 1)/6 = 2/3.
  CHECK(ess::kendall_tau_b({1, 2, 3, 4}, {1, 3, 2, 4}).value() == exact(2.0 / 3));
  // Same order: 1; reversed: −1.
  CHECK(ess::kendall_tau_b({1, 2, 3}, {10, 20, 30}).value() == exact(1));
  CHECK(ess::kendall_tau_b({1, 2, 3}, {3, 2, 1}).value() == exact(-1));
  // Ties: x (1, 1, 2), y (1, 2, 3). Pairs: (0,1) tied in x; (0,2) and (1,2) concordant.
  // τ-b = (2 − 0)/√((3 − 1)(3 − 0)) = 2/√6.
  CHECK(ess::kendall_tau_b({1, 1, 2}, {1, 2, 3}).value() == exact(2 / std::sqrt(6.0)));
  // Totals within the tolerance are tied.
  CHECK(ess::kendall_tau_b({0.3, 0.1 + 0.2, 1}, {1, 2, 3}).value() == exact(2 / std::sqrt(6.0)));
  // Undefined: fewer than two pairs, or everything tied on one side.
  CHECK_FALSE(ess::kendall_tau_b({1}, {1}));
  CHECK_FALSE(ess::kendall_tau_b({1, 1, 1}, {1, 2, 3}));
}

TEST_CASE("grid impact: Kendall's tau-b in O(n log n) agrees with the count of every pair") {
  // A larger set with ties on both sides, against the definition pair by pair.
  std::vector<double> x, y;
  for (int i = 0; i < 300; ++i) {
    x.push_back(static_cast<double>((i * 37) % 41));
    y.push_back(static_cast<double>((i * 11) % 23) + (i % 3 == 0 ? 0.1 + 0.2 - 0.3 : 0));
  }
  double concordant = 0, discordant = 0, ties_x = 0, ties_y = 0;
  auto sign = [](double d) { return std::fabs(d) < 1e-9 ? 0 : (d > 0 ? 1 : -1); };
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      int sx = sign(x[i] - x[j]), sy = sign(y[i] - y[j]);
      ties_x += sx == 0;
      ties_y += sy == 0;
      concordant += sx * sy > 0;
      discordant += sx * sy < 0;
    }
  double pairs = 300.0 * 299 / 2;
  double expected = (concordant - discordant) / std::sqrt((pairs - ties_x) * (pairs - ties_y));
  CHECK(ess::kendall_tau_b(x, y).value() == exact(expected));
}

TEST_CASE("grid impact: a row through the temporary files comes back whole") {
  auto f = grids(replaced(old_grid, "      - {id: b1, title: B1, scale: part}\n", ""));
  ess::ImpactRow row =
      ess::impact_row(f->before_index, f->after_index,
                      dossier("d1", scores("2", "yes", "50"), "500"), {}, ess::Language::fr);
  row.before.rank = 4;
  std::string bytes;
  ess::encode_impact_row(row, bytes);
  ess::ImpactRow back = ess::decode_impact_row(bytes);
  CHECK(back.dossier == "d1");
  CHECK(back.file == "d1.yaml");
  CHECK(back.before.valid);
  CHECK(back.before.total == row.before.total);
  CHECK(back.before.rank == 4u);
  CHECK(back.before.decision == row.before.decision);
  CHECK(back.before.diagnostics.empty());  // a valid side's are never shown: not kept
  CHECK_FALSE(back.after.valid);
  REQUIRE(back.after.diagnostics.size() == row.after.diagnostics.size());
  CHECK(back.after.diagnostics[0].message == row.after.diagnostics[0].message);
  CHECK_THROWS(ess::decode_impact_row(bytes + "x"));
}

TEST_CASE("grid impact: the orders of a streamed comparison") {
  auto side = [](bool valid, double total, DossierStatus status) {
    ess::ImpactSide s;
    s.valid = valid;
    s.total = total;
    s.status = status;
    return s;
  };
  auto row = [&](const char* id, ess::ImpactSide before, ess::ImpactSide after) {
    ess::ImpactRow r;
    r.dossier = id;
    r.file = std::string(id) + ".yaml";
    r.before = before;
    r.after = after;
    return r;
  };
  std::vector<ess::ImpactRow> rows{
      row("a", side(true, 50, DossierStatus::ok), side(true, 60, DossierStatus::ok)),
      row("b", side(true, 0.1 + 0.2, DossierStatus::ok), side(false, 0, DossierStatus::ok)),
      row("c", side(true, 0.3, DossierStatus::ok), side(true, 90, DossierStatus::ineligible)),
      row("d", side(true, 80, DossierStatus::incomplete), side(true, 70, DossierStatus::ok))};
  // The OLD ranking: a (50), then b and c tied (0.1 + 0.2 is 0.3 within the tolerance), by id;
  // d is incomplete: after every ok one, unranked.
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return ess::impact_rank_key(x, false) < ess::impact_rank_key(y, false);
  });
  ess::ImpactRanker ranker(false);
  for (auto& r : rows) ranker.rank(r);
  CHECK(rows[0].dossier == "a");
  CHECK(rows[0].before.rank == 1u);
  CHECK(rows[1].dossier == "b");
  CHECK(rows[1].before.rank == 2u);
  CHECK(rows[2].dossier == "c");
  CHECK(rows[2].before.rank == 2u);
  CHECK(rows[3].dossier == "d");
  CHECK_FALSE(rows[3].before.rank);
  // The report's order: |delta| largest first (c +89.7, a +10, d -10 tied with a: by id),
  // then the rows without a delta (b, invalid under NEW).
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return ess::impact_row_key(x) < ess::impact_row_key(y);
  });
  CHECK(rows[0].dossier == "c");
  CHECK(rows[1].dossier == "a");
  CHECK(rows[2].dossier == "d");
  CHECK(rows[3].dossier == "b");
}
