// Caller check: host-mode detection from argv, the allowed ids, and the real binary accepting
// or refusing a browser's caller.
#include <cctype>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "caller.hpp"
#include "test_cli_process.hpp"

namespace caller = linkedout::caller;
using caller::Caller;
using linkedout::cli_test::frame;
using linkedout::cli_test::frames;
using linkedout::cli_test::run_process;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;
namespace fs = std::filesystem;
using test_support::kChromeOrigin;
using test_support::kGeckoId;

namespace {

const std::string kOtherOrigin = "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/";
const std::string kHello = R"({"type":"hello","id":1,"extension_version":"0.1.0"})";

std::optional<Caller> detect(std::vector<std::string> args) { return caller::detect_host_mode(args); }

json manifest(const std::string& path, const json& origins, const json& extensions) {
  json doc = {{"name", "io.linkedout.host"}, {"description", "t"}, {"path", path}, {"type", "stdio"}};
  if (!origins.is_null()) doc["allowed_origins"] = origins;
  if (!extensions.is_null()) doc["allowed_extensions"] = extensions;
  return doc;
}

// Runs the real host with `args` and one hello frame; returns the reply frames and exit code.
struct HostRun {
  int exit_code;
  std::vector<json> replies;
  std::string err;
};

HostRun run_host_with(const std::vector<std::string>& args, const fs::path& home) {
  std::vector<std::string> argv{LINKEDOUT_HOST_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = run_process(argv,
                                  {{"HOME", home.string()},
                                   {"LINKEDOUT_DATA_DIR", (home / "data").string()},
                                   {"XDG_STATE_HOME", (home / "state").string()}},
                                  frame(kHello));
  HostRun run{result.exit_code, {}, result.err};
  for (const auto& body : frames(result.out)) run.replies.push_back(json::parse(body));
  // stdout carries frames and nothing else: the frames account for every byte.
  std::size_t framed = 0;
  for (const auto& body : frames(result.out)) framed += 4 + body.size();
  CHECK(framed == result.out.size());
  return run;
}

}  // namespace

TEST_CASE("caller: host mode is detected from the browsers' command lines only") {
  REQUIRE(detect({}));
  CHECK(detect({})->kind == Caller::Kind::none);
  REQUIRE(detect({kChromeOrigin}));
  CHECK(detect({kChromeOrigin})->kind == Caller::Kind::chrome);
  CHECK(detect({kChromeOrigin})->describe() == kChromeOrigin);
  CHECK(detect({kChromeOrigin, "--parent-window=0"})->kind == Caller::Kind::chrome);  // Chrome on Windows
  const auto firefox = detect({"/usr/lib/mozilla/native-messaging-hosts/io.linkedout.host.json", kGeckoId});
  REQUIRE(firefox);
  CHECK(firefox->kind == Caller::Kind::firefox);
  CHECK(firefox->describe() == kGeckoId);
  CHECK(firefox->manifest == "/usr/lib/mozilla/native-messaging-hosts/io.linkedout.host.json");
  CHECK_FALSE(detect({"install"}));
  CHECK_FALSE(detect({"status", "--json"}));
  CHECK_FALSE(detect({"--version"}));
  CHECK_FALSE(detect({"--data-dir", "x.json"}));
  CHECK_FALSE(detect({"x.json"}));  // Firefox always passes the add-on id too
}

TEST_CASE("caller: the compiled-in ids are served — anything else is refused with the reason") {
  const auto allowed = caller::compiled_in_callers();
  CHECK(caller::check({}, allowed).allowed);
  CHECK(caller::check(*detect({kChromeOrigin}), allowed).allowed);
  CHECK(caller::check(*detect({"/x/io.linkedout.host.json", kGeckoId}), allowed).allowed);

  const auto other = caller::check(*detect({kOtherOrigin}), allowed);
  CHECK_FALSE(other.allowed);
  CHECK(other.reason.find("extension " + kOtherOrigin + " is not allowed") != std::string::npos);
  CHECK(other.reason.find(kChromeOrigin) != std::string::npos);

  std::string upper = test_support::kChromeId;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& malformed : std::vector<std::string>{"chrome-extension://" + test_support::kChromeId,
                                                               "chrome-extension://" + upper + "/", kChromeOrigin + "x/",
                                                               "chrome-extension://"}) {
    CAPTURE(malformed);
    const auto decision = caller::check(Caller{Caller::Kind::chrome, malformed, {}}, allowed);
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reason.find("is not of the form") != std::string::npos);
  }

  const auto firefox = caller::check(*detect({"/x/io.linkedout.host.json", "evil@example.org"}), allowed);
  CHECK_FALSE(firefox.allowed);
  CHECK(firefox.reason.find("add-on evil@example.org is not allowed") != std::string::npos);
}

TEST_CASE("caller: a manifest of ours adds its ids — someone else's manifest adds nothing") {
  TempDir tmp;
  const fs::path self = fs::canonical(LINKEDOUT_HOST_BINARY);
  write_text(tmp / "ours.json", manifest(self.string(), {kOtherOrigin, "chrome-extension://bad"}, {"extra@example.org"}).dump());
  auto allowed = caller::compiled_in_callers();
  CHECK(caller::add_from_manifest(allowed, tmp / "ours.json", self) == "");
  CHECK(allowed.chrome_ids.contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  CHECK(allowed.chrome_ids.size() == 2);  // the malformed origin is not taken
  CHECK(allowed.firefox_ids.contains("extra@example.org"));

  write_text(tmp / "elsewhere.json", manifest("/bin/sh", {kOtherOrigin}, {"x@example.org"}).dump());
  auto strict = caller::compiled_in_callers();
  CHECK(caller::add_from_manifest(strict, tmp / "elsewhere.json", self).find("names another program") != std::string::npos);
  json renamed = manifest(self.string(), {kOtherOrigin}, nullptr);
  renamed["name"] = "com.example.other";
  write_text(tmp / "renamed.json", renamed.dump());
  CHECK(caller::add_from_manifest(strict, tmp / "renamed.json", self).find("not a manifest of io.linkedout.host") !=
        std::string::npos);
  CHECK(caller::add_from_manifest(strict, tmp / "absent.json", self).find("cannot read") != std::string::npos);
  CHECK(strict.chrome_ids.size() == 1);
  CHECK(strict.firefox_ids.size() == 1);
}

TEST_CASE("caller: id syntax") {
  CHECK(caller::is_chrome_extension_id(test_support::kChromeId));
  CHECK_FALSE(caller::is_chrome_extension_id("dnfgjokfijpcnnlbjpkiabamkiaihfd"));
  CHECK_FALSE(caller::is_chrome_extension_id("dnfgjokfijpcnnlbjpkiabamkiaihfdz"));
  CHECK(caller::is_gecko_id(kGeckoId));
  CHECK(caller::is_gecko_id("{12345678-1234-1234-1234-123456789abc}"));
  CHECK_FALSE(caller::is_gecko_id("no-at-sign"));
  CHECK_FALSE(caller::is_gecko_id("a b@c"));
  CHECK_FALSE(caller::is_gecko_id(""));
  CHECK(caller::is_gecko_id("@linkedout"));
  CHECK_FALSE(caller::is_gecko_id("linkedout@"));
  CHECK_FALSE(caller::is_gecko_id("{12345678-1234-1234-1234-123456789abz}"));
  CHECK_FALSE(caller::is_gecko_id("{12345678-1234-1234-1234123456789abcd}"));
  CHECK_FALSE(caller::is_gecko_id(std::string(81, 'a') + "@x"));
}

TEST_CASE("caller: the real host serves LinkedOut's Chrome origin and refuses another one") {
  TempDir tmp;
  const auto served = run_host_with({kChromeOrigin}, tmp.path());
  CHECK(served.exit_code == 0);
  REQUIRE(served.replies.size() == 1);
  CHECK(served.replies[0]["type"] == "hello");
  CHECK(served.replies[0]["id"] == 1);

  const auto refused = run_host_with({kOtherOrigin}, tmp.path());
  CHECK(refused.exit_code == 1);
  REQUIRE(refused.replies.size() == 1);  // one error frame, and nothing for the hello
  CHECK(refused.replies[0]["type"] == "error");
  CHECK(refused.replies[0]["code"] == "not_allowed");
  CHECK(refused.replies[0]["id"].is_null());
  CHECK(refused.replies[0]["message"].get<std::string>().find(kOtherOrigin + " is not allowed") != std::string::npos);
  CHECK(refused.err.find("refusing to serve") != std::string::npos);

  const auto malformed = run_host_with({"chrome-extension://nope/"}, tmp.path());
  CHECK(malformed.exit_code == 1);
  REQUIRE(malformed.replies.size() == 1);
  CHECK(malformed.replies[0]["code"] == "not_allowed");
}

TEST_CASE("caller: the real host serves the Firefox add-on and refuses another one") {
  TempDir tmp;
  const auto file = tmp / "io.linkedout.host.json";
  write_text(file, manifest(fs::canonical(LINKEDOUT_HOST_BINARY).string(), nullptr, {kGeckoId}).dump());
  const auto served = run_host_with({file.string(), kGeckoId}, tmp.path());
  CHECK(served.exit_code == 0);
  REQUIRE(served.replies.size() == 1);
  CHECK(served.replies[0]["type"] == "hello");

  const auto refused = run_host_with({file.string(), "evil@example.org"}, tmp.path());
  CHECK(refused.exit_code == 1);
  REQUIRE(refused.replies.size() == 1);
  CHECK(refused.replies[0]["code"] == "not_allowed");
  CHECK(refused.replies[0]["message"].get<std::string>().find("evil@example.org") != std::string::npos);
}

TEST_CASE("caller: ids added by install --extension-id / --firefox-id are served, the environment adds none") {
  TempDir tmp;
  const auto home = tmp / "home";
  const std::map<std::string, std::string> env{{"HOME", home.string()}};
  // Chrome: the host finds its own manifest in the per-user location.
  REQUIRE(run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "chromium", "--extension-id",
                       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
                      env)
              .exit_code == 0);
  const auto chrome = run_host_with({kOtherOrigin}, home);
  CHECK(chrome.exit_code == 0);
  REQUIRE(chrome.replies.size() == 1);
  CHECK(chrome.replies[0]["type"] == "hello");
  // Another id is still refused.
  CHECK(run_host_with({"chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/"}, home).exit_code == 1);

  // Firefox: the manifest Firefox read is passed on the command line.
  REQUIRE(run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "firefox", "--manifest-dir", (tmp / "ff").string(),
                       "--firefox-id", "tester@example.org"},
                      env)
              .exit_code == 0);
  const auto firefox = run_host_with({(tmp / "ff/io.linkedout.host.json").string(), "tester@example.org"}, home);
  CHECK(firefox.exit_code == 0);

  // A manifest that names another program widens nothing.
  write_text(tmp / "fake/io.linkedout.host.json", manifest("/bin/cat", nullptr, {"mallory@example.org"}).dump());
  CHECK(run_host_with({(tmp / "fake/io.linkedout.host.json").string(), "mallory@example.org"}, home).exit_code == 1);

  // The environment is no way in.
  const auto result = run_process({LINKEDOUT_HOST_BINARY, "chrome-extension://cccccccccccccccccccccccccccccccc/"},
                                  {{"HOME", home.string()},
                                   {"LINKEDOUT_ALLOWED_IDS", "cccccccccccccccccccccccccccccccc"},
                                   {"LINKEDOUT_DATA_DIR", (tmp / "data").string()}},
                                  frame(kHello));
  CHECK(result.exit_code == 1);
}

TEST_CASE("caller: --user-data-dir is read from a browser's command line") {
  using namespace std::string_literals;
  CHECK(caller::user_data_dir_from_cmdline("/usr/lib/chromium/chromium\0--headless\0--user-data-dir=/tmp/p\0"s) ==
        fs::path("/tmp/p"));
  CHECK(caller::user_data_dir_from_cmdline("chromium\0--user-data-dir=/a\0--user-data-dir=/b"s) == fs::path("/b"));
  CHECK_FALSE(caller::user_data_dir_from_cmdline("chromium\0--user-data-dir=relative\0"s));
  CHECK_FALSE(caller::user_data_dir_from_cmdline("chromium\0--headless\0"s));
  CHECK_FALSE(caller::user_data_dir_from_cmdline(""));
}

TEST_CASE("caller: an id installed into the launching browser's --user-data-dir profile is served") {
  TempDir tmp;
  const auto home = tmp / "home";
  REQUIRE(run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "chromium", "--manifest-dir",
                       (tmp / "profile/NativeMessagingHosts").string(), "--extension-id", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
                      {{"HOME", home.string()}})
              .exit_code == 0);
  // A shell stands in for the browser: it is the host's parent and carries --user-data-dir.
  const auto launch = [&](const std::string& profile) {
    return run_process({"/bin/sh", "-c", "\"$0\" \"$1\"; exit $?", LINKEDOUT_HOST_BINARY, kOtherOrigin,
                        "--user-data-dir=" + profile},
                       {{"HOME", home.string()}, {"LINKEDOUT_DATA_DIR", (tmp / "data").string()},
                        {"XDG_STATE_HOME", (tmp / "state").string()}},
                       frame(kHello));
  };
  const auto served = launch((tmp / "profile").string());
  CHECK(served.exit_code == 0);
  REQUIRE(frames(served.out).size() == 1);
  CHECK(json::parse(frames(served.out)[0])["type"] == "hello");
  CHECK(launch((tmp / "other-profile").string()).exit_code == 1);
}
