#pragma once
// Walks positional rows by a plan's fields: a scalar or relation takes the next cell, a group
// the next N; relation cells (arrays, or strings holding arrays) hold rows of their own.
// Forward-only: every cell is read once, in order, straight into the writer.
#include <cstddef>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "core/result.h"
#include "decode/context.h"
#include "decode/plan.h"
#include "simdjson.h"

namespace sluice::decode {

class row_walker {
 public:
  row_walker(decode_context& ctx, json_writer& w) noexcept : ctx_(ctx), w_(w) {}

  // Writes `row` (an array of cells) as an object with one key per field, in plan order.
  // `depth` is how many strings holding JSON enclose the row. On failure returns false with
  // the error in the context: invalid_result (the row does not fit the plan; the error's path
  // names the field), invalid_json.
  [[nodiscard]] bool write_row(simdjson::ondemand::value row, const std::vector<field>& fields,
                               size_t depth) noexcept;

 private:
  struct cursor;
  struct group_frame;

  bool write_cells(simdjson::ondemand::array cells, const std::vector<field>& fields,
                   size_t depth) noexcept;
  bool write_fields(cursor& c, const std::vector<field>& fields, group_frame* frame,
                    size_t depth) noexcept;
  bool write_field(cursor& c, const field& f, group_frame* frame, size_t depth) noexcept;
  bool write_group(cursor& c, const field& g, group_frame* parent, size_t depth) noexcept;
  void open_group(group_frame& frame) noexcept;
  bool write_relation(simdjson::ondemand::value cell, const field& f, size_t depth) noexcept;
  bool write_relation_rows(simdjson::ondemand::array rows, const field& f, size_t depth) noexcept;

  decode_context& ctx_;
  json_writer& w_;
};

}  // namespace sluice::decode
