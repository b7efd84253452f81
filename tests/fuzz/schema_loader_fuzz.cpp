// The schema loader: any bytes give a catalog or a typed error.
#include "fuzz_input.h"
#include "schema/load_schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sluice::fuzz::padded_input input(data, size);
  auto loaded = sluice::schema::load_schema(input.view());
  if (!loaded.ok() && loaded.err().message.empty()) sluice::fuzz::invariant_broken("an error without a message");
  return 0;
}
