// The one way the host writes a file (the state store, host manifests, reports): whole or not at
// all, and never through a name someone else could have planted. A reader sees the old content or
// the new, never a mix, even after a crash or power loss at any point.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace linkedout {

struct AtomicWriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes `content` to `target` with permission bits `mode` (whatever the umask): a new temp file
// "<name>.tmp-XXXXXX" in the target's directory, created by mkostemp (O_CREAT|O_EXCL: an existing
// file or symlink of that name is never opened), fchmod, write, fsync, rename over `target` (a
// symlink at `target` is replaced, not followed), fsync of the directory. On failure the temp file
// is removed, `target` is untouched, and AtomicWriteError says what failed and where.
void write_file_atomically(const std::filesystem::path& target, std::string_view content, mode_t mode);

// "<name>.tmp-": what the temp files of `target` start with (a writer killed mid-write leaves one).
std::string temp_file_prefix(const std::filesystem::path& target);

}  // namespace linkedout
