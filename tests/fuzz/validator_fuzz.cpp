// The validator over request bodies: the first byte picks one of the reference Worker's
// validators (data/validator_*.json), the rest is the body. Every answer (the accepted object,
// the issues, or the malformed-body error) is JSON.
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "tutorial_catalog.h"
#include "validate/validator.h"

namespace {

const std::vector<sluice::validate::validator>& validators() {
  static const std::vector<sluice::validate::validator> all = [] {
    std::vector<sluice::validate::validator> out;
    for (const char* name : {"validator_0.json", "validator_1.json", "validator_2.json"}) {
      const simdjson::padded_string spec(sluice::fuzz::read_data(name));
      auto loaded = sluice::validate::load_validator(sluice::fuzz::tutorial_catalog(), spec);
      if (!loaded.ok()) sluice::fuzz::invariant_broken("a reference validator does not load");
      out.push_back(std::move(loaded.value()));
    }
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& chosen = validators()[data[0] % validators().size()];
  const sluice::fuzz::padded_input body(data + 1, size - 1);
  const auto out = sluice::validate::validate(chosen, body.view());
  sluice::fuzz::require_json(out.json, "a validator answer that is not JSON");
  return 0;
}
