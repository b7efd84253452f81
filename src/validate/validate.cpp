#include <cmath>

#include "core/json_writer.h"
#include "decode/cell.h"
#include "decode/json_copy.h"
#include "decode/json_number.h"
#include "decode/json_string.h"
#include "validate/body_reader.h"
#include "validate/check_column.h"
#include "validate/issues.h"
#include "validate/validator.h"

namespace sluice::validate {
namespace {

namespace od = simdjson::ondemand;

outcome malformed(const error& e) noexcept { return outcome{outcome::kind::malformed, error_to_json(e)}; }

outcome rejected(const validator& v, const issue_list& issues) noexcept {
  return outcome{outcome::kind::rejected, flatten(v.columns, issues)};
}

void write_number(json_writer& w, double value) noexcept {
  if (std::trunc(value) == value && std::fabs(value) <= static_cast<double>(decode::max_safe_integer)) {
    w.int64(static_cast<int64_t>(value));
  } else {
    w.number(value);
  }
}

// The value as JSON.stringify would write what zod returned; strings were validated when read.
void write_value(json_writer& w, const column_rule& rule, const slot& s) noexcept {
  switch (s.type) {
    case od::json_type::null: w.null(); return;
    case od::json_type::number:
      if (rule.kind != value_kind::json) {
        write_number(w, s.number);
        return;
      }
      break;
    case od::json_type::boolean:
      if (rule.kind != value_kind::json) {
        w.boolean(s.boolean);
        return;
      }
      break;
    case od::json_type::string:
      if (rule.kind == value_kind::timestamp) {
        decode::write_timestamp(w, s.epoch_ms);
        return;
      }
      if (rule.kind != value_kind::json) {
        static_cast<void>(decode::write_string(w, s.body));
        return;
      }
      break;
    case od::json_type::array:
    case od::json_type::object: break;
  }
  w.raw(s.json);
}

std::string accepted_object(const validator& v, const request_body& body) noexcept {
  json_writer w;
  w.begin_object();
  for (size_t i = 0; i < v.columns.size(); ++i) {
    if (!body.slots[i].present) continue;
    w.key(v.columns[i].key);
    write_value(w, v.columns[i], body.slots[i]);
  }
  w.end_object();
  return w.take();
}

// The body is not an object: it must still be JSON (else JSON.parse would have failed first).
outcome not_an_object(const validator& v, od::document& doc, od::json_type type) noexcept {
  json_writer discarded;
  if (auto s = decode::copy_json(doc, discarded); !s.ok()) return malformed(s.err());
  issue_list issues;
  issues.add(body_issue, issue_code::not_object, type_name(type));
  return rejected(v, issues);
}

std::string quoted_list(const std::vector<std::string_view>& keys) noexcept {
  std::string out;
  for (const std::string_view key : keys) {
    if (!out.empty()) out.append(", ");
    out.append("'").append(key).append("'");
  }
  return out;
}

}  // namespace

outcome validate(const validator& v, std::string_view padded_body) noexcept {
  // A cache: the parser keeps its buffers from one request to the next.
  static od::parser parser;
  od::document doc;
  if (auto e = parser.iterate(padded_body.data(), padded_body.size(),
                              padded_body.size() + simdjson::SIMDJSON_PADDING)
                   .get(doc))
    return malformed(decode::json_error(e));
  od::json_type type;
  if (auto e = doc.type().get(type)) return malformed(decode::json_error(e));
  if (type != od::json_type::object) return not_an_object(v, doc, type);

  od::object object;
  if (auto e = doc.get_object().get(object)) return malformed(decode::json_error(e));
  request_body body;
  if (auto s = read_body(v, object, body); !s.ok()) return malformed(s.err());
  if (!doc.at_end()) return malformed(make_error(error_code::invalid_json, "unexpected content after the body"));

  issue_list issues;
  for (size_t i = 0; i < v.columns.size(); ++i) check_column(v, i, body.slots[i], issues);
  if (v.strict && !body.unknown_keys.empty())
    issues.add(body_issue, issue_code::unrecognized_keys, quoted_list(body.unknown_keys));
  if (!issues.empty()) return rejected(v, issues);
  return outcome{outcome::kind::accepted, accepted_object(v, body)};
}

}  // namespace sluice::validate
