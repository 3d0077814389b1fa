// The wire format: envelope checks in the doc's order, the generated reader's typed requests with
// their limits, and the doc's own examples (docs/protocol.md), which must parse and, for requests,
// be accepted.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "handlers/page_state.hpp"
#include "json_util.hpp"
#include "protocol.hpp"
#include "test_dispatch_support.hpp"

using namespace linkedout;
using namespace linkedout::protocol;
using nlohmann::json;

namespace {

// What the envelope checks see of a request the generated reader accepted.
struct Envelope {
  json id;
  std::string type;
  std::optional<std::string> ui_lang;
};
Envelope parse_envelope(std::string_view body) {
  const Request request = read_request(body);
  return {request_id(request), std::string(request_type(request)),
          std::visit([](const auto& typed) { return typed.ui_lang; }, request)};
}

ProtocolError envelope_error(std::string_view body) {
  try {
    read_request(body);
  } catch (const ProtocolError& e) {
    return e;
  }
  FAIL("accepted: " << body);
  return ProtocolError(ErrorCode::internal, "");
}

template <typename Parse>
ProtocolError field_error(Parse parse, const json& message) {
  try {
    parse(message);
  } catch (const ProtocolError& e) {
    return e;
  }
  FAIL("accepted: " << message.dump());
  return ProtocolError(ErrorCode::internal, "");
}

// The typed requests, from a message (its type added when missing).
template <class Typed>
Typed read_as(json message, const char* type) {
  if (!message.contains("type")) message["type"] = type;
  return std::get<Typed>(read_request(message.dump()));
}
PageState parse_page_state(const json& message) {
  auto request = read_as<PageStateRequest>(message, "page_state");
  PageState page{request.url, page_path(request.url), request.lang, request.controls};
  return page;
}
WalkthroughRequest parse_walkthrough(const json& message) { return read_as<WalkthroughRequest>(message, "walkthrough"); }
ConfigRequest parse_config(const json& message) { return read_as<ConfigRequest>(message, "config"); }

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

json good_page() {
  return core_test::page_state(core_test::settings_url("ads-by-age"), "en",
                               json::array({core_test::control("allowAdsByAge", "Age range", true)}));
}

std::vector<json> doc_examples() {
  std::ifstream in(std::string(LINKEDOUT_SOURCE_DIR) + "/docs/protocol.md");
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  std::vector<json> out;
  const std::regex block("```json example\\n([\\s\\S]*?)```");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), block); it != std::sregex_iterator(); ++it) {
    const std::string body = (*it)[1].str();
    auto parsed = json_util::parse_strict(body);
    REQUIRE_MESSAGE(parsed.ok, "doc example does not parse: " << body << parsed.error);
    out.push_back(parsed.value);
  }
  return out;
}

// Request examples are those a client sends; reply examples carry reply-only fields.
bool is_request(const json& example) {
  const std::string type = example.value("type", "");
  if (type == "hello") return !example.contains("host_version");
  if (type == "walkthrough") return example.contains("action");
  if (type == "report") return !example.contains("content");
  if (type == "config") return !example.contains("regions");
  if (type == "status") return !example.contains("plan");
  return type == "page_state";
}

}  // namespace

TEST_CASE("protocol: error codes have their documented names") {
  CHECK(to_string(ErrorCode::bad_json) == "bad_json");
  CHECK(to_string(ErrorCode::bad_utf8) == "bad_utf8");
  CHECK(to_string(ErrorCode::not_object) == "not_object");
  CHECK(to_string(ErrorCode::too_large) == "too_large");
  CHECK(to_string(ErrorCode::missing_type) == "missing_type");
  CHECK(to_string(ErrorCode::unknown_type) == "unknown_type");
  CHECK(to_string(ErrorCode::bad_field) == "bad_field");
  CHECK(to_string(ErrorCode::not_linkedin) == "not_linkedin");
  CHECK(to_string(ErrorCode::not_allowed) == "not_allowed");
  CHECK(to_string(ErrorCode::store_error) == "store_error");
  CHECK(to_string(ErrorCode::internal) == "internal");
}

TEST_CASE("protocol: envelope refusals, in the documented order") {
  CHECK(envelope_error("").code == ErrorCode::bad_json);
  CHECK(envelope_error("{").code == ErrorCode::bad_json);
  CHECK(envelope_error("{\"type\":\"hello\"} x").code == ErrorCode::bad_json);
  CHECK(envelope_error("{\"type\":\"hello\",\"type\":\"hello\"}").code == ErrorCode::bad_json);
  CHECK(envelope_error("{\"type\":\"hello\",\"x\":{\"a\":1,\"a\":2}}").code == ErrorCode::bad_json);
  CHECK(envelope_error("{\"type\":\"hello\",\"x\":[{\"a\":1,\"a\":2}]}").code == ErrorCode::bad_json);
  CHECK(envelope_error(nested(65)).code == ErrorCode::bad_json);
  CHECK(envelope_error(nested(64)).code == ErrorCode::not_object);  // 64 levels are fine
  CHECK(envelope_error("{\"type\":\"hello\",\"x\":" + nested(64) + "}").code == ErrorCode::bad_json);
  CHECK(parse_envelope("{\"type\":\"hello\",\"x\":" + nested(63) + "}").type == "hello");
  CHECK(envelope_error(std::string("{\"type\":\"hello\"}\0", 17)).code == ErrorCode::bad_json);
  CHECK(envelope_error("{\"type\":\"a\tb\"}").code == ErrorCode::bad_json);  // raw control character

  CHECK(envelope_error("{\"type\":\"\xff\"}").code == ErrorCode::bad_utf8);
  CHECK(envelope_error("{\"type\":\"\xc0\xaf\"}").code == ErrorCode::bad_utf8);          // overlong '/'
  CHECK(envelope_error("{\"type\":\"\xed\xa0\x80\"}").code == ErrorCode::bad_utf8);      // surrogate
  CHECK(envelope_error("{\"type\":\"\xf4\x90\x80\x80\"}").code == ErrorCode::bad_utf8);  // > U+10FFFF
  CHECK(envelope_error("{\"type\":\"\xe2\x82\"}").code == ErrorCode::bad_utf8);          // cut short
  CHECK(envelope_error("\xff{").code == ErrorCode::bad_utf8);  // UTF-8 is checked before JSON

  CHECK(envelope_error("[]").code == ErrorCode::not_object);
  CHECK(envelope_error("\"hello\"").code == ErrorCode::not_object);
  CHECK(envelope_error("null").code == ErrorCode::not_object);
  CHECK(envelope_error("42").code == ErrorCode::not_object);

  CHECK(envelope_error("{}").code == ErrorCode::missing_type);
  CHECK(envelope_error("{\"type\":7}").code == ErrorCode::missing_type);
  CHECK(envelope_error("{\"type\":null}").code == ErrorCode::missing_type);
  CHECK(envelope_error("{\"type\":[\"hello\"]}").code == ErrorCode::missing_type);
}

TEST_CASE("protocol: id echo rules") {
  CHECK(parse_envelope(R"({"type":"hello","id":7})").id == 7);
  CHECK(parse_envelope(R"({"type":"hello","id":-7})").id == -7);
  CHECK(parse_envelope(R"({"type":"hello","id":18446744073709551615})").id == 18446744073709551615ull);
  CHECK(parse_envelope(R"({"type":"hello","id":"abc"})").id == "abc");
  CHECK(parse_envelope(R"({"type":"hello"})").id.is_null());
  CHECK(parse_envelope(R"({"type":"hello","id":null})").id.is_null());
  const std::string id64(64, 'x');
  CHECK(parse_envelope(R"({"type":"hello","id":")" + id64 + "\"}").id == id64);
  const std::string id64_wide = [] {
    std::string s;
    for (int i = 0; i < 64; ++i) s += "é";
    return s;
  }();
  CHECK(parse_envelope(R"({"type":"hello","id":")" + id64_wide + "\"}").id == id64_wide);  // chars, not bytes

  for (const std::string& bad : {"\"" + id64 + "x\"", std::string("1.5"), std::string("true"), std::string("{}"),
                                std::string("[1]")}) {
    INFO(bad);
    const auto e = envelope_error(R"({"type":"hello","id":)" + bad + "}");
    CHECK(e.code == ErrorCode::bad_field);
    CHECK(e.field == "id");
    CHECK(e.id.is_null());
  }
  // A readable id is echoed on envelope errors that come after reading it.
  CHECK(envelope_error(R"({"id":"k"})").id == "k");
  CHECK(envelope_error(R"({"id":3,"type":false})").id == 3);
  CHECK(envelope_error(R"({"id":"x"} junk)").id.is_null());
}

TEST_CASE("protocol: page_state fields and limits") {
  const PageState page = parse_page_state(good_page());
  CHECK(page.url == core_test::settings_url("ads-by-age"));
  CHECK(page.path == "/mypreferences/d/settings/ads-by-age");
  CHECK(page.lang == "en");
  REQUIRE(page.controls.size() == 1);
  CHECK(page.controls[0].key == "allowAdsByAge");
  CHECK(page.controls[0].label == "Age range");
  CHECK(page.controls[0].checked == true);

  SUBCASE("query, fragment and trailing slash are ignored for the path") {
    json m = good_page();
    m["url"] = core_test::settings_url("ads-by-age") + "/?trk=nav#top";
    CHECK(parse_page_state(m).path == "/mypreferences/d/settings/ads-by-age");
  }
  SUBCASE("null key and null checked") {
    json m = good_page();
    m["controls"] = json::array({core_test::control(nullptr, "", nullptr)});
    const auto p = parse_page_state(m);
    CHECK_FALSE(p.controls[0].key);
    CHECK_FALSE(p.controls[0].checked);
  }
  SUBCASE("unknown extra fields are ignored") {
    json m = good_page();
    m["future"] = {{"x", 1}};
    m["controls"][0]["aria"] = "whatever";
    CHECK_NOTHROW(parse_page_state(m));
  }
  SUBCASE("at the limits") {
    json m = good_page();
    m["url"] = core_test::settings_url(std::string(2048 - core_test::settings_url("").size(), 'a'));
    m["controls"] = json::array();
    for (int i = 0; i < 500; ++i) m["controls"].push_back(core_test::control(std::string(256, 'k'), std::string(1024, 'l'), false));
    CHECK(parse_page_state(m).controls.size() == 500);
    m["controls"] = json::array();
    CHECK(parse_page_state(m).controls.empty());
  }

  struct Case {
    const char* name;
    std::function<void(json&)> spoil;
    ErrorCode code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"url missing", [](json& m) { m.erase("url"); }, ErrorCode::bad_field, "url"},
      {"url not a string", [](json& m) { m["url"] = 5; }, ErrorCode::bad_field, "url"},
      {"url too long", [](json& m) { m["url"] = core_test::settings_url(std::string(2049, 'a')); }, ErrorCode::bad_field, "url"},
      {"url http", [](json& m) { m["url"] = "http://www.linkedin.com/mypreferences/d/settings/x"; }, ErrorCode::not_linkedin, ""},
      {"url other host", [](json& m) { m["url"] = "https://evil.example/mypreferences/d/settings/x"; }, ErrorCode::not_linkedin, ""},
      {"url user-info trick", [](json& m) { m["url"] = "https://www.linkedin.com@evil.example/mypreferences/"; }, ErrorCode::not_linkedin, ""},
      {"url lookalike host", [](json& m) { m["url"] = "https://www.linkedin.com.evil.example/mypreferences/"; }, ErrorCode::not_linkedin, ""},
      {"url not a settings page", [](json& m) { m["url"] = "https://www.linkedin.com/feed/"; }, ErrorCode::not_linkedin, ""},
      {"url upper-case host", [](json& m) { m["url"] = "https://WWW.LINKEDIN.COM/mypreferences/d/settings/x"; }, ErrorCode::not_linkedin, ""},
      {"lang missing", [](json& m) { m.erase("lang"); }, ErrorCode::bad_field, "lang"},
      {"lang not a string", [](json& m) { m["lang"] = nullptr; }, ErrorCode::bad_field, "lang"},
      {"lang too long", [](json& m) { m["lang"] = "en-" + std::string(kMaxLang - 2, 'a'); }, ErrorCode::bad_field, "lang"},
      {"lang with a space", [](json& m) { m["lang"] = "en US"; }, ErrorCode::bad_field, "lang"},
      {"lang with an empty subtag", [](json& m) { m["lang"] = "en--US"; }, ErrorCode::bad_field, "lang"},
      {"lang starting with a digit", [](json& m) { m["lang"] = "1en"; }, ErrorCode::bad_field, "lang"},
      {"lang subtag over 8", [](json& m) { m["lang"] = "abcdefghi"; }, ErrorCode::bad_field, "lang"},
      {"controls missing", [](json& m) { m.erase("controls"); }, ErrorCode::bad_field, "controls"},
      {"controls an object", [](json& m) { m["controls"] = json::object(); }, ErrorCode::bad_field, "controls"},
      {"controls over 500",
       [](json& m) {
         m["controls"] = json::array();
         for (int i = 0; i < 501; ++i) m["controls"].push_back(core_test::control("k", "l", true));
       },
       ErrorCode::bad_field, "controls"},
      {"control not an object", [](json& m) { m["controls"].push_back(7); }, ErrorCode::bad_field, "controls[1]"},
      {"key missing", [](json& m) { m["controls"][0].erase("key"); }, ErrorCode::bad_field, "controls[0].key"},
      {"key a number", [](json& m) { m["controls"][0]["key"] = 1; }, ErrorCode::bad_field, "controls[0].key"},
      {"key too long", [](json& m) { m["controls"][0]["key"] = std::string(257, 'k'); }, ErrorCode::bad_field, "controls[0].key"},
      {"label missing", [](json& m) { m["controls"][0].erase("label"); }, ErrorCode::bad_field, "controls[0].label"},
      {"label null", [](json& m) { m["controls"][0]["label"] = nullptr; }, ErrorCode::bad_field, "controls[0].label"},
      {"label too long", [](json& m) { m["controls"][0]["label"] = std::string(1025, 'l'); }, ErrorCode::bad_field, "controls[0].label"},
      {"checked missing", [](json& m) { m["controls"][0].erase("checked"); }, ErrorCode::bad_field, "controls[0].checked"},
      {"checked a string", [](json& m) { m["controls"][0]["checked"] = "true"; }, ErrorCode::bad_field, "controls[0].checked"},
      {"checked a number", [](json& m) { m["controls"][0]["checked"] = 1; }, ErrorCode::bad_field, "controls[0].checked"},
      {"disabled null", [](json& m) { m["controls"][0]["disabled"] = nullptr; }, ErrorCode::bad_field, "controls[0].disabled"},
      {"disabled a string", [](json& m) { m["controls"][0]["disabled"] = "true"; }, ErrorCode::bad_field, "controls[0].disabled"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    json m = good_page();
    c.spoil(m);
    const auto e = field_error(parse_page_state, m);
    CHECK(e.code == c.code);
    CHECK(e.field == c.field);
    CHECK(std::string(e.what()).size() > 10);
  }
}

TEST_CASE("protocol: hello, walkthrough and config fields") {
  core_test::Host host;
  CHECK(host.send(json{{"type", "hello"}})["type"] == "hello");
  CHECK(host.send(json{{"type", "hello"}, {"extension_version", "0.1.0"}})["type"] == "hello");
  CHECK(host.send(json{{"type", "hello"}, {"extension_version", 1}})["field"] == "extension_version");
  CHECK(host.send(json{{"type", "hello"}, {"extension_version", std::string(kMaxVersion + 1, 'v')}})["field"] ==
        "extension_version");

  CHECK(parse_walkthrough(json{{"action", "start"}}).action == WalkthroughAction::start);
  CHECK(parse_walkthrough(json{{"action", "status"}}).action == WalkthroughAction::status);
  CHECK(parse_walkthrough(json{{"action", "reset"}}).action == WalkthroughAction::reset);
  const auto mark = parse_walkthrough(json{{"action", "mark_done"}, {"step", "objection-form"}});
  CHECK(mark.action == WalkthroughAction::mark_done);
  CHECK(mark.step == "objection-form");
  CHECK(field_error(parse_walkthrough, json::object()).field == "action");
  CHECK(field_error(parse_walkthrough, json{{"action", "jump"}}).field == "action");
  CHECK(field_error(parse_walkthrough, json{{"action", 1}}).field == "action");
  CHECK(field_error(parse_walkthrough, json{{"action", "mark_done"}}).field == "step");
  CHECK(field_error(parse_walkthrough, json{{"action", "mark_done"}, {"step", false}}).field == "step");

  CHECK_FALSE(parse_config(json::object()).region);  // absent: leave the region as it is
  const auto set = parse_config(json{{"region", "EU"}});
  REQUIRE(set.region);
  CHECK(*set.region == "EU");
  const auto clear = parse_config(json{{"region", nullptr}});
  REQUIRE(clear.region);  // present, null: clear it
  CHECK_FALSE(*clear.region);
  CHECK(field_error(parse_config, json{{"region", 3}}).field == "region");
  for (const char* bad : {"eu", "E", "EU1", "E-U", "ABCDEFGHI", ""}) {
    CHECK_MESSAGE(field_error(parse_config, json{{"region", bad}}).field == "region", bad);
  }
  CHECK(*parse_config(json{{"region", "ABCDEFGH"}}).region == "ABCDEFGH");  // a code; the handler checks the ruleset
}

TEST_CASE("protocol: language tags and region codes as the schema's patterns say") {
  for (const char* good : {"", "en", "de-DE", "zh-Hant-TW", "x-1", "abcdefgh-12345678"}) CHECK_MESSAGE(is_language_tag(good), good);
  for (const char* bad : {"-", "en-", "-en", "en_US", "en US", "1", "abcdefghi", "en-123456789", "dé"}) {
    CHECK_FALSE_MESSAGE(is_language_tag(bad), bad);
  }
  for (const char* good : {"EU", "OTHER", "ABCDEFGH"}) CHECK_MESSAGE(is_region_code(good), good);
  for (const char* bad : {"", "E", "eu", "ABCDEFGHI", "E1"}) CHECK_FALSE_MESSAGE(is_region_code(bad), bad);
}

TEST_CASE("protocol: ui_lang rides in the envelope, checked after id and before the type's fields") {
  CHECK_FALSE(parse_envelope(R"({"type":"hello"})").ui_lang);
  CHECK(parse_envelope(R"({"type":"hello","ui_lang":"de-DE"})").ui_lang == "de-DE");
  CHECK(envelope_error(R"({"type":"nonsense","ui_lang":"f r"})").field == "ui_lang");  // envelope: before unknown_type
  CHECK(envelope_error(R"({"type":"nonsense","ui_lang":"fr"})").code == ErrorCode::unknown_type);
  std::string max_tag = "a";  // "a-a-…-a": only the length can make it wrong
  while (max_tag.size() < kMaxLang) max_tag += "-a";
  REQUIRE(max_tag.size() == kMaxLang);
  CHECK(parse_envelope(R"({"type":"hello","ui_lang":")" + max_tag + "\"}").ui_lang == max_tag);
  for (const std::string& bad : {std::string("\"") + max_tag + "a\"", std::string("\"en US\""), std::string("7"),
                                std::string("null"), std::string("[\"en\"]")}) {
    const auto error = envelope_error(R"({"type":"hello","id":3,"ui_lang":)" + bad + "}");
    CHECK_MESSAGE(error.code == ErrorCode::bad_field, bad);
    CHECK(error.field == "ui_lang");
    CHECK(error.id == 3);  // the id was readable: the reply names it
  }
  CHECK(envelope_error(R"({"type":"hello","id":1.5,"ui_lang":7})").field == "id");  // id first
}

TEST_CASE("protocol: every json example in docs/protocol.md parses — request examples are accepted") {
  const auto examples = doc_examples();
  REQUIRE(examples.size() >= 8);
  std::set<std::string> request_types;
  for (const auto& example : examples) {
    INFO(example.dump());
    REQUIRE(example.is_object());
    if (!is_request(example)) continue;
    Request request;
    REQUIRE_NOTHROW(request = read_request(example.dump()));
    request_types.insert(std::string(request_type(request)));
  }
  CHECK(request_types == std::set<std::string>{"hello", "page_state", "walkthrough", "config", "status", "report"});
}

TEST_CASE("protocol: the host's replies have exactly the fields of the doc's reply examples") {
  core_test::Host host;
  std::map<std::string, json> doc_replies;
  json doc_requests = json::object();
  for (const auto& example : doc_examples()) {
    if (is_request(example)) {
      doc_requests[example.value("type", "")] = example;
    } else {
      doc_replies[example.value("type", "")] = example;
    }
  }
  auto keys = [](const json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
  };
  const json hello = host.send(doc_requests["hello"]);
  CHECK(keys(hello) == keys(doc_replies.at("hello")));
  CHECK(keys(hello["ruleset"]) == keys(doc_replies.at("hello")["ruleset"]));
  const json verdict = host.send(doc_requests["page_state"]);
  CHECK(keys(verdict) == keys(doc_replies.at("verdict")));
  CHECK(keys(verdict["highlight"][0]) == keys(doc_replies.at("verdict")["highlight"][0]));
  CHECK(keys(verdict["next"]) == keys(doc_replies.at("verdict")["next"]));
  CHECK(verdict["highlight"] == doc_replies.at("verdict")["highlight"]);
  const json plan = host.send(doc_requests["walkthrough"]);
  CHECK(keys(plan) == keys(doc_replies.at("walkthrough")));
  CHECK(keys(plan["steps"][0]) == keys(doc_replies.at("walkthrough")["steps"][0]));
  CHECK(keys(plan["steps"].back()) == keys(doc_replies.at("walkthrough")["steps"].back()));
  CHECK(keys(verdict["walkthrough"]) == keys(doc_replies.at("verdict")["walkthrough"]));
  const json config = host.send(doc_requests["config"]);
  CHECK(keys(config) == keys(doc_replies.at("config")));
  const json status = host.send(doc_requests["status"]);
  CHECK(keys(status) == keys(doc_replies.at("status")));
  CHECK(keys(status["plan"]) == keys(doc_replies.at("status")["plan"]));
  CHECK(keys(status["config"]) == keys(doc_replies.at("status")["config"]));
  const json error = host.send(json{{"type", "page_state"}, {"id", 7}, {"url", core_test::settings_url("x")}, {"lang", "en"}, {"controls", 1}});
  CHECK(error == doc_replies.at("error"));
}
