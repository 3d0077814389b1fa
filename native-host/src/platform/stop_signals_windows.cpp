// stop_signals.hpp for Windows: no SIGTERM to watch (a browser closes the host's pipes, which ends
// the loop, or terminates the process).
#include "stop_signals.hpp"

namespace linkedout::platform {

int watch_stop_signals() { return -1; }

}  // namespace linkedout::platform
