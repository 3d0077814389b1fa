// Frame reader/writer: one case per framing failure (cf. Chromium's native messaging reader tests).
#include <doctest/doctest.h>

#include <cstring>

#include "framing.hpp"
#include "test_support.hpp"

using linkedout::framing::encode_frame;
using linkedout::framing::FrameReader;
using Kind = linkedout::framing::ReadResult::Kind;

using linkedout::test_support::frame_header;

TEST_CASE("framing: a good frame") {
  FrameReader r;
  r.feed(*encode_frame(R"({"type":"hello"})"));
  auto f = r.next();
  REQUIRE(f.kind == Kind::frame);
  CHECK(f.body == R"({"type":"hello"})");
  CHECK(r.next().kind == Kind::need_more);
  CHECK_FALSE(r.mid_frame());
}

TEST_CASE("framing: multiple frames in one read") {
  FrameReader r;
  r.feed(*encode_frame("{\"a\":1}") + *encode_frame("{\"b\":2}") + *encode_frame("{}"));
  CHECK(r.next().body == "{\"a\":1}");
  CHECK(r.next().body == "{\"b\":2}");
  CHECK(r.next().body == "{}");
  CHECK(r.next().kind == Kind::need_more);
}

TEST_CASE("framing: length 0xFFFFFFFF is refused and the reader stays failed") {
  FrameReader r;
  r.feed(frame_header(0xFFFFFFFFu));
  auto f = r.next();
  CHECK(f.kind == Kind::too_large);
  CHECK(f.declared_length == 0xFFFFFFFFu);
  r.feed(*encode_frame("{}"));
  CHECK(r.next().kind == Kind::too_large);
  CHECK(r.failed());
}

TEST_CASE("framing: length one over the limit is refused, at the limit accepted") {
  FrameReader over;
  over.feed(frame_header(linkedout::framing::kMaxIncoming + 1));
  CHECK(over.next().kind == Kind::too_large);
  FrameReader at;
  at.feed(frame_header(linkedout::framing::kMaxIncoming) + std::string(linkedout::framing::kMaxIncoming, ' '));
  CHECK(at.next().kind == Kind::frame);
}

TEST_CASE("framing: empty frame yields an empty body") {
  FrameReader r;
  r.feed(frame_header(0));
  auto f = r.next();
  REQUIRE(f.kind == Kind::frame);
  CHECK(f.body.empty());
}

TEST_CASE("framing: short header waits for more and reports mid-frame") {
  FrameReader r;
  r.feed(std::string("\x05\x00", 2));
  CHECK(r.next().kind == Kind::need_more);
  CHECK(r.mid_frame());
}

TEST_CASE("framing: short body waits for more, then completes across feeds") {
  FrameReader r;
  auto frame = *encode_frame("{\"type\":\"hello\"}");
  for (char c : frame) {
    CHECK(r.next().kind == Kind::need_more);
    r.feed(std::string_view(&c, 1));
  }
  auto f = r.next();
  REQUIRE(f.kind == Kind::frame);
  CHECK(f.body == "{\"type\":\"hello\"}");
}

TEST_CASE("framing: invalid JSON is still a frame (validation is the protocol layer's job)") {
  FrameReader r;
  r.feed(*encode_frame("{not json"));
  auto f = r.next();
  REQUIRE(f.kind == Kind::frame);
  CHECK(f.body == "{not json");
}

TEST_CASE("framing: EOF with nothing buffered is clean") {
  FrameReader r;
  CHECK(r.next().kind == Kind::need_more);
  CHECK_FALSE(r.mid_frame());
}

TEST_CASE("framing: writer refuses bodies over 1 MiB") {
  CHECK(encode_frame(std::string(linkedout::framing::kMaxOutgoing, 'x')).has_value());
  CHECK_FALSE(encode_frame(std::string(linkedout::framing::kMaxOutgoing + 1, 'x')).has_value());
}

TEST_CASE("framing: the writer's reused buffer holds exactly the last frame") {
  std::string frame = "stale bytes from a longer earlier frame, which must not survive";
  REQUIRE(linkedout::framing::encode_frame_into("{\"b\":2}", frame));
  CHECK(frame == *encode_frame("{\"b\":2}"));
  CHECK(frame.size() == 4 + 7);
  REQUIRE(linkedout::framing::encode_frame_into("", frame));
  CHECK(frame == std::string(4, '\0'));
  CHECK_FALSE(linkedout::framing::encode_frame_into(std::string(linkedout::framing::kMaxOutgoing + 1, 'x'), frame));
  CHECK(frame.empty());
}
