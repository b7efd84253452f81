#pragma once
// Runs a reader on a thread whose stack is the WebAssembly module's (SLUICE_WASM_STACK_BYTES,
// passed from CMakeLists.txt), with a guard page below it so an overflow faults at once, and
// measures how much of that stack the reader used (its high-water mark: the stack is filled
// with a pattern first, and the lowest overwritten byte is the deepest point reached).
// std::thread cannot choose its stack, so this is pthreads.
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "core/json_tree.h"

namespace sluice::testing {

inline constexpr size_t wasm_stack_bytes = SLUICE_WASM_STACK_BYTES;

// Runs `work` on a wasm_stack_bytes stack; returns the bytes of it in use at the deepest point,
// or 0 when the thread could not be started (a test failure of its own).
inline size_t stack_used(const std::function<void()>& work) {
  constexpr unsigned char paint = 0xA5;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  void* mapping = mmap(nullptr, wasm_stack_bytes + page, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) return 0;
  auto* guard = static_cast<unsigned char*>(mapping);
  unsigned char* stack = guard + page;
  mprotect(guard, page, PROT_NONE);
  std::memset(stack, paint, wasm_stack_bytes);

  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstack(&attributes, stack, wasm_stack_bytes);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  const bool started =
      pthread_create(&thread, &attributes, run, const_cast<std::function<void()>*>(&work)) == 0;
  pthread_attr_destroy(&attributes);
  size_t used = 0;
  if (started) {
    pthread_join(thread, nullptr);
    size_t untouched = 0;
    while (untouched < wasm_stack_bytes && stack[untouched] == paint) ++untouched;
    used = wasm_stack_bytes - untouched;
  }
  munmap(mapping, wasm_stack_bytes + page);
  return used;
}

// `open` repeated `depth` times, then `middle`, then `close` repeated `depth` times.
inline std::string nested(std::string_view open, size_t depth, std::string_view middle,
                          std::string_view close) {
  std::string out;
  out.reserve((open.size() + close.size()) * depth + middle.size());
  for (size_t i = 0; i < depth; ++i) out += open;
  out += middle;
  for (size_t i = 0; i < depth; ++i) out += close;
  return out;
}

// The largest k for which make(k) is still a document the JSON tree accepts: the deepest input
// of that shape any reader of these documents is ever given.
inline size_t deepest_document(const std::function<std::string(size_t)>& make) {
  size_t low = 0, high = 100000;
  while (low + 1 < high) {
    const size_t mid = (low + high) / 2;
    dom::document doc;
    (doc.parse(make(mid)).ok() ? low : high) = mid;
  }
  return low;
}

}  // namespace sluice::testing
