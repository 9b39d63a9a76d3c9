// `grid test` on one calibration dossier: every expected value is worked out by hand from the
// two-axes grid of scoring_fixture.hpp.
#include "ess/core/calibration.hpp"
#include "scoring_fixture.hpp"

namespace {

// a1 Etabli (2 of 0..3: s = 2/3), a2 yes (1), b1 50 % (0.5):
// A = (2·2/3 + 1·1)/3 = 7/9; total = 100 · (3·7/9 + 1·0.5)/4 = 100 · 17/24 = 70.83 → Favorable.
const double favorable_total = 100.0 * 17 / 24;
const char* favorable_scores =
    "      a1: {level: 2}\n      a2: {value: yes}\n      b1: {value: 50}\n";

struct Case {
  ess::Grid grid;
  ess::GridIndex index;
  ess::CalibrationCase result;
};

std::unique_ptr<Case> run(const std::string& dossier_yaml, ess::CalibrationExpect expect,
                          ess::Language language = ess::Language::fr) {
  auto c = std::make_unique<Case>();
  c->grid = test_support::require_grid(two_axes_grid);
  c->index = ess::index_grid(c->grid);
  ess::CalibrationFile file{"c1.yaml", test_support::require_dossier(dossier_yaml, "c1.yaml"),
                            std::move(expect), ess::Diagnostics("c1.yaml")};
  c->result = ess::run_calibration_case(c->index, std::move(file), {}, language);
  return c;
}

ess::CalibrationExpect expect(std::string decision, std::optional<double> min = {},
                              std::optional<double> max = {}) {
  return {std::move(decision), min, max, {3, 1}};
}

std::string codes(const ess::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

}  // namespace

TEST_CASE("calibration: the expected band and total range pass") {
  auto c = run(dossier_with(favorable_scores), expect("Favorable", 70, 71));
  CHECK(c->result.scored);
  CHECK(c->result.total == Approx(favorable_total).margin(1e-12));
  CHECK(c->result.decision == "Favorable");
  CHECK(c->result.failures.empty());
  CHECK(c->result.ok());
}

TEST_CASE("calibration: another band fails, at x-expect, with the band it got") {
  auto c = run(dossier_with(favorable_scores), expect("Reserve"));
  CHECK_FALSE(c->result.ok());
  REQUIRE(c->result.failures.size() == 1);
  CHECK(codes(c->result.diags) == "calibration-failed");
  CHECK(c->result.diags.items()[0].pos.line == 3);
  CHECK(c->result.diags.items()[0].message.find("Favorable") != std::string::npos);
}

TEST_CASE("calibration: a total outside the range fails on each side, within 1e-9 it passes") {
  CHECK_FALSE(run(dossier_with(favorable_scores), expect("Favorable", 71, 80))->result.ok());
  CHECK_FALSE(run(dossier_with(favorable_scores), expect("Favorable", 60, 70.8))->result.ok());
  // The bounds are inclusive, compared with the scoring tolerance: the exact total passes as
  // both bounds, and so does a bound 1e-10 beyond it, but not one 1e-6 beyond.
  CHECK(run(dossier_with(favorable_scores), expect("Favorable", favorable_total, favorable_total))
            ->result.ok());
  CHECK(run(dossier_with(favorable_scores), expect("Favorable", favorable_total + 1e-10, 100))
            ->result.ok());
  CHECK(run(dossier_with(favorable_scores), expect("Favorable", 0, favorable_total - 1e-10))
            ->result.ok());
  CHECK_FALSE(run(dossier_with(favorable_scores), expect("Favorable", favorable_total + 1e-6, 100))
                  ->result.ok());
  // Both failures are said, not only the first.
  auto c = run(dossier_with(favorable_scores), expect("Reserve", 80, 90));
  CHECK(c->result.failures.size() == 2);
}

TEST_CASE("calibration: a dossier naming another grid is refused before scoring") {
  std::string other =
      test_support::replace_once(dossier_with(favorable_scores), "grid: g\n", "grid: autre\n");
  auto c = run(other, expect("Favorable"));
  CHECK_FALSE(c->result.scored);
  CHECK(codes(c->result.diags) == "grid-mismatch");
  CHECK_FALSE(c->result.ok());
}

TEST_CASE("calibration: an incomplete dossier matches its word in either language or its token") {
  // b1 left out: missing, so the decision is incomplete whatever the total.
  auto c = run(dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"), expect("Incomplet"));
  CHECK(c->result.status == ess::DossierStatus::incomplete);
  CHECK(c->result.ok());
  CHECK(run(dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"), expect("Incomplete"))
            ->result.ok());
  CHECK(run(dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"), expect("incomplete"))
            ->result.ok());
  // A band's label is not an incomplete dossier's decision, even when the total is in it.
  CHECK_FALSE(
      run(dossier_with("      a1: {level: 2}\n      a2: {value: yes}\n"), expect("Favorable"))
          ->result.ok());
}

TEST_CASE("calibration: no x-expect is not a pass") {
  auto c = std::make_unique<Case>();
  c->grid = test_support::require_grid(two_axes_grid);
  c->index = ess::index_grid(c->grid);
  ess::CalibrationFile file{"c1.yaml",
                            test_support::require_dossier(dossier_with(favorable_scores)),
                            std::nullopt, ess::Diagnostics("c1.yaml")};
  auto result = ess::run_calibration_case(c->index, std::move(file), {}, ess::Language::fr);
  CHECK(result.scored);
  CHECK_FALSE(result.ok());
}
