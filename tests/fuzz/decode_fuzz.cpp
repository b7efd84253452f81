// The decoders over database answers. Input: a query spec on the tutorial schema, a NUL, one
// byte for the answer's format (decode/decode.h: rows, neon, final_json), then the answer. The
// spec's plan is compiled once per distinct spec. For Neon answers the fast scan and the
// general decoder must agree: what the scan accepts, the general decoder decodes to the same
// bytes (and so whatever the general decoder refuses, the scan declines).
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/json_writer.h"
#include "decode/context.h"
#include "decode/decode.h"
#include "decode/neon_flat.h"
#include "fuzz_input.h"
#include "sql/compile.h"
#include "tutorial_catalog.h"

namespace {

using sluice::decode::input_format;

// nullptr when the spec does not compile.
const sluice::decode::plan* plan_of(std::string_view spec) {
  static std::unordered_map<std::string, sluice::decode::plan> plans;
  const std::string key(spec);
  if (auto found = plans.find(key); found != plans.end()) return &found->second;
  const simdjson::padded_string padded(spec);
  auto compiled = sluice::sql::compile(sluice::fuzz::tutorial_catalog(), padded);
  if (!compiled.ok()) return nullptr;
  if (plans.size() > 4096) plans.clear();
  return &plans.emplace(key, std::move(compiled.value().plan)).first->second;
}

void check_neon_agreement(const sluice::decode::plan& p, std::string_view answer) {
  sluice::decode::decode_context ctx;
  sluice::json_writer fast;
  if (!sluice::decode::decode_neon_flat(p, answer, ctx, fast)) return;
  sluice::json_writer general;
  if (!sluice::decode::decode_general_into(p, input_format::neon, answer, general).ok())
    sluice::fuzz::invariant_broken("the fast scan accepts an answer the general decoder refuses");
  if (fast.str() != general.str())
    sluice::fuzz::invariant_broken("the fast scan and the general decoder disagree");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t nul = all.find('\0');
  if (nul == std::string_view::npos || nul + 1 >= all.size()) return 0;
  const sluice::decode::plan* p = plan_of(all.substr(0, nul));
  if (!p) return 0;
  const auto format = static_cast<input_format>(static_cast<uint8_t>(all[nul + 1]) % 3);
  const size_t start = nul + 2;
  const sluice::fuzz::padded_input answer(data + start, size - start);
  sluice::json_writer out;
  if (sluice::decode::decode_into(*p, format, answer.view(), out).ok())
    sluice::fuzz::require_json(out.str(), "a decoded answer that is not JSON");
  if (format == input_format::neon) check_neon_agreement(*p, answer.view());
  return 0;
}
