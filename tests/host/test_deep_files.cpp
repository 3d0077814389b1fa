// Files the host reads from disk, nested 200,000 deep (issue 13 item 2), against the real binary:
// the state store in native-messaging mode and for `status`, a host manifest for `doctor`,
// `uninstall` and Firefox's host mode. Each ends in a served reply or a typed refusal, never a
// signal, and the store nested too deep is moved aside like any corrupt store, its bytes kept.
#include "test_cli_process.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;
using linkedout::cli_test::describe;
using linkedout::cli_test::run_process;

constexpr int kDepth = 200'000;

// Valid JSON text of `object` with one more member whose value is nested `depth` deep (built as
// text: nlohmann's own dump would recurse that deep).
std::string with_deep_member(const json& object, const std::string& name, int depth) {
  std::string text = object.dump(2);
  const auto end = text.rfind('}');
  text.insert(end, ",\n  \"" + name + "\": " + nested_arrays(depth) + "\n");
  REQUIRE(json::accept(text));
  return text;
}

// A store the host wrote itself, then given an unknown field nested 200,000 deep.
std::string seed_deep_store(const Sandbox& sandbox) {
  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(1, true)));
  REQUIRE(host.read_reply().outcome == Reply::Outcome::reply);
  host.close_stdin();
  REQUIRE(host.wait_exit().code == 0);
  const std::string deep = with_deep_member(json::parse(sandbox.store_bytes()), "from_a_newer_host", kDepth);
  std::ofstream(sandbox.store_file(), std::ios::binary | std::ios::trunc) << deep;
  return deep;
}

std::vector<fs::path> corrupt_files_in(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with("state.json.corrupt-")) found.push_back(entry.path());
  return found;
}

void check_moved_aside(const Sandbox& sandbox, const std::string& deep) {
  const auto aside = corrupt_files_in(sandbox.data_dir());
  REQUIRE(aside.size() == 1);
  CHECK(read_file_bytes(aside[0]) == deep);  // nothing the user had is lost
  const json store = json::parse(sandbox.store_bytes());
  CHECK(store["corrupt_files"] == json::array({aside[0].filename().string()}));
}

json deep_manifest_chrome() {
  return {{"name", "io.linkedout.host"},
          {"description", "LinkedOut"},
          {"path", LINKEDOUT_HOST_BINARY},
          {"type", "stdio"},
          {"allowed_origins", {test_support::kChromeOrigin}}};
}

// The manifest's own `name` nested deep: what doctor prints and compares.
std::string deep_named_manifest(json manifest) {
  manifest.erase("name");
  return with_deep_member(manifest, "name", kDepth);
}

}  // namespace

TEST_SUITE("files nested too deep (real host)") {

TEST_CASE("deep files: a state.json nested 200,000 deep → the host serves, the file is moved aside and reported") {
  Sandbox sandbox;
  const std::string deep = seed_deep_store(sandbox);
  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(2, false)));
  const Reply reply = host.read_reply();
  host.close_stdin();
  const ExitStatus status = host.wait_exit();
  INFO("host: " << status.describe() << "\nstderr: " << host.stderr_text().substr(0, 2000));
  REQUIRE_FALSE(status.signaled);
  REQUIRE(reply.outcome == Reply::Outcome::reply);
  CHECK(reply.value.value("type", "") == "verdict");
  CHECK(status.code == 0);
  check_moved_aside(sandbox, deep);
}

TEST_CASE("deep files: `status` on a state.json nested 200,000 deep lists the file kept aside, exit 0") {
  Sandbox sandbox;
  const std::string deep = seed_deep_store(sandbox);
  const auto env = sandbox.environment();
  std::map<std::string, std::string> vars;
  for (const auto& entry : env) vars[entry.substr(0, entry.find('='))] = entry.substr(entry.find('=') + 1);
  const auto result = run_process({LINKEDOUT_HOST_BINARY, "status"}, vars);
  INFO(describe(result));
  REQUIRE(result.exit_code == 0);
  check_moved_aside(sandbox, deep);
  CHECK(result.out.find(corrupt_files_in(sandbox.data_dir())[0].filename().string()) != std::string::npos);
}

TEST_CASE("deep files: doctor and uninstall on a host manifest nested 200,000 deep say it is not valid JSON") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "manifests";
  fs::create_directories(dir);
  const std::string deep = deep_named_manifest(deep_manifest_chrome());
  std::ofstream(dir / "io.linkedout.host.json", std::ios::binary) << deep;

  const auto doctor = run_process({LINKEDOUT_HOST_BINARY, "doctor", "--browser", "chromium", "--manifest-dir",
                                   dir.string(), "--no-launch"},
                                  {{"HOME", (tmp.path() / "home").string()}});
  INFO("doctor: " << describe(doctor));
  CHECK(doctor.exit_code == 1);
  CHECK(doctor.out.find("not valid JSON") != std::string::npos);

  const auto uninstall = run_process(
      {LINKEDOUT_HOST_BINARY, "uninstall", "--browser", "chromium", "--manifest-dir", dir.string()},
      {{"HOME", (tmp.path() / "home").string()}});
  INFO("uninstall: " << describe(uninstall));
  CHECK(uninstall.exit_code == 1);  // not provably ours: left in place
  CHECK(read_file_bytes(dir / "io.linkedout.host.json") == deep);
}

TEST_CASE("deep files: Firefox's host mode with a manifest nested 200,000 deep refuses the caller, no signal") {
  TempDir tmp;
  json manifest = deep_manifest_chrome();
  manifest.erase("allowed_origins");
  manifest["allowed_extensions"] = {"someone@example.org"};
  const fs::path file = tmp.path() / "io.linkedout.host.json";
  std::ofstream(file, std::ios::binary) << deep_named_manifest(manifest);
  const auto result = run_process({LINKEDOUT_HOST_BINARY, file.string(), "someone@example.org"},
                                  {{"HOME", (tmp.path() / "home").string()},
                                   {"LINKEDOUT_DATA_DIR", (tmp.path() / "data").string()},
                                   {"XDG_STATE_HOME", (tmp.path() / "state").string()}});
  INFO(describe(result));
  CHECK(result.exit_code >= 0);  // -1: killed by a signal
  CHECK_FALSE(result.timed_out);
}

}  // TEST_SUITE
