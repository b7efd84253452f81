#include "gateway/request.h"

#include "gateway/error_json.h"
#include "gateway/param_text.h"
#include "simdjson.h"

namespace sluice::gateway {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

failure unparsable(std::string_view reason) noexcept {
  std::string message = "could not parse the HTTP request body: ";
  message += reason;
  return gateway_failure(400, message);
}

bool has_nul(std::string_view s) noexcept { return s.find('\0') != std::string_view::npos; }

bool is_null_value(value& v) noexcept {
  bool is_null = false;
  return !v.is_null().get(is_null) && is_null;
}

// One field of a `{query, params, arrayMode}` object; other keys are ignored. `error` says
// what was wrong when false.
bool parse_query_field(std::string_view key, value v, query_request& out, bool& saw_query,
                       std::string& error) noexcept {
  if (key == "query") {
    std::string_view text;
    if (v.get_string().get(text)) {
      error = "`query` must be a string";
      return false;
    }
    out.text = text;
    saw_query = true;
  } else if (key == "params") {
    if (is_null_value(v)) return true;
    array params;
    if (v.get_array().get(params)) {
      error = "`params` must be an array";
      return false;
    }
    for (auto param_result : params) {
      value param;
      if (param_result.get(param)) {
        error = "invalid JSON";
        return false;
      }
      auto& slot = out.params.emplace_back();
      if (!param_to_text(param, slot, error)) return false;
    }
  } else if (key == "arrayMode") {
    if (is_null_value(v)) return true;
    bool mode;
    if (v.get_bool().get(mode)) {
      error = "`arrayMode` must be a boolean";
      return false;
    }
    out.array_mode = mode;
  }
  return true;
}

bool next_field(simdjson::simdjson_result<simdjson::ondemand::field> field_result, std::string_view& key,
                value& v) noexcept {
  simdjson::ondemand::field field;
  if (std::move(field_result).get(field) || field.unescaped_key(false).get(key)) return false;
  v = field.value();
  return true;
}

bool parse_batch(array queries, sql_request& out, std::string& error) noexcept {
  for (auto item_result : queries) {
    object item;
    if (item_result.get(item)) {
      error = "each of `queries` must be an object";
      return false;
    }
    bool saw_query = false;
    auto& query = out.queries.emplace_back();
    for (auto field_result : item) {
      std::string_view key;
      value v;
      if (!next_field(field_result, key, v)) {
        error = "invalid JSON";
        return false;
      }
      if (!parse_query_field(key, v, query, saw_query, error)) return false;
    }
    if (!saw_query) {
      error = "each of `queries` needs a `query` string";
      return false;
    }
  }
  return true;
}

outcome<sql_request> parse_with(simdjson::ondemand::parser& parser, std::string& padded,
                                std::string_view body) noexcept {
  // On-demand parsing may read up to SIMDJSON_PADDING bytes past the end of the input.
  padded.reserve(body.size() + simdjson::SIMDJSON_PADDING);
  padded.assign(body);

  simdjson::ondemand::document doc;
  object root;
  if (parser.iterate(padded.data(), body.size(), padded.capacity()).get(doc) || doc.get_object().get(root)) {
    return unparsable("expected a JSON object");
  }

  // Both shapes are read in one pass, since keys may come in any order; a `query` wins over
  // `queries` as in Neon's untagged union, which tries the single shape first.
  sql_request single;
  single.queries.emplace_back();
  sql_request batch;
  batch.batch = true;
  bool saw_query = false;
  bool saw_queries = false;
  std::string error;
  for (auto field_result : root) {
    std::string_view key;
    value v;
    if (!next_field(field_result, key, v)) return unparsable("invalid JSON");
    if (key == "queries") {
      array queries;
      if (v.get_array().get(queries)) return unparsable("`queries` must be an array");
      if (!parse_batch(queries, batch, error)) return unparsable(error);
      saw_queries = true;
    } else if (!parse_query_field(key, v, single.queries[0], saw_query, error)) {
      return unparsable(error);
    }
  }
  if (!doc.at_end()) return unparsable("trailing characters after the JSON object");
  if (!saw_query && !saw_queries) return unparsable("expected {\"query\", \"params\"} or {\"queries\": [...]}");

  sql_request& chosen = saw_query ? single : batch;
  for (const auto& q : chosen.queries) {
    bool nul = has_nul(q.text);
    for (const auto& p : q.params) nul = nul || (p && has_nul(*p));
    if (nul) return gateway_failure(400, "invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
  }
  return std::move(chosen);
}

}  // namespace

outcome<sql_request> parse_sql_request(std::string_view body) noexcept {
  // Each thread reuses one parser and one padded copy for ordinary bodies. A body near the
  // 10 MiB limit gets its own, so that no thread keeps tens of MiB of index for good.
  constexpr size_t reuse_limit = 1 << 20;
  if (body.size() > reuse_limit) {
    simdjson::ondemand::parser parser;
    std::string padded;
    return parse_with(parser, padded, body);
  }
  thread_local simdjson::ondemand::parser parser;
  thread_local std::string padded;
  return parse_with(parser, padded, body);
}

}  // namespace sluice::gateway
