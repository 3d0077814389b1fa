// The generated request reader and reply writers (protocol_messages.{hpp,cpp}, from
// native-host/protocol_codegen.py): one pass over the frame body into the typed request, typed
// errors naming the field's path, exactly the JSON the strict DOM parser accepts, and replies byte
// for byte as nlohmann's dump writes them. Through the Dispatcher: one path for every message.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "handlers/page_state.hpp"
#include "json_util.hpp"
#include "protocol.hpp"
#include "test_dispatch_support.hpp"
#include "test_verdict_dom.hpp"

using namespace linkedout::protocol;
using nlohmann::json;

namespace {

const std::string kUrl = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";

json typical(std::size_t controls = 50) {
  json list = json::array();
  for (std::size_t i = 0; i < controls; ++i) {
    json control = {{"key", i % 9 == 0 ? json(nullptr) : json("toggle" + std::to_string(i))},
                    {"label", "Show my activity in section " + std::to_string(i)},
                    {"checked", i % 7 == 0 ? json(nullptr) : json(i % 2 == 0)}};
    if (i % 5 == 0) control["disabled"] = true;
    list.push_back(std::move(control));
  }
  // As the extension frames it (lib/host-connection.js): the page, then id and ui_lang.
  return {{"type", "page_state"}, {"url", kUrl}, {"lang", "en"}, {"controls", list}, {"id", 2}, {"ui_lang", "en-US"}};
}

std::optional<ProtocolError> reader_refusal(std::string_view body) {
  try {
    read_request(body);
  } catch (const ProtocolError& error) {
    return error;
  }
  return std::nullopt;
}

// The reader and the strict DOM parser agree on what is JSON: the reader says bad_json exactly
// when parse_strict fails (after the UTF-8 check, which comes first for both). When both read it
// and it is a page_state, the typed reading matches the DOM's.
void agree_with_dom(std::string_view body) {
  CAPTURE(body.substr(0, 300));
  if (body.empty() || !linkedout::json_util::is_valid_utf8(body)) return;
  const auto dom = linkedout::json_util::parse_strict(body);
  const auto error = reader_refusal(body);
  CHECK((error && error->code == ErrorCode::bad_json) == !dom.ok);
  if (error || !dom.ok) return;
  const auto request = read_request(body);
  CHECK(request_id(request) == dom.value.value("id", json(nullptr)));
  CHECK(request_type(request) == dom.value["type"].get<std::string>());
  if (const auto* page = std::get_if<PageStateRequest>(&request)) {
    CHECK(page->url == dom.value["url"]);
    CHECK(page->lang == dom.value["lang"]);
    const json& controls = dom.value["controls"];
    REQUIRE(page->controls.size() == controls.size());
    for (std::size_t i = 0; i < controls.size(); ++i) {
      CAPTURE(i);
      const json& c = controls[i];
      CHECK(page->controls[i].key == (c["key"].is_null() ? std::nullopt : std::optional<std::string>(c["key"])));
      CHECK(page->controls[i].label == c["label"]);
      CHECK(page->controls[i].checked == (c["checked"].is_null() ? std::nullopt : std::optional<bool>(c["checked"])));
      CHECK(page->controls[i].disabled == c.value("disabled", false));
    }
  }
}

}  // namespace

TEST_CASE("reader: a wrong-typed field deep inside a page_state is bad_field naming its path") {
  json message = typical(6);
  message["controls"][3]["checked"] = "yes";
  const auto error = reader_refusal(message.dump());
  REQUIRE(error);
  CHECK(error->code == ErrorCode::bad_field);
  CHECK(error->field == "controls[3].checked");
  CHECK(std::string(error->what()) == "controls[3].checked must be true, false or null");
  CHECK(error->id == 2);  // the reply can name the request

  message = typical(6);
  message["controls"][5].erase("label");
  CHECK(reader_refusal(message.dump())->field == "controls[5].label");
  message = typical(6);
  message["controls"][4] = "a switch";
  CHECK(reader_refusal(message.dump())->field == "controls[4]");
  message = typical(6);
  message["controls"][0]["key"] = std::string(kMaxKey + 1, 'k');
  CHECK(reader_refusal(message.dump())->field == "controls[0].key");
}

TEST_CASE("reader: the errors come in schema order, whatever order the fields came in") {
  // controls (bad) before url (bad) in the text: url is first in the schema, so it is named.
  const std::string body = R"({"type":"page_state","controls":[{"key":1,"label":"x","checked":true}],"lang":"en","url":"https://example.com/"})";
  const auto error = reader_refusal(body);
  REQUIRE(error);
  CHECK(error->code == ErrorCode::not_linkedin);
  CHECK(std::string(error->what()).starts_with("url must be a LinkedIn settings page"));
  // The first bad control, then within it the schema's order (key before checked).
  const std::string two = R"({"type":"page_state","url":")" + kUrl +
                          R"(","lang":"en","controls":[{"key":"a","label":"x","checked":true},{"checked":2,"key":3,"label":"y"},{"key":4}]})";
  CHECK(reader_refusal(two)->field == "controls[1].key");
  // A type named last still gets its fields read (the reader keeps every field until the end).
  const auto late = read_request(R"({"action":"mark_done","step":"objection-form","id":"w","type":"walkthrough"})");
  const auto& walkthrough = std::get<WalkthroughRequest>(late);
  CHECK(walkthrough.action == WalkthroughAction::mark_done);
  CHECK(walkthrough.step == "objection-form");
  CHECK(walkthrough.id == "w");
}

TEST_CASE("reader: broken JSON anywhere wins over a field error before it (the whole body is read)") {
  json message = typical(3);
  message["controls"][0]["checked"] = "yes";
  std::string body = message.dump();
  body.insert(body.size() - 1, R"(,"x":[1,2)");  // unclosed array at the end
  CHECK(reader_refusal(body)->code == ErrorCode::bad_json);
  body = message.dump();
  body.insert(body.size() - 1, R"(,"x":{"a":1,"a":2})");  // a duplicate key in a field nobody reads
  CHECK(reader_refusal(body)->code == ErrorCode::bad_json);
}

TEST_CASE("reader: the limits are the schema's, from the generated constants") {
  CHECK(std::get<PageStateRequest>(read_request(typical(kMaxControls).dump())).controls.size() == kMaxControls);
  const auto over = reader_refusal(typical(kMaxControls + 1).dump());
  REQUIRE(over);
  CHECK(over->field == "controls");
  CHECK(std::string(over->what()) == "controls must be an array of at most " + std::to_string(kMaxControls) + " objects");
  json label = typical(1);
  std::string wide;  // kMaxLabel three-byte characters: within the limit (code points, not bytes)
  for (std::size_t i = 0; i < kMaxLabel; ++i) wide += "\xe2\x82\xac";
  label["controls"][0]["label"] = wide;
  CHECK(std::get<PageStateRequest>(read_request(label.dump())).controls[0].label == wide);
  label["controls"][0]["label"] = wide + "x";
  CHECK(reader_refusal(label.dump())->field == "controls[0].label");
}

TEST_CASE("reader: accepts exactly the JSON the strict DOM parser accepts, and reads it the same") {
  const std::string head = R"({"type":"page_state","id":1,"url":")" + kUrl + R"(","lang":"en","controls":)";
  const std::vector<std::string> bodies = {
      typical().dump(), typical().dump(2), typical(0).dump(),
      head + R"([]})" + "x", head + R"([]})" + std::string("\0", 1), std::string("{\"type\":\"hello\"}\0", 17),
      head + R"([],"controls":[]})", head + R"([{"key":"a","key":"b","label":"x","checked":true}]})",
      head + R"([{"key":"a","label":"\u00e9\ud83d\ude00\/\"\\\b\f\n\r\t\u0000","checked":true}]})",
      head + R"([{"key":"a","label":"\ud83d","checked":true}]})",  // a lone high surrogate
      head + R"([{"key":"a","label":"\ude00","checked":true}]})",  // a lone low surrogate
      head + R"([{"key":"a","label":"\u12","checked":true}]})", head + R"([{"key":"a","label":"\x","checked":true}]})",
      R"({"type":"page_state","id":-0,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":-9223372036854775808,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":-9223372036854775809,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":18446744073709551615,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":18446744073709551616,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"hello","id":1e400})", R"({"type":"hello","id":1.5e3})", R"({"type":"hello","id":01})",
      R"({"type":"hello","id":1.})", R"({"type":"hello","id":.5})", R"({"type":"hello","id":+1})", R"({"type":"hello","id":-})",
      R"({"type":"hello","x":[1,]})", R"({"type":"hello",})", R"({"type":"hello" "id":1})", R"({"type":"hello","x":tru})",
      R"({"type":"hello","x":nulls})", "[1,2]", "  {\"type\":\"hello\"}  \n", "{\"type\":\"hello\"}\v",
      std::string(64, '[') + std::string(64, ']'), std::string(65, '[') + std::string(65, ']'),
      "{\"type\":\"hello\",\"x\":" + std::string(63, '[') + std::string(63, ']') + "}",
      "{\"type\":\"hello\",\"x\":" + std::string(64, '[') + std::string(64, ']') + "}",
  };
  for (const auto& body : bodies) agree_with_dom(body);

  // Every message of the fuzzers' corpus.
  const std::filesystem::path corpus = std::filesystem::path(LINKEDOUT_SOURCE_DIR) / "fuzz/corpus/message";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    agree_with_dom(text.str());
    ++files;
  }
  CHECK(files > 10);

  // Random mutations of what the extension sends.
  const std::string seed = typical(6).dump();
  const std::string alphabet = "{}[]\",:\\ \t\n0123456789-+.eEtrufalsn\x01\x7f\xc3\xa9";
  std::mt19937 random(17);
  for (int round = 0; round < 20000; ++round) {
    std::string body = seed;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % body.size();
      switch (random() % 3) {
        case 0: body[at] = alphabet[random() % alphabet.size()]; break;
        case 1: body.erase(at, 1 + random() % 4); break;
        default: body.insert(at, 1, alphabet[random() % alphabet.size()]); break;
      }
      if (body.empty()) body = "{";
    }
    agree_with_dom(body);
  }
}

TEST_CASE("writer: a verdict is written byte for byte as nlohmann's dump of the same value") {
  const std::string odd = std::string("quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f ") +
                          std::string("\x01\x1f\x7f", 3) + " caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac";
  VerdictReply reply;
  reply.url = kUrl + "?q=" + odd;
  for (const bool full : {false, true}) {
    CAPTURE(full);
    if (full) {
      reply.setting = "data-for-ai-improvement";
      reply.highlight.push_back({odd, "s1", "switch-off", "ai-training", odd, "key", 0, std::nullopt});
      reply.highlight.push_back({std::nullopt, "s2", "locked", "ads", "", "page", 499,
                                 VerdictReplyHighlightForm{"objection-form", "https://www.linkedin.com/help/" + odd}});
      reply.ok.push_back({std::nullopt, "s3", "label", 3});
      reply.unknown.push_back({std::nullopt, odd, "unreadable", 1});
      reply.drift.push_back({odd, "new"});
      reply.page_unreadable = true;
      reply.truncated = true;
      reply.progress = {3, 14, 11};
      reply.next = Next{"s2", "https://www.linkedin.com/x"};
      reply.walkthrough = {true, 7};
    }
    for (const json& id : {json(nullptr), json(0), json(-5), json(18446744073709551615ull), json("abc"), json(odd)}) {
      CAPTURE(id.dump());
      reply.id = id;
      CHECK(to_text(reply) == linkedout::json_util::dump(core_test::verdict_dom(reply)));
    }
  }
  // Not UTF-8 (no checked request gives it): each bad byte replaced, as json_util::dump does.
  reply.unknown.push_back({std::nullopt, "bad \xff byte", "not_in_ruleset", 0});
  CHECK(to_text(reply) == linkedout::json_util::dump(core_test::verdict_dom(reply)));
}

TEST_CASE("one path: a page_state with a field the reader does not know is answered and recorded the same") {
  core_test::Host plain;
  core_test::Host unusual;
  const auto& rules = core_test::real_rules();
  int id = 0;
  for (const std::string ui_lang : {"en", "de-DE"}) {
    for (const auto& setting : {rules.settings[0], rules.settings[1]}) {
      for (const bool on : {true, false}) {
        json message = {{"type", "page_state"},
                        {"url", setting.url()},
                        {"lang", "en"},
                        {"controls", json::array({{{"key", setting.keys.empty() ? json(nullptr) : json(setting.keys.front())},
                                                   {"label", setting.labels.at("en").front()},
                                                   {"checked", on}},
                                                  {{"key", "unknownSwitch"}, {"label", "Something new"}, {"checked", true}}})},
                        {"id", ++id},
                        {"ui_lang", ui_lang}};
        CAPTURE(message.dump());
        CHECK(plain.send(message)["type"] == "verdict");
        message["sent_by"] = "test";
        message["controls"][0]["aria"] = {{"nested", json::array({1, 2.5, "x"})}};
        unusual.send(message);
        CHECK(plain.last_body == unusual.last_body);  // byte for byte
        CHECK(linkedout::serialize_store(plain.store.load()) == linkedout::serialize_store(unusual.store.load()));
      }
    }
  }
}
