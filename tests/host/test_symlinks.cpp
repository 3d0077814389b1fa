// Planted symlinks (issue 13 item 3), against the real binary: every file the host writes goes
// through one atomic-write helper (a fresh temp file made with O_EXCL in the target's directory,
// fsync, rename), so a symlink planted where a temp file used to be named predictably is never
// followed; the store's lock file is opened with O_NOFOLLOW. The victim is a file the attacker
// wants overwritten (or made world-readable) by a user or root running the host.
#include <sys/stat.h>

#include "test_cli_process.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;
using linkedout::cli_test::describe;

constexpr const char* kSecret = "the victim's own content\n";

struct Victim {
  fs::path file;
  explicit Victim(const fs::path& dir) : file(dir / "victim.txt") {
    std::ofstream(file, std::ios::binary) << kSecret;
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  }
  void check_untouched() const {
    CHECK(read_file_bytes(file) == kSecret);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  }
};

// Runs the host with `args`, after a shell planted `link_name` in `link_dir` as a symlink to
// `target`, as an attacker predicting the name would. "<pid>" in the name becomes the shell's pid
// ($$), which `exec` hands on to the host.
linkedout::cli_test::ProcessResult run_with_planted_link(const std::vector<std::string>& args, const fs::path& link_dir,
                                                         const std::string& link_name, const fs::path& target,
                                                         std::map<std::string, std::string> env) {
  const auto at = link_name.find("<pid>");
  env["LINK_TARGET"] = target.string();
  env["LINK_DIR"] = link_dir.string();
  env["LINK_PREFIX"] = link_name.substr(0, at);
  env["LINK_SUFFIX"] = at == std::string::npos ? "" : link_name.substr(at + 5);
  const std::string name = at == std::string::npos ? "$LINK_PREFIX" : "$LINK_PREFIX$$$LINK_SUFFIX";
  std::vector<std::string> argv{"/bin/sh", "-c",
                                "ln -s \"$LINK_TARGET\" \"$LINK_DIR/" + name + "\" && exec \"$0\" \"$@\"",
                                LINKEDOUT_HOST_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return linkedout::cli_test::run_process(argv, env);
}

}  // namespace

TEST_SUITE("planted symlinks (real host)") {

TEST_CASE("symlinks: install never follows a symlink planted at <manifest>.tmp-<pid>") {
  TempDir tmp;
  const Victim victim(tmp.path());
  const fs::path dir = tmp.path() / "manifests";
  fs::create_directories(dir);
  const auto result = run_with_planted_link({"install", "--browser", "chromium", "--manifest-dir", dir.string()}, dir,
                                            "io.linkedout.host.json.tmp-<pid>", victim.file,
                                            {{"HOME", (tmp.path() / "home").string()}});
  INFO(describe(result));
  CHECK(result.exit_code == 0);
  victim.check_untouched();
  const fs::path manifest = dir / "io.linkedout.host.json";
  REQUIRE(fs::is_regular_file(fs::symlink_status(manifest)));
  CHECK(json::parse(read_file_bytes(manifest))["name"] == "io.linkedout.host");
  CHECK((fs::status(manifest).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
}

TEST_CASE("symlinks: report --output never follows a symlink planted at the old fixed temp name") {
  Sandbox sandbox;
  const Victim victim(sandbox.root.path());
  const fs::path out_dir = sandbox.root.path() / "out";
  fs::create_directories(out_dir);
  std::map<std::string, std::string> env;
  for (const auto& entry : sandbox.environment()) env[entry.substr(0, entry.find('='))] = entry.substr(entry.find('=') + 1);
  const fs::path output = out_dir / "report.md";
  const auto result = run_with_planted_link({"report", "--output", output.string()}, out_dir, ".report.md.tmp",
                                            victim.file, env);
  INFO(describe(result));
  CHECK(result.exit_code == 0);
  victim.check_untouched();
  REQUIRE(fs::is_regular_file(fs::symlink_status(output)));
  CHECK(read_file_bytes(output).starts_with("# LinkedOut report"));
}

TEST_CASE("symlinks: a symlink planted as the store's lock file is not followed: nothing is created through it") {
  Sandbox sandbox;
  const fs::path elsewhere = sandbox.root.path() / "elsewhere";
  fs::create_directories(elsewhere);
  const fs::path target = elsewhere / "created-through-the-link";
  fs::create_symlink(target, sandbox.data_dir() / "state.lock");

  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(1, true)));
  const Reply reply = host.read_reply();
  host.close_stdin();
  const ExitStatus status = host.wait_exit();
  INFO("host: " << status.describe() << "\nreply: " << reply.body << "\nstderr: " << host.stderr_text());
  REQUIRE(reply.outcome == Reply::Outcome::reply);
  CHECK(status.code == 0);
  CHECK_FALSE(fs::exists(fs::symlink_status(target)));
  // A typed refusal: the host cannot lock the store safely.
  CHECK(reply.value.value("type", "") == "error");
  CHECK(reply.value.value("code", "") == "store_error");
}

}  // TEST_SUITE
