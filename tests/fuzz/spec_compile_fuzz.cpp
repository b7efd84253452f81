// The spec compiler, both dialects (the spec names its own): any bytes give statements with
// their decode plan, written as JSON, or a typed error.
#include "core/error.h"
#include "fuzz_input.h"
#include "sql/compile.h"
#include "sql/compiled_json.h"
#include "tutorial_catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sluice::fuzz::padded_input input(data, size);
  auto compiled = sluice::sql::compile(sluice::fuzz::tutorial_catalog(), input.view());
  if (!compiled.ok()) {
    sluice::fuzz::require_json(sluice::error_to_json(compiled.err()), "an error that is not JSON");
    return 0;
  }
  sluice::fuzz::require_json(sluice::sql::compiled_to_json(compiled.value(), 0), "a compiled spec that is not JSON");
  return 0;
}
