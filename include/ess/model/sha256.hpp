#pragma once
// SHA-256 (FIPS 180-4) as 64 lower-case hex digits: a report names the exact grid bytes.
#include <string>
#include <string_view>

namespace ess {

std::string sha256_hex(std::string_view bytes);

}  // namespace ess
