#include "ess/model/text_checks.hpp"

#include <algorithm>
#include <cstdint>

#include "ess/model/messages.hpp"

namespace ess {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  std::uint8_t c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1Fu;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0Fu;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  static const std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// ASCII text saved as UTF-16 has a NUL in every other byte of its first characters.
bool looks_like_utf16(std::string_view s) {
  std::size_t n = std::min<std::size_t>(s.size() & ~std::size_t{1}, 64);
  if (n < 4) return false;
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < n; ++i) (i % 2 ? odd_nul : even_nul) += s[i] == '\0';
  return (even_nul == n / 2 && odd_nul == 0) || (odd_nul == n / 2 && even_nul == 0);
}

}  // namespace

bool check_text(std::string_view bytes, std::string_view& text, Diagnostics& diags) {
  text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    diags.error({1, 1}, say(Msg::utf16_with_bom), say(Msg::save_as_utf8_hint));
    return false;
  }
  std::uint32_t line = 1, col = 1;
  bool at_line_start = true;
  for (std::size_t i = 0; i < text.size();) {
    // Most of a file is printable ASCII, which none of the checks below concerns: skipped in
    // a tight loop, as this runs over every byte of every dossier of a batch.
    std::size_t plain = i;
    while (plain < text.size() && static_cast<unsigned char>(text[plain]) - 0x20u < 0x5Fu) ++plain;
    if (plain > i) {
      col += static_cast<std::uint32_t>(plain - i);
      at_line_start = false;
      i = plain;
      continue;
    }
    char c = text[i];
    Pos pos{line, col};
    if (c == '\0') {
      if (looks_like_utf16(text))
        diags.error({1, 1}, say(Msg::utf16_without_bom), say(Msg::save_as_utf8_hint));
      else
        diags.error(pos, say(Msg::nul_byte), say(Msg::nul_byte_hint));
      return false;
    }
    if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      diags.error(pos, say(Msg::cr_line_ends), say(Msg::cr_line_ends_hint));
      return false;
    }
    if (at_line_start && c == '\t') {
      std::size_t j = i;
      while (j < text.size() && (text[j] == '\t' || text[j] == ' ')) ++j;
      if (j < text.size() && text[j] != '\n' && text[j] != '\r' && text[j] != '#') {
        diags.error(pos, say(Msg::tab_indent), say(Msg::tab_indent_hint));
        return false;
      }
    }
    std::size_t n = utf8_length(text, i);
    if (n == 0) {
      diags.error(pos, say(Msg::invalid_utf8), say(Msg::save_as_utf8_hint));
      return false;
    }
    if (c == '\n') {
      ++line;
      col = 1;
      at_line_start = true;
    } else {
      col += static_cast<std::uint32_t>(n);
      at_line_start = false;
    }
    i += n;
  }
  return true;
}

}  // namespace ess
