#include "decode/final_json.h"

#include <cmath>
#include <string>

#include "core/number_format.h"
#include "decode/json_copy.h"
#include "decode/json_number.h"
#include "decode/json_string.h"

namespace sluice::decode {
namespace {

namespace od = simdjson::ondemand;

class final_json_walker {
 public:
  final_json_walker(decode_context& ctx, json_writer& out) noexcept : ctx_(ctx), out_(out) {}

  bool object(od::value value, const std::vector<field>& fields) noexcept {
    od::object members;
    if (auto e = value.get_object().get(members)) return fail_shape(e, "expected an object");
    out_.begin_object();
    size_t index = 0;
    for (auto member : members) {
      std::string_view key;
      if (auto e = member.unescaped_key(true).get(key)) return ctx_.fail_json(e);
      const field* f = field_for(fields, index++, key);
      if (!f) return ctx_.fail(error_code::invalid_result, "unexpected key " + std::string(key));
      out_.key(key);
      od::value cell;
      if (auto e = member.value().get(cell)) return ctx_.fail_json(e);
      if (!this->cell(cell, *f)) return ctx_.fail_at(f->key);
    }
    out_.end_object();
    return true;
  }

  bool objects(od::value value, const std::vector<field>& fields) noexcept {
    od::array items;
    if (auto e = value.get_array().get(items)) return fail_shape(e, "expected an array");
    out_.begin_array();
    size_t index = 0;
    for (auto item : items) {
      od::value element;
      if (auto e = item.get(element)) return ctx_.fail_json(e);
      if (!object(element, fields)) return ctx_.fail_at(std::to_string(index));
      ++index;
    }
    out_.end_array();
    return true;
  }

 private:
  // Cells come in plan order; a key out of place is looked up.
  static const field* field_for(const std::vector<field>& fields, size_t index, std::string_view key) noexcept {
    if (index < fields.size() && fields[index].key == key) return &fields[index];
    for (const auto& f : fields)
      if (f.key == key) return &f;
    return nullptr;
  }

  bool cell(od::value value, const field& f) noexcept {
    bool is_null = false;
    if (!value.is_null().get(is_null) && is_null) {
      out_.null();
      return true;
    }
    switch (f.kind) {
      case field_kind::scalar:
        if (f.type == value_type::real) return real(value);
        if (f.type == value_type::numeric) return numeric(value);
        if (auto s = copy_json(value, out_); !s.ok()) return ctx_.fail(s.err());
        return true;
      case field_kind::group:
      case field_kind::relation_one: return object(value, f.children);
      case field_kind::relation_many: return objects(value, f.children);
    }
    return true;
  }

  bool real(od::value value) noexcept {
    od::json_type type;
    if (auto e = value.type().get(type)) return ctx_.fail_json(e);
    if (type == od::json_type::number) {
      if (!write_number(out_, trim_token(value.raw_json_token())))
        return ctx_.fail(error_code::invalid_result, "malformed number");
      return true;
    }
    double scaled = 0;
    if (!scaled_real(value, type, scaled)) return false;
    out_.number(scaled);
    return true;
  }

  // A numeric cell: its exact text, or a real SQLite held (either form real() reads), which
  // becomes the string String() gives in JS, as drizzle maps a driver's number.
  bool numeric(od::value value) noexcept {
    od::json_type type;
    if (auto e = value.type().get(type)) return ctx_.fail_json(e);
    if (type == od::json_type::string) {
      if (auto s = copy_json(value, out_); !s.ok()) return ctx_.fail(s.err());
      return true;
    }
    if (type == od::json_type::number) {
      if (!write_number_as_string(out_, trim_token(value.raw_json_token())))
        return ctx_.fail(error_code::invalid_result, "malformed number");
      return true;
    }
    double scaled = 0;
    if (!scaled_real(value, type, scaled)) return false;
    std::string spelled;
    append_js_number(spelled, scaled);
    out_.string(spelled);
    return true;
  }

  bool scaled_real(od::value value, od::json_type type, double& out) noexcept {
    // [digits, n]: digits * 2^(256 n), exact (scaling by a power of two only moves the
    // exponent, and the product is the stored double).
    od::array pair;
    if (type != od::json_type::array || value.get_array().get(pair))
      return ctx_.fail(error_code::invalid_result, "expected a real");
    std::string_view digits;
    int64_t n = 0;
    size_t count = 0;
    for (auto item : pair) {
      od::value element;
      if (auto e = item.get(element)) return ctx_.fail_json(e);
      if (count == 0) digits = trim_token(element.raw_json_token());
      if (count == 1 && element.get_int64().get(n)) return ctx_.fail(error_code::invalid_result, "expected a real");
      ++count;
    }
    const auto scaled = count == 2 ? parse_number(digits) : std::nullopt;
    if (!scaled || n < -4 || n > 4) return ctx_.fail(error_code::invalid_result, "expected a real");
    out = std::ldexp(*scaled, static_cast<int>(n * 256));
    return true;
  }

  bool fail_shape(simdjson::error_code e, std::string message) noexcept {
    if (e != simdjson::INCORRECT_TYPE) return ctx_.fail_json(e);
    return ctx_.fail(error_code::invalid_result, std::move(message));
  }

  decode_context& ctx_;
  json_writer& out_;
};

}  // namespace

status write_final_json(const plan& p, std::string_view padded_json, decode_context& ctx,
                        json_writer& out) noexcept {
  od::document doc;
  if (auto e = ctx.parser(0)
                   .iterate(padded_json.data(), padded_json.size(),
                            padded_json.size() + simdjson::SIMDJSON_PADDING)
                   .get(doc))
    return json_error(e);
  // findFirst without a row: the document is the scalar `null`, which get_value() refuses.
  const size_t start = padded_json.find_first_not_of(" \t\r\n");
  if (p.shape == result_shape::first && padded_json.substr(start, 4) == "null") {
    bool is_null = false;
    if (auto e = doc.is_null().get(is_null)) return json_error(e);
    out.null();
  } else {
    od::value root;
    if (auto e = doc.get_value().get(root)) return json_error(e);
    final_json_walker walker(ctx, out);
    const bool done = p.shape == result_shape::first ? walker.object(root, p.fields) : walker.objects(root, p.fields);
    if (!done) return ctx.take_failure();
  }
  if (!doc.at_end()) return make_error(error_code::invalid_json, "unexpected content after the JSON value");
  return ok_status();
}

}  // namespace sluice::decode
