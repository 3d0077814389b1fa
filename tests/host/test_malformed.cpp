// Malformed input against the real host binary over pipes (docs/protocol.md §1–§3). Each case
// starts from a store the host itself wrote, feeds one kind of bad input, and checks: the typed
// `error` reply (or a clean exit where the stream cannot be resynchronised), the host still
// serving afterwards, no crash, no hang, no reply over 1 MiB, and the store byte-identical.
#include <signal.h>

#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;

class Session {
 public:
  Session() {
    seed_store();
    store_before_ = sandbox_.store_bytes();
    host_.emplace(sandbox_);
  }

  HostProcess& host() { return *host_; }
  const Sandbox& sandbox() const { return sandbox_; }

  Reply ask_raw(std::string_view bytes) {
    REQUIRE(host().write_all(bytes));
    return read_checked();
  }
  Reply ask(std::string_view body) { return ask_raw(frame(body)); }
  Reply ask_json(const json& message) { return ask(message.dump()); }

  Reply read_checked() {
    Reply reply = host().read_reply();
    INFO("host stderr: " << host().stderr_text());
    REQUIRE_MESSAGE(reply.outcome == Reply::Outcome::reply,
                    "no well-formed reply (outcome " << static_cast<int>(reply.outcome)
                                                     << ", declared size " << reply.body_size << ")");
    CHECK(reply.body_size <= kMaxReply);
    return reply;
  }

  void expect_error(std::string_view body, const std::string& code, const json& id = nullptr,
                    const std::optional<std::string>& field = std::nullopt) {
    check_error(ask(body), code, id, field);
  }
  static void check_error(const Reply& reply, const std::string& code, const json& id,
                          const std::optional<std::string>& field = std::nullopt) {
    INFO("reply: " << reply.body.substr(0, 400));
    CHECK(reply.value.value("type", "") == "error");
    CHECK(reply.value.value("code", "") == code);
    CHECK(reply.value.contains("id"));
    CHECK(reply.value["id"] == id);
    REQUIRE(reply.value.contains("message"));
    CHECK(reply.value["message"].is_string());
    CHECK_FALSE(reply.value["message"].get<std::string>().empty());
    if (field) CHECK(reply.value.value("field", "") == *field);
  }

  // The host answers a plain hello after whatever came before.
  void expect_still_serving() {
    const Reply reply = ask(R"({"type":"hello","id":"still-serving"})");
    CHECK(reply.value.value("type", "") == "hello");
    CHECK(reply.value["id"] == "still-serving");
  }

  void expect_store_unchanged() {
    CHECK(sandbox_.store_bytes() == store_before_);
    for (const auto& entry : fs::directory_iterator(sandbox_.data_dir())) {
      const std::string name = entry.path().filename().string();
      CHECK_MESSAGE(name.find("corrupt") == std::string::npos, "store was moved aside: " << name);
    }
  }

  void expect_exit(int code) {
    const ExitStatus status = host().wait_exit();
    INFO("host stderr: " << host().stderr_text());
    CHECK_MESSAGE((!status.timed_out && !status.signaled && status.code == code),
                  "expected exit " << code << ", got " << status.describe());
    expect_store_unchanged();
  }

  // Closes stdin (the browser closing the port): the host exits 0.
  void finish_clean() {
    host().close_stdin();
    expect_exit(0);
  }

 private:
  void seed_store() {
    HostProcess seeder(sandbox_);
    REQUIRE(seeder.send_json(recorded_page_state(0, true)));
    const Reply reply = seeder.read_reply();
    INFO("seeding host stderr: " << seeder.stderr_text());
    REQUIRE(reply.outcome == Reply::Outcome::reply);
    REQUIRE(reply.value.value("type", "") == "verdict");
    seeder.close_stdin();
    REQUIRE(seeder.wait_exit().code == 0);
    REQUIRE_MESSAGE(fs::exists(sandbox_.store_file()), "the host did not write the state store");
  }

  Sandbox sandbox_;
  std::string store_before_;
  std::optional<HostProcess> host_;
};

json controls_of(std::size_t count) {
  json controls = json::array();
  for (std::size_t i = 0; i < count; ++i) {
    std::string key = "k";
    key += std::to_string(i);  // not "k" + …: GCC 12 warns falsely there (-Wrestrict, PR 105329)
    controls.push_back({{"key", key}, {"label", "unknown toggle"}, {"checked", false}});
  }
  return controls;
}

json page_state_with(json controls, json id = 1) {
  json message = unmatched_page_state(std::move(id));
  message["controls"] = std::move(controls);
  return message;
}

}  // namespace

TEST_SUITE("malformed input (real host over pipes)") {

TEST_CASE("malformed 01: zero-length frame → bad_json, keeps serving") {
  Session s;
  s.check_error(s.ask_raw(frame_header(0)), "bad_json", nullptr);
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 02: length 0xFFFFFFFF → too_large, exit 2") {
  Session s;
  REQUIRE(s.host().write_all(frame_header(0xFFFFFFFFu) + "{}"));
  s.check_error(s.read_checked(), "too_large", nullptr);
  s.expect_exit(2);
}

TEST_CASE("malformed 03: length one over 1 MiB → too_large, exit 2 — the body is never read") {
  Session s;
  REQUIRE(s.host().write_all(frame_header(kMaxIncoming + 1)));
  s.check_error(s.read_checked(), "too_large", nullptr);
  s.expect_exit(2);
}

TEST_CASE("malformed 04: a frame of exactly 1 MiB is accepted") {
  Session s;
  std::string body = R"({"type":"hello","id":"big","padding":")";
  body += std::string(kMaxIncoming - body.size() - 2, 'x') + "\"}";
  REQUIRE(body.size() == kMaxIncoming);
  const Reply reply = s.ask(body);
  CHECK(reply.value.value("type", "") == "hello");
  CHECK(reply.value["id"] == "big");
  s.finish_clean();
}

TEST_CASE("malformed 05: an HTTP request on stdin (header reads as a huge length) → too_large, exit 2") {
  Session s;
  REQUIRE(s.host().write_all("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  s.check_error(s.read_checked(), "too_large", nullptr);
  s.expect_exit(2);
}

TEST_CASE("malformed 06: short header then EOF → exit 0, no reply") {
  Session s;
  REQUIRE(s.host().write_all(std::string("\x10\x00", 2)));
  s.host().close_stdin();
  CHECK(s.host().read_reply().outcome == Reply::Outcome::eof);
  s.expect_exit(0);
}

TEST_CASE("malformed 07: short body then EOF → exit 0, no reply") {
  Session s;
  REQUIRE(s.host().write_all(frame_header(100) + R"({"type":"hel)"));
  s.host().close_stdin();
  CHECK(s.host().read_reply().outcome == Reply::Outcome::eof);
  s.expect_exit(0);
}

TEST_CASE("malformed 08: invalid UTF-8 → bad_utf8, keeps serving") {
  Session s;
  SUBCASE("truncated sequence") { s.expect_error("{\"type\":\"hello\",\"x\":\"\xC3\x28\"}", "bad_utf8"); }
  SUBCASE("overlong encoding of '/'") { s.expect_error("{\"type\":\"hello\",\"x\":\"\xC0\xAF\"}", "bad_utf8"); }
  SUBCASE("UTF-16 surrogate encoded in UTF-8") { s.expect_error("{\"type\":\"hello\",\"x\":\"\xED\xA0\x80\"}", "bad_utf8"); }
  SUBCASE("beyond U+10FFFF") { s.expect_error("{\"type\":\"hello\",\"x\":\"\xF4\x90\x80\x80\"}", "bad_utf8"); }
  SUBCASE("lone continuation byte outside a string") { s.expect_error("{\"type\":\"hello\"}\x80", "bad_utf8"); }
  SUBCASE("Latin-1 in a label") {
    json m = unmatched_page_state(3);
    std::string body = m.dump();
    body.replace(body.find("Nothing"), 7, "Nich\xE9s");
    s.expect_error(body, "bad_utf8");
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 09: invalid JSON → bad_json, keeps serving") {
  Session s;
  SUBCASE("truncated object") { s.expect_error(R"({"type":"hello")", "bad_json"); }
  SUBCASE("trailing comma") { s.expect_error(R"({"type":"hello",})", "bad_json"); }
  SUBCASE("single quotes") { s.expect_error(R"({'type':'hello'})", "bad_json"); }
  SUBCASE("two values in one frame") { s.expect_error(R"({"type":"hello"}{"type":"hello"})", "bad_json"); }
  SUBCASE("garbage after the value") { s.expect_error(R"({"type":"hello"} x)", "bad_json"); }
  SUBCASE("comment") { s.expect_error(R"({"type":"hello"/* hi */})", "bad_json"); }
  SUBCASE("number overflow") { s.expect_error(R"({"type":"hello","id":1e400})", "bad_json"); }
  SUBCASE("lone surrogate escape") { s.expect_error(R"({"type":"hello","x":"\ud800"})", "bad_json"); }
  SUBCASE("only whitespace") { s.expect_error("   \n\t ", "bad_json"); }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 10: valid JSON that is not an object → not_object") {
  Session s;
  for (const char* body : {"[1,2,3]", "\"hello\"", "42", "null", "true", "[{\"type\":\"hello\"}]"}) {
    INFO("body: " << body);
    s.expect_error(body, "not_object");
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 11: missing type → missing_type with the id echoed") {
  Session s;
  s.expect_error(R"({"id":11})", "missing_type", 11);
  s.expect_error(R"({})", "missing_type", nullptr);
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 12: wrong-typed type → missing_type") {
  Session s;
  s.expect_error(R"({"type":42,"id":"a"})", "missing_type", "a");
  s.expect_error(R"({"type":null,"id":"b"})", "missing_type", "b");
  s.expect_error(R"({"type":["hello"],"id":"c"})", "missing_type", "c");
  s.expect_error(R"({"type":{"name":"hello"},"id":"d"})", "missing_type", "d");
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 13: unknown type → unknown_type") {
  Session s;
  s.expect_error(R"({"type":"format_disk","id":13})", "unknown_type", 13);
  s.expect_error(R"({"type":"","id":14})", "unknown_type", 14);
  s.expect_error(R"({"type":"HELLO","id":15})", "unknown_type", 15);
  s.expect_error(R"({"type":"error","id":16})", "unknown_type", 16);
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 14: a huge controls array → bad_field controls") {
  Session s;
  SUBCASE("501 controls (one over the limit)") {
    s.expect_error(page_state_with(controls_of(501)).dump(), "bad_field", 1, "controls");
  }
  SUBCASE("1 MiB of empty objects (~350,000) is refused promptly, not in quadratic time") {
    std::string body = R"({"type":"page_state","id":1,"url":"https://www.linkedin.com/mypreferences/d/settings/ads-by-age","lang":"en","controls":[{})";
    while (body.size() + 5 <= kMaxIncoming) body += ",{}";
    body += "]}";
    REQUIRE(body.size() <= kMaxIncoming);
    const auto started = std::chrono::steady_clock::now();
    s.expect_error(body, "bad_field", 1, "controls");
    CHECK(std::chrono::steady_clock::now() - started < 5s);
  }
  SUBCASE("500 controls (at the limit) get a verdict") {
    const Reply reply = s.ask_json(page_state_with(controls_of(500)));
    CHECK(reply.value.value("type", "") == "verdict");
    CHECK(reply.value["unknown"].size() == 500);
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 15: deeply nested JSON → bad_json, no stack overflow") {
  Session s;
  SUBCASE("65 levels") { s.expect_error(R"({"type":"hello","x":)" + nested_arrays(64) + "}", "bad_json"); }
  SUBCASE("100,000 levels of arrays") { s.expect_error(nested_arrays(100000), "bad_json"); }
  SUBCASE("150,000 levels of objects") {
    std::string body;
    for (int i = 0; i < 150000; ++i) body += R"({"a":)";
    body += '1';
    body.append(150000, '}');
    REQUIRE(body.size() < kMaxIncoming);
    s.expect_error(body, "bad_json");
  }
  SUBCASE("64 levels are still served") {
    const Reply reply = s.ask(R"({"type":"hello","id":64,"x":)" + nested_arrays(63) + "}");
    CHECK(reply.value.value("type", "") == "hello");
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 16: duplicate keys → bad_json") {
  Session s;
  s.expect_error(R"({"type":"hello","id":1,"id":2})", "bad_json");
  s.expect_error(R"({"type":"hello","type":"page_state"})", "bad_json");
  // Nested: a control with two "checked" keys must not be read either way.
  s.expect_error(R"({"type":"page_state","id":3,"url":"https://www.linkedin.com/mypreferences/d/settings/ads-by-age","lang":"en","controls":[{"key":"allowAdsByAge","label":"","checked":false,"checked":true}]})",
                 "bad_json");
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 17: raw NUL bytes → bad_json — an escaped NUL in a label is data") {
  Session s;
  s.expect_error(std::string("{\"type\":\"hello\",\"id\":1}\0", 24), "bad_json");
  s.expect_error(std::string("{\"type\":\"hel\0lo\"}", 17), "bad_json");
  s.expect_error(std::string("\0\0\0\0", 4), "bad_json");
  json m = unmatched_page_state(17);
  m["controls"][0]["label"] = std::string("a\0b", 3);
  const Reply reply = s.ask_json(m);
  CHECK(reply.value.value("type", "") == "verdict");
  REQUIRE(reply.value["unknown"].size() == 1);
  CHECK(reply.value["unknown"][0]["label"] == std::string("a\0b", 3));
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 18: control characters in labels are echoed escaped, never raw") {
  Session s;
  std::string nasty;
  for (char c = 1; c < 0x20; ++c) nasty += c;
  nasty += "\x7f\"\\</script><img src=x onerror=alert(1)>\u2028\u2029";
  json m = unmatched_page_state(18);
  m["controls"][0]["label"] = nasty;
  m["controls"][0]["key"] = nasty;
  const Reply reply = s.ask_json(m);
  CHECK(reply.value.value("type", "") == "verdict");
  REQUIRE(reply.value["unknown"].size() == 1);
  CHECK(reply.value["unknown"][0]["label"] == nasty);
  CHECK(reply.value["unknown"][0]["key"] == nasty);
  for (unsigned char c : reply.body) CHECK_MESSAGE(c >= 0x20, "raw control byte in the reply");
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 19: a URL not on LinkedIn's settings pages → not_linkedin") {
  Session s;
  for (const char* url : {
           "https://evil.example/mypreferences/d/settings/data-for-ai-improvement",
           "http://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
           "https://www.linkedin.com.evil.example/mypreferences/d/settings/data-for-ai-improvement",
           "https://www.linkedin.com@evil.example/mypreferences/d/settings/data-for-ai-improvement",
           "https://www.linkedin.com/feed/",
           "https://www.linkedin.com/mypreferencesX/d/settings/ads-by-age",
           "https://linkedin.com/mypreferences/d/settings/ads-by-age",
           "javascript:alert(1)//https://www.linkedin.com/mypreferences/",
           "file:///etc/passwd",
           "",
       }) {
    INFO("url: " << url);
    json m = recorded_page_state(19, true);
    m["url"] = url;
    s.expect_error(m.dump(), "not_linkedin", 19);
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 20: page_state for a settings page the ruleset does not know → verdict, setting null") {
  Session s;
  json m = unmatched_page_state(20);
  m["url"] = "https://www.linkedin.com/mypreferences/d/settings/no-such-page-anywhere";
  const Reply reply = s.ask_json(m);
  CHECK(reply.value.value("type", "") == "verdict");
  CHECK(reply.value["id"] == 20);
  CHECK(reply.value["setting"].is_null());
  CHECK(reply.value["highlight"].empty());
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 21: wrong-typed or missing page_state fields → bad_field naming the field") {
  Session s;
  struct Case {
    const char* field;
    std::function<void(json&)> spoil;
  };
  const std::vector<Case> cases = {
      {"url", [](json& m) { m.erase("url"); }},
      {"url", [](json& m) { m["url"] = 42; }},
      {"url", [](json& m) { m["url"] = "https://www.linkedin.com/mypreferences/d/settings/ads-by-age?" + std::string(2100, 'q'); }},
      {"lang", [](json& m) { m["lang"] = json::array(); }},
      {"controls", [](json& m) { m.erase("controls"); }},
      {"controls", [](json& m) { m["controls"] = json::object(); }},
      {"controls", [](json& m) { m["controls"] = json::array({42}); }},
      {"controls", [](json& m) { m["controls"][0]["checked"] = "yes"; }},
      {"controls", [](json& m) { m["controls"][0]["key"] = 7; }},
      {"controls", [](json& m) { m["controls"][0]["key"] = std::string(257, 'k'); }},
      {"controls", [](json& m) { m["controls"][0]["label"] = nullptr; }},
      {"controls", [](json& m) { m["controls"][0]["label"] = std::string(1025, 'l'); }},
  };
  for (const auto& c : cases) {
    json m = unmatched_page_state(21);
    c.spoil(m);
    INFO("message: " << m.dump().substr(0, 300));
    const Reply reply = s.ask_json(m);
    Session::check_error(reply, "bad_field", 21);
    // The control fields may be named precisely ("controls[0].checked"); they start with the array.
    CHECK(reply.value.value("field", "").starts_with(c.field));
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 22: bad fields of the other message types → bad_field") {
  Session s;
  s.expect_error(R"({"type":"walkthrough","id":1,"action":"explode"})", "bad_field", 1, "action");
  s.expect_error(R"({"type":"walkthrough","id":2,"action":7})", "bad_field", 2, "action");
  s.expect_error(R"({"type":"walkthrough","id":3})", "bad_field", 3, "action");
  s.expect_error(R"({"type":"report","id":4,"format":"pdf"})", "bad_field", 4, "format");
  s.expect_error(R"({"type":"report","id":5,"format":["html"]})", "bad_field", 5, "format");
  s.expect_error(R"({"type":"config","id":6,"region":"ATLANTIS"})", "bad_field", 6, "region");
  s.expect_error(R"({"type":"config","id":7,"region":1})", "bad_field", 7, "region");
  s.expect_error(R"({"type":"hello","id":8,"extension_version":{"major":1}})", "bad_field", 8, "extension_version");
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 23: wrong-typed id → bad_field id, id null") {
  Session s;
  for (const char* body : {R"({"type":"hello","id":[1]})", R"({"type":"hello","id":{"x":1}})",
                           R"({"type":"hello","id":true})", R"({"type":"hello","id":1.5})"}) {
    INFO("body: " << body);
    s.expect_error(body, "bad_field", nullptr, "id");
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 24: oversized id → bad_field id, id null — 64 characters are fine") {
  Session s;
  s.expect_error(json{{"type", "hello"}, {"id", std::string(65, 'i')}}.dump(), "bad_field", nullptr, "id");
  s.expect_error(json{{"type", "hello"}, {"id", std::string(500000, 'i')}}.dump(), "bad_field", nullptr, "id");
  const std::string ok_id(64, 'i');
  const Reply reply = s.ask_json(json{{"type", "hello"}, {"id", ok_id}});
  CHECK(reply.value["id"] == ok_id);
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 25: many messages in one write → every reply, in order") {
  Session s;
  std::string batch;
  constexpr int kCount = 200;
  for (int i = 0; i < kCount; ++i) {
    if (i % 3 == 0) batch += frame(R"({"type":"hello","id":)" + std::to_string(i) + "}");
    else if (i % 3 == 1) batch += frame(unmatched_page_state(i).dump());
    else batch += frame(R"({"type":"nope","id":)" + std::to_string(i) + "}");
  }
  REQUIRE(s.host().write_all(batch));
  for (int i = 0; i < kCount; ++i) {
    const Reply reply = s.read_checked();
    CHECK(reply.value["id"] == i);
    CHECK(reply.value.value("type", "") == (i % 3 == 0 ? "hello" : i % 3 == 1 ? "verdict" : "error"));
  }
  s.finish_clean();
}

TEST_CASE("malformed 26: one message split over many writes → one reply") {
  Session s;
  const std::string bytes = frame(unmatched_page_state("split").dump());
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    REQUIRE(s.host().write_all(bytes.substr(at, 1)));
    if (at < 8) std::this_thread::sleep_for(5ms);  // the header itself arrives in pieces
  }
  const Reply reply = s.read_checked();
  CHECK(reply.value["id"] == "split");
  CHECK(reply.value.value("type", "") == "verdict");
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 27: stdin closed mid-frame after good messages → replies, then exit 0") {
  Session s;
  s.expect_still_serving();
  const std::string bytes = frame(unmatched_page_state(27).dump());
  REQUIRE(s.host().write_all(bytes.substr(0, bytes.size() / 2)));
  std::this_thread::sleep_for(50ms);
  s.host().close_stdin();
  CHECK(s.host().read_reply().outcome == Reply::Outcome::eof);
  s.expect_exit(0);
}

TEST_CASE("malformed 28: stdout closed by the reader (EPIPE) → exit 0, no crash") {
  Session s;
  s.expect_still_serving();
  s.host().close_stdout();
  // Enough replies to hit the closed pipe whatever the pipe buffer holds.
  for (int i = 0; i < 50; ++i) {
    if (!s.host().send(R"({"type":"hello"})")) break;
  }
  s.host().close_stdin();
  s.expect_exit(0);
}

TEST_CASE("malformed 29: SIGTERM → exit 0") {
  Session s;
  s.expect_still_serving();
  s.host().signal(SIGTERM);
  s.expect_exit(0);
}

TEST_CASE("malformed 30: SIGINT → exit 0") {
  Session s;
  s.expect_still_serving();
  s.host().signal(SIGINT);
  s.expect_exit(0);
}

TEST_CASE("malformed 31: SIGPIPE is ignored — the host keeps serving") {
  Session s;
  s.expect_still_serving();
  s.host().signal(SIGPIPE);
  std::this_thread::sleep_for(50ms);
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 32: SIGTERM in the middle of a stream of recording writes → exit 0, store parses") {
  // Here the store may change (the messages are recorded): it must stay valid JSON.
  Sandbox sandbox;
  HostProcess host(sandbox);
  for (int i = 0; i < 200; ++i) REQUIRE(host.send_json(recorded_page_state(i, i % 2 == 0)));
  (void)host.read_reply();
  host.signal(SIGTERM);
  const ExitStatus status = host.wait_exit();
  INFO("host stderr: " << host.stderr_text());
  CHECK_MESSAGE((!status.timed_out && !status.signaled && status.code == 0), status.describe());
  REQUIRE(fs::exists(sandbox.store_file()));
  CHECK(json::accept(sandbox.store_bytes()));
}

TEST_CASE("harness: a write to a host that reads nothing gives up at its deadline instead of blocking") {
  // The harness's own promise (every wait has a timeout): a host that stops reading while its
  // replies fill the other pipe must fail a test, not hang the whole test program. A process that
  // never reads stands in for such a host.
  Sandbox sandbox;
  HostProcess stuck(sandbox, {}, {"/bin/sh", "-c", "exec sleep 30"});
  const std::string bytes(4 * 1024 * 1024, 'x');  // far more than any pipe holds
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(stuck.write_all(bytes, 300ms));
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}

TEST_CASE("malformed 33: the reply cap holds whatever the input: nothing over 1 MiB") {
  Session s;
  SUBCASE("500 controls with 1024-character two-byte labels (echoed as unknown)") {
    // ~1 MiB of labels the host has to echo back in `unknown`: the verdict would exceed the cap
    // unless it is truncated (or the labels are refused as too long in bytes).
    json controls = json::array();
    std::string label;
    for (int i = 0; i < 1024; ++i) label += "\xC3\xA9";  // é
    for (int i = 0; i < 500; ++i) controls.push_back({{"key", nullptr}, {"label", label}, {"checked", true}});
    json m = page_state_with(std::move(controls), "cap");
    std::string body = m.dump();
    if (body.size() > kMaxIncoming) {  // trim labels evenly to just under the incoming limit
      const std::size_t excess = body.size() - kMaxIncoming + 64;
      const std::size_t per = (excess / 500 + 2) / 2 * 2;
      for (auto& c : m["controls"]) c["label"] = label.substr(0, label.size() - per);
      body = m.dump();
    }
    REQUIRE(body.size() <= kMaxIncoming);
    const Reply reply = s.ask(body);
    CHECK(reply.value["id"] == "cap");
    if (reply.value["type"] == "verdict") {
      // Either everything is there, or the verdict says it is not.
      if (!reply.value.value("truncated", false)) CHECK(reply.value["unknown"].size() == 500);
      else CHECK(reply.value["unknown"].size() < 500);
    } else {
      CHECK(reply.value.value("type", "") == "error");
      const std::string code = reply.value.value("code", "");
      CHECK((code == "too_large" || code == "bad_field"));
    }
  }
  SUBCASE("controls with maximal keys and control-character labels") {
    json controls = json::array();
    for (int i = 0; i < 150; ++i)  // 150 × ~6.4 KB escaped: just under the incoming limit
      controls.push_back({{"key", std::string(256, static_cast<char>('a' + i % 26))},
                          {"label", std::string(1024, '\x01')},  // 6 bytes each once escaped
                          {"checked", nullptr}});
    const Reply reply = s.ask_json(page_state_with(std::move(controls), "ascii"));
    CHECK(reply.value["id"] == "ascii");
  }
  s.expect_still_serving();
  s.finish_clean();
}

TEST_CASE("malformed 34: after too_large the rest of the stream is not served") {
  Session s;
  REQUIRE(s.host().write_all(frame_header(kMaxIncoming + 10) + frame(R"({"type":"hello","id":"after"})")));
  s.check_error(s.read_checked(), "too_large", nullptr);
  CHECK(s.host().read_reply().outcome == Reply::Outcome::eof);
  s.expect_exit(2);
}

TEST_CASE("malformed 35: hostile text in the store or a page never reaches the HTML report unescaped") {
  Sandbox sandbox;
  const std::string hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
  {  // A page_state from a hostile page: the URL path carries markup (it is recorded in history).
    HostProcess host(sandbox);
    json m = recorded_page_state(1, true);
    m["url"] = m["url"].get<std::string>() + "?q=" + hostile;  // the setting's own page
    REQUIRE(host.send_json(m));
    REQUIRE(host.read_reply().outcome == Reply::Outcome::reply);
    host.close_stdin();
    REQUIRE(host.wait_exit().code == 0);
  }
  {  // A local process edits the store: markup in setting ids and history (the host may also
     // refuse the file as corrupt; either way nothing hostile may come out raw).
    json store = json::parse(sandbox.store_bytes());
    store["settings"][hostile] = store["settings"]["data-for-ai-improvement"];
    store["history"].push_back({{"at", hostile}, {"setting", hostile}, {"from", hostile}, {"to", "on"}, {"url", hostile}});
    std::ofstream(sandbox.store_file(), std::ios::binary | std::ios::trunc) << store.dump(2);
  }
  for (const char* format : {"html", "md", "json"}) {
    HostProcess host(sandbox, {"report", "--format", format});
    host.close_stdin();
    const std::string report = host.read_until_eof();
    const ExitStatus status = host.wait_exit();
    INFO("format " << format << ": " << status.describe() << "\nstderr: " << host.stderr_text());
    CHECK_FALSE(status.signaled);
    CHECK_FALSE(report.empty());
    if (std::string_view(format) == "html") {
      CHECK(report.find("<script") == std::string::npos);
      CHECK(report.find("<img") == std::string::npos);
      CHECK(report.find("Content-Security-Policy") != std::string::npos);
    }
    if (std::string_view(format) == "json") CHECK(json::accept(report));
  }
}

TEST_CASE("malformed 36: hostile timestamps in the store never reach the Markdown report raw") {
  Sandbox sandbox;
  {
    HostProcess host(sandbox);
    REQUIRE(host.send_json(recorded_page_state(1, true)));
    REQUIRE(host.read_reply().outcome == Reply::Outcome::reply);
    host.close_stdin();
    REQUIRE(host.wait_exit().code == 0);
  }
  // A local process writes markup and Markdown structure where timestamps belong.
  const std::string hostile = "<img src=x onerror=alert(1)> | cell\n# injected heading\n[link](javascript:alert(2))";
  json store = json::parse(sandbox.store_bytes());
  auto& record = store["settings"]["data-for-ai-improvement"];
  record["last_seen"] = record["last_changed"] = record["first_seen"] = hostile;
  for (auto& entry : store["history"]) entry["at"] = hostile;
  std::ofstream(sandbox.store_file(), std::ios::binary | std::ios::trunc) << store.dump(2);

  HostProcess host(sandbox, {"report", "--format", "md"});
  host.close_stdin();
  const std::string report = host.read_until_eof();
  const ExitStatus status = host.wait_exit();
  INFO(status.describe() << "\nreport:\n" << report << "\nstderr: " << host.stderr_text());
  CHECK(status.code == 0);
  CHECK(report.find("<img") == std::string::npos);
  CHECK(report.find("\n# injected") == std::string::npos);
  CHECK(report.find("[link](") == std::string::npos);
  CHECK(report.find("&gt; \\| cell") != std::string::npos);  // an unescaped pipe would split the table row
  CHECK(report.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

}  // TEST_SUITE
