#include "validate/email.h"

namespace sluice::validate {
namespace {

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) noexcept { return is_alpha(c) || (c >= '0' && c <= '9'); }

bool is_local_char(char c) noexcept {
  return is_alnum(c) || c == '_' || c == '\'' || c == '+' || c == '-' || c == '.';
}

bool is_local_last(char c) noexcept { return is_alnum(c) || c == '_' || c == '+' || c == '-'; }

// ([A-Z0-9][A-Z0-9-]*\.)+[A-Z]{2,}: labels cannot hold dots, so the split is unique.
bool is_domain(std::string_view domain) noexcept {
  const size_t last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  const std::string_view top = domain.substr(last_dot + 1);
  if (top.size() < 2) return false;
  for (const char c : top)
    if (!is_alpha(c)) return false;
  size_t start = 0;
  while (start < last_dot) {
    const size_t end = domain.find('.', start);
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || !is_alnum(label.front())) return false;
    for (const char c : label)
      if (!is_alnum(c) && c != '-') return false;
    start = end + 1;
  }
  return start == last_dot + 1;
}

}  // namespace

bool is_email(std::string_view text) noexcept {
  if (text.empty() || text.front() == '.' || text.find("..") != std::string_view::npos) return false;
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const std::string_view local = text.substr(0, at);
  for (const char c : local)
    if (!is_local_char(c)) return false;
  if (!is_local_last(local.back())) return false;
  return is_domain(text.substr(at + 1));
}

}  // namespace sluice::validate
