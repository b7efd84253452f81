#include "sql/types.h"

namespace sluice::sql {

using schema::column_type;

param_type param_type_of(const schema::column& c) noexcept {
  switch (c.type) {
    case column_type::serial:
    case column_type::integer: return param_type::integer;
    case column_type::bigserial:
    case column_type::bigint: return param_type::bigint;
    case column_type::real: return param_type::real;
    case column_type::numeric: return param_type::numeric;
    case column_type::text:
    case column_type::varchar:
    case column_type::enumeration: return param_type::text;
    case column_type::boolean: return param_type::boolean;
    case column_type::timestamp: return param_type::timestamp;
    case column_type::date: return param_type::date;
    case column_type::json:
    case column_type::jsonb: return param_type::json;
    case column_type::uuid: return param_type::uuid;
  }
  return param_type::any;
}

decode::value_type value_type_of(const schema::column& c) noexcept {
  using decode::value_type;
  switch (c.type) {
    case column_type::serial:
    case column_type::integer: return value_type::integer;
    case column_type::bigserial:
    case column_type::bigint: return value_type::bigint;
    case column_type::real: return value_type::real;
    case column_type::numeric: return value_type::numeric;
    case column_type::text:
    case column_type::varchar:
    case column_type::enumeration:
    case column_type::uuid: return value_type::text;
    case column_type::boolean: return value_type::boolean;
    case column_type::timestamp: return value_type::timestamp;
    case column_type::date: return value_type::date;
    case column_type::json:
    case column_type::jsonb: return value_type::json;
  }
  return value_type::text;
}

decode::field scalar_field(std::string key, const schema::column& c) noexcept {
  return decode::field{std::move(key), decode::field_kind::scalar, value_type_of(c), {}};
}

bool has_database_default(const schema::column& c) noexcept {
  switch (c.def.kind) {
    case schema::default_kind::value:
    case schema::default_kind::now:
    case schema::default_kind::random_uuid: return true;
    case schema::default_kind::none:
    case schema::default_kind::fn:
      return c.type == column_type::serial || c.type == column_type::bigserial;
  }
  return false;
}

bool is_json(const schema::column& c) noexcept {
  return c.type == column_type::json || c.type == column_type::jsonb;
}

}  // namespace sluice::sql
