#include "gateway/param_text.h"

namespace sluice::gateway {
namespace {

using simdjson::ondemand::json_type;

// Postgres' MAXDIM: a deeper array literal is refused by the server anyway. Stopping here
// bounds the recursion below, which a body of nested brackets would otherwise drive as deep
// as it likes (60 000 levels overflowed an 8 MiB stack).
constexpr size_t max_array_dimensions = 6;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string_view trim_right(std::string_view s) noexcept {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

bool is_null_literal(simdjson::ondemand::value& value) noexcept {
  bool is_null = false;
  return !value.is_null().get(is_null) && is_null;
}

bool number_text(simdjson::ondemand::value value, std::string_view& out, std::string& error) noexcept {
  out = trim_right(value.raw_json_token());
  if (!is_json_number(out)) {
    error = "invalid number";
    return false;
  }
  return true;
}

bool append_array(simdjson::ondemand::array array, size_t dimension, std::string& out, std::string& error) noexcept {
  if (dimension > max_array_dimensions) {
    error = "array parameter has more than " + std::to_string(max_array_dimensions) + " dimensions";
    return false;
  }
  out.push_back('{');
  bool first = true;
  for (auto element_result : array) {
    simdjson::ondemand::value element;
    json_type type;
    if (element_result.get(element) || element.type().get(type)) {
      error = "invalid array parameter";
      return false;
    }
    if (!first) out.push_back(',');
    first = false;
    switch (type) {
      case json_type::null:
        if (!is_null_literal(element)) {
          error = "invalid array parameter";
          return false;
        }
        out.append("NULL");
        break;
      case json_type::boolean: {
        bool b;
        if (element.get_bool().get(b)) {
          error = "invalid boolean";
          return false;
        }
        out.append(b ? "true" : "false");
        break;
      }
      case json_type::number: {
        std::string_view token;
        if (!number_text(element, token, error)) return false;
        out.append(token);
        break;
      }
      case json_type::string: {
        std::string_view s;
        if (element.get_string().get(s)) {
          error = "invalid string";
          return false;
        }
        append_array_element(out, s);
        break;
      }
      case json_type::object: {
        std::string_view raw;
        if (element.raw_json().get(raw)) {
          error = "invalid object parameter";
          return false;
        }
        append_array_element(out, trim_right(raw));
        break;
      }
      case json_type::array: {
        simdjson::ondemand::array nested;
        if (element.get_array().get(nested)) {
          error = "invalid array parameter";
          return false;
        }
        if (!append_array(nested, dimension + 1, out, error)) return false;
        break;
      }
    }
  }
  out.push_back('}');
  return true;
}

}  // namespace

bool is_json_number(std::string_view t) noexcept {
  size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size()) return false;
  if (t[i] == '0') {
    ++i;
  } else if (is_digit(t[i])) {
    while (i < t.size() && is_digit(t[i])) ++i;
  } else {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (i >= t.size() || !is_digit(t[i])) return false;
    while (i < t.size() && is_digit(t[i])) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i >= t.size() || !is_digit(t[i])) return false;
    while (i < t.size() && is_digit(t[i])) ++i;
  }
  return i == t.size();
}

void append_array_element(std::string& out, std::string_view s) noexcept {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

bool param_to_text(simdjson::ondemand::value value, std::optional<std::string>& out,
                   std::string& error) noexcept {
  json_type type;
  if (value.type().get(type)) {
    error = "invalid parameter";
    return false;
  }
  switch (type) {
    case json_type::null:
      if (!is_null_literal(value)) {
        error = "invalid parameter";
        return false;
      }
      out.reset();
      return true;
    case json_type::string: {
      std::string_view s;
      if (value.get_string().get(s)) {
        error = "invalid string";
        return false;
      }
      out.emplace(s);
      return true;
    }
    case json_type::boolean: {
      bool b;
      if (value.get_bool().get(b)) {
        error = "invalid boolean";
        return false;
      }
      out.emplace(b ? "true" : "false");
      return true;
    }
    case json_type::number: {
      std::string_view token;
      if (!number_text(value, token, error)) return false;
      out.emplace(token);
      return true;
    }
    case json_type::object: {
      std::string_view raw;
      if (value.raw_json().get(raw)) {
        error = "invalid object parameter";
        return false;
      }
      out.emplace(trim_right(raw));
      return true;
    }
    case json_type::array: {
      simdjson::ondemand::array array;
      if (value.get_array().get(array)) {
        error = "invalid array parameter";
        return false;
      }
      out.emplace();
      return append_array(array, 1, *out, error);
    }
  }
  error = "invalid parameter";
  return false;
}

}  // namespace sluice::gateway
