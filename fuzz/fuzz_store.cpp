// Fuzzes what the host reads from its own data directory: the state store file (state.json). A
// local process, a full disk or a newer host can leave any bytes there. The input is the file.
// Invariants, on every input:
//   - parse_store returns or throws StoreError (nothing else, never a crash: the sanitizers watch
//     the stack depth and memory);
//   - what it returns serialises to a file it reads back unchanged (a round trip is stable), with
//     the history within its caps;
//   - every 64th input also goes through the real Store on disk (tmpfs when there is one): an
//     update that records a sighting succeeds; a file parse_store refused is kept aside byte for
//     byte and named in corrupt_files; the file written is within the byte cap unless what the
//     store must keep (unknown fields) is itself larger.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "store.hpp"

namespace {

namespace fs = std::filesystem;

fs::path* dir = nullptr;
std::size_t runs = 0;

void require(bool condition) {
  if (!condition) std::abort();
}

fs::path make_temp_dir() {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string pattern = (base / "linkedout-fuzz-store-XXXXXX").string();
  require(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void check_on_disk(std::string_view input, bool parses) {
  std::error_code ignored;
  fs::remove_all(*dir, ignored);
  fs::create_directories(*dir);
  linkedout::Store store(*dir);
  std::ofstream(store.file(), std::ios::binary) << input;
  const auto written = store.update([](linkedout::StoreData& data) {
    linkedout::record_sighting(data, "data-for-ai-improvement", "on", "https://www.linkedin.com/", "2026-11-25T10:00:00Z");
    return true;
  });
  require(written.history.size() <= linkedout::store_caps::kMaxHistory);
  const std::string text = read_bytes(store.file());
  const auto reread = linkedout::parse_store(text);  // throws (and so aborts) if the host wrote junk
  require(reread.settings.count("data-for-ai-improvement") == 1);
  require(text.size() <= linkedout::store_caps::kMaxFileBytes || !reread.unknown_fields.empty());
  if (!parses) {
    require(reread.corrupt_files.size() == 1);
    require(read_bytes(*dir / reread.corrupt_files[0]) == input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);  // the store logs every corrupt file it moves aside
  dir = new fs::path(make_temp_dir());
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(*dir, ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  bool parses = false;
  try {
    const auto parsed = linkedout::parse_store(input);
    parses = true;
    require(parsed.history.size() <= linkedout::store_caps::kMaxHistory);
    const std::string once = linkedout::serialize_store(parsed);
    const std::string twice = linkedout::serialize_store(linkedout::parse_store(once));
    require(once == twice);
  } catch (const linkedout::StoreError&) {
    require(!parses);  // only parse_store may refuse; the round trip never does
  }
  if (++runs % 64 == 0) check_on_disk(input, parses);
  return 0;
}
