#include "ess/model/format.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "ess/model/json_writer.hpp"
#include "ess/model/messages.hpp"

namespace ess {

std::string format_shortest(double value) {
  if (value == 0) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, end);
}

std::string format_fixed(double value, int decimals) {
  char buf[512];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  std::string s(buf, end);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  auto dot = s.find('.');
  std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  bool round_up = frac.size() > static_cast<std::size_t>(decimals) &&
                  frac[static_cast<std::size_t>(decimals)] >= '5';
  frac.resize(static_cast<std::size_t>(decimals), '0');
  std::string digits = whole + frac;
  if (round_up) {
    int i = static_cast<int>(digits.size()) - 1;
    while (i >= 0 && digits[static_cast<std::size_t>(i)] == '9')
      digits[static_cast<std::size_t>(i--)] = '0';
    if (i < 0)
      digits.insert(digits.begin(), '1');
    else
      ++digits[static_cast<std::size_t>(i)];
  }
  std::string out = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  if (decimals > 0) out += "." + digits.substr(digits.size() - static_cast<std::size_t>(decimals));
  bool all_zero = out.find_first_not_of("0.") == std::string::npos;
  return (negative && !all_zero ? "-" : "") + out;
}

namespace {

// The length of the well-formed UTF-8 sequence `text` starts with (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0 when its first byte starts none.
std::size_t utf8_sequence(std::string_view text) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xbf;  // the range of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0) low = 0xa0;
    if (c == 0xed) high = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0) low = 0x90;
    if (c == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (text.size() < n || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if ((byte(i) & 0xc0) != 0x80) return 0;
  return n;
}

// C0 controls, DEL and the C1 controls (U+0080-U+009F, which some terminals obey).
bool is_control(std::string_view sequence) {
  auto c = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1) return c < 0x20 || c == 0x7f;
  return c == 0xc2 && static_cast<unsigned char>(sequence[1]) < 0xa0;
}

// printable_text; with `keep_breaks`, CR and LF are left for the caller to encode.
std::string escape_controls(std::string_view text, bool keep_breaks) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t n = utf8_sequence(text);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[0]));
      text.remove_prefix(1);
      continue;
    }
    std::string_view sequence = text.substr(0, n);
    text.remove_prefix(n);
    char c = sequence[0];
    if (!is_control(sequence) || c == '\t' || (keep_breaks && (c == '\n' || c == '\r')))
      out += sequence;
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      for (char b : sequence) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(b));
  }
  return out;
}

}  // namespace

std::string printable_text(std::string_view text) {
  return escape_controls(text, false);
}

std::string json_escape(std::string_view text) {
  std::string out = "\"";
  while (!text.empty()) {
    auto c = static_cast<unsigned char>(text[0]);
    std::size_t n = utf8_sequence(text);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8: JSON is always UTF-8
      text.remove_prefix(1);
      continue;
    }
    if (n > 1) {
      out += text.substr(0, n);
      text.remove_prefix(n);
      continue;
    }
    text.remove_prefix(1);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string csv_field(std::string_view text, char separator) {
  bool quote = text.find_first_of("\"\r\n") != std::string_view::npos ||
               text.find(separator) != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string md_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else if (c == '\r')
      continue;
    else
      out += c;
  }
  auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string format_shortest(double value, char decimal_mark) {
  std::string out = format_shortest(value);
  if (decimal_mark != '.')
    for (char& c : out)
      if (c == '.') c = decimal_mark;
  return out;
}

std::string format_quantity(double value) {
  std::string out = format_fixed(value, 2);
  if (out.find('.') == std::string::npos) return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

std::string md_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

namespace {

std::string where(const Diagnostic& d) {
  if (d.file.empty()) return "ess-eval";  // about the run, not a file: a warning of `rank`
  if (d.pos.line == 0) return printable_text(d.file);
  return fmt::format("{}:{}:{}", printable_text(d.file), d.pos.line, d.pos.col);
}

// GitHub's workflow commands: % CR LF encoded in the message, and also : , in a property
// (file=, title=), where they would end it. Other controls and bytes not UTF-8 as everywhere.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : escape_controls(s, true)) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name) {
  if (name == "gnu") return DiagnosticFormat::gnu;
  if (name == "github") return DiagnosticFormat::github;
  if (name == "json") return DiagnosticFormat::json;
  return std::nullopt;
}

void write_diagnostic_json(json::Writer& j, const Diagnostic& d) {
  j.begin_object(json::Layout::inline_);
  j.key("file").string(d.file);
  j.key("line").integer(d.pos.line);
  j.key("column").integer(d.pos.col);
  j.key("severity").string(severity_name(d.severity));
  j.key("code").string(d.code);
  j.key("message").string(d.message);
  j.key("hint").string(d.hint);
  j.end_object();
}

std::string format_diagnostics(const std::vector<Diagnostic>& items, DiagnosticFormat format,
                               bool colour) {
  std::string out;
  if (format == DiagnosticFormat::json) {
    json::Writer j;
    j.begin_array();
    for (const Diagnostic& d : items) write_diagnostic_json(j, d);
    j.end_array();
    return std::move(j).finish();
  }
  for (const Diagnostic& d : items) {
    // "message; hint", "message ; hint" in French (the messages' separator).
    std::string text =
        d.hint.empty() ? d.message : d.message + phrase(Msg::list_separator) + d.hint;
    if (format == DiagnosticFormat::github) {
      const char* level = d.severity == Severity::error     ? "error"
                          : d.severity == Severity::warning ? "warning"
                                                            : "notice";
      std::string at = d.file.empty()
                           ? ""
                           : fmt::format("file={},line={},col={},", github_escape(d.file, true),
                                         std::max<std::uint32_t>(d.pos.line, 1),
                                         std::max<std::uint32_t>(d.pos.col, 1));
      out += fmt::format("::{} {}title={}::{}\n", level, at, github_escape(d.code, true),
                         github_escape(text, false));
    } else {
      const char* tint = d.severity == Severity::error     ? "\033[1;31m"
                         : d.severity == Severity::warning ? "\033[1;35m"
                                                           : "\033[1;36m";
      text = printable_text(text);
      std::string code = printable_text(d.code);
      if (colour)
        out += fmt::format("\033[1m{}:\033[0m {}{}:\033[0m {} [{}]\n", where(d), tint,
                           severity_name(d.severity), text, code);
      else
        out += fmt::format("{}: {}: {} [{}]\n", where(d), severity_name(d.severity), text, code);
    }
  }
  return out;
}

}  // namespace ess
