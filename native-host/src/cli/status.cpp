// `linkedout-host status`: what the host knows, per ruleset setting: last seen state and time,
// drift (seen off, then on again), whether it applies in the user's region, forms marked done,
// the re-check schedule and corrupt store files kept aside. Built from the same report (and so
// the same walkthrough plan) as `linkedout-host report`, so the two always say the same counts
// in the same words.
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"
#include "ruleset_load.hpp"
#include "report.hpp"
#include "ruleset.hpp"
#include "host_mode.hpp"
#include "store.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json optional_text(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

void print_json(const report::Report& report, const fs::path& data_dir, bool walkthrough_active, std::ostream& out) {
  json settings = json::array();
  for (const auto& row : report.settings)
    settings.push_back({{"id", row.id},
                        {"severity", row.severity},
                        {"state", row.state},
                        {"needs_action", row.needs_action},
                        {"last_seen", optional_text(row.last_seen)},
                        {"last_changed", optional_text(row.last_changed)},
                        {"drift", row.drift ? json("re-enabled") : json(nullptr)}});
  json forms = json::array();
  for (const auto& row : report.forms)
    forms.push_back({{"id", row.id},
                     {"url", row.url},
                     {"state", row.state},
                     {"needs_action", row.needs_action},
                     {"done_at", optional_text(row.done_at)}});
  json corrupt = json::array();
  for (const auto& name : report.corrupt_files) corrupt.push_back((data_dir / name).string());
  const auto& check = report.check;
  out << json{{"data_dir", data_dir.string()},
              {"ruleset", {{"name", report.ruleset_name}, {"version", report.ruleset_version}}},
              {"region", optional_text(report.region)},
              {"walkthrough_active", walkthrough_active},
              {"summary", {{"done", report.done}, {"total", report.total}, {"needs_action", report.needs_action()}}},
              {"settings", settings},
              {"forms", forms},
              {"corrupt_files", corrupt},
              {"check", check_schedule_json(check)}}
             .dump(2)
      << "\n";
}

void print_table(const report::Report& report, const fs::path& data_dir, std::ostream& out) {
  const auto& check = report.check;
  out << "LinkedOut " << report.host_version << ", ruleset " << report.ruleset_name << " " << report.ruleset_version
      << "\n"
      << "data:   " << data_dir.string() << "\n"
      << "region: " << (report.region ? *report.region : std::string("not set (every setting is expected)")) << "\n"
      << "last full check: " << check.last_full_check.value_or("never") << "\n"
      << "next check due:  ";
  if (!check.reminder_days) {
    out << "- (reminder off)\n\n";
  } else {
    out << (check.due ? "now" : check.next_due.value_or("now")) << " (reminder every " << *check.reminder_days
        << " days" << (check.due_reason == "ruleset_changed" ? "; the ruleset changed since" : "") << ")\n\n";
  }
  std::size_t width = 7;
  for (const auto& row : report.settings) width = std::max(width, row.id.size());
  for (const auto& row : report.forms) width = std::max(width, row.id.size());
  const int id_width = static_cast<int>(width) + 2;
  out << std::left << std::setw(id_width) << "setting" << std::setw(22) << "last seen" << "state\n";
  for (const auto& row : report.settings) {
    out << std::left << std::setw(id_width) << row.id << std::setw(22) << row.last_seen.value_or("-")
        << report::state_text(report, row) << "\n";
  }
  for (const auto& row : report.forms) {
    out << std::left << std::setw(id_width) << row.id << std::setw(22) << "-" << report::form_state_text(report, row)
        << (row.state == "todo" ? ": " + row.url : std::string()) << "\n";
  }
  out << "\n" << report::summary_text(report) << "\n";
  if (!report.corrupt_files.empty()) {
    out << "corrupt state files kept aside (not read):\n";
    for (const auto& name : report.corrupt_files) out << "  " << (data_dir / name).string() << "\n";
  }
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
  report::BuildOptions options;
  options.zone = local_zone();
  const auto report = report::build_report(rules, data, now_iso8601(), options);
  if (request.json) {
    print_json(report, request.data_dir, data.walkthrough_active, out);
  } else {
    print_table(report, request.data_dir, out);
  }
  return kExitOk;
}

}  // namespace linkedout::cli
