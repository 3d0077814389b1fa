// The decision engine: pure functions from (ruleset, page state, what the store knows) to a
// verdict and a walkthrough plan (docs/protocol.md §4.2, §4.3). No I/O, no clock: every input is
// an argument, so every rule is unit-tested.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol_messages.hpp"  // generated: protocol::Control
#include "ruleset.hpp"
#include "store_format.hpp"

namespace linkedout {

// One switch as the extension read it: the page_state's control, as the generated reader gives it
// ({key, label, checked, disabled}; docs/protocol.schema.json $defs/control).
using Control = protocol::Control;

// A walkthrough step by id and URL.
struct NextStep {
  std::string step, url;
};

struct PageState {
  std::string url;   // as sent
  std::string path;  // URL path without query, fragment or trailing slash
  std::string lang;  // BCP 47 as sent
  std::vector<Control> controls;
};

// Every entry below names its control by `control`: the control's index in the page_state's
// `controls`, the identity the extension highlights, clicks and reads back (never the key alone:
// a page may give several controls no key, or one key twice).
struct Highlight {
  std::optional<std::string> key;
  std::string setting, action, severity, reason;
  std::string matched_by;  // "key" | "label" | "page"
  std::size_t control = 0;
  // action "locked" (on, and the page does not let it be switched): where the user can object.
  std::optional<NextStep> form;
};

// The verdict's other entries are the reply's own types (generated from the schema's
// verdict_reply), so the reply takes the lists as they are:
// a matched control already in the desired state {key, setting, matched_by ("key" | "label" |
// "page"), control};
using OkControl = protocol::VerdictReplyOk;
// a control not judged {key, label, why ("unreadable" | "not_in_ruleset" | "ambiguous" |
// "left_alone" | "other_page"), control};
using UnknownControl = protocol::VerdictReplyUnknown;
// a setting back on or new {setting, kind ("re-enabled" | "new")}.
using DriftFlag = protocol::VerdictReplyDrift;

// A setting whose matched, readable controls all agree: what the store must record. At most one
// per setting per page (controls that disagree make the setting "ambiguous" and record nothing).
struct Sighting {
  std::string setting;
  std::string state;  // "on" | "off"
};

struct Progress {
  int done = 0, total = 0, remaining = 0;
};

struct Verdict {
  const Setting* setting = nullptr;  // this page's ruleset entry, by URL path
  std::vector<Highlight> highlight;
  std::vector<OkControl> ok;  // controls already in the desired state
  std::vector<UnknownControl> unknown;
  std::vector<DriftFlag> drift;
  std::vector<Sighting> sightings;
  // The path names a setting but no control with a readable state was matched to it: the user
  // must be told to switch it by hand (never a silent "nothing to do").
  bool page_unreadable = false;
  Progress progress;  // counted as if the sightings were already recorded
  std::optional<NextStep> next;
  bool walkthrough_active = false;  // as the store says
  int still_on = 0;                 // toggles on after this page (the extension's badge)
};

struct DecideOptions {
  // Flag never-seen settings that are on as drift "new". The host sets it only when the store
  // already held history before this session: on a first run everything is new and the
  // highlight already says what to do, so flagging it all would be noise.
  bool flag_new_settings = false;
  // The user's UI language (BCP 47, the request's `ui_lang`): the language of the reasons.
  // Empty or unknown: English.
  std::string ui_lang;
};

// Matches one control to a setting by key, then label (rules 1-3). Returns the setting index, or the reason it
// cannot be judged ("not_in_ruleset" or "ambiguous").
struct Match {
  std::optional<std::size_t> setting;
  std::string why;         // when unmatched
  std::string matched_by;  // when matched: "key" or "label" ("page" is decided over the whole page)
};
Match match_control(const Ruleset& rules, const Control& control, std::string_view page_lang);

// The region that decides which settings are expected: the store's, or none (all expected).
std::string_view effective_region(const StoreData& known);

Verdict decide(const Ruleset& rules, const PageState& page, const StoreData& known,
               const DecideOptions& options = {});

// Walkthrough plan (§4.3): settings in ruleset order, then forms.
struct Step {
  std::string id, kind, title, url, severity;
  std::string state;  // toggles: off | on | unseen | not_in_region; forms: todo | done | not_in_region
  std::optional<std::string> last_seen;  // toggles
  bool drift = false;                    // toggles: re-enabled since last seen off
  std::string guidance;                  // forms
  std::optional<std::string> done_at;    // forms
  bool needs_action = false;             // in region and not in the desired state
};

struct Plan {
  std::vector<Step> steps;
  Progress progress;
  std::optional<NextStep> next;
};

// `current_step`: the page the user is on; `next` then prefers the first step after it that
// still needs action, wrapping around. Empty: the first step that needs action.
// `ui_lang`: the language of titles and guidance (ruleset_text.hpp; empty: English).
// `seen_now`: the current page's sightings (one per setting), counted as if already recorded:
// what the verdict's progress and next step count, without copying the store.
Plan plan_walkthrough(const Ruleset& rules, const StoreData& known, std::string_view current_step = {},
                      std::string_view ui_lang = {}, const std::vector<Sighting>& seen_now = {});

// True when the setting's latest recorded change went from off to on.
bool reenabled_in_history(const StoreData& known, std::string_view setting);

// Drift, decided here and nowhere else (the verdict, the walkthrough plan and so the popup, the
// report and `status` all ask this): a setting seen on whose record says it was off, or whose
// latest change was off → on ("re-enabled"); with `flag_new_settings`, a setting seen on that the
// store has never seen at all ("new"). `state_now` is the state seen now ("on" | "off").
enum class Drift { none, reenabled, new_setting };
Drift drift_of(const StoreData& known, std::string_view setting, std::string_view state_now,
               bool flag_new_settings = false);
std::string_view to_string(Drift drift);  // "" | "re-enabled" | "new"

}  // namespace linkedout
