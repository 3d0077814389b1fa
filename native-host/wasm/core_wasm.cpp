// The core's home inside the extension (issue 24): the same dispatcher, handlers, ruleset and
// store format as linkedout-host, driven by the extension's background instead of stdin/stdout.
// One instance a background: state text in (from storage.local) once, then one request at a
// time with the time passed in; after each, the state text out when the request changed it, so
// the extension writes storage.local once per change. No clock, no file the user can see, no
// network: the browser passes everything in.
//
// C ABI (extension/lib/core-backend.js wraps it):
//   lo_open(state_text)        → 0, or 1 when the text was not a store (then it starts empty;
//                                the caller keeps the refused text aside, as the host does)
//   lo_handle(request, now)    → the reply's JSON text (valid until the next call)
//   lo_reply_size()            → the byte length of the last reply
//   lo_state_changed()         → 1 when the last lo_handle changed the state
//   lo_state_size()            → the byte length of lo_state()'s text
//   lo_state()                 → the state's text (the store file format, docs/protocol.md §5),
//                                valid until the next call
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "core_session.hpp"

namespace {

std::unique_ptr<linkedout::CoreSession> session;
std::string last_reply;

}  // namespace

extern "C" {

// The core reads no environment: it is given everything it needs. Defining getenv here keeps
// libc's out of the link, and with it the constructor that copied the browser's environment in at
// every instantiation (emscripten's getEnvStrings: navigator.languages, whose first read in a
// fresh worker costs up to several ms of a wake). libc asks only for the locale "" (the
// environment's), which nothing here does.
char* getenv(const char*) { return nullptr; }

EMSCRIPTEN_KEEPALIVE int lo_open(const char* state_text) {
  // One parse of the state: the session is made from it, not made empty and then reopened.
  session.reset();
  session = std::make_unique<linkedout::CoreSession>(state_text ? state_text : "");
  return session->state_accepted() ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE const char* lo_handle(const char* request, const char* now_iso) {
  if (!session) lo_open("");
  last_reply = session->handle(request ? request : "", now_iso ? now_iso : "");
  return last_reply.c_str();
}

// The byte lengths of the last reply and of the state text, so the loader decodes them at once
// instead of searching for the NUL in JavaScript (the state is ~130 KB after 1,000 history entries).
EMSCRIPTEN_KEEPALIVE int lo_reply_size() { return static_cast<int>(last_reply.size()); }
EMSCRIPTEN_KEEPALIVE int lo_state_size() { return session ? static_cast<int>(session->state_text().size()) : 0; }

EMSCRIPTEN_KEEPALIVE int lo_state_changed() { return session && session->state_changed() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* lo_state() { return session ? session->state_text().c_str() : ""; }

}  // extern "C"
