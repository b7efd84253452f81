#pragma once
// Hand-built plans and padded inputs for the decoder tests.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decode/decode.h"
#include "simdjson.h"

namespace sluice::decode::testing {

inline field scalar(std::string key, value_type type) {
  return field{std::move(key), field_kind::scalar, type, {}};
}

inline field group(std::string key, std::vector<field> children) {
  return field{std::move(key), field_kind::group, value_type::text, std::move(children)};
}

inline field many(std::string key, std::vector<field> children) {
  return field{std::move(key), field_kind::relation_many, value_type::text, std::move(children)};
}

inline field one(std::string key, std::vector<field> children) {
  return field{std::move(key), field_kind::relation_one, value_type::text, std::move(children)};
}

inline plan make_plan(result_shape shape, std::vector<field> fields) {
  return plan{shape, std::move(fields)};
}

// `input` followed by padding that is not part of it, as the bindings provide it.
inline std::string padded(std::string_view input) {
  std::string buffer(input);
  buffer.append(simdjson::SIMDJSON_PADDING, 'x');
  return buffer;
}

inline result<std::string> run(const plan& p, input_format format, std::string_view input) {
  const std::string buffer = padded(input);
  return decode(p, format, std::string_view(buffer.data(), input.size()));
}

// The same into a writer the caller keeps, as the bindings decode.
inline status run_into(const plan& p, input_format format, std::string_view input, json_writer& w) {
  const std::string buffer = padded(input);
  return decode_into(p, format, std::string_view(buffer.data(), input.size()), w);
}

// The decoded JSON, or the error as its JSON document so failures print usefully.
inline std::string output(const plan& p, input_format format, std::string_view input) {
  auto out = run(p, format, input);
  return out.ok() ? out.value() : error_to_json(out.err());
}

inline std::vector<field> user_fields() {
  return {scalar("id", value_type::integer),        scalar("email", value_type::text),
          scalar("name", value_type::text),         scalar("role", value_type::text),
          scalar("isActive", value_type::boolean),  scalar("createdAt", value_type::timestamp),
          scalar("updatedAt", value_type::timestamp)};
}

inline std::vector<field> post_fields() {
  return {scalar("id", value_type::integer),     scalar("authorId", value_type::integer),
          scalar("title", value_type::text),     scalar("body", value_type::text),
          scalar("published", value_type::boolean), scalar("createdAt", value_type::timestamp)};
}

}  // namespace sluice::decode::testing
