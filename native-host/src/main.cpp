// linkedout-host: parse argv, then either serve native messaging or run a CLI command.
// Skeleton: serves `hello`; the full dispatcher lands with the native-host issue.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "framing.hpp"

namespace {

int serve() {
  linkedout::framing::FrameReader reader;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) return 0;
    reader.feed({buf, static_cast<std::size_t>(n)});
    for (;;) {
      auto r = reader.next();
      if (r.kind != linkedout::framing::ReadResult::Kind::frame) {
        if (r.kind == linkedout::framing::ReadResult::Kind::too_large) return 2;
        break;
      }
      nlohmann::json reply = {{"type", "hello"}, {"host_version", LINKEDOUT_VERSION}, {"protocol", 1}};
      auto frame = linkedout::framing::encode_frame(reply.dump());
      std::fwrite(frame->data(), 1, frame->size(), stdout);
      std::fflush(stdout);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"LinkedOut native messaging host"};
  app.set_version_flag("--version", LINKEDOUT_VERSION);
  app.allow_extras();
  CLI11_PARSE(app, argc, argv);
  return serve();
}
