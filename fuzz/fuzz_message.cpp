// Fuzzes message handling end to end inside the process: frame body → Dispatcher::handle (the
// generated reader: UTF-8, strict JSON, envelope, typed fields; handler, state store, generated
// writer, reply cap) → reply. The input is one frame body.
// Invariants, on every input:
//   - handle() returns (never throws, never crashes: the sanitizers watch the rest);
//   - the reply is at most the cap: 1 MiB for the real dispatcher, and also for a dispatcher
//     with a 4 KiB cap so the truncation / too_large paths are exercised on small inputs;
//   - the reply is one JSON object with a string `type`; an `error` carries a documented code
//     and a non-empty message;
//   - when the request's id was readable (integer, or string ≤ 64 chars), the reply echoes it.
// The store lives in a temp directory (on tmpfs when there is one) and is reset every 500 runs
// so it never reaches the history cap, which would make every write slow.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "dispatch.hpp"
#include "ruleset_load.hpp"
#include "framing.hpp"
#include "ruleset.hpp"
#include "store.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kRealCap = linkedout::protocol::kMaxMessageBytes;  // the schema's frame cap
constexpr std::size_t kTinyCap = 4096;

struct World {
  fs::path dir;
  linkedout::Ruleset rules;
  std::unique_ptr<linkedout::Store> store;
  std::unique_ptr<linkedout::HostContext> context;
  std::unique_ptr<linkedout::Dispatcher> real;
  std::unique_ptr<linkedout::Dispatcher> tiny;
  std::size_t runs = 0;
};

World* world = nullptr;

void require(bool condition) {
  if (!condition) std::abort();
}

fs::path make_temp_dir() {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string pattern = (base / "linkedout-fuzz-XXXXXX").string();
  require(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

void check_reply(std::string_view request, const std::string& reply, std::size_t cap) {
  require(reply.size() <= cap);
  json value = json::parse(reply, nullptr, /*allow_exceptions=*/false);
  require(value.is_object());
  require(value.contains("type") && value["type"].is_string());
  require(value.contains("id"));
  if (value["type"] == "error") {
    static const std::set<std::string> codes = {"bad_json",   "bad_utf8",     "not_object", "too_large",
                                                "missing_type", "unknown_type", "bad_field", "not_linkedin",
                                                "not_allowed", "store_error",  "internal"};
    require(value.contains("code") && value["code"].is_string());
    require(codes.count(value["code"].get<std::string>()) == 1);
    require(value.contains("message") && value["message"].is_string() &&
            !value["message"].get<std::string>().empty());
  }
  // A readable id is echoed. (Duplicate keys make the whole message unreadable: strict parse.)
  json parsed = json::parse(request, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object() && parsed.contains("id")) {
    const json& id = parsed["id"];
    const bool readable = id.is_number_integer() || (id.is_string() && id.get<std::string>().size() <= 64);
    if (readable && value["id"] != id) {
      // Only a refused body (bad_utf8 / bad_json: the request was not read at all) may drop it.
      require(value["type"] == "error");
      const std::string code = value["code"].get<std::string>();
      require(code == "bad_json" || code == "bad_utf8");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);  // the handlers log refusals; thousands per second
  world = new World;
  world->dir = make_temp_dir();
  world->rules = linkedout::load_ruleset(std::nullopt);
  world->store = std::make_unique<linkedout::Store>(world->dir);
  world->context = std::make_unique<linkedout::HostContext>(linkedout::HostContext{world->rules, *world->store, linkedout::now_iso8601});
  world->context->now = [] { return std::string("2026-11-25T10:00:00Z"); };
  world->real = std::make_unique<linkedout::Dispatcher>(*world->context, kRealCap);
  world->tiny = std::make_unique<linkedout::Dispatcher>(*world->context, kTinyCap);
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(world->dir, ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > linkedout::framing::kMaxIncoming) return 0;  // the channel refuses these before dispatch
  if (++world->runs % 500 == 0) {
    std::error_code ignored;
    fs::remove(world->store->file(), ignored);
  }
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  check_reply(body, world->real->handle(body), kRealCap);
  check_reply(body, world->tiny->handle(body), kTinyCap);
  return 0;
}
