#pragma once
// zod 3's `.email()` check, as a hand-written matcher. It accepts exactly what zod 3.22+'s
//   /^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$/i
// accepts: ASCII only, no leading dot and no `..` anywhere, a local part ending in a letter,
// digit, `_`, `+` or `-`, and a domain of dot-separated labels (each starting with a letter or
// digit) ending in a top-level label of two or more letters.
#include <string_view>

namespace sluice::validate {

[[nodiscard]] bool is_email(std::string_view text) noexcept;

}  // namespace sluice::validate
