#include "decode/decode.h"

#include "core/json_writer.h"
#include "decode/cell.h"
#include "decode/context.h"
#include "decode/json_copy.h"
#include "decode/neon_flat.h"
#include "decode/final_json.h"
#include "decode/row_walker.h"
#include "simdjson.h"

namespace sluice::decode {
namespace {

namespace od = simdjson::ondemand;

// Neon does not promise member order, so `rows` is found by name in one pass over the body.
bool find_rows(od::document& doc, input_format format, od::array& rows, decode_context& ctx) noexcept {
  if (format == input_format::rows) {
    if (auto e = doc.get_array().get(rows)) {
      if (e != simdjson::INCORRECT_TYPE) return ctx.fail_json(e);
      return ctx.fail(error_code::invalid_result, "expected an array of rows");
    }
    return true;
  }
  od::object body;
  if (auto e = doc.get_object().get(body)) {
    if (e != simdjson::INCORRECT_TYPE) return ctx.fail_json(e);
    return ctx.fail(error_code::invalid_result, "a Neon response must be an object");
  }
  for (auto member : body) {
    std::string_view key;
    if (auto e = member.escaped_key().get(key)) return ctx.fail_json(e);
    if (key != "rows") continue;
    if (auto e = member.value().get_array().get(rows)) {
      if (e != simdjson::INCORRECT_TYPE) return ctx.fail_json(e);
      return ctx.fail(error_code::invalid_result, "\"rows\" must be an array");
    }
    return true;
  }
  return ctx.fail(error_code::invalid_result, "the Neon response has no \"rows\"");
}

bool write_all_rows(od::array rows, const plan& p, row_walker& walker, decode_context& ctx,
                    json_writer& w) noexcept {
  w.begin_array();
  size_t index = 0;
  for (auto item : rows) {
    od::value row;
    if (auto e = item.get(row)) return ctx.fail_json(e);
    if (!walker.write_row(row, p.fields, 0)) return ctx.fail_at(std::to_string(index));
    ++index;
  }
  w.end_array();
  return true;
}

// The first row, if any; `found` tells whether there was one.
bool first_of(od::array rows, od::value& first, bool& found, decode_context& ctx) noexcept {
  od::array_iterator at, end;
  if (auto e = rows.begin().get(at)) return ctx.fail_json(e);
  if (auto e = rows.end().get(end)) return ctx.fail_json(e);
  found = at != end;
  if (!found) return true;
  if (auto e = (*at).get(first)) return ctx.fail_json(e);
  return true;
}

bool write_first(od::array rows, const plan& p, row_walker& walker, decode_context& ctx,
                 json_writer& w) noexcept {
  od::value row;
  bool found = false;
  if (!first_of(rows, row, found, ctx)) return false;
  if (!found) {
    w.null();
    return true;
  }
  return walker.write_row(row, p.fields, 0) || ctx.fail_at("0");
}

// count(*) arrives as a number (D1) or as bigint text (Neon): either way a JSON number out.
// The answer must be exactly one row of one non-null cell; anything else is not a count.
bool write_count(od::array rows, decode_context& ctx, json_writer& w) noexcept {
  size_t row_count = 0;
  for (auto item : rows) {
    od::value row;
    if (auto e = item.get(row)) return ctx.fail_json(e);
    if (row_count++ > 0) return ctx.fail(error_code::invalid_result, "a count needs one row");
    od::array cells;
    if (row.get_array().get(cells)) return ctx.fail(error_code::invalid_result, "a row must be an array of cells");
    size_t cell_count = 0;
    for (auto item_cell : cells) {
      od::value cell;
      if (auto e = item_cell.get(cell)) return ctx.fail_json(e);
      bool is_null = false;
      if (cell_count++ > 0 || (!cell.is_null().get(is_null) && is_null))
        return ctx.fail(error_code::invalid_result, "a count needs one non-null cell");
      if (!write_cell(cell, value_type::integer, ctx, 0, w)) return false;
    }
    if (cell_count == 0) return ctx.fail(error_code::invalid_result, "a count needs one non-null cell");
  }
  if (row_count == 0) return ctx.fail(error_code::invalid_result, "a count needs one row");
  return true;
}

bool write_result(const plan& p, input_format format, od::document& doc, decode_context& ctx,
                  json_writer& w) noexcept {
  od::array rows;
  if (!find_rows(doc, format, rows, ctx)) return false;
  row_walker walker(ctx, w);
  switch (p.shape) {
    case result_shape::rows:
      if (!write_all_rows(rows, p, walker, ctx, w)) return false;
      if (format == input_format::rows && !doc.at_end())
        return ctx.fail(error_code::invalid_json, "unexpected content after the rows");
      return true;
    case result_shape::first: return write_first(rows, p, walker, ctx, w);
    case result_shape::count:
      if (!write_count(rows, ctx, w)) return false;
      if (format == input_format::rows && !doc.at_end())
        return ctx.fail(error_code::invalid_json, "unexpected content after the rows");
      return true;
    case result_shape::none: return true;
  }
  return true;
}

status decode_with(const plan& p, input_format format, std::string_view padded_input,
                   json_writer& out, bool try_flat_scan) noexcept {
  out.clear();
  if (format != input_format::rows && format != input_format::neon && format != input_format::final_json)
    return make_error(error_code::invalid_value, "unknown input format");
  if (p.shape == result_shape::none) {
    out.null();
    return ok_status();
  }
  // The parsers and their buffers are a cache: decoding is the per-request hot path.
  static decode_context ctx;
  out.reserve(padded_input.size() + padded_input.size() / 2 + 64);
  if (format == input_format::final_json) return write_final_json(p, padded_input, ctx, out);
  if (try_flat_scan && format == input_format::neon && decode_neon_flat(p, padded_input, ctx, out))
    return ok_status();
  out.clear();
  od::document doc;
  if (auto e = ctx.parser(0)
                   .iterate(padded_input.data(), padded_input.size(),
                            padded_input.size() + simdjson::SIMDJSON_PADDING)
                   .get(doc))
    return json_error(e);
  if (!write_result(p, format, doc, ctx, out)) return ctx.take_failure();
  return ok_status();
}

}  // namespace

status decode_into(const plan& p, input_format format, std::string_view padded_input,
                   json_writer& out) noexcept {
  return decode_with(p, format, padded_input, out, true);
}

status decode_general_into(const plan& p, input_format format, std::string_view padded_input,
                           json_writer& out) noexcept {
  return decode_with(p, format, padded_input, out, false);
}

result<std::string> decode(const plan& p, input_format format, std::string_view padded_input) noexcept {
  json_writer w;
  SLUICE_CHECK(decode_into(p, format, padded_input, w));
  return w.take();
}

}  // namespace sluice::decode
