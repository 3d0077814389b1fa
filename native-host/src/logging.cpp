#include "logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <system_error>

namespace linkedout {

namespace {

constexpr std::size_t kMaxLogBytes = 1024 * 1024;
constexpr std::size_t kLogFiles = 3;

// Opens the rotating file only when a message reaches it: the host starts once per browser
// connection, and most sessions log nothing at the default level.
class LazyFileSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit LazyFileSink(std::filesystem::path file) : file_(std::move(file)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (!open()) return;
    file_sink_->log(message);
  }
  void flush_() override {
    if (file_sink_) file_sink_->flush();
  }

 private:
  bool open() {
    if (file_sink_) return true;
    if (failed_) return false;
    try {
      std::error_code ignored;
      std::filesystem::create_directories(file_.parent_path(), ignored);
      file_sink_ = std::make_shared<spdlog::sinks::rotating_file_sink_st>(file_.string(), kMaxLogBytes, kLogFiles);
      file_sink_->set_pattern("[%Y-%m-%dT%H:%M:%S.%e] [%P] [%l] %v");
      return true;
    } catch (const std::exception&) {
      failed_ = true;  // a read-only home must not stop the host
      return false;
    }
  }

  std::filesystem::path file_;
  std::shared_ptr<spdlog::sinks::rotating_file_sink_st> file_sink_;
  bool failed_ = false;
};

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

std::filesystem::path host_log_path() {
  const std::string state = env("XDG_STATE_HOME");
  if (!state.empty() && state.front() == '/') return std::filesystem::path(state) / "linkedout" / "host.log";
  return std::filesystem::path(env("HOME")) / ".local" / "state" / "linkedout" / "host.log";
}

void init_logging() {
  auto to_stderr = std::make_shared<spdlog::sinks::stderr_sink_st>();
  to_stderr->set_pattern("linkedout-host: [%l] %v");
  auto to_file = std::make_shared<LazyFileSink>(host_log_path());
  auto logger = std::make_shared<spdlog::logger>("linkedout", spdlog::sinks_init_list{to_stderr, to_file});

  const std::string wanted = env("LINKEDOUT_LOG");
  auto level = spdlog::level::info;
  if (!wanted.empty()) {
    level = spdlog::level::from_str(wanted);
    // from_str maps anything unknown to "off"; only accept it when asked for by name.
    if (level == spdlog::level::off && wanted != "off") level = spdlog::level::info;
  }
  logger->set_level(level);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace linkedout
