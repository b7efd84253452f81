#include "gateway/pipelining.h"

namespace sluice::gateway {
namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Skips whitespace, comments (block comments nest in Postgres) and opening parentheses.
size_t first_word(std::string_view sql) noexcept {
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '(') {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      const auto eol = sql.find('\n', i);
      i = eol == std::string_view::npos ? sql.size() : eol + 1;
    } else if (sql.substr(i, 2) == "/*") {
      int depth = 0;
      while (i < sql.size()) {
        if (sql.substr(i, 2) == "/*") {
          ++depth;
          i += 2;
        } else if (sql.substr(i, 2) == "*/") {
          i += 2;
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

bool pipelinable(std::string_view sql) noexcept {
  const size_t start = first_word(sql);
  size_t end = start;
  while (end < sql.size() && ((sql[end] >= 'a' && sql[end] <= 'z') || (sql[end] >= 'A' && sql[end] <= 'Z'))) ++end;
  if (end - start > 6) return false;
  char word[7] = {};
  for (size_t i = start; i < end; ++i) word[i - start] = lower(sql[i]);
  const std::string_view w(word, end - start);
  return w == "select" || w == "with" || w == "values" || w == "table" || w == "insert" || w == "update" ||
         w == "delete";
}

}  // namespace sluice::gateway
