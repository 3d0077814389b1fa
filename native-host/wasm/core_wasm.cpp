// The core's home inside the extension (issue 24): the same dispatcher, handlers, ruleset and
// store format as linkedout-host, driven by the extension's background instead of stdin/stdout.
// One instance a background: state text in (from storage.local) once, then one request at a
// time with the time passed in; after each, the state text out when the request changed it, so
// the extension writes storage.local once per change. No clock, no file the user can see, no
// network: the browser passes everything in.
//
// C ABI (extension/core/core-module.js wraps it):
//   lo_open(state_text)        → 0, or 1 when the text was not a store (then it starts empty;
//                                the caller keeps the refused text aside, as the host does)
//   lo_handle(request, now)    → the reply's JSON text (valid until the next call)
//   lo_state_changed()         → 1 when the last lo_handle changed the state
//   lo_state()                 → the state's text (the store file format, docs/protocol.md §5)
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "core_session.hpp"

namespace {

std::unique_ptr<linkedout::CoreSession> session;
std::string last_reply;
std::string last_state;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int lo_open(const char* state_text) {
  session = std::make_unique<linkedout::CoreSession>();
  return session->open(state_text ? state_text : "") ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE const char* lo_handle(const char* request, const char* now_iso) {
  if (!session) lo_open("");
  last_reply = session->handle(request ? request : "", now_iso ? now_iso : "");
  return last_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE int lo_state_changed() { return session && session->state_changed() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* lo_state() {
  last_state = session ? session->state_text() : std::string();
  return last_state.c_str();
}

}  // extern "C"
