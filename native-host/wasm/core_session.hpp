// One core session without I/O of its own: the state text comes in, requests come in with the
// time, replies and (when changed) the state text go out. What the WebAssembly build exports
// (core_wasm.cpp); the same Dispatcher the native host serves frames with.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace linkedout {

class CoreSession {
 public:
  // A session over `state_text` (see open()).
  explicit CoreSession(std::string_view state_text = "");
  ~CoreSession();
  CoreSession(const CoreSession&) = delete;
  CoreSession& operator=(const CoreSession&) = delete;

  // Starts from the store text (docs/protocol.md §5; empty: a new store). False when the text is
  // not a store: the session then starts empty and the caller keeps the text aside.
  bool open(std::string_view state_text);
  // What the last open() returned.
  bool state_accepted() const { return accepted_; }

  // One request body (JSON text) → one reply body, exactly as the host answers it. `now_iso` is
  // the current UTC time, ISO 8601 with second precision.
  std::string handle(std::string_view request, std::string now_iso);

  // Whether the last handle() changed the state, and the state as text.
  bool state_changed() const { return changed_; }
  const std::string& state_text() const { return state_; }

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
  std::string now_;
  std::string state_;
  bool changed_ = false;
  bool accepted_ = true;
};

}  // namespace linkedout
