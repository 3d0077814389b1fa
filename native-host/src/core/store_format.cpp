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

const json& field(const json& object, const char* name, json::value_t type, const char* where) {
  static const json null_value;
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return null_value;
  if (it->type() != type && !(type == json::value_t::number_integer && it->is_number_unsigned()))
    throw StoreError(std::string(where) + "." + name + " has the wrong type");
  return *it;
}

std::string string_field(const json& object, const char* name, const char* where) {
  const auto& value = field(object, name, json::value_t::string, where);
  return value.is_null() ? std::string{} : value.get<std::string>();
}

void cap_history(StoreData& data) { trim_history(data.history, store_caps::kMaxHistory); }

// Roughly what one entry takes in the file (its texts plus the indented member names).
std::size_t entry_bytes(const HistoryEntry& entry) {
  return 110 + entry.at.size() + entry.setting.size() + entry.from.size() + entry.to.size() + entry.url.size();
}

NewControl parse_new_control(const json& entry, const char* where) {
  if (!entry.is_object()) throw StoreError(std::string(where) + " entry is not an object");
  NewControl c;
  c.page = string_field(entry, "page", where);
  const auto& key = field(entry, "key", json::value_t::string, where);
  if (!key.is_null()) c.key = key.get<std::string>();
  c.label = string_field(entry, "label", where);
  c.first_seen = string_field(entry, "first_seen", where);
  c.last_seen = string_field(entry, "last_seen", where);
  return c;
}

std::vector<NewControl> parse_new_controls(const json& list, const char* where) {
  std::vector<NewControl> out;
  for (const auto& entry : list) out.push_back(parse_new_control(entry, where));
  return out;
}

std::vector<std::string> string_list(const json& object, const char* name, const char* where) {
  std::vector<std::string> out;
  for (const auto& item : field(object, name, json::value_t::array, where)) {
    if (!item.is_string()) throw StoreError(std::string(where) + "." + name + " holds a non-string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

CheckRecord parse_check(const json& entry) {
  if (!entry.is_object()) throw StoreError("a checks entry is not an object");
  CheckRecord c;
  c.started_at = string_field(entry, "started_at", "checks entry");
  c.ended_at = string_field(entry, "ended_at", "checks entry");
  c.ruleset_version = string_field(entry, "ruleset_version", "checks entry");
  const auto& complete = field(entry, "complete", json::value_t::boolean, "checks entry");
  c.complete = !complete.is_null() && complete.get<bool>();
  c.off = string_list(entry, "off", "checks entry");
  c.on = string_list(entry, "on", "checks entry");
  c.unreadable = string_list(entry, "unreadable", "checks entry");
  c.unchecked = string_list(entry, "unchecked", "checks entry");
  c.new_controls = parse_new_controls(field(entry, "new_controls", json::value_t::array, "checks entry"), "checks entry");
  return c;
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

StoreData parse_store(std::string_view text) {
  // Strict and depth-limited like the protocol: nlohmann's dump and copy recurse once per level, so
  // a valid file nested 200,000 deep would overflow the stack on every start.
  auto parsed = json_util::parse_strict(text);
  if (!parsed.ok) throw StoreError("not valid JSON: " + parsed.error);
  const json root = std::move(parsed.value);
  if (!root.is_object()) throw StoreError("the top level is not an object");

  StoreData data;
  const auto& version = field(root, "version", json::value_t::number_integer, "state");
  if (!version.is_null()) data.version = version.get<int>();

  for (const auto& [id, record] : field(root, "settings", json::value_t::object, "state").items()) {
    if (!record.is_object()) throw StoreError("settings." + id + " is not an object");
    SettingRecord r;
    r.state = string_field(record, "state", "settings entry");
    if (r.state != "on" && r.state != "off") throw StoreError("settings." + id + ".state is neither \"on\" nor \"off\"");
    r.first_seen = string_field(record, "first_seen", "settings entry");
    r.last_seen = string_field(record, "last_seen", "settings entry");
    r.last_changed = string_field(record, "last_changed", "settings entry");
    data.settings.emplace(id, std::move(r));
  }

  for (const auto& entry : field(root, "history", json::value_t::array, "state")) {
    if (!entry.is_object()) throw StoreError("a history entry is not an object");
    data.history.push_back({string_field(entry, "at", "history entry"), string_field(entry, "setting", "history entry"),
                            string_field(entry, "from", "history entry"), string_field(entry, "to", "history entry"),
                            string_field(entry, "url", "history entry")});
  }
  cap_history(data);

  const auto& region = field(root, "region", json::value_t::string, "state");
  if (!region.is_null()) data.region = region.get<std::string>();

  for (const auto& [form, date] : field(root, "forms_done", json::value_t::object, "state").items()) {
    if (!date.is_string()) throw StoreError("forms_done." + form + " is not a string");
    data.forms_done.emplace(form, date.get<std::string>());
  }

  const auto& active = field(root, "walkthrough_active", json::value_t::boolean, "state");
  data.walkthrough_active = !active.is_null() && active.get<bool>();

  for (const auto& name : field(root, "corrupt_files", json::value_t::array, "state")) {
    if (!name.is_string()) throw StoreError("corrupt_files holds a non-string");
    data.corrupt_files.push_back(name.get<std::string>());
  }

  const auto& reminder = field(root, "reminder_days", json::value_t::number_integer, "state");
  if (!reminder.is_null()) {
    const auto days = reminder.get<long long>();
    if (days < kMinReminderDays || days > kMaxReminderDays) throw StoreError("reminder_days is out of range");
    data.reminder_days = static_cast<int>(days);
  }
  const auto& last_full = field(root, "last_full_check", json::value_t::string, "state");
  if (!last_full.is_null()) data.last_full_check = last_full.get<std::string>();
  data.last_full_check_ruleset = string_field(root, "last_full_check_ruleset", "state");
  data.new_controls = parse_new_controls(field(root, "new_controls", json::value_t::array, "state"), "new_controls");
  for (const auto& entry : field(root, "checks", json::value_t::array, "state")) data.checks.push_back(parse_check(entry));
  const auto& run = field(root, "recheck", json::value_t::object, "state");
  if (!run.is_null()) {
    RecheckRun r;
    r.started_at = string_field(run, "started_at", "recheck");
    for (const auto& [setting, state] : field(run, "pages", json::value_t::object, "recheck").items()) {
      if (!state.is_string()) throw StoreError("recheck.pages." + setting + " is not a string");
      r.pages.emplace(setting, state.get<std::string>());
    }
    r.new_controls = parse_new_controls(field(run, "new_controls", json::value_t::array, "recheck"), "recheck");
    data.recheck = std::move(r);
  }

  static const char* const known[] = {"version",       "settings",      "history",
                                      "region",        "forms_done",    "walkthrough_active",
                                      "corrupt_files", "reminder_days", "last_full_check",
                                      "last_full_check_ruleset", "new_controls", "checks", "recheck"};
  for (const auto& [name, value] : root.items())
    if (std::find(std::begin(known), std::end(known), name) == std::end(known))
      data.unknown_fields.emplace(name, value.dump());
  return data;
}

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
