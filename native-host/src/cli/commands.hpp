// The CLI commands, one a file: the run_* functions do the work and are what the tests call (paths,
// home and OS are parameters, output goes to streams). Their options are parsed in one place,
// command_line.cpp.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "paths.hpp"

namespace linkedout::cli {

// Options every command accepts.
struct CommonOptions {
  std::optional<std::filesystem::path> data_dir;    // --data-dir, else $LINKEDOUT_DATA_DIR, else XDG
  std::optional<std::filesystem::path> rules_file;  // --rules, else the embedded ruleset
  std::filesystem::path resolved_data_dir() const;
};

// Exit statuses shared by the commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // the command ran and found or caused a problem
inline constexpr int kExitUsage = 2;   // bad arguments

// What install, uninstall and doctor act on.
struct ManifestRequest {
  std::optional<paths::Browser> browser;                // nullopt: all
  std::optional<std::filesystem::path> manifest_dir;    // write / look exactly there
  paths::Scope scope = paths::Scope::user;              // --system
  std::optional<std::filesystem::path> host_path;       // nullopt: the running binary
  std::vector<std::string> chrome_ids;                  // empty: the compiled-in ids
  std::vector<std::string> firefox_ids;                 // empty: the compiled-in ids
  bool launch_host = true;                              // doctor: start the host as a browser would
  bool all_browsers = false;                            // install: every browser, found or not
  paths::Os os = paths::current_os();
  std::filesystem::path home;                           // empty: paths::home_dir()
  std::filesystem::path system_root;                    // empty: platform::system_root() ("/", "C:\\");
                                                        // tests rebase the system-wide directories
};

int run_install(const ManifestRequest& request, std::ostream& out, std::ostream& err);
int run_uninstall(const ManifestRequest& request, std::ostream& out, std::ostream& err);
int run_doctor(const ManifestRequest& request, std::ostream& out, std::ostream& err);

struct StatusRequest {
  std::filesystem::path data_dir;
  std::optional<std::filesystem::path> rules_file;
  bool json = false;
};
int run_status(const StatusRequest& request, std::ostream& out, std::ostream& err);

struct ReportRequest {
  std::filesystem::path data_dir;
  std::optional<std::filesystem::path> rules_file;
  std::string format = "md";                    // md | html | json
  std::optional<std::filesystem::path> output;  // nullopt: stdout
  std::optional<std::string> now;               // ISO 8601 UTC; nullopt: the clock
  std::optional<std::string> lang;              // BCP 47; nullopt: the locale of the environment
};
int run_report(const ReportRequest& request, std::ostream& out, std::ostream& err);

}  // namespace linkedout::cli
