#include "core_session.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dispatch.hpp"
#include "ruleset.hpp"
#include "store.hpp"

namespace linkedout {

namespace {

// The store lives in the module's own memory file system (emscripten's MEMFS): nothing the
// browser or the user can see; the extension persists the text it is handed.
const std::filesystem::path kStoreDir = "/linkedout";

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every write replaces the file by rename: a new inode (or a new change time) means a write.
struct FileStamp {
  ino_t inode = 0;
  off_t size = 0;
  long long changed_ns = 0;
  static FileStamp of(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return {};
    return {info.st_ino, info.st_size,
            static_cast<long long>(info.st_ctim.tv_sec) * 1'000'000'000LL + info.st_ctim.tv_nsec};
  }
  bool operator==(const FileStamp&) const = default;
};

}  // namespace

struct CoreSession::Parts {
  Ruleset rules = load_ruleset(std::nullopt);
  Store store{kStoreDir};
  HostContext context{rules, store};
  Dispatcher dispatcher{context};
  FileStamp stamp;
};

CoreSession::CoreSession() { fresh_parts(); }

// A new session, as a new host process is: the same state, nothing remembered of earlier requests
// (drift "new" asks whether the store had history before this session).
void CoreSession::fresh_parts() {
  parts_.reset();
  parts_ = std::make_unique<Parts>();
  parts_->context.now = [this] { return now_; };
}

CoreSession::~CoreSession() = default;

bool CoreSession::open(std::string_view state_text) {
  fresh_parts();
  std::error_code ec;
  std::filesystem::remove(parts_->store.file(), ec);
  state_.clear();
  bool accepted = true;
  if (!state_text.empty()) {
    try {
      parse_store(state_text);
      std::filesystem::create_directories(kStoreDir, ec);
      std::ofstream(parts_->store.file(), std::ios::binary | std::ios::trunc) << state_text;
      state_ = std::string(state_text);
    } catch (const StoreError&) {
      accepted = false;
    }
  }
  parts_->stamp = FileStamp::of(parts_->store.file());
  changed_ = false;
  return accepted;
}

std::string CoreSession::handle(std::string_view request, std::string now_iso) {
  now_ = std::move(now_iso);
  std::string reply = parts_->dispatcher.handle(request);
  const FileStamp stamp = FileStamp::of(parts_->store.file());
  changed_ = !(stamp == parts_->stamp);
  if (changed_) {
    parts_->stamp = stamp;
    state_ = read_text(parts_->store.file());
  }
  return reply;
}

}  // namespace linkedout
