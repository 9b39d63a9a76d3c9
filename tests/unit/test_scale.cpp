// What a scale means (§2.1): normalised scores, best values, bounds, labels, reading values.
// Every expected value is worked out by hand from the formula in the comment beside it.
#include <catch2/catch.hpp>

#include <string>

#include "ess/core/scale.hpp"
#include "io/yaml_read.hpp"

using ess::Scale;
using ess::ScaleType;

namespace {

Scale levels(std::vector<std::pair<double, std::string>> values) {
  Scale s;
  s.id = "niveau";
  s.type = ScaleType::levels;
  for (auto& [v, label] : values) s.levels.push_back({v, label, "", {}});
  return s;
}

Scale linear(double min, double max, ess::Better better = ess::Better::higher) {
  Scale s;
  s.id = "part";
  s.type = ScaleType::numeric;
  s.min = min;
  s.max = max;
  s.better = better;
  return s;
}

Scale yesno() {
  Scale s;
  s.id = "oui-non";
  s.type = ScaleType::yesno;
  return s;
}

Scale points(std::vector<ess::ValuePoint> pts) {
  Scale s;
  s.id = "heures";
  s.type = ScaleType::numeric;
  s.min = 0;
  s.points = std::move(pts);
  return s;
}

Scale steps(std::vector<ess::ValuePoint> pts) {
  Scale s;
  s.id = "paliers";
  s.type = ScaleType::numeric;
  s.steps = std::move(pts);
  return s;
}

ess::YamlNode scalar(std::string text, bool quoted = false) {
  ess::YamlNode n;
  n.kind = ess::YamlNode::Kind::scalar;
  n.text = std::move(text);
  n.quoted = quoted;
  n.pos = {3, 7};
  return n;
}

// The value read, or the code of the refusal, on a grid in `language`.
std::string read(const Scale& s, const ess::YamlNode& n,
                 ess::Language language = ess::Language::en) {
  ess::Diagnostics d("s");
  auto v = ess::read_scale_value(s, language, n, "x", d);
  if (v) return std::to_string(*v);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].pos == ess::Pos{3, 7});
  return d.items()[0].code;
}

const auto exact = [](double v) { return Approx(v).epsilon(1e-12).margin(1e-15); };

}  // namespace

TEST_CASE("scale: levels normalise over their values' range") {
  Scale s = levels({{0, "Absent"}, {1, "Émergent"}, {2, "Établi"}, {3, "Exemplaire"}});
  CHECK(ess::normalise(s, 0) == 0);
  CHECK(ess::normalise(s, 2) == exact(2.0 / 3.0));  // (2 - 0) / (3 - 0)
  CHECK(ess::normalise(s, 3) == 1);
  CHECK(ess::normalise(s, 2.5) == exact(2.5 / 3.0));  // a mean of assessors' values
  // Values need not start at 0 nor be evenly spaced: (2 - 1) / (4 - 1).
  Scale uneven = levels({{4, "Haut"}, {1, "Bas"}, {2, "Moyen"}});
  CHECK(ess::normalise(uneven, 2) == exact(1.0 / 3.0));
  CHECK(ess::best_value(uneven) == 4);
  CHECK(ess::best_value(s) == 3);
}

TEST_CASE("scale: yes is 1, no is 0") {
  Scale s = yesno();
  CHECK(ess::normalise(s, 1) == 1);
  CHECK(ess::normalise(s, 0) == 0);
  CHECK(ess::best_value(s) == 1);
  CHECK(ess::value_label(s, 1) == "yes");
  CHECK(ess::value_label(s, 0) == "no");
  CHECK(ess::within_bounds(s, 1));
  CHECK_FALSE(ess::within_bounds(s, 0.5));
}

TEST_CASE("scale: linear numeric scales, higher or lower better") {
  Scale up = linear(0, 100);
  CHECK(ess::normalise(up, 55) == exact(0.55));  // (55 - 0) / (100 - 0)
  CHECK(ess::normalise(up, 0) == 0);
  CHECK(ess::normalise(up, 100) == 1);
  CHECK(ess::best_value(up) == 100);
  Scale down = linear(0, 100, ess::Better::lower);
  CHECK(ess::normalise(down, 55) == exact(0.45));  // 1 - 0.55
  CHECK(ess::best_value(down) == 0);
  Scale offset = linear(10, 30);
  CHECK(ess::normalise(offset, 15) == exact(0.25));  // (15 - 10) / (30 - 10)
}

TEST_CASE("scale: points interpolate linearly, clamped at both ends") {
  Scale s = points({{0, 0}, {500, 0.4}, {2000, 0.8}, {5000, 1}});
  CHECK(ess::normalise(s, 0) == 0);
  CHECK(ess::normalise(s, 250) == exact(0.2));  // halfway to 500: 0.4 / 2
  CHECK(ess::normalise(s, 500) == exact(0.4));
  CHECK(ess::normalise(s, 1250) == exact(0.6));  // 0.4 + 0.4 × (750 / 1500)
  CHECK(ess::normalise(s, 3500) == exact(0.9));  // 0.8 + 0.2 × (1500 / 3000)
  CHECK(ess::normalise(s, 5000) == 1);
  CHECK(ess::normalise(s, 9000) == 1);  // above the last point: its s
  CHECK(ess::best_value(s) == 5000);
  Scale raised = points({{10, 0.2}, {20, 1}});
  CHECK(ess::normalise(raised, 0) == exact(0.2));  // below the first point: its s
  // A plateau: the best value is the first x where s is highest.
  Scale plateau = points({{0, 0.2}, {0.3, 1}, {0.7, 1}, {1, 0.5}});
  CHECK(ess::best_value(plateau) == exact(0.3));
  CHECK(ess::normalise(plateau, 0.85) == exact(0.75));  // 1 - 0.5 × (0.15 / 0.3)
}

TEST_CASE("scale: steps take the s of the largest x at or below the value") {
  Scale s = steps({{0, 0}, {10, 0.5}, {20, 1}});
  CHECK(ess::normalise(s, 5) == 0);
  CHECK(ess::normalise(s, 10) == exact(0.5));
  CHECK(ess::normalise(s, 19.99) == exact(0.5));
  CHECK(ess::normalise(s, 20) == 1);
  CHECK(ess::normalise(s, 25) == 1);
  Scale late = steps({{5, 0.3}, {10, 1}});
  CHECK(ess::normalise(late, 0) == exact(0.3));  // below the first x: the first s
  CHECK(ess::best_value(late) == 10);
}

TEST_CASE("scale: bounds") {
  Scale lv = levels({{0, "A"}, {1, "B"}, {3, "C"}});
  CHECK(ess::within_bounds(lv, 3));
  CHECK_FALSE(ess::within_bounds(lv, 2));  // between two levels: no level
  Scale open = points({{0, 0}, {10, 1}});  // min 0, no max
  CHECK(ess::within_bounds(open, 1e12));
  CHECK_FALSE(ess::within_bounds(open, -0.001));
  Scale closed = linear(0, 100);
  CHECK(ess::within_bounds(closed, 100));
  CHECK_FALSE(ess::within_bounds(closed, 100.5));
}

TEST_CASE("scale: labels") {
  Scale s = levels({{0, "Absent"}, {2, "Établi"}});
  CHECK(ess::value_label(s, 2) == "Établi");
  CHECK(ess::value_label(s, 1).empty());
  CHECK(ess::value_label(linear(0, 1), 1).empty());
}

TEST_CASE("scale: reading a value on a scale") {
  Scale lv = levels({{0, "Absent"}, {1, "Émergent"}, {2, "Établi"}, {3, "Exemplaire"}});
  CHECK(read(lv, scalar("2")) == std::to_string(2.0));
  CHECK(read(lv, scalar("Établi")) == std::to_string(2.0));
  CHECK(read(lv, scalar("Établi", true)) == std::to_string(2.0));
  CHECK(read(lv, scalar("2.0")) == std::to_string(2.0));     // the same number
  CHECK(read(lv, scalar("2", true)) == "unknown-level");     // quoted: a label
  CHECK(read(lv, scalar("etabli")) == "unknown-level");      // accents are kept
  CHECK(read(lv, scalar("établi")) == std::to_string(2.0));  // case is not
  CHECK(read(lv, scalar("ÉTABLI")) == std::to_string(2.0));
  CHECK(read(lv, scalar("émergent")) == std::to_string(1.0));
  CHECK(read(lv, scalar("exemplaire", true)) == std::to_string(3.0));
  CHECK(read(lv, scalar("4")) == "unknown-level");
  Scale yn = yesno();
  CHECK(read(yn, scalar("yes")) == std::to_string(1.0));
  CHECK(read(yn, scalar("no")) == std::to_string(0.0));
  CHECK(read(yn, scalar("true")) == std::to_string(1.0));
  CHECK(read(yn, scalar("false")) == std::to_string(0.0));
  CHECK(read(yn, scalar("oui")) == "invalid-value");  // an English grid: yes or no
  CHECK(read(yn, scalar("yes", true)) == "invalid-value");
  // A French grid also takes oui and non; yes and no stay accepted.
  CHECK(read(yn, scalar("oui"), ess::Language::fr) == std::to_string(1.0));
  CHECK(read(yn, scalar("non"), ess::Language::fr) == std::to_string(0.0));
  CHECK(read(yn, scalar("yes"), ess::Language::fr) == std::to_string(1.0));
  CHECK(read(yn, scalar("no"), ess::Language::fr) == std::to_string(0.0));
  CHECK(read(yn, scalar("peut-être"), ess::Language::fr) == "invalid-value");
  CHECK(read(yn, scalar("oui", true), ess::Language::fr) == "invalid-value");
  Scale num = linear(0, 100);
  CHECK(read(num, scalar("55.5")) == std::to_string(55.5));
  CHECK(read(num, scalar("101")) == "value-out-of-range");
  CHECK(read(num, scalar("55", true)) == "invalid-number");
  CHECK(read(num, scalar(".nan")) == "invalid-number");
  ess::YamlNode list;
  list.kind = ess::YamlNode::Kind::seq;
  list.pos = {3, 7};
  CHECK(read(num, list) == "wrong-type");
}

TEST_CASE("scale: a leaf from a fact without a scale reads the fact on [0, 1]") {
  ess::Grid g;
  ess::Criterion leaf;
  leaf.id = "ratio";
  leaf.from = "part";
  const Scale& s = ess::scale_of(g, leaf);
  CHECK(s.type == ScaleType::numeric);
  CHECK(*s.min == 0);
  CHECK(*s.max == 1);
  CHECK(ess::normalise(s, 0.25) == exact(0.25));
  g.scales.push_back(linear(0, 100));
  leaf.scale = "part";
  CHECK(&ess::scale_of(g, leaf) == &g.scales[0]);
}
