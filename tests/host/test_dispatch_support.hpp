// Shared by the core suites: the real ruleset, a throw-away store directory, and a dispatcher
// over both with a fixed clock, so handlers are tested end to end without a process.
#pragma once

#include <doctest/doctest.h>
#include <random>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "dispatch.hpp"
#include "ruleset_load.hpp"
#include "json_util.hpp"
#include "ruleset.hpp"
#include "store.hpp"
#include "test_support.hpp"

namespace core_test {

using nlohmann::json;

inline const linkedout::Ruleset& real_rules() { return linkedout::test_support::rules(); }

using ScratchDir = linkedout::test_support::TempDir;  // one for every suite (test_support.hpp)

inline constexpr const char* kNow = "2026-11-25T10:00:00Z";

// A dispatcher over the real ruleset and a fresh store, with a clock the test can move.
struct Host {
  explicit Host(std::size_t max_reply = linkedout::Dispatcher::kDefaultMaxReply)
      : store(dir.path() / "data"), context{real_rules(), store, nullptr}, dispatcher(context, max_reply) {
    context.now = [this] { return now; };
  }

  // Sends one request object, returns the parsed reply.
  json send(const json& request) { return send_raw(request.dump()); }
  json send_raw(std::string_view body) {
    last_body = dispatcher.handle(body);
    auto parsed = linkedout::json_util::parse_strict(last_body);
    REQUIRE_MESSAGE(parsed.ok, "reply is not JSON: " << last_body);
    return parsed.value;
  }

  ScratchDir dir;
  linkedout::Store store;
  linkedout::HostContext context;
  linkedout::Dispatcher dispatcher;
  std::string now = kNow;
  std::string last_body;
};

inline std::string settings_url(const std::string& slug) {
  return "https://www.linkedin.com/mypreferences/d/settings/" + slug;
}

inline json page_state(const std::string& url, const std::string& lang, json controls, json id = 2) {
  return {{"type", "page_state"}, {"id", id}, {"url", url}, {"lang", lang}, {"controls", std::move(controls)}};
}

inline json control(json key, const std::string& label, json checked) {
  return {{"key", std::move(key)}, {"label", label}, {"checked", std::move(checked)}};
}

}  // namespace core_test
