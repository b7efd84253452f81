#pragma once
// Collected validation issues and zod 3's error.flatten() of them:
// {"formErrors":[...],"fieldErrors":{"key":["...",...],...}}, keys in first-issue order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "validate/messages.h"
#include "validate/rules.h"

namespace sluice::validate {

inline constexpr int32_t body_issue = -1;

struct issue {
  int32_t column;  // index into the validator's columns, or body_issue (a form error)
  issue_code code;
  std::string message;
};

class issue_list {
 public:
  void add(int32_t column, issue_code code, std::string_view first = {},
           std::string_view second = {}) noexcept {
    items_.push_back(issue{column, code, issue_message(code, first, second)});
  }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  [[nodiscard]] const std::vector<issue>& items() const noexcept { return items_; }

 private:
  std::vector<issue> items_;
};

// The flatten() document; `columns` names the fields.
[[nodiscard]] std::string flatten(const std::vector<column_rule>& columns,
                                  const issue_list& issues) noexcept;

}  // namespace sluice::validate
