#include "core/dom.h"

#include "core/json_writer.h"

namespace sluice::dom {
namespace {

void write(json_writer& w, element e) noexcept {
  switch (e.kind()) {
    case json_kind::null: w.null(); return;
    case json_kind::boolean: w.boolean(e.raw()->boolean); return;
    case json_kind::number: w.raw(e.raw()->text); return;
    case json_kind::string: w.string(e.raw()->text); return;
    case json_kind::array:
      w.begin_array();
      for (element item : array(e.raw())) write(w, item);
      w.end_array();
      return;
    case json_kind::object:
      w.begin_object();
      for (auto [key, value] : object(e.raw())) {
        w.key(key);
        write(w, value);
      }
      w.end_object();
      return;
  }
}

}  // namespace

error invalid(std::string message, std::vector<std::string> path) noexcept {
  return make_error(error_code::invalid_document, std::move(message), std::move(path));
}

status only_members(object o, std::span<const std::string_view> allowed,
                    const std::vector<std::string>& path) noexcept {
  std::vector<bool> seen(allowed.size(), false);
  for (auto [key, value] : o) {
    size_t index = 0;
    for (std::string_view name : allowed) {
      if (name == key) break;
      ++index;
    }
    if (index < allowed.size() && !seen[index]) {
      seen[index] = true;
      continue;
    }
    std::vector<std::string> at = path;
    at.emplace_back(key);
    const std::string quoted = "\"" + std::string(key) + "\"";
    return invalid(index < allowed.size() ? "member " + quoted + " appears twice"
                                          : "unknown member " + quoted,
                   std::move(at));
  }
  return ok_status();
}

result<object> as_object(element e, std::string_view what) noexcept {
  auto o = e.get_object();
  if (!o) return invalid(std::string(what) + " must be an object");
  return *o;
}

result<array> as_array(element e, std::string_view what) noexcept {
  auto a = e.get_array();
  if (!a) return invalid(std::string(what) + " must be an array");
  return *a;
}

std::optional<element> member(object o, std::string_view key) noexcept { return o.find(key); }

result<std::string> required_string(object o, std::string_view key) noexcept {
  auto e = member(o, key);
  auto s = e ? e->get_string() : std::nullopt;
  if (!s) return invalid("\"" + std::string(key) + "\" must be a string");
  return std::string(*s);
}

result<std::string> optional_string(object o, std::string_view key,
                                    std::string_view fallback) noexcept {
  auto e = member(o, key);
  if (!e || e->is_null()) return std::string(fallback);
  auto s = e->get_string();
  if (!s) return invalid("\"" + std::string(key) + "\" must be a string");
  return std::string(*s);
}

bool optional_bool(object o, std::string_view key, bool fallback) noexcept {
  auto e = member(o, key);
  return e ? e->get_bool().value_or(fallback) : fallback;
}

result<std::optional<int64_t>> optional_int(object o, std::string_view key) noexcept {
  auto e = member(o, key);
  if (!e || e->is_null()) return std::optional<int64_t>{};
  auto v = e->get_int64();
  if (!v) return invalid("\"" + std::string(key) + "\" must be an integer");
  return v;
}

result<std::vector<std::string>> string_list(object o, std::string_view key) noexcept {
  std::vector<std::string> out;
  auto e = member(o, key);
  if (!e) return out;
  auto a = e->get_array();
  if (!a) return invalid("\"" + std::string(key) + "\" must be an array");
  for (element item : *a) {
    auto s = item.get_string();
    if (!s) return invalid("\"" + std::string(key) + "\" must hold strings");
    out.emplace_back(*s);
  }
  return out;
}

std::string to_json(element e) noexcept {
  json_writer w;
  write(w, e);
  return w.take();
}

}  // namespace sluice::dom
