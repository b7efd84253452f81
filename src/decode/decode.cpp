#include "decode/decode.h"

#include "core/json_writer.h"
#include "decode/cell.h"
#include "decode/context.h"
#include "decode/json_copy.h"
#include "decode/row_walker.h"
#include "simdjson.h"

namespace sluice::decode {
namespace {

namespace od = simdjson::ondemand;

status invalid_result(std::string message) noexcept {
  return make_error(error_code::invalid_result, std::move(message));
}

// Neon does not promise member order, so `rows` is found by name in one pass over the body.
status find_rows(od::document& doc, input_format format, od::array& rows) noexcept {
  if (format == input_format::rows) {
    if (auto e = doc.get_array().get(rows)) {
      if (e != simdjson::INCORRECT_TYPE) return json_error(e);
      return invalid_result("expected an array of rows");
    }
    return ok_status();
  }
  od::object body;
  if (auto e = doc.get_object().get(body)) {
    if (e != simdjson::INCORRECT_TYPE) return json_error(e);
    return invalid_result("a Neon response must be an object");
  }
  for (auto member : body) {
    std::string_view key;
    if (auto e = member.escaped_key().get(key)) return json_error(e);
    if (key != "rows") continue;
    if (auto e = member.value().get_array().get(rows)) {
      if (e != simdjson::INCORRECT_TYPE) return json_error(e);
      return invalid_result("\"rows\" must be an array");
    }
    return ok_status();
  }
  return invalid_result("the Neon response has no \"rows\"");
}

status write_all_rows(od::array rows, const plan& p, row_walker& walker, json_writer& w) noexcept {
  w.begin_array();
  size_t index = 0;
  for (auto item : rows) {
    od::value row;
    if (auto e = item.get(row)) return json_error(e);
    status s = walker.write_row(row, p.fields, 0);
    if (!s.ok()) return at_path(std::move(s.err()), std::to_string(index));
    ++index;
  }
  w.end_array();
  return ok_status();
}

// The first row, if any; `found` tells whether there was one.
status first_row(od::array rows, od::value& row, bool& found) noexcept {
  od::array_iterator at, end;
  if (auto e = rows.begin().get(at)) return json_error(e);
  if (auto e = rows.end().get(end)) return json_error(e);
  found = at != end;
  if (!found) return ok_status();
  if (auto e = (*at).get(row)) return json_error(e);
  return ok_status();
}

status write_first(od::array rows, const plan& p, row_walker& walker, json_writer& w) noexcept {
  od::value row;
  bool found = false;
  SLUICE_CHECK(first_row(rows, row, found));
  if (!found) {
    w.null();
    return ok_status();
  }
  status s = walker.write_row(row, p.fields, 0);
  if (!s.ok()) return at_path(std::move(s.err()), "0");
  return ok_status();
}

// count(*) arrives as a number (D1) or as bigint text (Neon): either way a JSON number out.
status write_count(od::array rows, decode_context& ctx, json_writer& w) noexcept {
  od::value row, cell;
  bool found = false;
  SLUICE_CHECK(first_row(rows, row, found));
  if (!found) return invalid_result("a count needs one row");
  od::array cells;
  if (row.get_array().get(cells)) return invalid_result("a row must be an array of cells");
  SLUICE_CHECK(first_row(cells, cell, found));
  bool is_null = false;
  if (!found || (!cell.is_null().get(is_null) && is_null))
    return invalid_result("a count needs one non-null cell");
  return write_cell(cell, value_type::integer, ctx, 0, w);
}

}  // namespace

result<std::string> decode(const plan& p, input_format format, std::string_view padded_input) noexcept {
  if (format != input_format::rows && format != input_format::neon)
    return make_error(error_code::invalid_value, "unknown input format");
  if (p.shape == result_shape::none) return std::string("null");
  // The parsers and their buffers are a cache: decoding is the per-request hot path.
  static decode_context ctx;
  od::document doc;
  if (auto e = ctx.parser(0)
                   .iterate(padded_input.data(), padded_input.size(),
                            padded_input.size() + simdjson::SIMDJSON_PADDING)
                   .get(doc))
    return json_error(e);
  od::array rows;
  SLUICE_CHECK(find_rows(doc, format, rows));
  json_writer w;
  w.reserve(padded_input.size() + padded_input.size() / 2 + 64);
  row_walker walker(ctx, w);
  switch (p.shape) {
    case result_shape::rows:
      SLUICE_CHECK(write_all_rows(rows, p, walker, w));
      if (format == input_format::rows && !doc.at_end())
        return make_error(error_code::invalid_json, "unexpected content after the rows");
      break;
    case result_shape::first: SLUICE_CHECK(write_first(rows, p, walker, w)); break;
    case result_shape::count: SLUICE_CHECK(write_count(rows, ctx, w)); break;
    case result_shape::none: break;
  }
  return w.take();
}

}  // namespace sluice::decode
