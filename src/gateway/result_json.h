#pragma once
// One statement's result in Neon's shape (wire-protocols A6), in Neon's key order:
//   {"fields":[{name,dataTypeID,tableID,columnID,dataTypeSize,dataTypeModifier,format}],
//    "rows":[...],"command":"SELECT","rowCount":1,"rowAsArray":true}
// written as libpq hands over results, one row at a time in single-row mode.
#include <libpq-fe.h>

#include <string_view>
#include <vector>

#include "core/json_writer.h"

namespace sluice::gateway {

class result_writer {
 public:
  result_writer(json_writer& w, bool raw_text, bool array_mode) noexcept
      : w_(w), raw_text_(raw_text), array_mode_(array_mode) {}

  // Opens the object and writes `fields` from the first result that describes the columns.
  void begin(const PGresult* described) noexcept;
  [[nodiscard]] bool begun() const noexcept { return begun_; }
  // Appends row `row` of `r` to `rows`.
  void row(const PGresult* r, int row) noexcept;
  // Closes `rows` and writes the command, row count and row mode from the final result.
  void finish(const PGresult* final_result) noexcept;

 private:
  json_writer& w_;
  bool raw_text_;
  bool array_mode_;
  bool begun_ = false;
  std::vector<Oid> types_;
  // Object mode: the columns whose name no later column repeats. A duplicate name keeps the
  // last column's value, as Neon's proxy does.
  std::vector<int> object_columns_;
};

// The first word of a command tag (`INSERT 0 1` -> `INSERT`).
[[nodiscard]] std::string_view command_of(std::string_view tag) noexcept;

}  // namespace sluice::gateway
