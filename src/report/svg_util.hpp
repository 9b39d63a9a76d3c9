#pragma once
// What the three charts share: the <svg> element with its text equivalent, coordinates written
// the same on every machine, text escaped, labels wrapped, and the black-and-white patterns.
#include <string>
#include <string_view>
#include <vector>

#include "ess/report/svg_chart.hpp"

namespace ess::svg {

// <svg ... role="img" aria-label=…><title>…</title><desc>…</desc>
std::string open(std::string_view id, double width, double height, const ChartText& text);
std::string close();

// A coordinate: one decimal at most, '.' always.
std::string n(double v);
std::string esc(std::string_view text);  // XML text and attribute values

// Splits a label into lines of at most `width` characters (code points), at spaces.
std::vector<std::string> wrap(std::string_view text, std::size_t width);
std::size_t length(std::string_view utf8);  // code points

// <text> at (x, y), `anchor` start|middle|end, `cls` "" (11 px), "s" (10 px), "b"
// (bold) or "m" (muted, 9.5 px); the font is the page's.
std::string text(double x, double y, std::string_view content, std::string_view anchor = "start",
                 std::string_view cls = "");

// The fills a black-and-white printer keeps apart: hatching, grey, dots, lines, cross-hatching,
// white. `pattern_defs` defines them under ids prefix-p0 … prefix-p5; `fill(prefix, i)` names one.
std::string pattern_defs(std::string_view prefix);
std::string fill(std::string_view prefix, std::size_t i);

}  // namespace ess::svg
