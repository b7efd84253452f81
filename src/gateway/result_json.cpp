#include "gateway/result_json.h"

#include <charconv>
#include <cstring>

#include "gateway/typed_value.h"

namespace sluice::gateway {

std::string_view command_of(std::string_view tag) noexcept { return tag.substr(0, tag.find(' ')); }

void result_writer::begin(const PGresult* r) noexcept {
  begun_ = true;
  const int columns = PQnfields(r);
  types_.resize(static_cast<size_t>(columns));
  w_.begin_object();
  w_.key("fields");
  w_.begin_array();
  for (int c = 0; c < columns; ++c) {
    types_[static_cast<size_t>(c)] = PQftype(r, c);
    w_.begin_object();
    w_.key("name");
    w_.string(PQfname(r, c));
    w_.key("dataTypeID");
    w_.uint64(PQftype(r, c));
    w_.key("tableID");
    w_.uint64(PQftable(r, c));
    w_.key("columnID");
    w_.int64(PQftablecol(r, c));
    w_.key("dataTypeSize");
    w_.int64(PQfsize(r, c));
    w_.key("dataTypeModifier");
    w_.int64(PQfmod(r, c));
    w_.key("format");
    w_.string("text");
    w_.end_object();
  }
  w_.end_array();
  if (!array_mode_) {
    for (int c = 0; c < columns; ++c) {
      bool repeated = false;
      for (int later = c + 1; later < columns && !repeated; ++later) {
        repeated = std::strcmp(PQfname(r, c), PQfname(r, later)) == 0;
      }
      if (!repeated) object_columns_.push_back(c);
    }
  }
  w_.key("rows");
  w_.begin_array();
}

void result_writer::row(const PGresult* r, int row) noexcept {
  const auto cell = [&](int c) {
    if (PQgetisnull(r, row, c)) {
      w_.null();
      return;
    }
    const std::string_view text(PQgetvalue(r, row, c), static_cast<size_t>(PQgetlength(r, row, c)));
    if (raw_text_) {
      w_.string(text);
    } else {
      write_typed_value(w_, types_[static_cast<size_t>(c)], text);
    }
  };
  if (array_mode_) {
    w_.begin_array();
    for (size_t c = 0; c < types_.size(); ++c) cell(static_cast<int>(c));
    w_.end_array();
    return;
  }
  w_.begin_object();
  for (int c : object_columns_) {
    w_.key(PQfname(r, c));
    cell(c);
  }
  w_.end_object();
}

void result_writer::finish(const PGresult* r) noexcept {
  w_.end_array();
  w_.key("command");
  w_.string(command_of(PQcmdStatus(const_cast<PGresult*>(r))));
  w_.key("rowCount");
  // libpq extracts the count from exactly the tags that carry one (`INSERT 0 5` -> 5) and
  // gives "" for the others (`CREATE TABLE`), which Neon reports as null.
  const std::string_view count = PQcmdTuples(const_cast<PGresult*>(r));
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
  if (count.empty() || ec != std::errc() || end != count.data() + count.size()) {
    w_.null();
  } else {
    w_.int64(n);
  }
  w_.key("rowAsArray");
  w_.boolean(array_mode_);
  w_.end_object();
}

}  // namespace sluice::gateway
