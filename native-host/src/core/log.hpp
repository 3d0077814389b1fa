// The core's only way to say something: a hook the shell sets (the native host sends it to
// spdlog; the WebAssembly build to the console, or nowhere). Unset, nothing is logged.
#pragma once

#include <string_view>

namespace linkedout::core_log {

enum class Level { debug, info, warn, error };

using Sink = void (*)(Level level, std::string_view message);

// `sink` receives messages at `min_level` and above.
void set_sink(Sink sink, Level min_level);
// Whether a message at `level` would go anywhere: check it before building an expensive one.
bool enabled(Level level);
void write(Level level, std::string_view message);

}  // namespace linkedout::core_log
