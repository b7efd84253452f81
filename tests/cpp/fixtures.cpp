#include "fixtures.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "schema/load_schema.h"

namespace sluice::testing {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SLUICE_SOURCE_DIR) + "/tests/cpp/fixtures/" + name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const schema::catalog& tutorial_catalog() {
  static const schema::catalog cat = [] {
    auto loaded = schema::load_schema(read_fixture("tutorial_schema.json"));
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.err().message;
      return schema::catalog{};
    }
    return std::move(loaded.value());
  }();
  return cat;
}

}  // namespace sluice::testing
