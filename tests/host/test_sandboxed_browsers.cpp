// Snap and Flatpak browsers: doctor finds them from fake directories under a temp HOME and says
// what works (Firefox's snap, through the desktop portal) and what the user must do (the others).
#include <doctest/doctest.h>

#include <sstream>

#include "cli/commands.hpp"
#include "sandboxed_browsers.hpp"
#include "test_cli_process.hpp"

namespace cli = linkedout::cli;
namespace paths = linkedout::paths;
using linkedout::cli_test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("snap and flatpak browsers are found from the user's data directories") {
  TempDir tmp;
  const auto home = tmp / "home";
  fs::create_directories(home / "snap/firefox/common/.mozilla/firefox");
  fs::create_directories(home / ".var/app/org.chromium.Chromium/config/chromium");
  const auto found = paths::sandboxed_browsers(home, tmp / "root");
  REQUIRE(found.size() == 2);
  CHECK(found[0].browser == paths::Browser::firefox);
  CHECK(found[0].sandbox == paths::Sandbox::snap);
  CHECK(found[0].native_messaging_works);
  CHECK(found[0].evidence == home / "snap/firefox");
  CHECK(found[1].browser == paths::Browser::chromium);
  CHECK(found[1].sandbox == paths::Sandbox::flatpak);
  CHECK_FALSE(found[1].native_messaging_works);
}

TEST_CASE("an installed snap program counts too — nothing found, nothing listed") {
  TempDir tmp;
  fs::create_directories(tmp / "root/snap/bin");
  CHECK(paths::sandboxed_browsers(tmp / "home", tmp / "root").empty());
  linkedout::cli_test::write_text(tmp / "root/snap/bin/chromium", "");
  const auto found = paths::sandboxed_browsers(tmp / "home", tmp / "root");
  REQUIRE(found.size() == 1);
  CHECK(found[0].package == "chromium");
  CHECK(found[0].evidence == tmp / "root/snap/bin/chromium");
}

TEST_CASE("doctor names each snap and flatpak browser and says what to do") {
  TempDir tmp;
  const auto home = tmp / "home";
  fs::create_directories(home / "snap/firefox/common/.mozilla/firefox");
  fs::create_directories(home / "snap/chromium/common/chromium");
  fs::create_directories(home / ".var/app/org.mozilla.firefox");
  cli::ManifestRequest request;
  request.home = home;
  request.os = paths::Os::Linux;
  request.launch_host = false;
  std::ostringstream out, err;
  cli::run_doctor(request, out, err);
  const auto text = out.str();
  INFO(text);
  CHECK(text.find("snap     Firefox (Snap): found " + (home / "snap/firefox").string()) != std::string::npos);
  CHECK(text.find("desktop portal") != std::string::npos);
  CHECK(text.find("linkedout-host install --browser firefox") != std::string::npos);
  CHECK(text.find("snap     Chromium (Snap): found " + (home / "snap/chromium").string()) != std::string::npos);
  CHECK(text.find("flatpak  Firefox (Flatpak): found " + (home / ".var/app/org.mozilla.firefox").string()) !=
        std::string::npos);
  CHECK(text.find("cannot reach the LinkedOut helper") != std::string::npos);
}
