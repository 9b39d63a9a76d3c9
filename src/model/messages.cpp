// The message language of the process, and the words of an entry in it.
#include "ess/model/messages.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

namespace ess {

namespace {

// Set once in main before any thread starts; atomic all the same, so that a test or a tool
// that sets it twice stays well defined.
std::atomic<Language> current_language{Language::en};

bool starts_with_fr(std::string_view value) {
  return value.size() >= 2 && value.substr(0, 2) == "fr";
}

}  // namespace

void set_message_language(Language language) {
  current_language.store(language, std::memory_order_relaxed);
}

Language message_language() {
  return current_language.load(std::memory_order_relaxed);
}

Language choose_message_language(std::string_view lang_option, std::string_view lc_all,
                                 std::string_view lc_messages, std::string_view lang) {
  if (lang_option == "fr") return Language::fr;
  if (lang_option == "en") return Language::en;
  for (std::string_view value : {lc_all, lc_messages, lang})
    if (!value.empty()) return starts_with_fr(value) ? Language::fr : Language::en;
  return Language::en;
}

std::string french_typography(std::string_view text) {
  static constexpr std::string_view nbsp = "\u00A0";
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool space_before_mark = c == ' ' && i + 1 < text.size() &&
                             (text[i + 1] == ':' || text[i + 1] == ';' || text[i + 1] == '?' ||
                              text[i + 1] == '!' || text.substr(i + 1, 2) == "»");
    bool space_after_open = c == ' ' && i >= 2 && text.substr(i - 2, 2) == "«";
    out += space_before_mark || space_after_open ? nbsp : std::string_view(&text[i], 1);
  }
  return out;
}

std::string_view message_text(Msg id, Language language) {
  auto entries = message_catalogue();
  // The French texts with their typography, made once (thread-safe static initialisation).
  static const std::vector<std::string> french = [&] {
    std::vector<std::string> texts;
    texts.reserve(entries.size());
    for (const auto& e : entries) texts.push_back(french_typography(e.fr));
    return texts;
  }();
  auto i = static_cast<std::size_t>(id);
  return language == Language::fr ? std::string_view(french[i]) : entries[i].en;
}

std::string word_message(Msg id, Language language, fmt::format_args args) {
  std::string_view text = message_text(id, language);
  try {
    return fmt::vformat(text, args);
  } catch (const fmt::format_error&) {
    // A placeholder without its argument is a bug of the call site (the catalogue's own
    // texts are checked by tests/unit/test_messages.cpp): the words still reach the user.
    return std::string(text);
  }
}

Said did_you_mean(const std::string& word) {
  if (word.empty()) return {};
  return say(Msg::did_you_mean, fmt::arg("word", word));
}

std::string system_reason(int err) {
  static constexpr std::pair<int, Msg> reasons[] = {
      {ENOENT, Msg::errno_enoent}, {EACCES, Msg::errno_eacces},
      {EPERM, Msg::errno_eperm},   {ENOSPC, Msg::errno_enospc},
      {EDQUOT, Msg::errno_edquot}, {EROFS, Msg::errno_erofs},
      {EISDIR, Msg::errno_eisdir}, {ENOTDIR, Msg::errno_enotdir},
      {EMFILE, Msg::errno_emfile}, {ENFILE, Msg::errno_enfile},
      {EFBIG, Msg::errno_efbig},   {EIO, Msg::errno_eio},
      {EPIPE, Msg::errno_epipe},   {EBADF, Msg::errno_ebadf},
      {ENOMEM, Msg::errno_enomem}, {EEXIST, Msg::errno_eexist},
      {ELOOP, Msg::errno_eloop},   {ENAMETOOLONG, Msg::errno_enametoolong},
  };
  for (const auto& [value, id] : reasons)
    if (value == err) return std::string(message_text(id, message_language()));
  return std::strerror(err);
}

Diagnostic make_diagnostic(Severity severity, std::string file, Pos pos, Said message, Said hint) {
  return {severity, std::string(message.code), std::move(file),
          pos,      std::move(message.text),   std::move(hint.text)};
}

}  // namespace ess
