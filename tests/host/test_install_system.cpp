// install --system writes manifests only for the browsers it finds (all of them with
// --all-browsers); uninstall --system removes the directories install created and nothing else.
// The system directories are rebased under a temp root (ManifestRequest::system_root).
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "cli/commands.hpp"
#include "test_cli_process.hpp"

namespace cli = linkedout::cli;
namespace paths = linkedout::paths;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
namespace fs = std::filesystem;

namespace {

// PATH holding only the named programs, so "which browsers are installed" is the test's choice.
class FakePath {
 public:
  FakePath(const fs::path& dir, std::initializer_list<const char*> programs)
      : old_(std::getenv("PATH") ? std::getenv("PATH") : "") {
    fs::create_directories(dir);
    for (const auto* program : programs) {
      write_text(dir / program, "#!/bin/sh\n");
      fs::permissions(dir / program, fs::perms::owner_all);
    }
    ::setenv("PATH", dir.c_str(), 1);
  }
  ~FakePath() { ::setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

cli::ManifestRequest system_request(const TempDir& tmp) {
  cli::ManifestRequest request;
  request.scope = paths::Scope::system;
  request.system_root = tmp / "root";
  request.home = tmp / "home";
  request.os = paths::Os::Linux;
  request.host_path = fs::path(LINKEDOUT_HOST_BINARY);
  return request;
}

std::string run(int (*command)(const cli::ManifestRequest&, std::ostream&, std::ostream&),
                const cli::ManifestRequest& request, int& code) {
  std::ostringstream out, err;
  code = command(request, out, err);
  return out.str() + err.str();
}

}  // namespace

TEST_CASE("install --system writes only for the browsers it finds, and says which it skipped") {
  TempDir tmp;
  FakePath path(tmp / "bin", {"chromium"});
  int code = -1;
  const auto said = run(cli::run_install, system_request(tmp), code);
  INFO(said);
  CHECK(code == cli::kExitOk);
  CHECK(fs::exists(tmp / "root/etc/chromium/native-messaging-hosts/io.linkedout.host.json"));
  CHECK_FALSE(fs::exists(tmp / "root/etc/opt/chrome"));
  CHECK_FALSE(fs::exists(tmp / "root/usr/lib/mozilla"));
  CHECK(said.find("skipped (not installed on this machine): chrome, edge, vivaldi, firefox") != std::string::npos);
}

TEST_CASE("install --system --all-browsers writes for every browser and says so") {
  TempDir tmp;
  FakePath path(tmp / "bin", {});
  auto request = system_request(tmp);
  request.all_browsers = true;
  int code = -1;
  const auto said = run(cli::run_install, request, code);
  INFO(said);
  CHECK(code == cli::kExitOk);
  for (const auto* dir : {"etc/opt/chrome/native-messaging-hosts", "etc/chromium/native-messaging-hosts",
                          "etc/opt/edge/native-messaging-hosts", "etc/opt/vivaldi/native-messaging-hosts",
                          "usr/lib/mozilla/native-messaging-hosts"})
    CHECK(fs::exists(tmp / "root" / dir / "io.linkedout.host.json"));
  CHECK(said.find("skipped") == std::string::npos);
}

TEST_CASE("uninstall --system removes the directories install created, nothing else") {
  TempDir tmp;
  FakePath path(tmp / "bin", {});
  // Already there before LinkedOut: Chrome's /etc/opt/chrome, and Firefox's host directory with
  // another program's manifest in it.
  fs::create_directories(tmp / "root/etc/opt/chrome/policies");
  write_text(tmp / "root/usr/lib/mozilla/native-messaging-hosts/other.host.json", "{}");
  auto request = system_request(tmp);
  request.all_browsers = true;
  int code = -1;
  run(cli::run_install, request, code);
  REQUIRE(code == cli::kExitOk);
  // Installing again must not forget what the first install created.
  run(cli::run_install, request, code);
  REQUIRE(code == cli::kExitOk);

  const auto said = run(cli::run_uninstall, request, code);
  INFO(said);
  CHECK(code == cli::kExitOk);
  CHECK(fs::exists(tmp / "root/etc/opt/chrome/policies"));
  CHECK_FALSE(fs::exists(tmp / "root/etc/opt/chrome/native-messaging-hosts"));
  CHECK_FALSE(fs::exists(tmp / "root/etc/chromium"));
  CHECK_FALSE(fs::exists(tmp / "root/etc/opt/edge"));
  CHECK_FALSE(fs::exists(tmp / "root/etc/opt/vivaldi"));
  CHECK(fs::exists(tmp / "root/etc/opt"));
  CHECK(fs::exists(tmp / "root/usr/lib/mozilla/native-messaging-hosts/other.host.json"));
  CHECK_FALSE(fs::exists(tmp / "root/usr/lib/mozilla/native-messaging-hosts/io.linkedout.host.json"));
}
