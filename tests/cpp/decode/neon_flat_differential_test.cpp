// The Neon fast scan against the general decoder over a corpus of broken and odd answers:
// mutations of valid answers (truncations, replaced and inserted bytes, bad escapes, bad
// numbers, control characters, wrong nesting). Whatever the scan accepts, the general decoder
// must accept with the same bytes; whatever the general decoder refuses, the scan must decline,
// so both refuse it (a declined answer goes to the general decoder, which names the error).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "decode/context.h"
#include "decode/neon_flat.h"
#include "decode_test_support.h"

namespace sluice::decode::testing {
namespace {

struct verdict {
  bool accepted = false;
  std::string text;  // the output, or the general decoder's error
};

verdict flat_scan(const plan& p, std::string_view answer) {
  decode_context ctx;
  json_writer w;
  const std::string buffer = padded(answer);
  if (!decode_neon_flat(p, std::string_view(buffer.data(), answer.size()), ctx, w)) return {};
  return {true, w.take()};
}

verdict general(const plan& p, std::string_view answer) {
  json_writer w;
  const std::string buffer = padded(answer);
  const status s = decode_general_into(p, input_format::neon, std::string_view(buffer.data(), answer.size()), w);
  if (!s.ok()) return {false, error_to_json(s.err())};
  return {true, w.take()};
}

const std::vector<std::string> seeds = {
    R"({"command":"SELECT","fields":[{"name":"id","dataTypeID":23}],"rowCount":2,)"
    R"("rows":[["1","alice@example.com","Alice","admin","t","2026-11-23 20:09:30.5+00","2026-11-23 20:09:30+00"],)"
    R"(["2","b\"o\\b\u00e9\n@x.org",null,"viewer","f","1999-12-31 23:59:59+00","2000-01-01 00:00:00.123+05:30"]],)"
    R"("rowAsArray":true,"x":{"a":[1,-2.5e+3,true,false,null,{}],"b":"\"}\u0041\/"}})",
    R"({"rows":[["7","caf\u00e9 \ud83d\ude00","日本語","admin","true","0001-01-01 00:00:00+00","infinity"]],"n":0})",
    R"( { "fields" : [ ] , "rows" : [ ] , "note" : "a\tb\\c" } )",
};

// Bytes that break or bend JSON where they land.
const std::vector<std::string> fragments = {
    "\\", "\"", "\\q", "\\u12", "\\u12G4", "\\ud800", "\\udc00\\ud800", std::string("\\\x01", 2),
    std::string("\x1f", 1), std::string("\0", 1), "\xff", "\xc3", "\xe2\x80", "[", "]", "{", "}",
    ",", ":", "0", "01", "-", "1.", "1e", ".5", "+1", "1e999", "tru", "nul", "x", " ", "[[[[", "]]",
    "{\"a\":", "\"\\/\"", "\\\"", "\\\\"};

std::vector<std::string> mutations(const std::string& seed) {
  std::vector<std::string> out;
  for (size_t i = 0; i <= seed.size(); ++i) out.push_back(seed.substr(0, i));
  for (size_t i = 0; i < seed.size(); ++i) {
    for (const std::string& f : fragments) {
      out.push_back(seed.substr(0, i) + f + seed.substr(i));
      out.push_back(seed.substr(0, i) + f + seed.substr(i + 1));
    }
  }
  return out;
}

const plan users = make_plan(result_shape::rows, user_fields());
const plan first_user = make_plan(result_shape::first, user_fields());

TEST(NeonFlatDifferential, AcceptsOnlyWhatTheGeneralDecoderDecodesAlike) {
  size_t inputs = 0, both_accept = 0, general_refuses = 0;
  for (const std::string& seed : seeds) {
    for (const std::string& answer : mutations(seed)) {
      for (const plan* p : {&users, &first_user}) {
        ++inputs;
        const verdict fast = flat_scan(*p, answer);
        const verdict slow = general(*p, answer);
        if (!slow.accepted) ++general_refuses;
        if (!fast.accepted) continue;
        ++both_accept;
        ASSERT_TRUE(slow.accepted) << "the scan accepts what the general decoder refuses ("
                                   << slow.text << "): " << answer;
        ASSERT_EQ(fast.text, slow.text) << answer;
      }
    }
  }
  // The corpus reaches both sides of the property, or the test proves nothing.
  EXPECT_GT(both_accept, inputs / 20);
  EXPECT_GT(general_refuses, inputs / 2);
}

}  // namespace
}  // namespace sluice::decode::testing
