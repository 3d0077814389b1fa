#include "atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace linkedout {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& where, int error) {
  throw AtomicWriteError("cannot " + what + " " + where.string() + ": " + std::strerror(error));
}

}  // namespace

std::string temp_file_prefix(const fs::path& target) { return target.filename().string() + ".tmp-"; }

void write_file_atomically(const fs::path& target, std::string_view content, mode_t mode) {
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string temp = (dir / (temp_file_prefix(target) + "XXXXXX")).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) fail("create a temporary file beside", target, errno);
  const auto abandon = [&](const std::string& what, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(what, temp, error);
  };
  if (::fchmod(fd, mode) != 0) abandon("set the permissions of", errno);
  for (std::string_view rest = content; !rest.empty();) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) abandon("write", errno);
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::fsync(fd) != 0) abandon("fsync", errno);
  if (::close(fd) != 0) {  // the descriptor is gone either way; the data may not be
    const int error = errno;
    ::unlink(temp.c_str());
    fail("close", temp, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail("replace", target, error);
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // makes the rename durable; a failure here cannot undo it, so not fatal
    ::close(dir_fd);
  }
}

}  // namespace linkedout
