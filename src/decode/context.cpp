#include "decode/context.h"

#include "decode/json_copy.h"
#include "decode/json_string.h"

namespace sluice::decode {

simdjson::ondemand::parser& decode_context::parser(size_t depth) noexcept {
  auto& slot = parsers_[depth < max_depth ? depth : max_depth];
  if (!slot) slot = std::make_unique<simdjson::ondemand::parser>();
  return *slot;
}

bool decode_context::fail_json(simdjson::error_code code) noexcept { return fail(json_error(code)); }

bool decode_context::parse_nested(size_t depth, std::string_view body,
                                  simdjson::ondemand::document& doc) noexcept {
  if (depth == 0 || depth > max_depth)
    return fail(error_code::invalid_result, "strings holding JSON are nested too deeply");
  std::string& buffer = buffers_[depth];
  buffer.clear();
  if (is_plain(body)) {
    buffer.append(body);
  } else if (!unescape(body, buffer)) {
    return fail(error_code::invalid_result, "malformed string escape");
  }
  const size_t length = buffer.size();
  buffer.resize(length + simdjson::SIMDJSON_PADDING, ' ');
  if (auto e = parser(depth).iterate(buffer.data(), length, buffer.size()).get(doc)) return fail_json(e);
  return true;
}

}  // namespace sluice::decode
