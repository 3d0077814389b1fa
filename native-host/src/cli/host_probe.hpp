// Starts a host binary the way a browser does (caller on the command line, frames on stdin and
// stdout) and asks it `hello`: the last thing doctor checks once a manifest looks right.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace linkedout::cli {

struct ProbeResult {
  bool answered = false;  // a `hello` reply came back
  std::string problem;    // otherwise, what went wrong, for one line of doctor output
};

ProbeResult probe_host(const std::filesystem::path& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5));

// What the host's one reply says: answered for `hello`, else the problem in doctor's words. Both
// platforms' probe_host end here (host_probe.cpp, platform/host_probe_windows.cpp).
ProbeResult judge_hello_reply(const std::string& reply);

}  // namespace linkedout::cli
