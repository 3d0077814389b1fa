// probe_host for Windows: starts the host as a browser does (its own folder as the working
// directory, the caller's arguments, frames over anonymous pipes), sends hello and waits for the
// reply on a reader thread, so a host that hangs is ended after `timeout`.
#include <windows.h>

#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cli/host_probe.hpp"
#include "framing.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// One argument as CommandLineToArgvW reads it back: quoted, backslashes before a quote doubled.
std::wstring quoted(const std::wstring& arg) {
  std::wstring out = L"\"";
  std::size_t backslashes = 0;
  for (const wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    backslashes = 0;
    out += c;
  }
  out.append(backslashes * 2, L'\\');
  return out + L"\"";
}

struct Handle {
  HANDLE h = nullptr;
  ~Handle() { close(); }
  void close() {
    if (h != nullptr && h != INVALID_HANDLE_VALUE) CloseHandle(h);
    h = nullptr;
  }
};

}  // namespace

ProbeResult probe_host(const fs::path& program, const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  Handle to_host_read, to_host_write, from_host_read, from_host_write, null_out;
  if (!CreatePipe(&to_host_read.h, &to_host_write.h, &inheritable, 0) ||
      !CreatePipe(&from_host_read.h, &from_host_write.h, &inheritable, 0))
    return {false, "cannot create pipes"};
  // Our ends stay with us.
  SetHandleInformation(to_host_write.h, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(from_host_read.h, HANDLE_FLAG_INHERIT, 0);
  null_out.h = CreateFileW(L"NUL", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &inheritable, OPEN_EXISTING, 0, nullptr);

  std::wstring command_line = quoted(program.wstring());
  for (const auto& arg : args) command_line += L" " + quoted(fs::path(std::u8string(arg.begin(), arg.end())).wstring());
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = to_host_read.h;
  startup.hStdOutput = from_host_write.h;
  startup.hStdError = null_out.h;
  PROCESS_INFORMATION process{};
  const std::wstring dir = program.parent_path().wstring();
  if (!CreateProcessW(program.c_str(), command_line.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr,
                      dir.empty() ? nullptr : dir.c_str(), &startup, &process))
    return {false, "the host could not be executed"};
  Handle process_handle{process.hProcess}, thread_handle{process.hThread};
  to_host_read.close();
  from_host_write.close();

  // Closing stdin after the request makes a well-behaved host exit after its reply.
  const auto frame = *framing::encode_frame(R"({"type":"hello","id":"doctor","extension_version":"doctor"})");
  DWORD written = 0;
  WriteFile(to_host_write.h, frame.data(), static_cast<DWORD>(frame.size()), &written, nullptr);
  to_host_write.close();

  auto reply_future = std::async(std::launch::async, [read_end = from_host_read.h]() -> std::optional<std::string> {
    framing::FrameReader reader;
    char buffer[4096];
    for (;;) {
      DWORD n = 0;
      if (!ReadFile(read_end, buffer, sizeof buffer, &n, nullptr) || n == 0) return std::nullopt;  // the host exited
      reader.feed({buffer, n});
      if (auto result = reader.next(); result.kind == framing::ReadResult::Kind::frame) return std::move(result.body);
    }
  });
  const bool timed_out = reply_future.wait_for(timeout) != std::future_status::ready;
  if (timed_out) TerminateProcess(process.hProcess, 1);  // the reader then sees the pipe close
  const auto reply = reply_future.get();
  if (reply) TerminateProcess(process.hProcess, 0);  // it answered: done either way
  WaitForSingleObject(process.hProcess, 5000);
  DWORD status = 0;
  GetExitCodeProcess(process.hProcess, &status);

  if (timed_out) return {false, "the host did not answer hello within " + std::to_string(timeout.count()) + " ms"};
  if (!reply) return {false, "the host exited with status " + std::to_string(status) + " without answering hello"};
  return judge_hello_reply(*reply);
}

}  // namespace linkedout::cli
