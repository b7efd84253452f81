#pragma once
// Decode plans by the id JS holds for them. A released id is handed to the next plan, so a
// bounded compile cache on the JS side keeps the module's memory bounded however many
// statement shapes an isolate meets.
#include <cstdint>
#include <optional>
#include <vector>

#include "decode/plan.h"

namespace sluice::decode {

class plan_store {
 public:
  // The id the next add() gives.
  [[nodiscard]] uint32_t next_id() const noexcept {
    return free_.empty() ? static_cast<uint32_t>(slots_.size()) : free_.back();
  }

  uint32_t add(plan p) noexcept {
    const uint32_t id = next_id();
    if (free_.empty()) {
      slots_.emplace_back(std::move(p));
    } else {
      free_.pop_back();
      slots_[id] = std::move(p);
    }
    return id;
  }

  // Null for an id never given or released.
  [[nodiscard]] const plan* find(int64_t id) const noexcept {
    if (id < 0 || static_cast<uint64_t>(id) >= slots_.size()) return nullptr;
    const auto& slot = slots_[static_cast<size_t>(id)];
    return slot ? &*slot : nullptr;
  }

  // False for an id never given or already released.
  bool release(int64_t id) noexcept {
    if (find(id) == nullptr) return false;
    slots_[static_cast<size_t>(id)].reset();
    free_.push_back(static_cast<uint32_t>(id));
    return true;
  }

  [[nodiscard]] size_t live() const noexcept { return slots_.size() - free_.size(); }

 private:
  std::vector<std::optional<plan>> slots_;
  std::vector<uint32_t> free_;
};

}  // namespace sluice::decode
