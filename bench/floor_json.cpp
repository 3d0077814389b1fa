// A second floor: the C echo host plus what any JSON host must do at least, parse each message
// into a DOM and serialise it back (nlohmann::json, the host's JSON library). The gap between this
// and floor_host.c is the price of JSON itself; the gap between this and linkedout-host is the
// host's own work (validation, decision, store, logging).
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

namespace {

bool read_exact(char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(STDIN_FILENO, out + got, n - got);
    if (r <= 0) return false;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

bool write_all(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t w = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
    if (w <= 0) return false;
    done += static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace

int main() {
  constexpr std::uint32_t kMaxFrame = 1024 * 1024;
  std::string body;
  std::uint32_t length = 0;
  while (read_exact(reinterpret_cast<char*>(&length), sizeof length)) {
    if (length > kMaxFrame) return 2;
    body.resize(length);
    if (!read_exact(body.data(), length)) return 0;
    const std::string reply = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false).dump();
    const auto reply_length = static_cast<std::uint32_t>(reply.size());
    std::string frame(sizeof reply_length, '\0');
    std::memcpy(frame.data(), &reply_length, sizeof reply_length);
    if (!write_all(frame + reply)) return 0;
  }
  return 0;
}
