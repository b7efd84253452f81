#pragma once
// Shared test inputs: the tutorial schema document, loaded once.
#include <string>

#include "schema/catalog.h"

namespace sluice::testing {

[[nodiscard]] std::string read_fixture(const std::string& name);
[[nodiscard]] const schema::catalog& tutorial_catalog();

}  // namespace sluice::testing
