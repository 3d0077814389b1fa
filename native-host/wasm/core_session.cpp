#include "core_session.hpp"

#include <ctime>

#include "dispatch.hpp"
#include "ruleset_precompiled.hpp"
#include "state_store.hpp"

namespace linkedout {

namespace {

// The browser's local zone for the report's times, as emscripten's libc reads it from the
// browser (the JS Date of the machine). This file is the WebAssembly home's shell: the core
// itself reads no clock or zone.
std::optional<report::ZoneAt> browser_zone_at(std::int64_t utc_seconds) {
  const std::time_t when = static_cast<std::time_t>(utc_seconds);
  std::tm local{};
  if (!::localtime_r(&when, &local)) return std::nullopt;
  return report::ZoneAt{static_cast<long>(local.tm_gmtoff), local.tm_zone ? local.tm_zone : ""};
}

}  // namespace

struct CoreSession::Parts {
  explicit Parts(std::string text) : store(std::move(text)) {}
  Ruleset rules = precompiled_ruleset();
  MemoryStateStore store;
  HostContext context{rules, store, nullptr, browser_zone_at};
  Dispatcher dispatcher{context};
};

CoreSession::CoreSession() { open(""); }

CoreSession::~CoreSession() = default;

// A new session, as a new host process is: the state given, nothing remembered of earlier
// requests (drift "new" asks whether the store had history before this session).
bool CoreSession::open(std::string_view state_text) {
  parts_.reset();
  parts_ = std::make_unique<Parts>(std::string(state_text));
  parts_->context.now = [this] { return now_; };
  const bool accepted = parts_->store.set_aside().empty();
  state_ = accepted ? std::string(state_text) : std::string();
  changed_ = false;
  return accepted;
}

std::string CoreSession::handle(std::string_view request, std::string now_iso) {
  now_ = std::move(now_iso);
  const std::size_t writes = parts_->store.writes();
  std::string reply = parts_->dispatcher.handle(request);
  changed_ = parts_->store.writes() != writes;
  if (changed_) state_ = parts_->store.text();
  return reply;
}

}  // namespace linkedout
