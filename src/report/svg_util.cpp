#include "svg_util.hpp"

#include <fmt/format.h>

#include "ess/model/format.hpp"

namespace ess::svg {

std::string n(double v) {
  std::string s = format_fixed(v, 1);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string esc(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string open(std::string_view id, double width, double height, const ChartText& text) {
  return fmt::format(
      "<svg class=\"chart\" id=\"{0}\" viewBox=\"0 0 {1} {2}\" "
      "width=\"{1}\" height=\"{2}\" role=\"img\" aria-label=\"{3}\" "
      "aria-describedby=\"{0}-desc\" font-size=\"11\">\n<title>{3}</title>\n"
      "<desc id=\"{0}-desc\">{4}</desc>\n",
      esc(id), n(width), n(height), esc(text.title), esc(text.desc));
}

std::string close() {
  return "</svg>\n";
}

std::size_t length(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && length(line) + 1 + length(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string text(double x, double y, std::string_view content, std::string_view anchor,
                 std::string_view cls) {
  std::string c;
  if (cls == "s") c = " font-size=\"10\"";
  if (cls == "b") c = " font-weight=\"bold\"";
  if (cls == "m") c = " font-size=\"9.5\" fill=\"#333\"";
  std::string a = anchor == "start" ? "" : fmt::format(" text-anchor=\"{}\"", anchor);
  return fmt::format("<text x=\"{}\" y=\"{}\"{}{}>{}</text>\n", n(x), n(y), a, c, esc(content));
}

std::string pattern_defs(std::string_view p) {
  return fmt::format(
      "<defs>\n"
      "<pattern id=\"{0}-p0\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"1.6\"/></pattern>\n"
      "<pattern id=\"{0}-p1\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
      "<rect width=\"4\" height=\"4\" fill=\"#8a8a8a\"/></pattern>\n"
      "<pattern id=\"{0}-p2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
      "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" "
      "fill=\"#000\"/></pattern>\n"
      "<pattern id=\"{0}-p3\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
      "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" "
      "stroke=\"#000\" stroke-width=\"1.2\"/></pattern>\n"
      "<pattern id=\"{0}-p4\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
      "<path d=\"M0 3H6M3 0V6\" stroke=\"#000\" stroke-width=\"1\"/></pattern>\n"
      "<pattern id=\"{0}-p5\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
      "<rect width=\"4\" height=\"4\" fill=\"#fff\"/></pattern>\n"
      "</defs>\n",
      esc(p));
}

std::string fill(std::string_view prefix, std::size_t i) {
  return fmt::format("url(#{}-p{})", esc(prefix), i < 5 ? i : 5);
}

}  // namespace ess::svg
