#include "decode/row_walker.h"

#include "decode/cell.h"
#include "decode/json_string.h"

namespace sluice::decode {
namespace od = simdjson::ondemand;

struct row_walker::cursor {
  od::array_iterator at;
  od::array_iterator end;
  size_t index = 0;
};

// A group whose cells have all been null so far is not written yet: it becomes `null` if
// they all are, or is opened (with nulls for the children already passed) at its first
// non-null cell. That decides the group without look-ahead or buffering.
struct row_walker::group_frame {
  const field* group;
  size_t done = 0;  // children passed while unopened, all null
  bool open = false;
  group_frame* parent = nullptr;  // nullptr: the enclosing object is a row, always open
};

namespace {

size_t cells_in(const std::vector<field>& fields) noexcept {
  size_t n = 0;
  for (const field& f : fields) n += f.kind == field_kind::group ? cells_in(f.children) : 1;
  return n;
}

}  // namespace

bool row_walker::write_row(od::value row, const std::vector<field>& fields, size_t depth) noexcept {
  od::array cells;
  if (auto e = row.get_array().get(cells)) {
    if (e != simdjson::INCORRECT_TYPE) return ctx_.fail_json(e);
    return ctx_.fail(error_code::invalid_result, "a row must be an array of cells");
  }
  return write_cells(cells, fields, depth);
}

bool row_walker::write_cells(od::array cells, const std::vector<field>& fields, size_t depth) noexcept {
  cursor c;
  if (auto e = cells.begin().get(c.at)) return ctx_.fail_json(e);
  if (auto e = cells.end().get(c.end)) return ctx_.fail_json(e);
  w_.begin_object();
  if (!write_fields(c, fields, nullptr, depth)) return false;
  if (c.at != c.end)
    return ctx_.fail(error_code::invalid_result, "the row has more cells than the " +
                                                     std::to_string(cells_in(fields)) + " the plan reads");
  w_.end_object();
  return true;
}

bool row_walker::write_fields(cursor& c, const std::vector<field>& fields, group_frame* frame,
                              size_t depth) noexcept {
  for (const field& f : fields) {
    if (!write_field(c, f, frame, depth)) return ctx_.fail_at(f.key);
    if (frame && !frame->open) ++frame->done;
  }
  return true;
}

bool row_walker::write_field(cursor& c, const field& f, group_frame* frame, size_t depth) noexcept {
  if (f.kind == field_kind::group) return write_group(c, f, frame, depth);
  if (c.at == c.end)
    return ctx_.fail(error_code::invalid_result, "the row ends after " + std::to_string(c.index) + " cells");
  od::value cell;
  if (auto e = (*c.at).get(cell)) return ctx_.fail_json(e);
  if (frame && !frame->open) {
    bool is_null = false;
    if (auto e = cell.is_null().get(is_null)) return ctx_.fail_json(e);
    if (is_null) {
      ++c.at;
      ++c.index;
      return true;
    }
    open_group(*frame);
  }
  w_.key(f.key);
  const bool written = f.kind == field_kind::scalar ? write_cell(cell, f.type, ctx_, depth, w_)
                                                    : write_relation(cell, f, depth);
  ++c.at;
  ++c.index;
  return written;
}

bool row_walker::write_group(cursor& c, const field& g, group_frame* parent, size_t depth) noexcept {
  group_frame frame{&g, 0, false, parent};
  if (!write_fields(c, g.children, &frame, depth)) return false;
  if (frame.open) {
    w_.end_object();
  } else if (!parent || parent->open) {
    w_.key(g.key);
    w_.null();
  }
  return true;
}

void row_walker::open_group(group_frame& frame) noexcept {
  if (frame.parent && !frame.parent->open) open_group(*frame.parent);
  w_.key(frame.group->key);
  w_.begin_object();
  for (size_t i = 0; i < frame.done; ++i) {
    w_.key(frame.group->children[i].key);
    w_.null();
  }
  frame.open = true;
}

bool row_walker::write_relation(od::value cell, const field& f, size_t depth) noexcept {
  od::json_type kind;
  if (auto e = cell.type().get(kind)) return ctx_.fail_json(e);
  if (kind == od::json_type::null) {
    bool is_null = false;
    if (auto e = cell.is_null().get(is_null)) return ctx_.fail_json(e);
    if (!is_null) return ctx_.fail(error_code::invalid_json, "malformed literal");
    w_.null();
    return true;
  }
  if (kind == od::json_type::array) {
    od::array rows;
    if (auto e = cell.get_array().get(rows)) return ctx_.fail_json(e);
    return write_relation_rows(rows, f, depth);
  }
  if (kind != od::json_type::string)
    return ctx_.fail(error_code::invalid_result,
                     "a relation cell must be an array, a string holding one, or null");
  // D1 hands JSON built by SQLite back as text: the rows are inside the string.
  od::document doc;
  if (!ctx_.parse_nested(depth + 1, string_token_body(cell.raw_json_token()), doc)) return false;
  od::json_type inner;
  if (auto e = doc.type().get(inner)) return ctx_.fail_json(e);
  if (inner == od::json_type::null) {
    bool is_null = false;
    if (auto e = doc.is_null().get(is_null)) return ctx_.fail_json(e);
    if (!is_null) return ctx_.fail(error_code::invalid_json, "malformed literal");
    w_.null();
  } else {
    od::array rows;
    if (doc.get_array().get(rows))
      return ctx_.fail(error_code::invalid_result, "a relation string must hold an array or null");
    if (!write_relation_rows(rows, f, depth + 1)) return false;
  }
  if (!doc.at_end()) return ctx_.fail(error_code::invalid_json, "unexpected content after the relation");
  return true;
}

bool row_walker::write_relation_rows(od::array rows, const field& f, size_t depth) noexcept {
  if (f.kind == field_kind::relation_one) return write_cells(rows, f.children, depth);
  w_.begin_array();
  size_t index = 0;
  for (auto item : rows) {
    od::value row;
    if (auto e = item.get(row)) return ctx_.fail_json(e);
    if (!write_row(row, f.children, depth)) return ctx_.fail_at(std::to_string(index));
    ++index;
  }
  w_.end_array();
  return true;
}

}  // namespace sluice::decode
