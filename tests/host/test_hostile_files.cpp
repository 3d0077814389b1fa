// Issue 22 (reliability round 3): the helper's files, installs, clock and environment cannot be
// turned against the user. Each case drives the real binary (or the real install/doctor code)
// with a planted FIFO, device node, socket, sparse file, odd HOME/TZ or a replaceable binary, all
// in temp folders: never the real /dev entries as targets, never the real /etc.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "recheck.hpp"
#include "report.hpp"
#include "ruleset_load.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

using nlohmann::json;
using linkedout::cli_test::frame;
using linkedout::cli_test::ProcessResult;
using linkedout::cli_test::read_text;
using linkedout::cli_test::run_process;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
namespace fs = std::filesystem;
namespace cli = linkedout::cli;
namespace paths = linkedout::paths;

namespace {

const linkedout::Ruleset& hostile_rules() {
  static const linkedout::Ruleset rules = linkedout::load_ruleset(std::nullopt);
  return rules;
}

// The reply frames in a host's stdout.
std::vector<json> replies(const std::string& bytes) {
  std::vector<json> out;
  for (std::size_t at = 0; at + 4 <= bytes.size();) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + at, 4);
    out.push_back(json::parse(bytes.substr(at + 4, length)));
    at += 4 + length;
  }
  return out;
}

// A walkthrough status, a report and a config change, as the extension sends them.
std::string store_touching_requests() {
  return frame(R"({"type":"walkthrough","id":1,"action":"status"})") +
         frame(R"({"type":"report","id":2,"format":"md"})") +
         frame(R"({"type":"config","id":3,"region":"EU"})");
}

ProcessResult host_with_store(const fs::path& data_dir, const std::string& input) {
  return run_process({LINKEDOUT_HOST_BINARY}, {{"LINKEDOUT_DATA_DIR", data_dir.string()}, {"XDG_STATE_HOME", (data_dir.parent_path() / "state").string()}},
                     input, std::chrono::seconds(10));
}

bool running_as_root() { return ::geteuid() == 0; }

void make_socket(const fs::path& where) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(where.string().size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, where.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  ::close(fd);
}

ProcessResult report_to(const fs::path& data_dir, const fs::path& output) {
  return run_process({LINKEDOUT_HOST_BINARY, "report", "--data-dir", data_dir.string(), "--format", "md", "--output",
                      output.string()},
                     {}, "", std::chrono::seconds(10));
}

}  // namespace

// ---- 1. report --output never replaces a device, FIFO, socket or folder ----

TEST_CASE("report --output refuses a FIFO, a socket or a folder at the target, and leaves it as it was") {
  TempDir tmp;
  const fs::path fifo = tmp / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path socket = tmp / "sock";
  make_socket(socket);
  const fs::path folder = tmp / "folder";
  fs::create_directories(folder);
  for (const auto& entry : std::vector<std::pair<fs::path, std::string>>{
           {fifo, "FIFO"}, {socket, "socket"}, {folder, "folder"}}) {
    // Named copies, not a structured binding: CAPTURE's lambda cannot capture one (clang).
    const fs::path& target = entry.first;
    const std::string& kind = entry.second;
    CAPTURE(kind);
    const auto result = report_to(tmp / "data", target);
    CHECK_FALSE(result.timed_out);
    CHECK(result.exit_code != 0);
    CHECK(result.err.find("not a regular file") != std::string::npos);
    CHECK(result.out.empty());
  }
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
  CHECK(fs::is_socket(fs::symlink_status(socket)));
  CHECK(fs::is_directory(fs::symlink_status(folder)));
  CHECK(fs::is_empty(folder));
}

TEST_CASE("report --output refuses a device node (a copy of /dev/null's and /dev/full's in a temp folder)") {
  if (!running_as_root()) {
    MESSAGE("skipped: creating a device node needs root (the CI runs as root)");
    return;
  }
  TempDir tmp;
  struct Device {
    const char* name;
    dev_t number;
  };
  for (const Device device : {Device{"null", ::makedev(1, 3)}, Device{"full", ::makedev(1, 7)}}) {
    CAPTURE(device.name);
    const fs::path node = tmp / device.name;
    REQUIRE(::mknod(node.c_str(), S_IFCHR | 0666, device.number) == 0);
    const auto result = report_to(tmp / "data", node);
    CHECK(result.exit_code != 0);
    CHECK(result.err.find("not a regular file") != std::string::npos);
    struct stat info {};
    REQUIRE(::lstat(node.c_str(), &info) == 0);
    CHECK(S_ISCHR(info.st_mode));  // still the device, not a file holding the report
  }
}

TEST_CASE("report --output into a missing folder is a clear error, and a regular file is still replaced") {
  TempDir tmp;
  const auto missing = report_to(tmp / "data", tmp / "no-such-folder" / "report.md");
  CHECK(missing.exit_code != 0);
  CHECK(missing.err.find("does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "no-such-folder"));
  write_text(tmp / "report.md", "old");
  const auto replaced = report_to(tmp / "data", tmp / "report.md");
  CHECK(replaced.exit_code == 0);
  CHECK(read_text(tmp / "report.md").find("LinkedOut") != std::string::npos);
}

// ---- 3. store reads are bounded: FIFO, device, sparse file → store_error at once ----

TEST_CASE("a state.json that is a FIFO, a link to /dev/zero or a 3 GiB sparse file is a store_error at once") {
  for (const std::string kind : {"fifo", "dev-zero", "sparse"}) {
    CAPTURE(kind);
    TempDir tmp;
    const fs::path data = tmp / "data";
    fs::create_directories(data);
    const fs::path state = data / "state.json";
    if (kind == "fifo") REQUIRE(::mkfifo(state.c_str(), 0600) == 0);
    if (kind == "dev-zero") fs::create_symlink("/dev/zero", state);
    if (kind == "sparse") {
      write_text(state, "{");
      fs::resize_file(state, 3ull * 1024 * 1024 * 1024);  // truncate: no disk used
    }
    const auto result = host_with_store(data, store_touching_requests());
    REQUIRE_FALSE(result.timed_out);
    const auto answers = replies(result.out);
    REQUIRE(answers.size() == 3);
    for (const auto& answer : answers) {
      CAPTURE(answer.dump());
      CHECK(answer.value("type", "") == "error");
      CHECK(answer.value("code", "") == "store_error");
    }
    // The CLI says so too, and nothing was moved aside or replaced.
    const auto status = run_process({LINKEDOUT_HOST_BINARY, "status", "--data-dir", data.string()}, {}, "",
                                    std::chrono::seconds(10));
    CHECK_FALSE(status.timed_out);
    CHECK(status.exit_code != 0);
    CHECK(status.err.find("not a regular file") + status.err.find("too large") != 2 * std::string::npos);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(data)) names.push_back(entry.path().filename().string());
    for (const auto& name : names) CHECK_FALSE(name.starts_with("state.json.corrupt-"));
    if (kind == "fifo") CHECK(fs::is_fifo(fs::symlink_status(state)));
    if (kind == "dev-zero") CHECK(fs::is_symlink(fs::symlink_status(state)));
  }
}

// ---- 4. a clock that ran ahead does not silence the reminder ----

TEST_CASE("a last full check later than now is due, and the report says the date looks wrong") {
  linkedout::StoreData data;
  data.reminder_days = 30;
  data.last_full_check = "2028-11-25T10:00:00Z";  // recorded with the clock two years ahead
  data.last_full_check_ruleset = hostile_rules().version;
  const auto schedule = linkedout::check_schedule(data, hostile_rules().version, "2026-11-26T12:00:00Z");
  CHECK(schedule.due);
  CHECK(schedule.due_reason == "interval");
  CHECK(schedule.last_check_in_future);
  // One minute ahead is a clock's drift, not a wrong date: not flagged.
  data.last_full_check = "2026-11-26T12:01:00Z";
  CHECK_FALSE(linkedout::check_schedule(data, hostile_rules().version, "2026-11-26T12:00:00Z").last_check_in_future);

  data.last_full_check = "2028-11-25T10:00:00Z";
  for (const char* lang : {"en", "de", "fr", "es", "nl", "it"}) {
    CAPTURE(lang);
    linkedout::report::BuildOptions options;
    options.lang = lang;
    const auto report = linkedout::report::build_report(hostile_rules(), data, "2026-11-26T12:00:00Z", options);
    const std::string english = "later than the computer's clock says it is now";
    const std::string md = linkedout::report::render_markdown(report);
    const std::string html = linkedout::report::render_html(report);
    if (std::string(lang) == "en") {
      CHECK(md.find(english) != std::string::npos);
      CHECK(html.find("later than the computer") != std::string::npos);  // the apostrophe is escaped there
    } else {
      CHECK(md.find(english) == std::string::npos);  // said in the reader's language
    }
    CHECK(md.find(linkedout::report::phrase(linkedout::report::Phrase::clock_ahead, report.lang)) != std::string::npos);
  }
}

// ---- 5. HOME unset, empty or relative: every path from one place, never the working folder ----

TEST_CASE("HOME empty or relative: the data folder comes from the password database, never the working folder") {
  TempDir tmp;  // the working folder
  for (const std::string home : {"", "relative/home", "."}) {
    CAPTURE(home);
    const auto status = run_process({LINKEDOUT_HOST_BINARY, "status"},
                                    {{"HOME", home.empty() ? std::string() : home},
                                     {"LINKEDOUT_DATA_DIR", ""},
                                     {"XDG_DATA_HOME", ""},
                                     {"XDG_STATE_HOME", ""}},
                                    "", std::chrono::seconds(10), tmp.path());
    CHECK(status.exit_code == 0);
    const auto at = status.out.find("data:");
    REQUIRE(at != std::string::npos);
    std::string dir = status.out.substr(at + 5, status.out.find('\n', at) - at - 5);
    dir.erase(0, dir.find_first_not_of(' '));
    CAPTURE(dir);
    CHECK(fs::path(dir).is_absolute());
  }
  CHECK(fs::is_empty(tmp.path()));
}

TEST_CASE("a relative LINKEDOUT_DATA_DIR or XDG_DATA_HOME is refused with a clear message, nothing written") {
  TempDir tmp;
  fs::create_directories(tmp / "cwd");
  for (const std::string name : {"LINKEDOUT_DATA_DIR", "XDG_DATA_HOME"}) {
    CAPTURE(name);
    std::map<std::string, std::string> env{{"LINKEDOUT_DATA_DIR", ""}, {"XDG_DATA_HOME", ""},
                                           {"XDG_STATE_HOME", (tmp / "state").string()}, {"HOME", (tmp / "home").string()}};
    env[name] = "relative-" + std::string(300, 'x');
    const auto status = run_process({LINKEDOUT_HOST_BINARY, "status"}, env, "", std::chrono::seconds(10), tmp / "cwd");
    CHECK(status.exit_code != 0);
    CHECK(status.err.find(name + " must be an absolute path") != std::string::npos);
    CHECK(status.err.find("xxxxxxxxxx") == std::string::npos);  // the value is not echoed
    // Host mode serves, and every store message says why.
    const auto host = run_process({LINKEDOUT_HOST_BINARY}, env, store_touching_requests(), std::chrono::seconds(10), tmp / "cwd");
    const auto answers = replies(host.out);
    REQUIRE(answers.size() == 3);
    for (const auto& answer : answers) {
      CAPTURE(answer.dump());
      CHECK(answer.value("code", "") == "store_error");
      CHECK(answer.value("message", "").find(name + " must be an absolute path") != std::string::npos);
    }
    CHECK(fs::is_empty(tmp / "cwd"));  // nothing under the working folder
  }
}

TEST_CASE("a relative XDG_STATE_HOME is refused for the log: said on stderr, nothing under the working folder") {
  TempDir tmp;
  fs::create_directories(tmp / "cwd");
  const auto host = run_process({LINKEDOUT_HOST_BINARY},
                                {{"XDG_STATE_HOME", "state"}, {"HOME", (tmp / "home").string()},
                                 {"LINKEDOUT_DATA_DIR", (tmp / "data").string()}},
                                frame("{not json") + frame(R"({"type":"hello","id":1})"), std::chrono::seconds(10), tmp / "cwd");
  CHECK(replies(host.out).size() == 2);
  CHECK(host.err.find("XDG_STATE_HOME must be an absolute path") != std::string::npos);
  CHECK(fs::is_empty(tmp / "cwd"));
  CHECK_FALSE(fs::exists(tmp / "home" / ".local" / "state"));  // not silently elsewhere either
}

TEST_CASE("host mode with a relative HOME writes no log under the working folder") {
  if (!running_as_root()) {
    MESSAGE("skipped: running the host as another user (nobody) needs root (the CI runs as root)");
    return;
  }
  TempDir tmp;
  fs::create_directories(tmp / "cwd");
  fs::permissions(tmp / "cwd", fs::perms::all);  // nobody could write there
  fs::permissions(tmp.path(), fs::perms::all);
  fs::create_directories(tmp / "data");
  fs::permissions(tmp / "data", fs::perms::all);
  // nobody's passwd home does not exist: the log cannot be written anywhere, and must not land in cwd.
  const auto host = run_process({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", LINKEDOUT_HOST_BINARY},
                                {{"HOME", "relative"}, {"XDG_STATE_HOME", ""}, {"LINKEDOUT_DATA_DIR", (tmp / "data").string()}},
                                frame("{not json") + frame(R"({"type":"hello","id":1})"), std::chrono::seconds(10),
                                tmp / "cwd");
  CHECK(replies(host.out).size() == 2);
  CHECK(fs::is_empty(tmp / "cwd"));
}

// ---- 6. time zone oddities ----

TEST_CASE("report: an impossible or huge TZ falls back to UTC with the right date and is never echoed") {
  TempDir tmp;
  {
    linkedout::Store store(tmp / "data");
    store.update([](linkedout::StoreData& d) {
      const auto url = hostile_rules().find_setting("data-for-ai-improvement")->url();
      linkedout::record_sighting(d, "data-for-ai-improvement", "on", url, "2026-11-20T09:00:00Z");
      return true;
    });
  }
  const std::string huge(5000, 'A');
  for (const std::string& tz : {std::string("UTC+25"), std::string("UTC-30"), huge, huge + "-3"}) {
    CAPTURE(tz.substr(0, 20));
    const auto result = run_process({LINKEDOUT_HOST_BINARY, "report", "--data-dir", (tmp / "data").string(), "--format",
                                     "md", "--lang", "en"},
                                    {{"TZ", tz}, {"LC_ALL", ""}, {"LANG", ""}}, "", std::chrono::seconds(10));
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("2026-11-20 09:00 UTC") != std::string::npos);
    CHECK(result.out.find("2026-11-19") == std::string::npos);
    CHECK(result.out.find("AAAAAAAAAA") == std::string::npos);
    CHECK(result.err.find("AAAAAAAAAA") == std::string::npos);
  }
  // A real zone still works.
  const auto berlin = run_process({LINKEDOUT_HOST_BINARY, "report", "--data-dir", (tmp / "data").string(), "--format",
                                   "md", "--lang", "en"},
                                  {{"TZ", "Europe/Berlin"}}, "", std::chrono::seconds(10));
  CHECK(berlin.out.find("2026-11-20 10:00 CET") != std::string::npos);
}

// ---- 2. install --system registers only a binary no other user can replace ----

namespace {

// A folder beside the test binary (root-owned, 0755 on the CI) holding a copy of the host.
struct BinaryCopy {
  fs::path dir, binary;
  BinaryCopy() {
    const fs::path base = fs::path(LINKEDOUT_HOST_BINARY).parent_path();
    std::string pattern = (base / "install-check-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    binary = dir / "linkedout-host";
    fs::copy_file(LINKEDOUT_HOST_BINARY, binary);
  }
  ~BinaryCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

cli::ManifestRequest system_install(const TempDir& tmp, const fs::path& binary) {
  cli::ManifestRequest request;
  request.scope = paths::Scope::system;
  request.system_root = tmp / "root";
  request.home = tmp / "home";
  request.os = paths::Os::Linux;
  request.all_browsers = true;
  request.host_path = binary;
  return request;
}

std::string run_cli(int (*command)(const cli::ManifestRequest&, std::ostream&, std::ostream&),
                    const cli::ManifestRequest& request, int& code) {
  std::ostringstream out, err;
  code = command(request, out, err);
  return out.str() + err.str();
}

bool any_manifest_under(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(root, ec)) return false;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.path().filename() == "io.linkedout.host.json") return true;
  return false;
}

}  // namespace

TEST_CASE("install --system refuses a binary another user owns or could replace — doctor finds it") {
  if (!running_as_root()) {
    MESSAGE("skipped: a root-owned binary chain and chown need root (the CI runs as root)");
    return;
  }
  SUBCASE("a root-owned binary in root-owned folders is registered") {
    TempDir tmp;
    BinaryCopy copy;
    int code = -1;
    const auto said = run_cli(cli::run_install, system_install(tmp, copy.binary), code);
    INFO(said);
    CHECK(code == cli::kExitOk);
    CHECK(any_manifest_under(tmp / "root"));
  }
  SUBCASE("a binary owned by nobody is refused") {
    TempDir tmp;
    BinaryCopy copy;
    REQUIRE(::chown(copy.binary.c_str(), 65534, 65534) == 0);
    int code = -1;
    const auto said = run_cli(cli::run_install, system_install(tmp, copy.binary), code);
    INFO(said);
    CHECK(code != cli::kExitOk);
    CHECK(said.find("not owned by root") != std::string::npos);
    CHECK_FALSE(any_manifest_under(tmp / "root"));
  }
  SUBCASE("a binary in a world-writable folder is refused") {
    TempDir tmp;
    BinaryCopy copy;
    fs::permissions(copy.dir, fs::perms::all);
    int code = -1;
    const auto said = run_cli(cli::run_install, system_install(tmp, copy.binary), code);
    INFO(said);
    CHECK(code != cli::kExitOk);
    CHECK(said.find("writable by other users") != std::string::npos);
    CHECK_FALSE(any_manifest_under(tmp / "root"));
  }
  SUBCASE("a group-writable binary is refused") {
    TempDir tmp;
    BinaryCopy copy;
    fs::permissions(copy.binary, fs::perms::group_write, fs::perm_options::add);
    int code = -1;
    const auto said = run_cli(cli::run_install, system_install(tmp, copy.binary), code);
    INFO(said);
    CHECK(code != cli::kExitOk);
    CHECK_FALSE(any_manifest_under(tmp / "root"));
  }
  SUBCASE("doctor says a registered binary became replaceable, and exits non-zero") {
    TempDir tmp;
    BinaryCopy copy;
    auto request = system_install(tmp, copy.binary);
    int code = -1;
    run_cli(cli::run_install, request, code);
    REQUIRE(code == cli::kExitOk);
    request.all_browsers = false;
    request.launch_host = false;
    std::string said = run_cli(cli::run_doctor, request, code);
    INFO(said);
    CHECK(code == cli::kExitOk);
    REQUIRE(::chown(copy.binary.c_str(), 65534, 65534) == 0);
    said = run_cli(cli::run_doctor, request, code);
    INFO(said);
    CHECK(code != cli::kExitOk);
    CHECK(said.find("BROKEN") != std::string::npos);
    CHECK(said.find("not owned by root") != std::string::npos);
  }
}

TEST_CASE("a per-user install from a world-writable folder warns") {
  TempDir tmp;
  BinaryCopy copy;
  fs::permissions(copy.dir, fs::perms::all);
  cli::ManifestRequest request;
  request.scope = paths::Scope::user;
  request.home = tmp / "home";
  request.os = paths::Os::Linux;
  request.all_browsers = true;
  request.host_path = copy.binary;
  int code = -1;
  const auto said = run_cli(cli::run_install, request, code);
  INFO(said);
  CHECK(code == cli::kExitOk);
  CHECK(said.find("warning") != std::string::npos);
  CHECK(said.find("writable by other users") != std::string::npos);
}
