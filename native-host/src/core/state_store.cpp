#include "state_store.hpp"

namespace linkedout {

MemoryStateStore::MemoryStateStore(std::string text, std::function<void(const std::string&)> on_write)
    : text_(std::move(text)), on_write_(std::move(on_write)) {
  if (text_.empty()) return;
  try {
    data_ = parse_store(text_);
  } catch (const StoreError&) {
    set_aside_.push_back(std::move(text_));
    text_.clear();
    data_ = StoreData{};
    data_.corrupt_files.push_back("state.json.corrupt-" + std::to_string(set_aside_.size()));
    must_write_ = true;
  }
}

void MemoryStateStore::write(StoreData data) {
  text_ = serialize_store_capped(data);  // trims the history to the caps, as the file store does
  data_ = std::move(data);
  must_write_ = false;
  ++writes_;
  if (on_write_) on_write_(text_);
}

StoreData MemoryStateStore::load() { return data_; }

StoreData MemoryStateStore::update(const std::function<bool(StoreData&)>& change) {
  StoreData data = data_;
  if (change(data) || must_write_) write(std::move(data));
  else return data;
  return data_;
}

// Changed in place: a change here is always written, so there is nothing to keep a copy for (a
// copy of 1,000 history entries per page that records a sighting). Should `change` throw, the data
// goes back to what the text holds.
void MemoryStateStore::update_if(const std::function<bool(const StoreData&)>& judge,
                                 const std::function<void(StoreData&)>& change) {
  if (!judge(data_) && !must_write_) return;
  try {
    change(data_);
  } catch (...) {
    data_ = text_.empty() ? StoreData{} : parse_store(text_);
    throw;
  }
  text_ = serialize_store_capped(data_);
  must_write_ = false;
  ++writes_;
  if (on_write_) on_write_(text_);
}

}  // namespace linkedout
