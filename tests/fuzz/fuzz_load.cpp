// libFuzzer target: any bytes through the whole read path of ess-eval. parse_yaml, then as the
// file's top key says: a grid (loaded, indexed, and a dossier made up for it validated and
// scored), or a dossier (validated against the built-in grid and scored). Reports are
// rendered too. Build and run with tests/fuzz/run.sh.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ess/core/call_grid.hpp"
#include "ess/core/scale.hpp"
#include "ess/core/scoring.hpp"
#include "ess/core/validate.hpp"
#include "ess/io/embedded.hpp"
#include "ess/io/load.hpp"
#include "ess/model/format.hpp"
#include "ess/model/grid_index.hpp"
#include "ess/report/report.hpp"

namespace {

struct Builtin {
  ess::Grid grid;
  ess::GridIndex index;
};

const Builtin& builtin() {
  static const Builtin* b = [] {
    auto* out = new Builtin;
    ess::Diagnostics d("<built-in>");
    auto g = ess::load_grid_bytes(ess::embedded_file("criteria/ess-citoyennete-economique.yaml"),
                                  "<built-in>", ess::ParseLimits{}, d);
    if (!g) std::abort();
    out->grid = std::move(*g);
    out->index = ess::index_grid(out->grid);
    return out;
  }();
  return *b;
}

// Invariants of §2 whatever the input: a total in 0..100, every s in [0, 1], nothing NaN.
void check_result(const ess::DossierResult& r) {
  if (!std::isfinite(r.total) || r.total < -1e-9 || r.total > 100 + 1e-9) __builtin_trap();
  for (const auto& c : r.criteria) {
    if (c.s && (!std::isfinite(*c.s) || *c.s < -1e-9 || *c.s > 1 + 1e-9)) __builtin_trap();
    if (c.points_to_gain && !std::isfinite(*c.points_to_gain)) __builtin_trap();
  }
}

void score_and_render(const ess::GridIndex& index, const ess::Dossier& dossier,
                      ess::Diagnostics& diags) {
  if (diags.has_errors()) return;  // as the commands do: only valid dossiers are scored
  for (auto how : {ess::Consolidation::mean, ess::Consolidation::median, ess::Consolidation::min}) {
    ess::ScoreOptions options;
    options.consolidation = how;
    auto result = ess::score_dossier(index, dossier, options, diags);
    if (!result) return;
    check_result(*result);
    if (how != ess::Consolidation::mean) continue;
    ess::ReportOptions report;
    (void)ess::render_markdown(*result, report);
    (void)ess::render_csv(*result, report);
    (void)ess::render_json(*result, report, diags.items());
  }
}

// A dossier for a fuzzed grid: every declared fact given, every leaf scored by two analysts
// at two different values of its scale, so that scoring meets the grid's strange corners.
ess::Dossier made_up_dossier(const ess::Grid& grid, const ess::GridIndex& index) {
  ess::Dossier d;
  d.id = "fuzz";
  d.title = "fuzz";
  d.grid_id = grid.id;
  double amount = 1;
  for (const auto& f : grid.facts)
    if (f.op == ess::FactOp::declared) d.facts.push_back({f.id, amount++ * 1000, {}});
  for (int who = 0; who < 2; ++who) {
    ess::Assessment a;
    a.assessor = who ? "B" : "A";
    a.date = "2026-01-01";
    std::size_t i = static_cast<std::size_t>(who);
    for (const ess::Criterion* leaf : index.leaves) {
      if (!leaf->from.empty()) continue;
      const ess::Scale& s = ess::scale_of(grid, *leaf);
      ess::ScoreEntry e;
      e.criterion = leaf->id;
      e.evidence = "x";
      ++i;
      switch (s.type) {
        case ess::ScaleType::levels:
          e.raw_is_level = true;
          e.raw = s.levels[i % s.levels.size()].label;
          break;
        case ess::ScaleType::yesno:
          e.raw = i % 2 ? "yes" : "no";
          break;
        case ess::ScaleType::numeric: {
          double v = i % 2 ? ess::best_value(s) : (s.min ? *s.min : 0);
          if (!ess::within_bounds(s, v)) v = ess::best_value(s);
          e.raw = ess::format_shortest(v);
          break;
        }
      }
      a.scores.push_back(std::move(e));
    }
    d.assessments.push_back(std::move(a));
  }
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ess::ParseLimits limits;
  ess::Diagnostics diags("fuzz.yaml");
  ess::YamlNode root;
  if (ess::parse_yaml(bytes, limits, root, diags)) {
    switch (ess::document_kind(root)) {
      case ess::DocumentKind::grid:
        if (auto grid = ess::load_grid(root, diags)) {
          ess::GridIndex index = ess::index_grid(*grid);
          ess::Dossier d = made_up_dossier(*grid, index);
          ess::Diagnostics dd("made-up.yaml");
          ess::validate_dossier(index, d, dd);
          score_and_render(index, d, dd);
        }
        break;
      case ess::DocumentKind::dossier:
        if (auto dossier = ess::load_dossier(root, diags)) {
          const Builtin& b = builtin();
          (void)ess::check_grid_reference(b.grid, *dossier, diags);
          ess::Diagnostics dd("fuzz.yaml");
          ess::validate_dossier(b.index, *dossier, dd);
          if (!diags.has_errors()) score_and_render(b.index, *dossier, dd);
        }
        break;
      case ess::DocumentKind::call:
        if (auto call = ess::load_call(root, diags)) {
          // Applied to the built-in grid whatever base it names: the overrides meet real ids.
          auto derived = ess::apply_call(builtin().grid, *call, diags);
          if (derived) {
            ess::GridIndex index = ess::index_grid(derived->grid);
            ess::Dossier d = made_up_dossier(derived->grid, index);
            ess::Diagnostics dd("made-up.yaml");
            ess::validate_dossier(index, d, dd);
            score_and_render(index, d, dd);
          }
        }
        break;
      case ess::DocumentKind::unknown:
        break;
    }
  }
  (void)ess::format_diagnostics(diags.items(), ess::DiagnosticFormat::gnu);
  (void)ess::format_diagnostics(diags.items(), ess::DiagnosticFormat::json);
  (void)ess::format_diagnostics(diags.items(), ess::DiagnosticFormat::github);
  return 0;
}
