#include "core_session.hpp"

#include <emscripten/emscripten.h>

#include "dispatch.hpp"
#include "ruleset_precompiled.hpp"
#include "state_store.hpp"

namespace linkedout {

namespace {

// The browser's local zone at an instant: its offset east of UTC in seconds, and its short name
// as the browser writes it ("UTC", "EST", "GMT+1") into `name`. libc's tm_zone would give the
// long name here ("Coordinated Universal Time"). Static JS in the loader, no eval.
EM_JS(int, lo_browser_zone_at, (double utc_seconds, char* name, int name_size), {
  const date = new Date(utc_seconds * 1000);
  let short = String();  // not '': the C preprocessor reads this body and warns on an empty char constant
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date)
      .find((p) => p.type === 'timeZoneName');
    if (part) short = part.value;
  } catch (e) { /* no Intl: the offset alone */ }
  stringToUTF8(short, name, name_size);
  return -date.getTimezoneOffset() * 60;
});

// The report's times in the browser's zone. This file is the WebAssembly home's shell: the core
// itself reads no clock or zone.
std::optional<report::ZoneAt> browser_zone_at(std::int64_t utc_seconds) {
  char name[64] = {};
  const int offset = lo_browser_zone_at(static_cast<double>(utc_seconds), name, sizeof name);
  return report::ZoneAt{offset, name};
}

// The ruleset compiled in: built once per instance (a wake of the background), not per session.
const Ruleset& rules() {
  static const Ruleset built = precompiled_ruleset();
  return built;
}

}  // namespace

struct CoreSession::Parts {
  explicit Parts(std::string text) : store(std::move(text)) {}
  MemoryStateStore store;
  HostContext context{rules(), store, nullptr, browser_zone_at};
  Dispatcher dispatcher{context};
};

CoreSession::CoreSession(std::string_view state_text) { open(state_text); }

CoreSession::~CoreSession() = default;

// A new session, as a new host process is: the state given, nothing remembered of earlier
// requests (drift "new" asks whether the store had history before this session).
bool CoreSession::open(std::string_view state_text) {
  parts_.reset();
  parts_ = std::make_unique<Parts>(std::string(state_text));  // parses the state once
  parts_->context.now = [this] { return now_; };
  accepted_ = parts_->store.set_aside().empty();
  state_ = accepted_ ? std::string(state_text) : std::string();
  changed_ = false;
  return accepted_;
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
