#include "logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <system_error>
#include <vector>

#include "log.hpp"
#include "platform/platform.hpp"

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
      // native(): UTF-16 on Windows (spdlog built with wide file names there), so a folder named
      // Zoë or 数据 is opened as itself; bytes on POSIX.
      file_sink_ = std::make_shared<spdlog::sinks::rotating_file_sink_st>(file_.native(), kMaxLogBytes, kLogFiles);
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

// The core's log hook, into the default logger.
void core_message(core_log::Level level, std::string_view message) {
  switch (level) {
    case core_log::Level::debug: spdlog::debug("{}", message); break;
    case core_log::Level::info: spdlog::info("{}", message); break;
    case core_log::Level::warn: spdlog::warn("{}", message); break;
    case core_log::Level::error: spdlog::error("{}", message); break;
  }
}

core_log::Level core_level(spdlog::level::level_enum level) {
  if (level <= spdlog::level::debug) return core_log::Level::debug;
  if (level == spdlog::level::info) return core_log::Level::info;
  if (level == spdlog::level::warn) return core_log::Level::warn;
  return core_log::Level::error;
}

}  // namespace

std::filesystem::path host_log_path() { return platform::log_dir() / "host.log"; }

void init_logging() {
  auto to_stderr = std::make_shared<spdlog::sinks::stderr_sink_st>();
  to_stderr->set_pattern("linkedout-host: [%l] %v");
  std::vector<spdlog::sink_ptr> sinks{to_stderr};
  std::string no_log_file;
  try {
    const auto log_file = host_log_path();
    // spdlog opens the log with fopen(), which waits for a reader when a FIFO is there (the host
    // then answered nothing); a device or folder is no log either. Only a plain file, or none yet.
    std::error_code ec;
    const auto status = std::filesystem::status(log_file, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
      no_log_file = log_file.string() + " is not a regular file";
    else
      sinks.push_back(std::make_shared<LazyFileSink>(log_file));
  } catch (const platform::Error& e) {
    no_log_file = e.what();  // never a log under the working folder instead
  }
  auto logger = std::make_shared<spdlog::logger>("linkedout", sinks.begin(), sinks.end());

  const std::string wanted = platform::env("LINKEDOUT_LOG").value_or("");
  auto level = spdlog::level::info;
  if (!wanted.empty()) {
    level = spdlog::level::from_str(wanted);
    // from_str maps anything unknown to "off"; only accept it when asked for by name.
    if (level == spdlog::level::off && wanted != "off") level = spdlog::level::info;
  }
  logger->set_level(level);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
  if (!no_log_file.empty()) spdlog::warn("no log file: {}", no_log_file);
  if (level == spdlog::level::off) core_log::set_sink(nullptr, core_log::Level::error);
  else core_log::set_sink(core_message, core_level(level));
}

}  // namespace linkedout
