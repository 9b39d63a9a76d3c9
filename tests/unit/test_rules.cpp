// The rules of §2.4 and §2.6 as the named functions every command shares.
#include <catch2/catch.hpp>

#include <vector>

#include "ess/core/ranking.hpp"
#include "ess/core/scoring.hpp"

using ess::DossierStatus;

TEST_CASE("§2.4: the status precedence: not assessed, eliminatory, missing, ok") {
  for (bool eliminatory : {false, true})
    for (bool missing : {false, true})
      CHECK(ess::dossier_status(true, eliminatory, missing) == DossierStatus::not_assessed);
  CHECK(ess::dossier_status(false, true, true) == DossierStatus::ineligible);
  CHECK(ess::dossier_status(false, true, false) == DossierStatus::ineligible);
  CHECK(ess::dossier_status(false, false, true) == DossierStatus::incomplete);
  CHECK(ess::dossier_status(false, false, false) == DossierStatus::ok);
}

TEST_CASE("§2.4: minimums, on 0..100 for a node and in the scale's units for a leaf") {
  ess::Criterion node;
  node.children.emplace_back();                     // a node
  CHECK_FALSE(ess::node_below_minimum(node, 0.1));  // no minimum
  node.minimum = 50;
  CHECK(ess::node_below_minimum(node, 0.49));
  CHECK_FALSE(ess::node_below_minimum(node, 0.5));
  CHECK_FALSE(ess::node_below_minimum(node, 0.5 - 1e-12));  // within the tolerance

  ess::Scale scale;
  scale.type = ess::ScaleType::numeric;
  scale.min = 0;
  scale.max = 200;
  ess::Criterion leaf;
  leaf.minimum = 50;  // 50 of 200: s = 0.25
  CHECK(ess::leaf_below_minimum(scale, leaf, 0.24));
  CHECK_FALSE(ess::leaf_below_minimum(scale, leaf, 0.25));
  scale.better = ess::Better::lower;  // 50 of 200, lower is better: s = 0.75
  CHECK(ess::leaf_below_minimum(scale, leaf, 0.7));
  CHECK_FALSE(ess::leaf_below_minimum(scale, leaf, 0.8));
}

TEST_CASE("§2.6: competition ranks, close totals tied") {
  ess::CompetitionRanks ranks;
  std::vector<std::size_t> got;
  for (double total : {90.0, 80.0, 0.1 + 0.2 + 79.7, 80.0, 70.0, 70.0 - 1e-10, 60.0})
    got.push_back(ranks.next(total));
  CHECK(got == std::vector<std::size_t>{1, 2, 2, 2, 5, 5, 7});
  CHECK(ess::same_total(0.1 + 0.2, 0.3));
  CHECK_FALSE(ess::same_total(0.3, 0.3 + 2e-9));
}
