#pragma once
// A small grid, dossier and DossierResult built by hand, with every kind of awkward text
// (pipes, newlines, stars, quotes, commas), for the report renderers' unit tests. The numbers
// are chosen, not computed: the renderers must show what they are given.
#include <memory>
#include <stdexcept>
#include <string>

#include "ess/core/scoring.hpp"
#include "ess/model/model.hpp"

struct ReportFixture {
  ess::Grid grid;
  ess::Dossier dossier;
  ess::ScoreEntry consensus;
  ess::DossierResult result;

  ess::CriterionResult& at(const std::string& id) {
    for (auto& c : result.criteria)
      if (c.criterion->id == id) return c;
    throw std::runtime_error("no criterion " + id);
  }
};

inline ess::Scale levels_scale() {
  ess::Scale s;
  s.id = "niveau";
  s.type = ess::ScaleType::levels;
  const char* labels[] = {"Absent", "Émergent", "Établi", "Exemplaire"};
  for (int i = 0; i < 4; ++i) s.levels.push_back({static_cast<double>(i), labels[i], "", {}});
  return s;
}

inline void fixture_grid(ess::Grid& g) {
  g.id = "essai";
  g.version = "1.2.0";
  g.title = "Grille d'essai";
  g.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g.scales.push_back(levels_scale());
  ess::Scale yesno;
  yesno.id = "oui-non";
  yesno.type = ess::ScaleType::yesno;
  g.scales.push_back(yesno);
  ess::Scale part;
  part.id = "part";
  part.type = ess::ScaleType::numeric;
  part.unit = "%";
  part.min = 0;
  part.max = 100;
  g.scales.push_back(part);
  auto fact = [&](const char* id, const char* title, const char* unit, ess::FactOp op,
                  std::vector<std::string> operands, double constant = 0) {
    ess::Fact f;
    f.id = id;
    f.title = title;
    f.unit = unit;
    f.op = op;
    f.operands = std::move(operands);
    f.constant = constant;
    g.facts.push_back(f);
  };
  fact("ventes", "Ventes", "EUR", ess::FactOp::declared, {});
  fact("dons", "Dons", "EUR", ess::FactOp::declared, {});
  fact("heures", "Heures", "h", ess::FactOp::declared, {});
  fact("taux", "Taux", "EUR/h", ess::FactOp::constant, {}, 11.88);
  fact("valeur", "Bénévolat valorisé", "EUR", ess::FactOp::product, {"heures", "taux"});
  fact("mix", "Hybridation", "", ess::FactOp::diversity, {"ventes", "dons", "valeur"});
  fact("part-dons", "Part des dons", "ratio", ess::FactOp::ratio, {"dons", "ventes"});

  ess::Criterion a, b, c, gouv, res;
  a.id = "a";
  a.title = "Critère *étoilé* [lien](x) <b>";
  a.scale = "niveau";
  a.weight = 2;
  b.id = "b";
  b.title = "Condition";
  b.scale = "oui-non";
  b.weight = 0;
  b.minimum = 1;
  b.eliminatory = true;
  c.id = "c";
  c.title = "Part | avec pipe";
  c.scale = "part";
  gouv.id = "gouv";
  gouv.title = "Gouvernance\nsur deux lignes";
  gouv.minimum = 40;
  gouv.children = {a, b};
  res.id = "res";
  res.title = "Ressources";
  res.children = {c};
  g.criteria = {gouv, res};
  g.decision = {{0, "Défavorable", {}}, {50, "Réservé", {}}, {70, "Favorable", {}}};
}

inline void fixture_dossier(ess::Dossier& d) {
  d.id = "T-1, bis";
  d.title = "Titre \"cité\" | pipe";
  d.applicant = "Association\nSur deux lignes";
  d.grid_id = "essai";
  d.call = "aap-essai";
  d.requested = 12000;
  d.facts = {{"ventes", 1000, {}}, {"dons", 500, {}}, {"heures", 10, {}}};
  ess::Assessment analyst;
  analyst.assessor = "A. Un | deux";
  analyst.role = ess::Role::analyst;
  analyst.date = "2026-03-01";
  ess::ScoreEntry e;
  e.criterion = "a";
  e.value = 2;
  e.resolved = true;
  e.evidence = "PV d'AG | annexe\n2";
  e.comment = "Commentaire *important*";
  analyst.scores.push_back(e);
  ess::Assessment self;
  self.assessor = "La structure";
  self.role = ess::Role::self;
  self.date = "2026-02-01";
  e.value = 3;
  e.evidence = "Statuts";
  e.comment.clear();
  self.scores.push_back(e);
  d.assessments = {analyst, self};
}

// gouv (node, s 2/3), a (levels, 2 → 2/3, self 3), b (yes/no, N/A), res (node), c (numeric,
// missing): incomplete. Total 62.25 (shown 62.3), band Réservé, one step to Favorable.
inline std::unique_ptr<ReportFixture> make_fixture() {
  auto f = std::make_unique<ReportFixture>();
  fixture_grid(f->grid);
  fixture_dossier(f->dossier);
  ess::DossierResult& r = f->result;
  r.dossier = &f->dossier;
  r.grid = &f->grid;
  r.total = 62.25;
  r.band = 1;
  r.status = ess::DossierStatus::incomplete;
  const ess::Criterion& gouv = f->grid.criteria[0];
  const ess::Criterion& res = f->grid.criteria[1];
  auto add = [&](const ess::Criterion* c, std::string path, int depth, std::size_t parent) {
    ess::CriterionResult cr;
    cr.criterion = c;
    cr.path = std::move(path);
    cr.depth = depth;
    cr.parent = parent;
    cr.weight = c->weight;
    r.criteria.push_back(cr);
  };
  const std::size_t none = static_cast<std::size_t>(-1);
  add(&gouv, "gouv", 0, none);
  add(&gouv.children[0], "gouv/a", 1, 0);
  add(&gouv.children[1], "gouv/b", 1, 0);
  add(&res, "res", 0, none);
  add(&res.children[0], "res/c", 1, 3);
  r.axes = {0, 3};

  auto& g = r.criteria[0];
  g.status = ess::CriterionStatus::scored;
  g.s = 2.0 / 3;
  g.effective_weight = 0.5;
  g.nominal_effective_weight = 0.5;

  auto& a = r.criteria[1];
  a.status = ess::CriterionStatus::scored;
  a.value = 2;
  a.consolidated = 2;
  a.level = "Établi";
  a.s = 2.0 / 3;
  a.effective_weight = 0.5;
  a.nominal_effective_weight = 0.5;
  a.target = 3;
  a.s_target = 1;
  a.gap = 1;
  a.points_to_gain = 1.0 / 6 * 100;
  a.counted = {{0, false, 2, 2.0 / 3, &f->dossier.assessments[0].scores[0]}};
  a.self = {{1, false, 3, 1, &f->dossier.assessments[1].scores[0]}};
  a.self_s = 1;
  a.self_gap = 1.0 / 3;

  auto& b = r.criteria[2];
  b.status = ess::CriterionStatus::na;
  b.target = 1;
  b.s_target = 1;
  b.points_moved = 0.0;
  r.na = {2};

  auto& res_r = r.criteria[3];
  res_r.status = ess::CriterionStatus::missing;
  res_r.nominal_effective_weight = 0.5;

  auto& c = r.criteria[4];
  c.status = ess::CriterionStatus::missing;
  c.target = 100;
  c.s_target = 1;
  c.nominal_effective_weight = 0.5;
  c.omitted_by = {0, 1};  // nobody scores it: missing, not an omission
  r.missing = {4};

  r.facts.resize(f->grid.facts.size());
  double values[] = {1000, 500, 10, 11.88, 118.8, 0.5, 0.5};
  for (std::size_t i = 0; i < r.facts.size(); ++i) r.facts[i].value = values[i];

  r.path.next_band = 2;
  r.path.reachable = true;
  r.path.steps = {{1, 1.0 / 6 * 100, 78.9166}};
  return f;
}
