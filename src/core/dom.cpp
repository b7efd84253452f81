#include "core/dom.h"

namespace sluice::dom {

result<element> parse(simdjson::dom::parser& parser, std::string_view text) noexcept {
  element e;
  if (auto err = parser.parse(text.data(), text.size(), true).get(e))
    return make_error(error_code::invalid_json, simdjson::error_message(err));
  return e;
}

error invalid(std::string message, std::vector<std::string> path) noexcept {
  return make_error(error_code::invalid_document, std::move(message), std::move(path));
}

result<object> as_object(element e, std::string_view what) noexcept {
  object o;
  if (e.get_object().get(o)) return invalid(std::string(what) + " must be an object");
  return o;
}

result<array> as_array(element e, std::string_view what) noexcept {
  array a;
  if (e.get_array().get(a)) return invalid(std::string(what) + " must be an array");
  return a;
}

std::optional<element> member(object o, std::string_view key) noexcept {
  element e;
  if (o.at_key(key).get(e)) return std::nullopt;
  return e;
}

result<std::string> required_string(object o, std::string_view key) noexcept {
  auto e = member(o, key);
  std::string_view s;
  if (!e || e->get_string().get(s)) return invalid("\"" + std::string(key) + "\" must be a string");
  return std::string(s);
}

result<std::string> optional_string(object o, std::string_view key,
                                    std::string_view fallback) noexcept {
  auto e = member(o, key);
  if (!e || e->is_null()) return std::string(fallback);
  std::string_view s;
  if (e->get_string().get(s)) return invalid("\"" + std::string(key) + "\" must be a string");
  return std::string(s);
}

bool optional_bool(object o, std::string_view key, bool fallback) noexcept {
  auto e = member(o, key);
  bool b = fallback;
  if (e && e->get_bool().get(b)) return fallback;
  return b;
}

result<std::optional<int64_t>> optional_int(object o, std::string_view key) noexcept {
  auto e = member(o, key);
  if (!e || e->is_null()) return std::optional<int64_t>{};
  int64_t v = 0;
  if (e->get_int64().get(v)) return invalid("\"" + std::string(key) + "\" must be an integer");
  return std::optional<int64_t>{v};
}

result<std::vector<std::string>> string_list(object o, std::string_view key) noexcept {
  std::vector<std::string> out;
  auto e = member(o, key);
  if (!e) return out;
  array a;
  if (e->get_array().get(a)) return invalid("\"" + std::string(key) + "\" must be an array");
  for (element item : a) {
    std::string_view s;
    if (item.get_string().get(s))
      return invalid("\"" + std::string(key) + "\" must hold strings");
    out.emplace_back(s);
  }
  return out;
}

std::string to_json(element e) noexcept { return simdjson::minify(e); }

}  // namespace sluice::dom
