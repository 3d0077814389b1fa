#include "store_format.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <queue>
#include <unordered_map>

#include "json_util.hpp"

namespace linkedout {
using nlohmann::json;

// Named apart from other files' helpers: the unity build compiles several files as one.
namespace store_format_detail {

void cap_history(StoreData& data) { trim_history(data.history, store_caps::kMaxHistory); }

// Roughly what one entry takes in the file (its texts plus the indented member names).
std::size_t entry_bytes(const HistoryEntry& entry) {
  return 110 + entry.at.size() + entry.setting.size() + entry.from.size() + entry.to.size() + entry.url.size();
}

}  // namespace store_format_detail

using namespace store_format_detail;

json new_controls_json(const std::vector<NewControl>& list, bool for_protocol) {
  json out = json::array();
  for (const auto& c : list) {
    json entry = {{"page", c.page}, {"key", c.key ? json(*c.key) : json(nullptr)}, {"label", c.label}};
    if (!for_protocol) {
      entry["first_seen"] = c.first_seen;
      entry["last_seen"] = c.last_seen;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

json check_record_json(const CheckRecord& c, bool for_protocol) {
  json out = {{"started_at", c.started_at}, {"ended_at", c.ended_at},     {"complete", c.complete},
              {"off", c.off},               {"on", c.on},                 {"unreadable", c.unreadable},
              {"unchecked", c.unchecked},   {"new_controls", new_controls_json(c.new_controls, for_protocol)}};
  if (!for_protocol) out["ruleset_version"] = c.ruleset_version;
  return out;
}

void trim_history(std::vector<HistoryEntry>& history, std::size_t keep) {
  if (history.size() <= keep) return;
  // Each setting's entries, oldest first; drop one at a time from the setting with the most left
  // (on a tie, the one whose oldest entry is oldest), so plain capping still drops the oldest.
  std::unordered_map<std::string, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < history.size(); ++i) positions[history[i].setting].push_back(i);
  struct Head {
    std::size_t left, oldest;
    const std::vector<std::size_t>* list;
    std::size_t next;
    bool operator<(const Head& other) const {
      return left != other.left ? left < other.left : oldest > other.oldest;
    }
  };
  std::priority_queue<Head> most;
  for (const auto& [setting, list] : positions) most.push({list.size(), list.front(), &list, 0});
  std::vector<bool> dropped(history.size(), false);
  for (std::size_t excess = history.size() - keep; excess > 0; --excess) {
    Head head = most.top();
    most.pop();
    dropped[(*head.list)[head.next]] = true;
    if (--head.left > 0) most.push({head.left, (*head.list)[++head.next], head.list, head.next});
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < history.size(); ++i) {
    if (dropped[i]) continue;
    if (out != i) history[out] = std::move(history[i]);
    ++out;
  }
  history.resize(out);
}

std::string serialize_store_capped(StoreData& data) {
  cap_history(data);
  std::string text = serialize_store(data);
  while (text.size() > store_caps::kMaxFileBytes && !data.history.empty()) {
    std::size_t bytes = 0;
    for (const auto& entry : data.history) bytes += entry_bytes(entry);
    const std::size_t average = std::max<std::size_t>(1, bytes / data.history.size());
    const std::size_t over = (text.size() - store_caps::kMaxFileBytes) / average + 1;
    trim_history(data.history, data.history.size() - std::min(over, data.history.size()));
    text = serialize_store(data);
  }
  return text;
}

// serialize_store: store_writer.cpp.

// parse_store: store_reader.cpp.

void record_sighting(StoreData& data, const std::string& setting, const std::string& state, const std::string& url,
                     const std::string& now_iso) {
  if (state != "on" && state != "off") throw std::invalid_argument("a sighting's state is \"on\" or \"off\", not \"" + state + "\"");
  const auto it = data.settings.find(setting);
  if (it == data.settings.end()) {
    data.settings.emplace(setting, SettingRecord{state, now_iso, now_iso, now_iso});
    append_history(data, {now_iso, setting, "", state, url});
    return;
  }
  SettingRecord& record = it->second;
  const std::string previous = record.state;
  record.last_seen = now_iso;
  if (previous == state) return;
  record.state = state;
  record.last_changed = now_iso;
  append_history(data, {now_iso, setting, previous, state, url});
}

void record_new_control(std::vector<NewControl>& list, const std::string& page, const std::optional<std::string>& key,
                        const std::string& label, const std::string& now_iso, std::size_t cap) {
  for (auto& entry : list) {
    const bool same = entry.page == page && (key ? entry.key == key : (!entry.key && entry.label == label));
    if (!same) continue;
    entry.last_seen = now_iso;
    entry.label = label;  // the page's latest wording
    return;
  }
  list.push_back({page, key, label, now_iso, now_iso});
  if (list.size() > cap) list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(list.size() - cap));
}

void append_history(StoreData& data, HistoryEntry entry) {
  data.history.push_back(std::move(entry));
  cap_history(data);
}

bool record_form_done(StoreData& data, const std::string& form, const std::string& now_iso) {
  if (data.forms_done.count(form)) return false;
  data.forms_done[form] = now_iso.substr(0, 10);  // the date: YYYY-MM-DD
  append_history(data, {now_iso, form, "todo", "done", ""});
  return true;
}

void record_check(StoreData& data, CheckRecord record) {
  data.checks.push_back(std::move(record));
  if (data.checks.size() > store_caps::kMaxChecks)
    data.checks.erase(data.checks.begin(),
                      data.checks.begin() + static_cast<std::ptrdiff_t>(data.checks.size() - store_caps::kMaxChecks));
}

}  // namespace linkedout
