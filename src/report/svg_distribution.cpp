// The distribution of totals: how many dossiers fall in each ten points, with the bands'
// thresholds dashed over it, so a committee sees at once how the call splits.
#include <algorithm>

#include <fmt/format.h>

#include "svg_util.hpp"

namespace ess {

std::size_t distribution_bin(double total) {
  if (!(total > 0)) return 0;
  return std::min<std::size_t>(9, static_cast<std::size_t>(total / 10));
}

std::string svg_distribution(const DistributionChart& c) {
  constexpr double width = 760, x0 = 30, x1 = 750, base = 122, plot_h = 84;
  std::size_t most = 1;
  for (std::size_t v : c.counts) most = std::max(most, v);
  double bin_w = (x1 - x0) / 10;
  std::string body = svg::text(0, 12, c.count_legend, "start", "m");
  body += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\"/>\n",
                      svg::n(x0), svg::n(base), svg::n(x1));
  for (std::size_t i = 0; i < 10; ++i) {
    double x = x0 + bin_w * static_cast<double>(i);
    std::size_t count = i < c.counts.size() ? c.counts[i] : 0;
    double h = plot_h * static_cast<double>(count) / static_cast<double>(most);
    if (count > 0)
      body += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "stroke=\"#000\" stroke-width=\"0.8\"/>\n",
          svg::n(x + 4), svg::n(base - h), svg::n(bin_w - 8), svg::n(h), svg::fill(c.id, 0));
    body += svg::text(x + bin_w / 2, base - h - 4, std::to_string(count), "middle", "b");
    body += svg::text(x, base + 14, std::to_string(10 * i), "middle", "m");
  }
  body += svg::text(x1, base + 14, "100", "middle", "m");
  for (const auto& b : c.bands) {
    double x = x0 + (x1 - x0) * std::clamp(b.at, 0.0, 100.0) / 100;
    body += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\" "
        "stroke-width=\"1.4\" stroke-dasharray=\"5 3\"/>\n",
        svg::n(x), svg::n(base - plot_h - 14), svg::n(base + 4));
    body += svg::text(x + 3, base - plot_h - 6, b.label, "start", "s");
  }
  return svg::open(c.id, width, base + 22, c.text) + svg::pattern_defs(c.id) + body + svg::close();
}

}  // namespace ess
