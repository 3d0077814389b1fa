// The walkthrough plan: which steps exist for the user's region, what state each is in, how far
// the user got and where to go next.
#include "decide.hpp"
#include "ruleset_text.hpp"

namespace linkedout {

namespace {

Step toggle_step(const Setting& setting, const StoreData& known, std::string_view region, std::string_view lang,
                 const std::vector<Sighting>& seen_now) {
  Step step;
  step.id = setting.id;
  step.kind = "toggle";
  step.title = setting_title(setting, lang);
  step.url = setting.url();
  step.severity = setting.severity;
  auto record = known.settings.find(setting.id);
  if (record != known.settings.end() && !record->second.last_seen.empty()) {
    step.last_seen = record->second.last_seen;
  }
  if (!setting.shown_in(region)) {
    step.state = "not_in_region";
    return step;
  }
  step.state = record == known.settings.end() || record->second.state.empty() ? "unseen" : record->second.state;
  for (const auto& sighting : seen_now) {
    if (sighting.setting == setting.id) step.state = sighting.state;
  }
  step.drift = drift_of(known, setting.id, step.state) == Drift::reenabled;
  step.needs_action = step.state != setting.desired;
  return step;
}

Step form_step(const Form& form, const StoreData& known, std::string_view region, std::string_view lang) {
  Step step;
  step.id = form.id;
  step.kind = "form";
  step.title = form_title(form, lang);
  step.url = form.url;
  step.severity = form.severity;
  step.guidance = form_guidance(form, lang);
  auto done = known.forms_done.find(form.id);
  if (done != known.forms_done.end()) step.done_at = done->second;
  if (!form.shown_in(region)) {
    step.state = "not_in_region";
    return step;
  }
  step.state = step.done_at ? "done" : "todo";
  step.needs_action = !step.done_at;
  return step;
}

}  // namespace

Plan plan_walkthrough(const Ruleset& rules, const StoreData& known, std::string_view current_step,
                      std::string_view ui_lang, const std::vector<Sighting>& seen_now) {
  Plan plan;
  const std::string_view region = effective_region(known);
  plan.steps.reserve(rules.settings.size() + rules.forms.size());
  for (const auto& setting : rules.settings) plan.steps.push_back(toggle_step(setting, known, region, ui_lang, seen_now));
  for (const auto& form : rules.forms) plan.steps.push_back(form_step(form, known, region, ui_lang));

  for (const auto& step : plan.steps) {
    if (step.state == "not_in_region") continue;
    ++plan.progress.total;
    if (!step.needs_action) ++plan.progress.done;
  }
  plan.progress.remaining = plan.progress.total - plan.progress.done;

  // Start after the current step (wrapping round to it last), or at the top.
  const std::size_t n = plan.steps.size();
  std::size_t start = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!current_step.empty() && plan.steps[i].id == current_step) start = i + 1;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const Step& step = plan.steps[(start + k) % n];
    if (step.needs_action) {
      plan.next = NextStep{step.id, step.url};
      break;
    }
  }
  return plan;
}

}  // namespace linkedout
