#pragma once
// The tutorial's schema (data/tutorial_schema.json, as the JS layer writes it), loaded once.
#include <utility>

#include "fuzz_input.h"
#include "schema/load_schema.h"

namespace sluice::fuzz {

inline const schema::catalog& tutorial_catalog() {
  static const schema::catalog cat = [] {
    const simdjson::padded_string doc(read_data("tutorial_schema.json"));
    auto loaded = schema::load_schema(doc);
    if (!loaded.ok()) invariant_broken("the tutorial schema does not load");
    return std::move(loaded.value());
  }();
  return cat;
}

}  // namespace sluice::fuzz
