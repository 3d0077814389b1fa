#include "store_merge.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace linkedout {

namespace {

auto history_key(const HistoryEntry& e) { return std::tie(e.at, e.setting, e.from, e.to, e.url); }

bool same_control(const NewControl& a, const NewControl& b) {
  if (a.page != b.page) return false;
  if (a.key || b.key) return a.key == b.key;
  return a.label == b.label;
}

void merge_setting(StoreData& into, const std::string& id, const SettingRecord& theirs, MergeCounts& counts) {
  auto [it, added] = into.settings.try_emplace(id, theirs);
  if (added) {
    ++counts.settings;
    return;
  }
  SettingRecord& ours = it->second;
  SettingRecord merged = theirs.last_seen > ours.last_seen ? theirs : ours;
  // ISO 8601 UTC text orders as time; an empty first_seen is "unknown", never the earliest.
  if (!ours.first_seen.empty() && (theirs.first_seen.empty() || ours.first_seen < theirs.first_seen)) {
    merged.first_seen = ours.first_seen;
  } else if (!theirs.first_seen.empty()) {
    merged.first_seen = theirs.first_seen;
  }
  if (merged.state != ours.state || merged.last_seen != ours.last_seen || merged.last_changed != ours.last_changed ||
      merged.first_seen != ours.first_seen) {
    ours = std::move(merged);
    ++counts.settings;
  }
}

void merge_history(StoreData& into, const StoreData& from, MergeCounts& counts) {
  using Key = decltype(history_key(std::declval<const HistoryEntry&>()));
  std::set<Key> known;
  for (const auto& entry : into.history) known.insert(history_key(entry));
  std::vector<HistoryEntry> added;
  for (const auto& entry : from.history) {
    if (known.insert(history_key(entry)).second) added.push_back(entry);
  }
  if (added.empty()) return;
  counts.history = added.size();
  into.history.insert(into.history.end(), added.begin(), added.end());
  // Oldest first, as the store keeps it; equal times keep their order (ours before theirs).
  std::stable_sort(into.history.begin(), into.history.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) { return a.at < b.at; });
  trim_history(into.history, store_caps::kMaxHistory);
}

void merge_checks(StoreData& into, const StoreData& from, MergeCounts& counts) {
  for (const auto& check : from.checks) {
    const bool known = std::any_of(into.checks.begin(), into.checks.end(), [&](const CheckRecord& c) {
      return c.started_at == check.started_at && c.ended_at == check.ended_at;
    });
    if (known) continue;
    into.checks.push_back(check);
    ++counts.checks;
  }
  std::stable_sort(into.checks.begin(), into.checks.end(),
                   [](const CheckRecord& a, const CheckRecord& b) { return a.ended_at < b.ended_at; });
  if (into.checks.size() > store_caps::kMaxChecks) {
    into.checks.erase(into.checks.begin(), into.checks.end() - static_cast<std::ptrdiff_t>(store_caps::kMaxChecks));
  }
}

void merge_new_controls(StoreData& into, const StoreData& from, MergeCounts& counts) {
  for (const auto& control : from.new_controls) {
    auto it = std::find_if(into.new_controls.begin(), into.new_controls.end(),
                           [&](const NewControl& c) { return same_control(c, control); });
    if (it == into.new_controls.end()) {
      into.new_controls.push_back(control);
      counts.other = true;
      continue;
    }
    if (control.first_seen < it->first_seen) it->first_seen = control.first_seen, counts.other = true;
    if (control.last_seen > it->last_seen) it->last_seen = control.last_seen, counts.other = true;
  }
  // The same cap as record_new_control: the oldest sightings go first.
  if (into.new_controls.size() > store_caps::kMaxNewControls) {
    std::stable_sort(into.new_controls.begin(), into.new_controls.end(),
                     [](const NewControl& a, const NewControl& b) { return a.last_seen < b.last_seen; });
    into.new_controls.erase(into.new_controls.begin(),
                            into.new_controls.end() - static_cast<std::ptrdiff_t>(store_caps::kMaxNewControls));
  }
}

}  // namespace

MergeCounts merge_store(StoreData& into, const StoreData& from) {
  MergeCounts counts;
  for (const auto& [id, record] : from.settings) merge_setting(into, id, record, counts);
  merge_history(into, from, counts);
  for (const auto& [form, date] : from.forms_done) {
    if (into.forms_done.emplace(form, date).second) ++counts.forms;
  }
  merge_checks(into, from, counts);
  merge_new_controls(into, from, counts);
  // What the user chose in the browser counts where the helper has no choice yet.
  if (!into.region && from.region) into.region = from.region, counts.other = true;
  if (!into.reminder_days && from.reminder_days) into.reminder_days = from.reminder_days, counts.other = true;
  if (from.last_full_check && (!into.last_full_check || *from.last_full_check > *into.last_full_check)) {
    into.last_full_check = from.last_full_check;
    into.last_full_check_ruleset = from.last_full_check_ruleset;
    counts.other = true;
  }
  for (const auto& [name, text] : from.unknown_fields) {
    if (into.unknown_fields.emplace(name, text).second) counts.other = true;
  }
  return counts;
}

}  // namespace linkedout
