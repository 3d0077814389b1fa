// The store lock's bounded wait, shared by posix.cpp (flock) and windows.cpp (LockFileEx): neither
// system's blocking call takes a time limit, so the lock is tried without blocking, again and again,
// sleeping a little longer each time (1 ms up to 50 ms: a writer's lock is usually gone within a
// few milliseconds, and a stuck one costs a few dozen wake-ups a second), until kStoreLockWait.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "platform.hpp"

namespace linkedout::platform::lock_wait {

// `try_lock` takes the lock without blocking: true when it has it, false while another process
// holds it (it throws for any other failure). `waiting` is called once, when the first try finds
// the lock held. False when kStoreLockWait passed without the lock.
template <typename TryLock>
bool take_within_limit(TryLock try_lock, const std::function<void()>& waiting) {
  if (try_lock()) return true;
  if (waiting) waiting();
  const auto deadline = std::chrono::steady_clock::now() + kStoreLockWait;
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return try_lock();
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
    if (try_lock()) return true;
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

// LockBusy's words: what holds the store, and for how long it was waited for.
inline std::string busy_text(const std::filesystem::path& lock_file) {
  return "another process has held its lock " + lock_file.string() + " for more than " +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(kStoreLockWait).count()) + " seconds";
}

}  // namespace linkedout::platform::lock_wait
