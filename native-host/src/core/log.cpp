#include "log.hpp"

namespace linkedout::core_log {

namespace {
Sink current_sink = nullptr;
Level current_min = Level::info;
}  // namespace

void set_sink(Sink sink, Level min_level) {
  current_sink = sink;
  current_min = min_level;
}

bool enabled(Level level) { return current_sink != nullptr && level >= current_min; }

void write(Level level, std::string_view message) {
  if (enabled(level)) current_sink(level, message);
}

}  // namespace linkedout::core_log
