// The bounded waits of the platform seam, shared by posix.cpp and windows.cpp: the store lock
// (neither flock nor LockFileEx takes a time limit) and, on Windows, replacing a file another
// program holds open for a moment. The step is tried without blocking, again and again, sleeping
// a little longer each time (the lock: 1 ms up to 50 ms: a writer's lock is usually gone within a
// few milliseconds, and a stuck one costs a few dozen wake-ups a second), until the limit.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "platform.hpp"

namespace linkedout::platform::lock_wait {

// `try_lock` takes the lock (or makes the step) without blocking: true when done, false while
// another process holds it (it throws for any other failure). `waiting` is called once, when the
// first try finds it held. Pauses start at `first_pause` and double up to `longest_pause`. False
// when `limit` passed without success (a last try is made at the limit).
template <typename TryLock>
bool take_within_limit(TryLock try_lock, const std::function<void()>& waiting,
                       std::chrono::milliseconds limit = kStoreLockWait,
                       std::chrono::milliseconds first_pause = std::chrono::milliseconds(1),
                       std::chrono::milliseconds longest_pause = std::chrono::milliseconds(50)) {
  if (try_lock()) return true;
  if (waiting) waiting();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto pause = first_pause;
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return try_lock();
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
    if (try_lock()) return true;
    pause = std::min(pause * 2, longest_pause);
  }
}

// LockBusy's words: what holds the store, and for how long it was waited for.
inline std::string busy_text(const std::filesystem::path& lock_file) {
  return "another process has held its lock " + lock_file.string() + " for more than " +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(kStoreLockWait).count()) + " seconds";
}

}  // namespace linkedout::platform::lock_wait
