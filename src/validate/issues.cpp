#include "validate/issues.h"

#include "core/json_writer.h"

namespace sluice::validate {

std::string flatten(const std::vector<column_rule>& columns, const issue_list& issues) noexcept {
  json_writer w;
  w.begin_object();
  w.key("formErrors");
  w.begin_array();
  for (const issue& i : issues.items())
    if (i.column == body_issue) w.string(i.message);
  w.end_array();
  w.key("fieldErrors");
  w.begin_object();
  // A field's messages go under its first appearance, even if its issues are not adjacent.
  std::vector<bool> written(columns.size(), false);
  for (const issue& first : issues.items()) {
    if (first.column == body_issue || written[static_cast<size_t>(first.column)]) continue;
    written[static_cast<size_t>(first.column)] = true;
    w.key(columns[static_cast<size_t>(first.column)].key);
    w.begin_array();
    for (const issue& i : issues.items())
      if (i.column == first.column) w.string(i.message);
    w.end_array();
  }
  w.end_object();
  w.end_object();
  return w.take();
}

}  // namespace sluice::validate
