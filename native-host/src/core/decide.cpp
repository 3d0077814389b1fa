#include "decide.hpp"

#include <algorithm>

#include "decide_text.hpp"
#include "ruleset_text.hpp"

namespace linkedout {

namespace {

// The settings the key names. A key may list several ids separated by spaces (aria-labelledby
// "<key> <key>-description"): every id the ruleset knows counts; ids it does not know are ignored.
std::optional<std::vector<std::size_t>> owners_of_key(const Ruleset& rules, const std::optional<std::string>& key) {
  if (!key) return std::nullopt;
  std::vector<std::size_t> owners;
  std::size_t start = 0;
  while (start <= key->size()) {
    const std::size_t end = std::min(key->find(' ', start), key->size());
    if (end > start) {
      auto it = rules.settings_by_key.find(key->substr(start, end - start));
      if (it != rules.settings_by_key.end()) {
        for (const std::size_t owner : it->second) {
          if (std::find(owners.begin(), owners.end(), owner) == owners.end()) owners.push_back(owner);
        }
      }
    }
    start = end + 1;
  }
  if (owners.empty()) return std::nullopt;
  return owners;
}

// Whether any id of the key names a switch the ruleset leaves alone.
bool left_alone_key(const Ruleset& rules, const std::optional<std::string>& key) {
  if (!key || rules.left_alone.empty()) return false;
  std::size_t start = 0;
  while (start <= key->size()) {
    const std::size_t end = std::min(key->find(' ', start), key->size());
    if (end > start && rules.leaves_alone(std::string_view(*key).substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

const std::vector<std::size_t>* owners_of_label(const Ruleset& rules, const std::string& label,
                                                const std::string& lang) {
  if (lang.empty()) return nullptr;
  auto it = rules.settings_by_label.find({lang, normalise_label(label)});
  return it == rules.settings_by_label.end() ? nullptr : &it->second;
}

// Whether the control's key or label names `setting` at all (even when the match is ambiguous).
bool names_setting(const Ruleset& rules, const Control& control, const std::string& lang, std::size_t setting) {
  const auto by_key = owners_of_key(rules, control.key);
  if (by_key && std::find(by_key->begin(), by_key->end(), setting) != by_key->end()) return true;
  const auto* by_label = owners_of_label(rules, control.label, lang);
  return by_label && std::find(by_label->begin(), by_label->end(), setting) != by_label->end();
}

bool seen_before(const StoreData& known, const std::string& setting) {
  if (known.settings.count(setting)) return true;
  return std::any_of(known.history.begin(), known.history.end(),
                     [&](const HistoryEntry& entry) { return entry.setting == setting; });
}

}  // namespace

Match match_control(const Ruleset& rules, const Control& control, std::string_view page_lang) {
  const std::string lang = primary_language(page_lang);
  const auto by_key = owners_of_key(rules, control.key);
  const auto* by_label = owners_of_label(rules, control.label, lang);
  if (by_key) {
    if (by_key->size() != 1) return {std::nullopt, "ambiguous", ""};
    // A label that names a different setting means the page is not what the ruleset thinks.
    if (by_label && (by_label->size() != 1 || by_label->front() != by_key->front())) {
      return {std::nullopt, "ambiguous", ""};
    }
    return {by_key->front(), "", "key"};
  }
  if (by_label) {
    if (by_label->size() != 1) return {std::nullopt, "ambiguous", ""};
    return {by_label->front(), "", "label"};
  }
  if (left_alone_key(rules, control.key)) return {std::nullopt, "left_alone", ""};
  return {std::nullopt, "not_in_ruleset", ""};
}

std::string_view effective_region(const StoreData& known) {
  return known.region ? std::string_view(*known.region) : std::string_view();
}

bool reenabled_in_history(const StoreData& known, std::string_view setting) {
  for (auto it = known.history.rbegin(); it != known.history.rend(); ++it) {
    if (it->setting == setting) return it->from == "off" && it->to == "on";
  }
  return false;
}

Drift drift_of(const StoreData& known, std::string_view setting, std::string_view state_now,
               bool flag_new_settings) {
  if (state_now != "on") return Drift::none;
  const auto record = known.settings.find(std::string(setting));
  if (record != known.settings.end()) {
    return record->second.state == "off" || reenabled_in_history(known, setting) ? Drift::reenabled : Drift::none;
  }
  return flag_new_settings && !seen_before(known, std::string(setting)) ? Drift::new_setting : Drift::none;
}

std::string_view to_string(Drift drift) {
  switch (drift) {
    case Drift::reenabled: return "re-enabled";
    case Drift::new_setting: return "new";
    case Drift::none: break;
  }
  return "";
}

Verdict decide(const Ruleset& rules, const PageState& page, const StoreData& known,
               const DecideOptions& options) {
  Verdict verdict;
  verdict.setting = rules.setting_for_path(page.path);

  auto add_drift = [&](const std::string& setting, Drift drift) {
    if (drift == Drift::none) return;
    auto same = [&](const DriftFlag& d) { return d.setting == setting; };
    if (std::none_of(verdict.drift.begin(), verdict.drift.end(), same)) {
      verdict.drift.push_back({setting, std::string(to_string(drift))});
    }
  };

  // A control counts for a setting only on that setting's own page: "Location" on the profile
  // location page is not "Inferred city location", and a page in no rule judges nothing.
  const std::optional<std::size_t> page_setting =
      verdict.setting ? std::optional<std::size_t>(static_cast<std::size_t>(verdict.setting - rules.settings.data()))
                      : std::nullopt;

  // Match by page: on a page whose path names one setting, its only switch, when that matches no
  // key and no label, is that setting (LinkedIn renames keys and rewords labels; the page stays).
  // Switches the ruleset leaves alone (email tips beside the promotions switch) do not count.
  // Only when nothing on the page went unread: an unreadable control could be the real one.
  const bool any_unread = std::any_of(page.controls.begin(), page.controls.end(),
                                      [](const Control& control) { return !control.checked; });
  const bool by_page = page_setting && !any_unread &&
                       std::count_if(page.controls.begin(), page.controls.end(), [&](const Control& control) {
                         return !left_alone_key(rules, control.key);
                       }) == 1;

  // Every control is matched, readable or not, so that two controls claiming the page's setting
  // are seen: then none of them is judged (which one is real is a guess).
  std::vector<Match> matches;
  matches.reserve(page.controls.size());
  std::size_t claimants = 0;
  for (const auto& control : page.controls) {
    Match match = match_control(rules, control, page.lang);
    if (match.setting && match.setting != page_setting) {
      match = {std::nullopt, "other_page", ""};
    } else if (!match.setting && match.why == "not_in_ruleset" && by_page) {
      match = {page_setting, "", "page"};
    }
    // An ambiguous control that names the page's setting (its key, with another setting's label)
    // claims it too: it may be the real one.
    if (match.setting || (match.why == "ambiguous" && page_setting &&
                          names_setting(rules, control, primary_language(page.lang), *page_setting))) {
      ++claimants;
    }
    matches.push_back(match);
  }
  bool page_read = false;  // the page's setting got one readable control

  for (std::size_t i = 0; i < page.controls.size(); ++i) {
    const Control& control = page.controls[i];
    const Match& match = matches[i];
    const auto index = static_cast<std::int64_t>(i);  // the reply's `control`
    if (!match.setting) {
      const bool unread = !control.checked && match.why != "other_page";
      verdict.unknown.push_back({control.key, control.label, unread ? "unreadable" : match.why, index});
      continue;
    }
    if (claimants > 1) {
      verdict.unknown.push_back({control.key, control.label, "ambiguous", index});
      continue;
    }
    if (!control.checked) {
      verdict.unknown.push_back({control.key, control.label, "unreadable", index});
      continue;
    }
    const Setting& setting = rules.settings[*match.setting];
    page_read = true;
    const std::string state = *control.checked ? "on" : "off";
    if (state == setting.desired) {
      verdict.ok.push_back({control.key, setting.id, match.matched_by, index});
    } else if (control.disabled) {
      // On, and the page does not let the user switch it: never "done", never clicked; the
      // user is told, and pointed at the objection form.
      Highlight locked{control.key, setting.id, "locked", setting.severity,
                       setting_reason(setting, options.ui_lang), match.matched_by, i, std::nullopt};
      if (!rules.forms.empty()) locked.form = NextStep{rules.forms.front().id, rules.forms.front().url};
      verdict.highlight.push_back(std::move(locked));
    } else {
      verdict.highlight.push_back({control.key, setting.id, "switch-" + setting.desired, setting.severity,
                                   setting_reason(setting, options.ui_lang), match.matched_by, i, std::nullopt});
    }
    if (setting.desired == "off") add_drift(setting.id, drift_of(known, setting.id, state, options.flag_new_settings));
    verdict.sightings.push_back({setting.id, state});
  }

  verdict.page_unreadable = verdict.setting != nullptr && !page_read;

  // Counted as if the sightings were already recorded, without copying the store.
  const Plan plan = plan_walkthrough(rules, known, verdict.setting ? verdict.setting->id : std::string(),
                                     options.ui_lang, verdict.sightings);
  verdict.progress = plan.progress;
  verdict.next = plan.next;
  verdict.walkthrough_active = known.walkthrough_active;
  verdict.still_on = static_cast<int>(std::count_if(plan.steps.begin(), plan.steps.end(), [](const Step& step) {
    return step.kind == "toggle" && step.state == "on";
  }));
  return verdict;
}

}  // namespace linkedout
