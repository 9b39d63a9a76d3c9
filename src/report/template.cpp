// `template`: a dossier skeleton to fill for a grid, every criterion listed with its scale and
// guidance as comments; it validates once filled.
#include "ess/report/template.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ess/core/scale.hpp"
#include "ess/model/format.hpp"
#include "ess/report/i18n.hpp"

namespace ess {

namespace {

constexpr std::size_t line_width = 100;

// One line of text: a title or a label never breaks the YAML comment it stands in.
std::string one_line(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

// `text` as comment lines: the first starts with `first`, the others with `next` (a hanging
// indent), words wrapped to the width.
void wrapped(std::string& out, const std::string& first, const std::string& next,
             std::string_view text) {
  std::string line = first;
  bool empty = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (!empty && line.size() + 1 + word.size() > line_width) {
      out += line + "\n";
      line = next;
      empty = true;
    }
    line += (empty ? "" : " ") + std::string(word);
    empty = false;
  }
  if (!empty) out += line + "\n";
}

void wrapped(std::string& out, const std::string& prefix, std::string_view text) {
  wrapped(out, prefix, prefix, text);
}

// "key: value", then its comment in a column, with at least two spaces before the '#'.
std::string with_note(const std::string& yaml, std::string_view note) {
  std::size_t pad = yaml.size() < 26 ? 28 - yaml.size() : 2;
  return yaml + std::string(pad, ' ') + "# " + std::string(note) + "\n";
}

// Markdown guidance, line by line, as comments (blank lines kept as a bare '#').
void guidance(std::string& out, const std::string& indent, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    out += line.empty() ? indent + "#\n" : indent + "#   " + line + "\n";
  }
}

std::string number(double v) {
  return format_shortest(v);
}

struct Writer {
  const Grid& grid;
  const TemplateWords& words;
  const ReportWords& report;
  Language language;
  std::string out;
  bool after_heading_ = false;  // a node's title was just written: no blank line before a leaf

  // A yes/no answer is written in the grid's language, the one its dossiers are read in (oui/non
  // only on a French grid), whatever the template's language.
  const TemplateWords& answers() const { return template_words(grid.language); }

  std::string value_text(const Scale& scale, double v) const {
    if (scale.type == ScaleType::yesno) return std::string(v >= 0.5 ? answers().yes : answers().no);
    std::string label = value_label(scale, v);
    std::string n = number(v);
    if (!label.empty()) return n + " " + label;
    return scale.unit.empty() ? n : n + " " + scale.unit;
  }

  std::string range(const Scale& scale) const {
    std::string unit = scale.unit.empty() ? "" : " " + scale.unit;
    std::string text(words.number);
    if (scale.min && scale.max)
      return fmt::format("{} {} … {}{}", text, number(*scale.min), number(*scale.max), unit);
    if (scale.min) return fmt::format("{} ≥ {}{}", text, number(*scale.min), unit);
    if (scale.max) return fmt::format("{} ≤ {}{}", text, number(*scale.max), unit);
    return text + unit;
  }

  // What the placeholder may be: "0 Absent | 1 Émergent | …", "yes | no", "nombre 0 … 100 %".
  std::string choices(const Scale& scale) const {
    if (scale.type == ScaleType::yesno) return std::string(answers().yes_no);
    if (scale.type == ScaleType::numeric) return range(scale);
    std::vector<std::string> levels;
    for (const auto& l : scale.levels) levels.push_back(number(l.value) + " " + one_line(l.label));
    return fmt::format("{}", fmt::join(levels, " | "));
  }

  std::string attributes(const Criterion& leaf, const Scale& scale) const {
    std::vector<std::string> parts;
    std::string colon = language == Language::fr ? " : " : ": ";
    double target = leaf.target ? *leaf.target : best_value(scale);
    parts.push_back(std::string(words.target) + colon + value_text(scale, target));
    if (leaf.minimum)
      parts.push_back(std::string(words.minimum) + colon + value_text(scale, *leaf.minimum));
    if (leaf.eliminatory) parts.push_back(std::string(words.eliminatory));
    if (leaf.evidence == EvidencePolicy::required)
      parts.push_back(std::string(words.evidence_required));
    if (leaf.evidence == EvidencePolicy::recommended)
      parts.push_back(std::string(words.evidence_recommended));
    return fmt::format("{}", fmt::join(parts, language == Language::fr ? " ; " : "; "));
  }

  void scale_notes(const Scale& scale, const std::string& indent) {
    if (scale.type == ScaleType::levels) {
      out += indent + "#   " + std::string(words.levels) + "\n";
      for (const auto& l : scale.levels) {
        std::string head = number(l.value) + " " + one_line(l.label);
        std::string text = l.description.empty() ? head : head + " — " + one_line(l.description);
        wrapped(out, indent + "#     ", indent + "#         ", text);
      }
    }
    const auto& pts = scale.points.empty() ? scale.steps : scale.points;
    if (!pts.empty()) {
      std::vector<std::string> pairs;
      for (const auto& p : pts) pairs.push_back(number(p.x) + " → " + number(p.s));
      out += indent + "#   " + fill_points(fmt::format("{}", fmt::join(pairs, ", "))) + "\n";
    }
  }

  std::string fill_points(const std::string& points) const {
    return fmt::format(fmt::runtime(words.value_function), fmt::arg("points", points));
  }

  void leaf(const Criterion& c) {
    const Scale& scale = scale_of(grid, c);
    bool after_heading = after_heading_;
    after_heading_ = false;
    const std::string indent = "      ";
    out += (after_heading ? "" : "\n") + indent + "# " +
           one_line(c.title.empty() ? c.id : c.title) + "\n";
    wrapped(out, indent + "#   ", attributes(c, scale));
    if (c.allow_na) wrapped(out, indent + "#   ", std::string(words.na_allowed));
    scale_notes(scale, indent);
    if (!c.guidance.empty()) guidance(out, indent, c.guidance);
    out += indent + c.id + ":\n";
    const char* key = scale.type == ScaleType::levels ? "level" : "value";
    out += fmt::format("{}  {}: ~  # {}\n", indent, key, choices(scale));
    if (c.evidence != EvidencePolicy::none) out += indent + "  evidence: ~\n";
  }

  void criteria(const std::vector<Criterion>& nodes) {
    for (const auto& c : nodes) {
      if (c.is_leaf()) {
        if (c.from.empty()) leaf(c);
        continue;
      }
      std::string title = fmt::format(
          fmt::runtime(words.axis), fmt::arg("title", one_line(c.title.empty() ? c.id : c.title)));
      out += "\n      # " + title + "\n";
      after_heading_ = true;
      criteria(c.children);
    }
  }

  void header() {
    out += "# " +
           fmt::format(fmt::runtime(words.header), fmt::arg("grid", grid.id),
                       fmt::arg("version", grid.version), fmt::arg("title", one_line(grid.title))) +
           "\n";
    out += "# " + std::string(words.how_to) + "\n";
    wrapped(out, "# ", std::string(words.schema_hint));
    auto field = [&](const char* key, std::string_view value, std::string_view note) {
      out += with_note(fmt::format("{}: {}", key, value), note);
    };
    field("dossier", "~", words.dossier_id);
    field("title", "~", words.title);
    field("applicant", "~", words.applicant);
    field("grid", grid.id + "@" + grid.version, words.grid_pin);
    field("# call", "~", words.call);
    field("# territory", "~", words.territory);
    field("# theme", "~", words.theme);
    field("# requested", "~", words.requested);
  }

  std::string computed_fact(const Fact& f) const {
    static const char* const separators[] = {"", "", " + ", " × ", " / ", ", "};
    std::string operands =
        fmt::format("{}", fmt::join(f.operands, separators[static_cast<std::size_t>(f.op)]));
    if (f.op == FactOp::constant) return f.id + " = " + number(f.constant);
    if (f.op == FactOp::diversity)
      operands = fmt::format(fmt::runtime(report.origin_diversity), fmt::arg("operands", operands));
    return f.id + " = " + operands;
  }

  void facts() {
    std::vector<std::string> computed;
    bool any_declared = false;
    for (const auto& f : grid.facts) {
      if (f.op == FactOp::declared)
        any_declared = true;
      else
        computed.push_back(computed_fact(f));
    }
    if (!any_declared) return;
    out += "\n# " + std::string(words.facts) + "\n";
    if (!computed.empty())
      wrapped(out, "# ",
              fmt::format(
                  fmt::runtime(words.facts_computed),
                  fmt::arg("list", fmt::join(computed, language == Language::fr ? " ; " : "; "))));
    out += "facts:\n";
    for (const auto& f : grid.facts) {
      if (f.op != FactOp::declared) continue;
      std::string note = one_line(f.title.empty() ? f.id : f.title);
      if (!f.unit.empty()) note += " (" + f.unit + ")";
      out += with_note(fmt::format("  {}: ~", f.id), note);
    }
  }

  void assessment() {
    out += "\nassessments:\n";
    out += "  # " + std::string(words.assessment) + "\n";
    out += with_note("  - assessor: ~", words.assessor);
    out += with_note(fmt::format("    role: {}", words.role), words.roles);
    out += with_note("    date: ~", words.date);
    out += "    scores:\n";
    criteria(grid.criteria);
  }
};

}  // namespace

std::string render_template(const Grid& grid, Language language) {
  Writer w{grid, template_words(language), report_words(language), language, {}};
  w.header();
  w.facts();
  w.assessment();
  return w.out;
}

}  // namespace ess
