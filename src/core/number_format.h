#pragma once
// Formats a double exactly as JavaScript's Number.prototype.toString (and so JSON.stringify)
// does, so bytes written by the module match what a JS serialiser would produce.
#include <string>

namespace sluice {

void append_js_number(std::string& out, double value) noexcept;

}  // namespace sluice
