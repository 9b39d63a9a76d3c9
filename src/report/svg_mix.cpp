// The resource mix as one stacked bar: a bar reads shares better than a pie, and each part's
// hatching keeps them apart on a black-and-white print. The labels go below, one per line,
// since a part of a few percent has no room for its name.
#include <algorithm>

#include <fmt/format.h>

#include "svg_util.hpp"

namespace ess {

std::string svg_resource_mix(const MixChart& c) {
  constexpr double width = 800, bar_y = 2, bar_h = 20, line_h = 17;
  std::string body;
  double x = 0;
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    double w = width * std::max(0.0, c.parts[i].share);
    if (i + 1 == c.parts.size()) w = width - x;  // no hairline gap from rounding
    body += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
        "stroke=\"#000\" stroke-width=\"0.8\"/>\n",
        svg::n(x), svg::n(bar_y), svg::n(std::max(0.0, w)), svg::n(bar_h), svg::fill(c.id, i));
    x += w;
  }
  // The legend on one line when it fits, else one part per line.
  double y = bar_y + bar_h + 8, lx = 0;
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    std::string label = c.parts[i].label + " " + c.parts[i].share_text;
    double w = 30 + 6.2 * static_cast<double>(svg::length(label)) + 18;
    if (lx > 0 && lx + w > width) lx = 0, y += line_h;
    body += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"12\" fill=\"{}\" "
        "stroke=\"#000\" stroke-width=\"0.8\"/>\n",
        svg::n(lx), svg::n(y), svg::fill(c.id, i));
    body +=
        fmt::format("<text x=\"{}\" y=\"{}\">{} <tspan font-weight=\"bold\">{}</tspan></text>\n",
                    svg::n(lx + 28), svg::n(y + 10), svg::esc(c.parts[i].label),
                    svg::esc(c.parts[i].share_text));
    lx += w;
  }
  y += line_h;
  return svg::open(c.id, width, y + 2, c.text) + svg::pattern_defs(c.id) + body + svg::close();
}

}  // namespace ess
