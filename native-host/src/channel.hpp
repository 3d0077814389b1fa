// The host's event loop: frames in on one descriptor, frames out on another, SIGTERM/SIGINT.
// Owns no logic: every frame body goes to the dispatcher, every reply comes back as a frame.
#pragma once

#include "dispatch.hpp"

namespace linkedout {

// Serves until EOF (→ 0), a closed output (EPIPE → 0), SIGTERM/SIGINT (→ 0) or an incoming frame
// over the limit (→ 2, after replying too_large). Expects SIGPIPE to be ignored.
int run_channel(Dispatcher& dispatcher, int input_fd, int output_fd);

}  // namespace linkedout
