// `linkedout-host status`: what the host knows, per ruleset setting: last seen state and time,
// drift (seen off, then on again), whether it applies in the user's region, forms marked done,
// and corrupt store files kept aside.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"
#include "recheck.hpp"
#include "ruleset.hpp"
#include "store.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Re-enabled: the last change recorded for the setting went from off to on.
bool re_enabled(const StoreData& data, const std::string& setting) {
  for (auto it = data.history.rbegin(); it != data.history.rend(); ++it)
    if (it->setting == setting) return it->from == "off" && it->to == "on";
  return false;
}

struct Row {
  std::string id, severity, state, last_seen, last_changed;
  bool drift = false;
};

std::vector<Row> rows_of(const Ruleset& rules, const StoreData& data) {
  std::vector<Row> rows;
  for (const auto& setting : rules.settings) {
    Row row{setting.id, setting.severity, "unseen", "", "", false};
    if (data.region && !setting.shown_in(*data.region)) row.state = "not_in_region";
    if (const auto it = data.settings.find(setting.id); it != data.settings.end()) {
      if (row.state != "not_in_region") row.state = it->second.state;
      row.last_seen = it->second.last_seen;
      row.last_changed = it->second.last_changed;
      row.drift = it->second.state == "on" && re_enabled(data, setting.id);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

int run_status(const StatusRequest& request, std::ostream& out, std::ostream& err) {
  Ruleset rules;
  try {
    rules = load_ruleset(request.rules_file);
  } catch (const std::exception& e) {
    err << "status: cannot load the ruleset: " << e.what() << "\n";
    return kExitFailed;
  }
  StoreData data;
  try {
    data = Store(request.data_dir).load();
  } catch (const std::exception& e) {
    err << "status: cannot read the state store in " << request.data_dir.string() << ": " << e.what() << "\n";
    return kExitFailed;
  }
  const auto rows = rows_of(rules, data);
  const CheckSchedule check = check_schedule(data, rules.version, now_iso8601());
  const auto opt = [](const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); };

  if (request.json) {
    json settings = json::array();
    for (const auto& row : rows)
      settings.push_back({{"setting", row.id},
                          {"severity", row.severity},
                          {"state", row.state},
                          {"last_seen", row.last_seen.empty() ? json(nullptr) : json(row.last_seen)},
                          {"last_changed", row.last_changed.empty() ? json(nullptr) : json(row.last_changed)},
                          {"drift", row.drift ? json("re-enabled") : json(nullptr)}});
    json forms = json::array();
    for (const auto& form : rules.forms) {
      const auto done = data.forms_done.find(form.id);
      forms.push_back({{"form", form.id},
                       {"url", form.url},
                       {"state", done != data.forms_done.end() ? "done" : "todo"},
                       {"done_at", done != data.forms_done.end() ? json(done->second) : json(nullptr)}});
    }
    json corrupt = json::array();
    for (const auto& name : data.corrupt_files) corrupt.push_back((request.data_dir / name).string());
    out << json{{"data_dir", request.data_dir.string()},
                {"ruleset", {{"name", rules.name}, {"version", rules.version}}},
                {"region", data.region ? json(*data.region) : json(nullptr)},
                {"walkthrough_active", data.walkthrough_active},
                {"settings", settings},
                {"forms", forms},
                {"corrupt_files", corrupt},
                {"check",
                 {{"reminder_days", check.reminder_days ? json(*check.reminder_days) : json(nullptr)},
                  {"last_full_check", opt(check.last_full_check)},
                  {"next_due", opt(check.next_due)},
                  {"due", check.due},
                  {"due_reason", check.due_reason.empty() ? json(nullptr) : json(check.due_reason)}}}}
               .dump(2)
        << "\n";
    return kExitOk;
  }

  out << "LinkedOut " << LINKEDOUT_VERSION << ", ruleset " << rules.name << " " << rules.version << "\n"
      << "data:   " << request.data_dir.string() << "\n"
      << "region: " << (data.region ? *data.region : std::string("not set (every setting is expected)")) << "\n"
      << "last full check: " << check.last_full_check.value_or("never") << "\n"
      << "next check due:  ";
  if (!check.reminder_days) {
    out << "- (reminder off)\n\n";
  } else {
    out << (check.due ? "now" : check.next_due.value_or("now")) << " (reminder every " << *check.reminder_days
        << " days" << (check.due_reason == "ruleset_changed" ? "; the ruleset changed since" : "") << ")\n\n";
  }
  std::size_t width = 7;
  for (const auto& row : rows) width = std::max(width, row.id.size());
  out << std::left << std::setw(static_cast<int>(width) + 2) << "setting" << std::setw(15) << "state"
      << std::setw(22) << "last seen" << "drift\n";
  int still_on = 0;
  for (const auto& row : rows) {
    if (row.state == "on") ++still_on;
    out << std::left << std::setw(static_cast<int>(width) + 2) << row.id << std::setw(15)
        << (row.state == "on" ? "ON" : row.state) << std::setw(22) << (row.last_seen.empty() ? "-" : row.last_seen)
        << (row.drift ? "re-enabled: was off, seen on again" : "") << "\n";
  }
  for (const auto& form : rules.forms) {
    const auto done = data.forms_done.find(form.id);
    out << std::left << std::setw(static_cast<int>(width) + 2) << form.id << std::setw(15)
        << (done != data.forms_done.end() ? "done" : "todo")
        << (done != data.forms_done.end() ? done->second : form.url) << "\n";
  }
  out << "\n" << still_on << " setting(s) still on\n";
  if (!data.corrupt_files.empty()) {
    out << "corrupt state files kept aside (not read):\n";
    for (const auto& name : data.corrupt_files) out << "  " << (request.data_dir / name).string() << "\n";
  }
  return kExitOk;
}

void add_status_command(CLI::App& app, const CommonOptions& common, int& exit_code) {
  auto as_json = std::make_shared<bool>(false);
  auto* command = app.add_subcommand("status", "What the host has seen of each setting, drift and corrupt files");
  command->add_flag("--json", *as_json, "print JSON instead of a table");
  command->callback([as_json, &common, &exit_code] {
    exit_code = run_status({common.resolved_data_dir(), common.rules_file, *as_json}, std::cout, std::cerr);
  });
}

}  // namespace linkedout::cli
