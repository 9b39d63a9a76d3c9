// Calls for projects: the call file loaded (every refusal at its position), the call's grid
// (overrides applied and refused), a call's grid in grid diff, and the awards chosen for the
// open-data export. Positions and effective weights are counted by hand in the comments.
#include <catch2/catch.hpp>

#include <string>

#include "ess/core/awards.hpp"
#include "ess/core/call_grid.hpp"
#include "ess/core/grid_diff.hpp"
#include "ess/core/weights.hpp"
#include "ess/io/calibration_files.hpp"
#include "ess/io/grid_store.hpp"
#include "ess/io/load.hpp"
#include "ess/model/sha256.hpp"

using ess::Diagnostics;

namespace {

const std::string base_grid =
    "grid: g\n"
    "version: 1.2.0\n"
    "title: G\n"
    "scales:\n"
    "  niveau: {type: levels, levels: [{value: 0, label: Absent}, {value: 1, label: Émergent},"
    " {value: 2, label: Établi}, {value: 3, label: Exemplaire}]}\n"
    "  oui-non: {type: yesno}\n"
    "criteria:\n"
    "  - id: gouv\n"
    "    title: Gouvernance\n"
    "    children:\n"
    "      - {id: democratie, title: D, scale: oui-non, weight: 0, minimum: yes, eliminatory: "
    "true}\n"
    "      - {id: transparence, title: T, scale: niveau}\n"
    "  - id: impacts\n"
    "    title: Impacts\n"
    "    children:\n"
    "      - {id: effets, title: E, scale: niveau, target: 3}\n"
    "      - {id: essaimage, title: S, scale: niveau}\n"
    "decision:\n"
    "  - {min: 0, label: Défavorable}\n"
    "  - {min: 50, label: Favorable}\n";

const std::string good_call =
    "call: aap-test\n"                                                                       // 1
    "title: Appel test\n"                                                                    // 2
    "funder: {name: Région, siret: \"44306184100047\"}\n"                                    // 3
    "grid: g@1.2.0\n"                                                                        // 4
    "overrides:\n"                                                                           // 5
    "  weights: {impacts: 3}\n"                                                              // 6
    "  targets: {effets: Établi}\n"                                                          // 7
    "  minimums: {impacts: 40, transparence: 1}\n"                                           // 8
    "  eliminatory: [transparence]\n"                                                        // 9
    "  decision: [{min: 0, label: Non, fundable: false}, {min: 60, label: Oui}]\n"           // 10
    "letterhead: {sender: Région, signature: La présidente, place: Limoges}\n"               // 11
    "budgets: {by: territory, amounts: {Creuse: 50000, Haute-Vienne: 70000}}\n"              // 12
    "decision: {date: 2026-06-15, reference: CP-12}\n"                                       // 13
    "award: {nature: aide en numéraire, payment: unique, period: 2026-07-01/2026-12-31}\n";  // 14

std::string with(const std::string& from, const std::string& to, std::string text = good_call) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

ess::Grid grid() {
  Diagnostics diags("g.yaml");
  auto g = ess::load_grid_bytes(base_grid, "criteria/g.yaml", ess::ParseLimits{}, diags);
  INFO((diags.empty() ? std::string() : diags.items()[0].message));
  REQUIRE(g);
  return *g;
}

struct Loaded {
  std::optional<ess::Call> call;
  std::optional<ess::CallGrid> derived;
  Diagnostics diags{"c.yaml"};
};

Loaded load(const std::string& text, bool apply = true) {
  Loaded l;
  l.call = ess::load_call_bytes(text, "criteria/calls/aap-test.yaml", ess::ParseLimits{}, l.diags);
  if (l.call && apply) l.derived = ess::apply_call(grid(), *l.call, l.diags);
  return l;
}

std::string found(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items())
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.code + "\n";
  return out;
}

std::string found(const std::string& text) {
  return found(load(text).diags);
}

const ess::Criterion* find(const ess::Grid& g, const std::string& id) {
  const ess::Criterion* out = nullptr;
  ess::for_each_criterion(g.criteria, [&](const ess::Criterion& c, int) {
    if (c.id == id) out = &c;
  });
  return out;
}

}  // namespace

TEST_CASE("call: a good call loads, every value kept with its position") {
  Loaded l = load(good_call, false);
  INFO(found(l.diags));
  REQUIRE(l.call);
  CHECK(l.diags.empty());
  const ess::Call& c = *l.call;
  CHECK(c.id == "aap-test");
  CHECK(c.funder.name == "Région");
  CHECK(c.funder.siret == "44306184100047");
  CHECK(c.funder.siret_pos == ess::Pos{3, 32});
  CHECK(c.grid_id == "g");
  CHECK(c.grid_version == "1.2.0");
  CHECK(c.grid_pos == ess::Pos{4, 7});
  REQUIRE(c.overrides.weights.size() == 1);
  CHECK(c.overrides.weights[0].criterion == "impacts");
  CHECK(c.overrides.weights[0].weight == 3);
  CHECK(c.overrides.weights[0].pos == ess::Pos{6, 13});
  REQUIRE(c.overrides.targets.size() == 1);
  CHECK(c.overrides.targets[0].text == "Établi");
  CHECK(c.overrides.targets[0].value_pos == ess::Pos{7, 21});
  REQUIRE(c.overrides.minimums.size() == 2);
  REQUIRE(c.overrides.eliminatory.size() == 1);
  CHECK(c.overrides.eliminatory[0].pos == ess::Pos{9, 17});
  REQUIRE(c.overrides.decision);
  REQUIRE(c.overrides.decision->size() == 2);
  CHECK((*c.overrides.decision)[0].fundable == false);
  CHECK_FALSE((*c.overrides.decision)[1].fundable.has_value());
  REQUIRE(c.letterhead);
  CHECK(c.letterhead->signature == "La présidente");
  CHECK_FALSE(c.budgets.total);
  CHECK(c.budgets.by == ess::GroupKey::territory);
  REQUIRE(c.budgets.amounts.size() == 2);
  CHECK(c.budgets.amounts[1].group == "Haute-Vienne");
  CHECK(c.budgets.amounts[1].amount == 70000);
  REQUIRE(c.decision);
  CHECK(c.decision->date == "2026-06-15");
  CHECK(c.decision->reference == "CP-12");
  REQUIRE(c.award);
  CHECK(c.award->nature == "aide en numéraire");
  CHECK(c.award->period == "2026-07-01/2026-12-31");
  CHECK_FALSE(c.award->eu_notified);
  CHECK(c.sha256 == ess::sha256_hex(good_call));
}

TEST_CASE("call: every refusal of the file alone at its position") {
  // Columns count bytes: "Région" and "numéraire" take one more than their letters.
  // The funder's SIRET, its value at column 32 of line 3.
  CHECK(found(with("\"44306184100047\"", "\"44306184100048\"")) == "3:32 invalid-siret\n");
  CHECK(found(with("\"44306184100047\"", "\"4430618410004\"")) == "3:32 invalid-siret\n");
  CHECK(found(with("funder: {name: Région, siret: \"44306184100047\"}", "funder: {name: R}")) ==
        "3:9 missing-key\n");
  // The base grid must be pinned, with a semantic version.
  CHECK(found(with("grid: g@1.2.0", "grid: g")) == "4:7 unpinned-grid\n");
  CHECK(found(with("grid: g@1.2.0", "grid: g@1.2")) == "4:7 invalid-version\n");
  CHECK(found(with("grid: g@1.2.0", "grid: G@1.2.0")) == "4:7 invalid-id\n");
  // Overrides: a negative weight, a key that is not an id, a list where a mapping goes.
  CHECK(found(with("weights: {impacts: 3}", "weights: {impacts: -3}")) == "6:22 invalid-weight\n");
  CHECK(found(with("weights: {impacts: 3}", "weights: {Impacts: 3}")) == "6:13 invalid-id\n");
  CHECK(found(with("weights: {impacts: 3}", "weights: [impacts]")) == "6:12 wrong-type\n");
  CHECK(found(with("  eliminatory: [transparence]\n", "  eliminatory: transparence\n")) ==
        "9:16 wrong-type\n");
  CHECK(found(with("overrides:\n", "overrides:\n  poids: {}\n")) == "6:3 unknown-key\n");
  // Bands: the first at 0, increasing, fundable true or false.
  CHECK(found(with("{min: 0, label: Non,", "{min: 5, label: Non,")) == "10:20 decision-bands\n");
  CHECK(found(with("{min: 60, label: Oui}", "{min: 0, label: Oui}")) == "10:59 decision-bands\n");
  CHECK(found(with("fundable: false", "fundable: non")) == "10:45 wrong-type\n");
  // Budgets: by territory or theme, amounts not negative, not both budget and budgets.
  CHECK(found(with("by: territory", "by: call")) == "12:15 invalid-value\n");
  CHECK(found(with("Creuse: 50000", "Creuse: -1")) == "12:44 invalid-value\n");
  CHECK(found(with("budgets:", "budget: 1\nbudgets:")) == "13:1 invalid-value\n");
  CHECK(found(with("budgets: {by: territory, amounts: {Creuse: 50000, Haute-Vienne: 70000}}",
                   "budget: -5")) == "12:9 invalid-value\n");
  // The decision's date, the award's nature, payment, period and eu_notified.
  CHECK(found(with("date: 2026-06-15", "date: 15/06/2026")) == "13:18 invalid-date\n");
  CHECK(found(with("decision: {date: 2026-06-15, reference: CP-12}", "decision: {reference: X}")) ==
        "13:11 missing-key\n");
  CHECK(found(with("nature: aide en numéraire", "nature: subvention")) == "14:17 invalid-value\n");
  CHECK(found(with("payment: unique", "payment: " + std::string(257, 'x'))) ==
        "14:46 invalid-value\n");
  CHECK(found(with("payment: unique", "payment: " + std::string(256, 'x'))) == "");
  CHECK(found(with("2026-07-01/2026-12-31", "2026-12-31/2026-07-01")) == "14:62 invalid-date\n");
  CHECK(found(with("2026-07-01/2026-12-31", "2026-07-01")) == "");
  CHECK(found(with("2026-07-01/2026-12-31}", "2026-07-01, eu_notified: oui}")) ==
        "14:87 wrong-type\n");
  // Unknown keys are errors; x- keys are not.
  CHECK(found(good_call + "fonds: FEDER\n") == "15:1 unknown-key\n");
  CHECK(found(good_call + "x-fonds: FEDER\n") == "");
}

TEST_CASE("call grid: the base with the overrides applied, its id, version, file and sha256") {
  Loaded l = load(good_call);
  INFO(found(l.diags));
  REQUIRE(l.derived);
  const ess::Grid& g = l.derived->grid;
  CHECK(g.id == "g+aap-test");
  CHECK(g.version == "1.2.0");
  CHECK(g.title == "G");
  CHECK(g.file == "criteria/calls/aap-test.yaml");
  CHECK(g.sha256 == ess::sha256_hex(grid().sha256 + l.call->sha256));
  CHECK(find(g, "impacts")->weight == 3);
  CHECK(find(g, "impacts")->minimum == 40);
  CHECK(find(g, "effets")->target == 2);  // Établi, read on the leaf's scale
  CHECK(find(g, "transparence")->minimum == 1);
  CHECK(find(g, "transparence")->eliminatory);
  REQUIRE(g.decision.size() == 2);
  CHECK(g.decision[1].label == "Oui");
  CHECK(g.decision[1].min == 60);
  // What changed, in override order: weights, targets, minimums, eliminatory, bands.
  const auto& ch = l.derived->changes;
  REQUIRE(ch.size() == 6);
  using K = ess::OverrideChange::Kind;
  CHECK(ch[0].kind == K::weight);
  CHECK(ch[0].before == 1);
  CHECK(ch[0].after == 3);
  CHECK(ch[1].kind == K::target);
  CHECK(ch[1].before == 3);
  CHECK(ch[1].after == 2);
  CHECK(ch[2].kind == K::minimum);
  CHECK_FALSE(ch[2].before);
  CHECK(ch[3].criterion == "transparence");
  CHECK(ch[4].kind == K::eliminatory);
  CHECK_FALSE(ch[4].was_eliminatory);
  CHECK(ch[5].kind == K::decision);
  CHECK(ch[5].bands_before.size() == 2);
  CHECK(ch[5].pos == ess::Pos{10, 3});
  // The base grid is untouched: it is shared.
  CHECK(find(grid(), "impacts")->weight == 1);
}

TEST_CASE("call grid: the effective weights that follow the call's weights") {
  // Base: gouv and impacts weigh 1 each: 1/2 each; transparence carries all of gouv (democratie
  // weighs 0), effets and essaimage 1/4 each. The call gives impacts 3: 3/4, so effets and
  // essaimage 3/8 each, gouv and transparence 1/4.
  Loaded l = load(good_call);
  REQUIRE(l.derived);
  auto before = ess::nominal_effective_weights(grid());
  auto after = ess::nominal_effective_weights(l.derived->grid);
  CHECK(before.at("impacts") == Approx(0.5));
  CHECK(before.at("effets") == Approx(0.25));
  CHECK(after.at("impacts") == Approx(0.75));
  CHECK(after.at("effets") == Approx(0.375));
  CHECK(after.at("essaimage") == Approx(0.375));
  CHECK(after.at("transparence") == Approx(0.25));
  CHECK(after.at("democratie") == Approx(0));
}

TEST_CASE("call grid: overrides the base grid refuses, each at its line") {
  CHECK(found(with("weights: {impacts: 3}", "weights: {impact: 3}")) == "6:13 unknown-criterion\n");
  CHECK(load(with("weights: {impacts: 3}", "weights: {impact: 3}")).diags.items()[0].hint ==
        "did you mean 'impacts'?");
  CHECK(found(with("targets: {effets: Établi}", "targets: {effet: 2}")) ==
        "7:13 unknown-criterion\n");
  // A target off the leaf's scale, or on a node.
  CHECK(found(with("targets: {effets: Établi}", "targets: {effets: Parfait}")) ==
        "7:21 invalid-target\n");
  CHECK(found(with("targets: {effets: Établi}", "targets: {effets: 4}")) ==
        "7:21 invalid-target\n");
  CHECK(found(with("targets: {effets: Établi}", "targets: {impacts: 2}")) ==
        "7:13 invalid-target\n");
  // Minimums: a node's from 0 to 100, a leaf's on its scale.
  CHECK(found(with("minimums: {impacts: 40,", "minimums: {impacts: 140,")) ==
        "8:23 invalid-minimum\n");
  CHECK(found(with("minimums: {impacts: 40,", "minimums: {impacts: \"40\",")) ==
        "8:23 invalid-minimum\n");
  // A refused minimum is said once: not again as an eliminatory criterion without minimum.
  CHECK(found(with("transparence: 1}", "transparence: Haut}")) == "8:41 invalid-minimum\n");
  // An eliminatory criterion needs a minimum (the base grid's or the call's).
  CHECK(found(with("eliminatory: [transparence]", "eliminatory: [essaimage]")) ==
        "9:17 invalid-minimum\n");
  CHECK(found(with("eliminatory: [transparence]", "eliminatory: [democratie, impacts]")) == "");
  // Siblings whose weights all become 0: at the first override that touched them.
  CHECK(found(with("weights: {impacts: 3}", "weights: {transparence: 0}")) ==
        "6:13 weights-all-zero\n");
  CHECK(found(with("weights: {impacts: 3}", "weights: {gouv: 0}")) == "");
  // Every problem is said, not the first only.
  CHECK(found(with("weights: {impacts: 3}", "weights: {impact: 3, effet: 1}")) ==
        "6:13 unknown-criterion\n6:24 unknown-criterion\n");
}

TEST_CASE("call grid: calibration dossiers beside the call; grid diff sees no other grid") {
  Loaded l = load(good_call);
  REQUIRE(l.derived);
  CHECK(ess::calibration_folder(l.derived->grid) == "criteria/calls/aap-test.calibration");
  CHECK(ess::calibration_folder(grid()) == "criteria/g.calibration");
  ess::GridDiff d = ess::diff_grids(grid(), l.derived->grid);
  std::string kinds;
  for (const auto& c : d.changes) {
    CHECK(c.bump == ess::Bump::minor);
    kinds += c.id + ":" + c.kind + " ";
  }
  // No grid-id change (a call's grid is its base, patched); the band "Non" replaced
  // "Défavorable" at 0, "Oui" at 60 is new and "Favorable" at 50 is gone (sorted by id).
  CHECK(kinds ==
        "effets:target impacts:minimum impacts:weight transparence:eliminatory "
        "transparence:minimum Favorable:band-removed Non:band-label Oui:band-added ");
  CHECK(d.version.required == ess::Bump::minor);
}

TEST_CASE("grid diff: whether a band is fundable is a minor change") {
  ess::Grid a = grid(), b = grid();
  b.decision[1].fundable = false;  // Favorable, fundable by default, no longer
  ess::GridDiff d = ess::diff_grids(a, b);
  REQUIRE(d.changes.size() == 1);
  CHECK(d.changes[0].kind == "band-fundable");
  CHECK(d.changes[0].bump == ess::Bump::minor);
  CHECK(d.changes[0].id == "Favorable");
  CHECK(d.changes[0].old_value == "true");
  CHECK(d.changes[0].new_value == "false");
  b = grid();
  b.decision[0].fundable = false;  // what the default already says: no change
  b.decision[1].fundable = true;
  CHECK(ess::diff_grids(a, b).changes.empty());
}

TEST_CASE("grid: bands read fundable") {
  std::string text = base_grid;
  auto at = text.find("{min: 50, label: Favorable}");
  text.replace(at, 27, "{min: 50, label: Favorable, fundable: false}");
  Diagnostics diags("g.yaml");
  auto g = ess::load_grid_bytes(text, "g.yaml", ess::ParseLimits{}, diags);
  REQUIRE(g);
  CHECK(g->decision[1].fundable == false);
  CHECK_FALSE(g->decision[0].fundable.has_value());
}

namespace {

ess::AwardCandidate candidate(std::string id, bool funded, std::optional<double> requested,
                              std::optional<double> awarded) {
  ess::AwardCandidate c;
  c.dossier = std::move(id);
  c.funded = funded;
  c.requested = requested;
  c.awarded = awarded;
  return c;
}

}  // namespace

TEST_CASE("awards: the funding line's proposal, unless the committee recorded amounts") {
  auto proposal =
      ess::choose_awards({candidate("B", true, 1000, {}), candidate("A", true, 2000, {}),
                          candidate("C", false, 500, {})});
  CHECK(proposal.proposal);
  REQUIRE(proposal.lines.size() == 2);
  CHECK(proposal.lines[0].dossier.dossier == "A");  // by id
  CHECK(proposal.lines[0].amount == 2000);
  CHECK(proposal.lines[1].dossier.dossier == "B");
  auto decided =
      ess::choose_awards({candidate("B", true, 1000, {}), candidate("A", true, 2000, 1500),
                          candidate("C", false, 500, 400), candidate("D", true, 800, 0)});
  CHECK_FALSE(decided.proposal);
  REQUIRE(decided.lines.size() == 2);  // B: no decision recorded; D: awarded 0, a refusal
  CHECK(decided.lines[0].dossier.dossier == "A");
  CHECK(decided.lines[0].amount == 1500);
  CHECK(decided.lines[1].dossier.dossier == "C");  // outside the line, awarded all the same
  CHECK(decided.lines[1].amount == 400);
  auto no_amount = ess::choose_awards({candidate("A", true, {}, {})});
  REQUIRE(no_amount.lines.size() == 1);
  CHECK_FALSE(no_amount.lines[0].amount);  // the renderer says it is missing
}

TEST_CASE("grid store: a call's base found only at its pinned version; calls by id") {
  std::string criteria = std::string(ESS_SOURCE_DIR) + "/criteria";
  ess::GridStore store(std::nullopt, {criteria}, ess::ParseLimits{});
  const ess::LoadedGrid* g = store.find_version("ess-citoyennete-economique", "1.0.0");
  REQUIRE(g);
  CHECK(g->grid.file == criteria + "/ess-citoyennete-economique.yaml");
  // criteria/ess-citoyennete-economique.yaml is 1.0.0: no other version is taken for it, and
  // neither is the built-in grid, also 1.0.0.
  CHECK_FALSE(store.find_version("ess-citoyennete-economique", "1.1.0"));
  CHECK_FALSE(store.find_version("no-such-grid", "1.0.0"));
  ess::GridStore builtin_only(std::nullopt, {}, ess::ParseLimits{});
  const ess::LoadedGrid* b = builtin_only.find_version("ess-citoyennete-economique", "1.0.0");
  REQUIRE(b);
  CHECK(b->grid.file == "<built-in>/ess-citoyennete-economique.yaml");
  CHECK(store.find_call("aap-2026-transition") == criteria + "/calls/aap-2026-transition.yaml");
  CHECK_FALSE(store.find_call("aap-absent"));
  // --grid's folder is searched first.
  ess::GridStore with_grid(criteria + "/ess-economic-citizenship.yaml", {}, ess::ParseLimits{});
  CHECK(with_grid.find_call("aap-2026-alimentation") ==
        criteria + "/calls/aap-2026-alimentation.yaml");
}

TEST_CASE("document kind: a call by its `call:` key, unless it is a dossier's") {
  auto kind = [](const std::string& text) {
    ess::Diagnostics d("k.yaml");
    ess::YamlNode root;
    REQUIRE(ess::parse_yaml(text, ess::ParseLimits{}, root, d));
    return ess::document_kind(root);
  };
  CHECK(kind("call: c\ngrid: g@1.0.0\n") == ess::DocumentKind::call);
  CHECK(kind("dossier: d\ncall: c\ngrid: g\n") == ess::DocumentKind::dossier);
  CHECK(kind("grid: g\ncriteria: []\n") == ess::DocumentKind::grid);
}
