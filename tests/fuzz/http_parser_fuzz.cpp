// The gateway's HTTP/1.1 request parser over a connection's bytes. The first byte sets the size
// of the pieces the rest arrives in (1 to 256 bytes, as a slow or a pipelining client sends
// them); every request parsed is followed by the next one on the same parser, as the server
// does, until the bytes end or a request fails.
#include <algorithm>
#include <string_view>

#include "fuzz_input.h"
#include "gateway/http_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = static_cast<size_t>(data[0]) + 1;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  sluice::gateway::http_parser parser(4096);
  using state = sluice::gateway::http_parser::state;
  while (!rest.empty()) {
    const std::string_view chunk = rest.substr(0, std::min(piece, rest.size()));
    const size_t taken = parser.feed(chunk);
    if (taken > chunk.size()) sluice::fuzz::invariant_broken("the parser took more than it was given");
    rest.remove_prefix(taken);
    switch (parser.status()) {
      case state::need_more:
        if (taken != chunk.size()) sluice::fuzz::invariant_broken("the parser wants more but left bytes");
        break;
      case state::failed: {
        const int status = parser.error_status();
        if (status < 400 || status > 599) sluice::fuzz::invariant_broken("a failure without an error status");
        return 0;
      }
      case state::complete: {
        const auto& request = parser.request();
        if (request.method.empty()) sluice::fuzz::invariant_broken("a request without a method");
        if (!request.body_too_large && request.body.size() > 4096)
          sluice::fuzz::invariant_broken("a body over the limit kept");
        (void)request.header("content-type");
        (void)request.path();
        parser.reset();
        break;
      }
    }
  }
  return 0;
}
