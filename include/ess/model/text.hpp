#pragma once
// Checks and shapes of the user's text that every layer needs: ids, numbers, dates, versions,
// and how a user's value is quoted or matched in a message.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ess/model/diagnostic.hpp"

namespace ess {

bool is_valid_id(std::string_view s);

// A user's text quoted in a message, cut to a readable length on a UTF-8 boundary.
std::string clip(std::string_view text);

// Lower case for matching what people type: ASCII and the Latin-1 and Latin Extended-A letters
// (É -> é, Œ -> œ); other characters as they are. Accents are kept: établi is not etabli.
std::string fold_case(std::string_view text);
bool same_ignoring_case(std::string_view a, std::string_view b);

// What names typed by different people have in common (§2.6): case and accents folded
// (Corrèze, CORREZE and correze are one), ligatures spelt out (Œ -> oe, ß -> ss), typographic
// apostrophes and no-break spaces made plain, spaces at the ends dropped. The key of a group,
// a filter and `--budget GROUP=`; its byte order is the French alphabetical order of names with
// accents folded (énergie before rénovation), the order groups and themes are listed in.
std::string match_key(std::string_view text);
bool same_name(std::string_view a, std::string_view b);

// closest_match within a per-thread budget of work, so that a file with a hundred thousand
// misspelt names (or one of a megabyte) gets its first suggestions, not minutes of edit
// distances. The loaders and validators reset the budget for each file.
std::string suggest(const std::string& word, const std::vector<std::string>& candidates);
void reset_suggestion_budget();

// A plain decimal number that reads back exactly: no quotes, no leading zeros, no hex,
// no .nan/.inf, nothing that overflows a double. Silent: for values that may also be labels.
std::optional<double> parse_number_text(std::string_view text);

// The same, with an invalid-number diagnostic at `pos` when the text is not such a number
// (`quoted`: the user wrote it in quotes, so it is text). A number written the French way
// (12,5 or 120 000) is recognised, and the hint says how to write it.
std::optional<double> check_number_text(std::string_view text, bool quoted, Pos pos,
                                        std::string_view what, Diagnostics& diags);

bool is_iso_date(std::string_view s);
// MAJOR.MINOR.PATCH, each a number without leading zeros.
bool is_semver(std::string_view v);

}  // namespace ess
