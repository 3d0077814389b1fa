// Where the handlers keep their state, seen through one interface: the native host keeps it in a
// file under a lock (the shell's store.hpp, `Store`), the WebAssembly build in the browser's
// storage (MemoryStateStore below, whose text the extension saves). The format and the caps are
// the same everywhere (store_format.hpp).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "store_format.hpp"

namespace linkedout {

class StateStore {
 public:
  virtual ~StateStore() = default;

  // The current data. Missing state is an empty store; state that does not parse is kept aside,
  // named in corrupt_files, and the store starts afresh (never silently dropped).
  virtual StoreData load() = 0;

  // Read-modify-write, atomic against other writers. `change` returns false to skip writing.
  // Returns the data as written (or as read, when nothing was written). Throws StoreError when
  // the state cannot be written.
  virtual StoreData update(const std::function<bool(StoreData&)>& change) = 0;

  // The same in two steps, for the warm path: `judge` reads the current data (without copying it)
  // and says whether anything must be written; only then is the data copied, changed and written.
  virtual void update_if(const std::function<bool(const StoreData&)>& judge,
                         const std::function<void(StoreData&)>& change) = 0;
};

// The state held in memory as the store's text (serialize_store_capped, so the same caps apply).
// Every change that writes produces new text once, handed to `on_write` (the WebAssembly build
// saves it to storage.local there): one write per change.
class MemoryStateStore final : public StateStore {
 public:
  // `text` is the state as saved before ("" for none). A text that does not parse is kept in
  // set_aside() and the store starts afresh with corrupt_files naming it "state.json.corrupt-<n>".
  explicit MemoryStateStore(std::string text = "", std::function<void(const std::string&)> on_write = nullptr);

  StoreData load() override;
  StoreData update(const std::function<bool(StoreData&)>& change) override;
  void update_if(const std::function<bool(const StoreData&)>& judge,
                 const std::function<void(StoreData&)>& change) override;

  const std::string& text() const { return text_; }                   // "" until the first write
  const std::vector<std::string>& set_aside() const { return set_aside_; }  // texts that did not parse
  std::size_t writes() const { return writes_; }

 private:
  void write(StoreData data);

  std::string text_;
  StoreData data_;
  std::vector<std::string> set_aside_;
  bool must_write_ = false;  // the text lags behind data_ (a corrupt text was set aside)
  std::size_t writes_ = 0;
  std::function<void(const std::string&)> on_write_;
};

}  // namespace linkedout
