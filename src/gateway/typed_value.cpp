#include "gateway/typed_value.h"

#include <string>

namespace sluice::gateway {
namespace {

enum class value_kind { text, boolean, integer, floating, json };

// Built-in type OIDs (pg_type.dat); they are fixed across Postgres versions.
value_kind scalar_kind(Oid type) noexcept {
  switch (type) {
    case 16: return value_kind::boolean;
    case 21:
    case 23: return value_kind::integer;
    case 700:
    case 701: return value_kind::floating;
    case 114:
    case 3802: return value_kind::json;
    default: return value_kind::text;
  }
}

// The element kind of a built-in array type, or nullopt-like false when `type` is no array
// the gateway knows.
bool array_element_kind(Oid type, value_kind& kind) noexcept {
  switch (type) {
    case 1000: kind = value_kind::boolean; return true;
    case 1005:
    case 1007: kind = value_kind::integer; return true;
    case 1021:
    case 1022: kind = value_kind::floating; return true;
    case 199:
    case 3807: kind = value_kind::json; return true;
    case 1001:   // bytea
    case 1002:   // char
    case 1003:   // name
    case 1009:   // text
    case 1014:   // bpchar
    case 1015:   // varchar
    case 1016:   // int8
    case 1028:   // oid
    case 1040:   // macaddr
    case 1041:   // inet
    case 651:    // cidr
    case 1115:   // timestamp
    case 1182:   // date
    case 1183:   // time
    case 1185:   // timestamptz
    case 1187:   // interval
    case 1231:   // numeric
    case 1270:   // timetz
    case 2951:   // uuid
      kind = value_kind::text;
      return true;
    default: return false;
  }
}

void write_scalar(json_writer& w, value_kind kind, std::string_view text) noexcept {
  switch (kind) {
    case value_kind::boolean: w.boolean(text == "t"); return;
    case value_kind::integer:
    case value_kind::json: w.raw(text); return;
    case value_kind::floating:
      if (text == "NaN" || text == "Infinity" || text == "-Infinity") {
        w.string(text);
      } else {
        w.raw(text);
      }
      return;
    case value_kind::text: w.string(text); return;
  }
}

// Postgres writes arrays of at most 6 dimensions (MAXDIM); text nested deeper is not its
// output, and stopping there bounds read_level's recursion whatever the text holds.
constexpr size_t max_array_dimensions = 6;

// Postgres' array output: an optional `[1:2]=` bounds prefix, then `{...}` with elements
// separated by commas, nested braces for more dimensions, elements double-quoted with
// backslash escapes when needed, and a bare NULL for null. False when `s` is not that shape.
class array_reader {
 public:
  array_reader(std::string_view s, value_kind kind) noexcept : s_(s), kind_(kind) {}

  bool read(json_writer& w) noexcept {
    if (!s_.empty() && s_[0] == '[') {
      const auto eq = s_.find('=');
      if (eq == std::string_view::npos) return false;
      pos_ = eq + 1;
    }
    return read_level(w, 1) && pos_ == s_.size();
  }

 private:
  bool read_level(json_writer& w, size_t dimension) noexcept {
    if (dimension > max_array_dimensions || !take('{')) return false;
    w.begin_array();
    if (take('}')) {
      w.end_array();
      return true;
    }
    for (;;) {
      if (!read_element(w, dimension)) return false;
      if (take(',')) continue;
      if (!take('}')) return false;
      w.end_array();
      return true;
    }
  }

  bool read_element(json_writer& w, size_t dimension) noexcept {
    if (pos_ < s_.size() && s_[pos_] == '{') return read_level(w, dimension + 1);
    element_.clear();
    if (take('"')) {
      while (pos_ < s_.size() && s_[pos_] != '"') {
        if (s_[pos_] == '\\') ++pos_;
        if (pos_ < s_.size()) element_.push_back(s_[pos_++]);
      }
      if (!take('"')) return false;
      write_scalar(w, kind_, element_);
      return true;
    }
    const auto start = pos_;
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}') ++pos_;
    const auto bare = s_.substr(start, pos_ - start);
    if (bare.empty()) return false;
    if (bare == "NULL") {
      w.null();
    } else {
      write_scalar(w, kind_, bare);
    }
    return true;
  }

  bool take(char c) noexcept {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string_view s_;
  value_kind kind_;
  size_t pos_ = 0;
  std::string element_;
};

}  // namespace

void write_typed_value(json_writer& w, Oid type, std::string_view text) noexcept {
  value_kind element;
  if (!array_element_kind(type, element)) {
    write_scalar(w, scalar_kind(type), text);
    return;
  }
  // Converted aside so that an unexpected shape can still go out whole, as a string.
  json_writer converted;
  array_reader reader(text, element);
  if (reader.read(converted)) {
    w.raw(converted.str());
  } else {
    w.string(text);
  }
}

}  // namespace sluice::gateway
