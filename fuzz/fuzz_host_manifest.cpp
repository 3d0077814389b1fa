// Fuzzes the host manifests the host reads from disk: what `doctor` inspects (and `uninstall`
// checks is ours), and what Firefox's host mode reads to learn the allowed add-ons. Anyone who
// can write the manifest directory can leave any bytes there. The input is the file; it is
// written to a temp file (tmpfs when there is one) and read back the way the commands read it.
// Invariants, on every input:
//   - inspect_manifest returns (for both browser families), never throws, never crashes (the
//     sanitizers watch the stack depth and memory); every problem is a non-empty line;
//   - a file that is not strict JSON is one problem, "not valid JSON (…)";
//   - caller::add_from_manifest returns; when it refuses the file it adds no caller, and what it
//     accepts is only well-formed ids (32 letters a-p, or a Gecko id).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "caller.hpp"
#include "cli/host_manifest.hpp"
#include "json_util.hpp"

namespace {

namespace fs = std::filesystem;
namespace cli = linkedout::cli;
namespace caller = linkedout::caller;

fs::path* manifest = nullptr;

void require(bool condition) {
  if (!condition) std::abort();
}

fs::path make_temp_dir() {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string pattern = (base / "linkedout-fuzz-manifest-XXXXXX").string();
  require(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

void check_problems(const std::vector<std::string>& problems, bool strict_json) {
  for (const auto& problem : problems) require(!problem.empty());
  if (!strict_json) require(problems.size() == 1 && problems[0].starts_with("not valid JSON ("));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  manifest = new fs::path(make_temp_dir() / "io.linkedout.host.json");
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(manifest->parent_path(), ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(*manifest, std::ios::binary | std::ios::trunc);
    out << input;
    require(static_cast<bool>(out.flush()));
  }
  const bool strict_json = linkedout::json_util::parse_strict(input).ok;
  static const std::vector<std::string> chrome_ids = {"dnfgjokfijpcnnlbjpkiabamkiaihfdk"};
  static const std::vector<std::string> firefox_ids = {"linkedout@linkedout.io"};
  check_problems(cli::inspect_manifest(*manifest, linkedout::paths::Family::chromium, chrome_ids), strict_json);
  check_problems(cli::inspect_manifest(*manifest, linkedout::paths::Family::firefox, firefox_ids), strict_json);

  caller::AllowedCallers allowed;
  // "/" as our own executable: a manifest whose path is "/" counts as ours, so the fuzzer reaches
  // the id lists (the seeds use it).
  const std::string refused = caller::add_from_manifest(allowed, *manifest, "/");
  if (!refused.empty()) require(allowed.chrome_ids.empty() && allowed.firefox_ids.empty());
  for (const auto& id : allowed.chrome_ids) require(caller::is_chrome_extension_id(id));
  for (const auto& id : allowed.firefox_ids) require(caller::is_gecko_id(id));
  return 0;
}
