// The profile chart: one row per axis on a 0–100 scale — the consolidated score as a grey bar,
// the axis' minimum as a thick tick, each assessor's own value and the self-assessment as marks,
// one lane each so that equal values never hide one another — then the total against the bands.
#include <algorithm>

#include <fmt/format.h>

#include "svg_util.hpp"

namespace ess {

namespace {

constexpr double width = 800;
constexpr double x0 = 260, x1 = 740;  // the 0..100 scale
constexpr double top = 22;            // below the scale's labels
constexpr double lane = 6;            // one per marker
constexpr double bar_h = 11;

double x_of(double v) {
  return x0 + (x1 - x0) * std::clamp(v, 0.0, 100.0) / 100;
}

double row_height(const ProfileChart& c) {
  return bar_h + 8 + lane * static_cast<double>(c.markers.size()) + 2;
}

// Circle, square, diamond, triangle up, triangle down, then the same filled black.
std::string shape(std::size_t i, double x, double y, bool self) {
  const double r = 3.2;
  if (self)
    return fmt::format(
        "<path d=\"M{0} {1}L{2} {3}M{0} {3}L{2} {1}\" stroke=\"#000\" "
        "stroke-width=\"1.8\"/>\n",
        svg::n(x - r), svg::n(y - r), svg::n(x + r), svg::n(y + r));
  std::string fill = i >= 5 ? "#000" : "#fff";
  std::string common = fmt::format("fill=\"{}\" stroke=\"#000\" stroke-width=\"1.2\"", fill);
  switch (i % 5) {
    case 0:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>\n", svg::n(x), svg::n(y),
                         svg::n(r), common);
    case 1:
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>\n", svg::n(x - r),
                         svg::n(y - r), svg::n(2 * r), svg::n(2 * r), common);
    case 2:
      return fmt::format("<path d=\"M{0} {1}L{2} {3}L{0} {4}L{5} {3}Z\" {6}/>\n", svg::n(x),
                         svg::n(y - r - 0.8), svg::n(x + r + 0.8), svg::n(y), svg::n(y + r + 0.8),
                         svg::n(x - r - 0.8), common);
    case 3:
      return fmt::format("<path d=\"M{0} {1}L{2} {3}L{4} {3}Z\" {5}/>\n", svg::n(x),
                         svg::n(y - r - 0.5), svg::n(x + r + 0.5), svg::n(y + r),
                         svg::n(x - r - 0.5), common);
    default:
      return fmt::format("<path d=\"M{0} {1}L{2} {3}L{4} {3}Z\" {5}/>\n", svg::n(x),
                         svg::n(y + r + 0.5), svg::n(x + r + 0.5), svg::n(y - r),
                         svg::n(x - r - 0.5), common);
  }
}

std::string scale(double bottom) {
  std::string out;
  for (int v = 0; v <= 100; v += 10) {
    double x = x_of(v);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#{3}\" "
        "stroke-width=\"0.6\"/>\n",
        svg::n(x), svg::n(top - 4), svg::n(bottom), v % 50 == 0 ? "999" : "d4d4d4");
    if (v % 20 == 0) out += svg::text(x, top - 8, std::to_string(v), "middle", "m");
  }
  return out;
}

std::string axis_row(const ProfileChart& c, const ProfileAxis& a, double y, bool total) {
  std::string out;
  auto lines = svg::wrap(a.label, 38);
  for (std::size_t i = 0; i < lines.size() && i < 2; ++i)
    out += svg::text(0, y + 11 + 12 * static_cast<double>(i), lines[i], "start", total ? "b" : "");
  if (a.score) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#000\" "
        "stroke-width=\"0.7\"/>\n",
        svg::n(x0), svg::n(y + 2), svg::n(x_of(*a.score) - x0), svg::n(bar_h),
        total ? svg::fill(c.id, 0) : "#c4c4c4");
  }
  out += svg::text(width - 2, y + 13, a.score_text, "end", "b");
  if (a.minimum)
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"{}\" fill=\"#000\"/>\n",
                       svg::n(x_of(*a.minimum) - 1.5), svg::n(y - 2), svg::n(bar_h + 8));
  for (std::size_t m = 0; m < a.marks.size() && m < c.markers.size(); ++m)
    if (a.marks[m])
      out += shape(m, x_of(*a.marks[m]), y + 2 + bar_h + 5 + lane * static_cast<double>(m),
                   c.markers[m].self);
  return out;
}

// The bands' thresholds over the total's row: dashed, labelled above the bar.
std::string band_ticks(const ProfileChart& c, double y, double h) {
  std::string out;
  for (const auto& b : c.bands) {
    double x = x_of(b.at);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\" "
        "stroke-width=\"1.2\" stroke-dasharray=\"4 2\"/>\n",
        svg::n(x), svg::n(y), svg::n(y + h));
    out += svg::text(x + 3, y + 8, b.label, "start", "s");
  }
  return out;
}

// The legend, item after item, wrapped to the chart's width. Returns its height.
double legend(const ProfileChart& c, double y, std::string& out) {
  struct Item {
    std::string swatch, label;
  };
  std::vector<Item> items;
  items.push_back(
      {"<rect x=\"0\" y=\"-9\" width=\"16\" height=\"10\" fill=\"#c4c4c4\" "
       "stroke=\"#000\" stroke-width=\"0.7\"/>",
       c.score_legend});
  items.push_back(
      {"<rect x=\"6\" y=\"-11\" width=\"3\" height=\"14\" fill=\"#000\"/>", c.minimum_legend});
  if (c.total && !c.bands.empty())
    items.push_back(
        {"<line x1=\"8\" y1=\"-11\" x2=\"8\" y2=\"3\" stroke=\"#000\" "
         "stroke-width=\"1.2\" stroke-dasharray=\"4 2\"/>",
         c.bands_legend});
  for (std::size_t m = 0; m < c.markers.size(); ++m)
    items.push_back({shape(m, 8, -4, c.markers[m].self), c.markers[m].label});
  double x = 0, line = 0;
  for (const auto& item : items) {
    double w = 24 + 5.6 * static_cast<double>(svg::length(item.label)) + 16;
    if (x > 0 && x + w > width) x = 0, line += 18;
    out += fmt::format("<g transform=\"translate({} {})\">{}</g>\n", svg::n(x), svg::n(y + line),
                       item.swatch);
    out += svg::text(x + 22, y + line, item.label, "start", "s");
    x += w;
  }
  return line + 18;
}

}  // namespace

std::string svg_profile(const ProfileChart& c) {
  double row = row_height(c);
  double rows_h = row * static_cast<double>(c.axes.size());
  double total_h = c.total ? row + 12 : 0;
  std::string body;
  double y = top + 4;
  for (const auto& a : c.axes) {
    body += axis_row(c, a, y, false);
    y += row;
  }
  if (c.total) {
    body += fmt::format(
        "<line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#000\" "
        "stroke-width=\"0.8\"/>\n",
        svg::n(y - 2), svg::n(width));
    body += band_ticks(c, y + 1, total_h - 6);
    body += axis_row(c, *c.total, y + 11, true);
    y += total_h;
  }
  std::string legend_svg;
  double legend_h = legend(c, y + 12, legend_svg);
  double height = y + 12 + legend_h;
  return svg::open(c.id, width, height, c.text) + svg::pattern_defs(c.id) +
         scale(top + 4 + rows_h + (c.total ? 2 : 0) - 6) + body + legend_svg + svg::close();
}

}  // namespace ess
