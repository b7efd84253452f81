#pragma once
// Validators built from specs, run over padded bodies, for the validator tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "fixtures.h"
#include "schema/load_schema.h"
#include "simdjson.h"
#include "validate/validator.h"

namespace sluice::validate::testing {

// One table with a column of every type, all nullable unless the test's spec says otherwise.
inline const schema::catalog& every_type_catalog() {
  static const schema::catalog cat = [] {
    auto loaded = schema::load_schema(R"j({"version":1,
      "enums":[{"name":"role","values":["admin","editor","viewer"]}],
      "tables":[{"key":"things","name":"things","primaryKey":["id"],"columns":[
        {"key":"id","name":"id","type":"serial","primaryKey":true,"notNull":true},
        {"key":"count","name":"count","type":"integer"},
        {"key":"big","name":"big","type":"bigint"},
        {"key":"ratio","name":"ratio","type":"real"},
        {"key":"price","name":"price","type":"numeric","precision":10,"scale":2},
        {"key":"note","name":"note","type":"text"},
        {"key":"code","name":"code","type":"varchar","length":5},
        {"key":"flag","name":"flag","type":"boolean"},
        {"key":"at","name":"at","type":"timestamp","withTimezone":true},
        {"key":"day","name":"day","type":"date"},
        {"key":"meta","name":"meta","type":"jsonb"},
        {"key":"ref","name":"ref","type":"uuid"},
        {"key":"role","name":"role","type":"enum","enum":"role"},
        {"key":"title","name":"title","type":"text","notNull":true}]}]})j");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.err().message;
      return schema::catalog{};
    }
    return std::move(loaded.value());
  }();
  return cat;
}

inline validator load(const schema::catalog& cat, std::string_view spec) {
  auto loaded = load_validator(cat, spec);
  if (!loaded.ok()) {
    ADD_FAILURE() << error_to_json(loaded.err());
    return validator{};
  }
  return std::move(loaded.value());
}

inline std::string kind_name(decltype(outcome::kind) k) {
  switch (k) {
    case outcome::kind::accepted: return "accepted";
    case outcome::kind::rejected: return "rejected";
    case outcome::kind::malformed: return "malformed";
  }
  return "?";
}

// "accepted {...}", "rejected {...}" or "malformed {...}": kind and bytes in one comparison.
inline std::string check(const validator& v, std::string_view body) {
  std::string buffer(body);
  buffer.append(simdjson::SIMDJSON_PADDING, 'x');
  const outcome out = validate(v, std::string_view(buffer.data(), body.size()));
  return kind_name(out.kind) + " " + out.json;
}

inline std::string rejected(std::string_view field_errors, std::string_view form_errors = "") {
  return "rejected {\"formErrors\":[" + std::string(form_errors) + "],\"fieldErrors\":{" +
         std::string(field_errors) + "}}";
}

}  // namespace sluice::validate::testing
