// The warm path's page_state parser against the strict one: whatever the fast parser accepts, the
// strict path (parse_envelope + parse_page_state) accepts too and reads the same way; what the
// extension sends takes the fast path; everything else falls back (the strict path then names the
// error, which test_malformed.cpp checks through the real binary).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "page_state_fast.hpp"
#include "protocol.hpp"
#include "handlers/page_state.hpp"
#include "test_dispatch_support.hpp"

using linkedout::PageState;
using linkedout::protocol::parse_page_state_fast;
using nlohmann::json;

namespace {

struct Read {
  json id;
  std::optional<std::string> ui_lang;
  PageState page;
};

std::optional<Read> strict(std::string_view body) {
  try {
    auto envelope = linkedout::protocol::parse_envelope(body);
    if (envelope.type != "page_state") return std::nullopt;
    return Read{envelope.id, envelope.ui_lang, linkedout::protocol::parse_page_state(envelope.message)};
  } catch (const linkedout::protocol::ProtocolError&) {
    return std::nullopt;
  }
}

void check_same(const Read& a, const linkedout::protocol::FastPageState& b) {
  CHECK(a.id == b.id);
  CHECK(a.id.dump() == b.id.dump());
  CHECK(a.ui_lang == b.ui_lang);
  CHECK(a.page.url == b.page.url);
  CHECK(a.page.path == b.page.path);
  CHECK(a.page.lang == b.page.lang);
  REQUIRE(a.page.controls.size() == b.page.controls.size());
  for (std::size_t i = 0; i < a.page.controls.size(); ++i) {
    CAPTURE(i);
    CHECK(a.page.controls[i].key == b.page.controls[i].key);
    CHECK(a.page.controls[i].label == b.page.controls[i].label);
    CHECK(a.page.controls[i].checked == b.page.controls[i].checked);
    CHECK(a.page.controls[i].disabled == b.page.controls[i].disabled);
  }
}

// The property: fast accepts ⇒ strict accepts, with the same reading. Returns whether fast accepted.
bool agree(std::string_view body) {
  CAPTURE(body.substr(0, 300));
  const auto fast = parse_page_state_fast(body);
  if (!fast) return false;
  const auto slow = strict(body);
  REQUIRE_MESSAGE(slow.has_value(), "the fast parser accepted what the strict path refuses");
  check_same(*slow, *fast);
  return true;
}

const std::string kUrl = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";

json typical(std::size_t controls = 50) {
  json list = json::array();
  for (std::size_t i = 0; i < controls; ++i) {
    json control = {{"key", i % 9 == 0 ? json(nullptr) : json("toggle" + std::to_string(i))},
                    {"label", "Show my activity in section " + std::to_string(i)},
                    {"checked", i % 7 == 0 ? json(nullptr) : json(i % 2 == 0)}};
    if (i % 5 == 0) control["disabled"] = true;  // a locked switch: the extension sends only true
    list.push_back(std::move(control));
  }
  // As the extension frames it (lib/host-connection.js): the page, then id and ui_lang.
  return {{"type", "page_state"}, {"url", kUrl}, {"lang", "en"}, {"controls", list}, {"id", 2}, {"ui_lang", "en-US"}};
}

}  // namespace

TEST_CASE("page_state fast parse: what the extension sends takes the fast path and reads as the strict path reads it") {
  std::vector<std::string> bodies = {
      typical().dump(),
      typical().dump(2),  // whitespace everywhere
      typical(0).dump(),
      typical(linkedout::protocol::kMaxControls).dump(),
      R"({"controls":[{"checked":true,"label":"L","key":"k"}],"lang":"de","url":")" + kUrl +
          R"(/?x=1#top","id":"abc","type":"page_state"})",  // any key order; query, fragment, slash
      R"({"type":"page_state","url":")" + kUrl + R"(","lang":"en","controls":[]})",  // no id
      R"({"type":"page_state","id":null,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":3,"url":")" + kUrl + R"(","lang":"","controls":[],"ui_lang":""})",
      R"({"type":"page_state","id":3,"url":")" + kUrl + R"(","lang":"nl","controls":[],"ui_lang":"zh-Hant-TW"})",
      R"({"type":"page_state","id":-7,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":18446744073709551615,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":0,"url":")" + kUrl +
          R"(","lang":"fr","controls":[{"key":"a\"b\\c\/d","label":"tab\there\nline\r\b\f","checked":false}]})",
      R"({"type":"page_state","id":4,"url":")" + kUrl +
          R"(","lang":"en","controls":[{"disabled":false,"key":"a","label":"x","checked":true},{"key":"b","label":"y","checked":true,"disabled":true}]})",
      R"({"type":"page_state","id":1,"url":")" + kUrl +
          "\",\"lang\":\"zh\",\"controls\":[{\"key\":null,\"label\":\"\xe6\x8e\xa8\xe8\x8d\x90 \xf0\x9f\x98\x80 caf\xc3\xa9\",\"checked\":null}]}",
  };
  for (const auto& body : bodies) CHECK(agree(body));
}

TEST_CASE("page_state fast parse: anything unusual falls back to the strict path") {
  const std::string head = R"({"type":"page_state","id":1,"url":")" + kUrl + R"(","lang":"en","controls":)";
  const std::vector<std::string> bodies = {
      "",
      "[]",
      R"({"type":"hello","id":1})",
      head + R"([]})" + "x",                                      // trailing garbage
      head + R"([]})" + std::string("\0", 1),                      // raw NUL after the object
      head + R"([],"controls":[]})",                               // duplicate key
      head + R"([{"key":"a","key":"b","label":"x","checked":true}]})",
      head + R"([],"extension_version":"1.0"})",                  // a field it does not know
      head + R"([],"ui_lang":"en","ui_lang":"de"})",               // ui_lang twice
      head + R"([],"ui_lang":null})",                              // ui_lang not a string
      head + R"([],"ui_lang":"en_US"})",                           // not a BCP 47 tag
      head + R"([],"ui_lang":")" + std::string(36, 'a') + R"("})",   // over 35 characters
      R"({"type":"page_state","id":-0,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      head + R"([{"key":"a","label":"x","checked":true,"extra":1}]})",
      head + R"([{"key":"a","label":"\u00e9","checked":true}]})",  // \u escapes: strict path
      head + R"([{"key":"a","label":"x","checked":1}]})",
      head + R"([{"key":1,"label":"x","checked":true}]})",
      head + R"([{"label":"x","checked":true}]})",                 // key missing
      head + R"([{"key":"a","checked":true}]})",
      head + R"([{"key":"a","label":"x"}]})",
      head + R"([{"key":"a","label":"x","checked":true,"disabled":true,"disabled":false}]})",  // twice
      head + R"([{"key":"a","label":"x","checked":true,"disabled":null}]})",
      head + R"([{"key":"a","label":"x","checked":true,"disabled":1}]})",
      head + R"([[]]})",
      head + R"({}})",
      head + "[{\"key\":\"a\",\"label\":\"x\ty\",\"checked\":true}]}",  // raw control character
      head + "[{\"key\":\"a\",\"label\":\"x\xff\",\"checked\":true}]}",  // invalid UTF-8
      head + R"([{"key":"a","label":"x","checked":true},]})",
      head + R"([{"key":"a","label":"x","checked":tru}]})",
      head + R"([{"key":"a","label":"x","checked":nulls}]})",
      R"({"type":"page_state","id":1.5,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":1e3,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":01,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":18446744073709551616,"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":")" + std::string(65, 'i') + R"(","url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":[1],"url":")" + kUrl + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":1,"url":"https://www.linkedin.com/feed/","lang":"en","controls":[]})",
      R"({"type":"page_state","id":1,"url":")" + kUrl + "/" + std::string(2100, 'x') + R"(","lang":"en","controls":[]})",
      R"({"type":"page_state","id":1,"url":")" + kUrl + R"(","lang":")" + std::string(65, 'e') + R"(","controls":[]})",
      R"({"type":"page_state","id":1,"url":")" + kUrl + R"(","controls":[]})",  // lang missing
      R"({"type":"page_state","id":1,"url":")" + kUrl + R"(","lang":"en"})",    // controls missing
      typical(linkedout::protocol::kMaxControls + 1).dump(),
  };
  for (const auto& body : bodies) {
    CAPTURE(body.substr(0, 200));
    CHECK_FALSE(agree(body));
  }
  // Over-long keys and labels, counted in code points as the strict path counts them.
  json long_key = typical(1);
  long_key["controls"][0]["key"] = std::string(linkedout::protocol::kMaxKey + 1, 'k');
  CHECK_FALSE(agree(long_key.dump()));
  json long_label = typical(1);
  long_label["controls"][0]["label"] = std::string(linkedout::protocol::kMaxLabel + 1, 'l');
  CHECK_FALSE(agree(long_label.dump()));
  json wide_label = typical(1);  // 1024 three-byte characters: within the limit
  std::string wide;
  for (std::size_t i = 0; i < linkedout::protocol::kMaxLabel; ++i) wide += "\xe2\x82\xac";
  wide_label["controls"][0]["label"] = wide;
  CHECK(agree(wide_label.dump()));
}

TEST_CASE("page_state fast parse: 20000 random mutations never make it accept what the strict path refuses") {
  const std::string seed = typical(6).dump();
  const std::string alphabet = "{}[]\",:\\ \t\n0123456789-+.eEtrufalsn\x01\x7f\xc3\xa9\xff";
  std::mt19937 random(17);
  std::size_t accepted = 0;
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
    if (agree(body)) ++accepted;
  }
  MESSAGE("mutants the fast parser accepted (and the strict path read the same): " << accepted);
  CHECK(accepted > 0);
}

TEST_CASE("page_state fast path: the dispatcher replies and records exactly as on the strict path") {
  // The same messages to two hosts: one as the extension sends them (fast path), one with an
  // extra field the fast parser does not take (strict path). Replies and stores must not differ.
  core_test::Host fast;
  core_test::Host strict;
  const auto& rules = core_test::real_rules();
  REQUIRE(rules.settings.size() >= 2);
  int id = 0;
  for (const std::string ui_lang : {"en", "de-DE", "fr"}) {
    for (const auto& setting : {rules.settings[0], rules.settings[1]}) {
      for (const bool on : {true, false, true}) {
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
        REQUIRE(parse_page_state_fast(message.dump()).has_value());
        const json fast_reply = fast.send(message);
        json unusual = message;
        unusual["sent_by"] = "test";  // not the extension's shape: strict path
        REQUIRE_FALSE(parse_page_state_fast(unusual.dump()).has_value());
        const json strict_reply = strict.send(unusual);
        CHECK(fast_reply["type"] == "verdict");
        CHECK(fast.last_body == strict.last_body);  // byte for byte
        CHECK(linkedout::serialize_store(fast.store.load()) == linkedout::serialize_store(strict.store.load()));
      }
    }
  }
}

TEST_CASE("verdict_text writes what dumping verdict_reply gives, byte for byte") {
  const auto& rules = core_test::real_rules();
  const std::string odd = std::string("quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f ") +
                          std::string("\x01\x1f\x7f", 3) + " caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac";
  linkedout::Verdict verdict;
  linkedout::PageState page;
  page.url = kUrl + "?q=" + odd;
  for (const bool full : {false, true}) {
    CAPTURE(full);
    if (full) {
      verdict.setting = &rules.settings[0];
      verdict.highlight.push_back({odd, "s1", "switch-off", "ai-training", odd, "key", 0, std::nullopt});
      verdict.highlight.push_back({std::nullopt, "s2", "locked", "ads", "", "page", 499,
                                   linkedout::NextStep{"objection-form", "https://www.linkedin.com/help/" + odd}});
      verdict.ok.push_back({std::nullopt, "s3", "label", 3});
      verdict.ok.push_back({"k", odd, "key", 12});
      verdict.unknown.push_back({std::nullopt, odd, "unreadable", 1});
      verdict.unknown.push_back({"", "", "other_page", 2});
      verdict.drift.push_back({"s1", "re-enabled"});
      verdict.drift.push_back({odd, "new"});
      verdict.page_unreadable = true;
      verdict.progress = {3, 14, 11};
      verdict.next = linkedout::NextStep{"s2", "https://www.linkedin.com/x"};
      verdict.walkthrough_active = true;
      verdict.still_on = 7;
    }
    for (const json& id : {json(nullptr), json(0), json(-5), json(18446744073709551615ull), json("abc"), json(odd)}) {
      CAPTURE(id.dump());
      json reply = linkedout::protocol::verdict_reply(verdict, page);
      reply["id"] = id;
      const auto text = linkedout::protocol::verdict_text(verdict, page, id);
      REQUIRE(text.has_value());
      CHECK(*text == linkedout::json_util::dump(reply));
    }
  }
  // Not UTF-8 (cannot come from a checked message, but never written raw): left to the DOM path.
  verdict.unknown.push_back({std::nullopt, "bad \xff byte", "not_in_ruleset", 0});
  CHECK_FALSE(linkedout::protocol::verdict_text(verdict, page, json(1)).has_value());
}
