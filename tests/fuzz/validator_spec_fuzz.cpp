// The validator-spec loader: any bytes give a validator of the tutorial's tables or a typed error.
#include "core/error.h"
#include "fuzz_input.h"
#include "tutorial_catalog.h"
#include "validate/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sluice::fuzz::padded_input input(data, size);
  auto loaded = sluice::validate::load_validator(sluice::fuzz::tutorial_catalog(), input.view());
  if (!loaded.ok()) sluice::fuzz::require_json(sluice::error_to_json(loaded.err()), "an error that is not JSON");
  return 0;
}
