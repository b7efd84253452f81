// Plan ids as JS holds them: a released id finds nothing until a new plan takes it.
#include "decode/plan_store.h"

#include <gtest/gtest.h>

namespace sluice::decode {
namespace {

plan with_key(const char* key) {
  plan p;
  p.fields.push_back(field{key, field_kind::scalar, value_type::integer, {}});
  return p;
}

TEST(PlanStore, ReleasedIdsAreReusedAndFindNothingMeanwhile) {
  plan_store store;
  EXPECT_EQ(store.add(with_key("a")), 0u);
  EXPECT_EQ(store.add(with_key("b")), 1u);
  EXPECT_TRUE(store.release(0));
  EXPECT_EQ(store.find(0), nullptr);
  EXPECT_FALSE(store.release(0));
  EXPECT_EQ(store.live(), 1u);
  EXPECT_EQ(store.next_id(), 0u);
  EXPECT_EQ(store.add(with_key("c")), 0u);
  ASSERT_NE(store.find(0), nullptr);
  EXPECT_EQ(store.find(0)->fields[0].key, "c");
  EXPECT_EQ(store.find(1)->fields[0].key, "b");
}

TEST(PlanStore, UnknownIdsFindNothing) {
  plan_store store;
  EXPECT_EQ(store.find(-1), nullptr);
  EXPECT_EQ(store.find(0), nullptr);
  EXPECT_FALSE(store.release(3));
}

}  // namespace
}  // namespace sluice::decode
