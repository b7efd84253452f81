// What the gateway reads from a /sql request besides HTTP framing. Input: the
// Neon-Connection-String header's value, a newline, the Neon-Batch-Isolation-Level value, a
// newline, then the body ({query, params} or {queries: [...]}, parameters of every shape). Each
// reader answers a value or a Neon error body that is JSON with an HTTP status of 4xx.
#include <string_view>

#include "fuzz_input.h"
#include "gateway/batch_options.h"
#include "gateway/connection_string.h"
#include "gateway/request.h"

namespace {

template <typename T>
void require_client_error(sluice::gateway::outcome<T>& answer, const char* what) {
  if (answer.ok()) return;
  const auto& f = answer.fail();
  if (f.http_status < 400 || f.http_status > 499) sluice::fuzz::invariant_broken(what);
  sluice::fuzz::require_json(f.body, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t first = all.find('\n');
  if (first == std::string_view::npos) return 0;
  const size_t second = all.find('\n', first + 1);
  if (second == std::string_view::npos) return 0;

  auto target = sluice::gateway::parse_connection_string(all.substr(0, first));
  require_client_error(target, "a connection string refused without a 4xx JSON error");
  auto options = sluice::gateway::parse_batch_options(all.substr(first + 1, second - first - 1),
                                                      "true", std::nullopt);
  require_client_error(options, "batch options refused without a 4xx JSON error");

  const sluice::fuzz::padded_input body(data + second + 1, size - second - 1);
  auto request = sluice::gateway::parse_sql_request(body.view());
  require_client_error(request, "a body refused without a 4xx JSON error");
  return 0;
}
