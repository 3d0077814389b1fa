// The report and the objection-form step through the protocol and the command line: the
// `report` message in-process (every format, bad fields, the 1 MiB cap), then the real
// linkedout-host binary over pipes — walkthrough mark_done → stored date → status, plan, report.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dispatch.hpp"
#include "ruleset_load.hpp"
#include "report.hpp"
#include "ruleset.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

namespace {

using nlohmann::json;
using namespace linkedout;
namespace fs = std::filesystem;
using linkedout::cli_test::TempDir;

constexpr const char* kHostClock = "2026-11-26T12:00:00Z";

using test_support::rules;  // the shipped ruleset, loaded once (test_support.hpp)

struct InProcessHost {
  explicit InProcessHost(const Ruleset& ruleset = rules()) : store(dir.path() / "data"), context{ruleset, store, nullptr}, dispatcher(context) {
    context.now = [] { return std::string(kHostClock); };
  }
  json send(const json& request) {
    last_size = 0;
    const std::string body = dispatcher.handle(request.dump());
    last_size = body.size();
    return json::parse(body);
  }
  TempDir dir;
  Store store;
  HostContext context;
  Dispatcher dispatcher;
  std::size_t last_size = 0;
};

// ---- the real binary as a child process ----

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs the host with `args`, writes `input` to its stdin, closes it, collects stdout and stderr.
RunResult run_host(const std::vector<std::string>& args, const std::string& input = "") {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  REQUIRE(::pipe2(in_pipe, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
  std::vector<std::string> argv{LINKEDOUT_HOST_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (auto& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::execv(c_argv[0], c_argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // Small inputs: the pipe buffer holds them, so writing all first cannot deadlock.
  REQUIRE(input.size() < 60000);
  std::size_t written = 0;
  while (written < input.size()) {
    const auto n = ::write(in_pipe[1], input.data() + written, input.size() - written);
    REQUIRE(n > 0);
    written += static_cast<std::size_t>(n);
  }
  ::close(in_pipe[1]);
  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (open_fds > 0 && std::chrono::steady_clock::now() < deadline) {
    if (::poll(fds, 2, 1000) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buffer[65536];
      const auto n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) {
      ::kill(pid, SIGKILL);
      ::close(fd.fd);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string message_frame(const json& message) {
  const std::string body = message.dump();
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string out(sizeof length, '\0');
  std::memcpy(out.data(), &length, sizeof length);
  return out + body;
}

std::vector<json> reply_frames(const std::string& bytes) {
  std::vector<json> replies;
  std::size_t at = 0;
  while (at + 4 <= bytes.size()) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + at, sizeof length);
    REQUIRE(at + 4 + length <= bytes.size());
    replies.push_back(json::parse(bytes.substr(at + 4, length)));
    at += 4 + length;
  }
  CHECK(at == bytes.size());  // nothing but frames on stdout
  return replies;
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

const json& find_by(const json& list, const char* key, const std::string& value) {
  for (const auto& item : list) {
    if (item.value(key, "") == value) return item;
  }
  FAIL("no item with " << key << " = " << value);
  throw 0;
}

}  // namespace

TEST_CASE("protocol report: every format, the same text as the command line's renderer") {
  InProcessHost host;
  host.store.update([](StoreData& d) {
    record_sighting(d, "data-for-ai-improvement", "off", "", "2026-11-20T09:00:00Z");
    d.forms_done["objection-form"] = "2026-11-21";
    return true;
  });
  const auto model = report::build_report(rules(), host.store.load(), kHostClock);
  for (const auto* format : {"md", "html", "json"}) {
    CAPTURE(format);
    const json reply = host.send({{"type", "report"}, {"id", 5}, {"format", format}});
    CHECK(reply["type"] == "report");
    CHECK(reply["id"] == 5);
    CHECK(reply["format"] == format);
    CHECK_FALSE(reply.contains("truncated"));
    CHECK(reply["content"] == report::render(model, *report::parse_format(format)));
  }
  const json as_json = json::parse(host.send({{"type", "report"}, {"id", "r"}, {"format", "json"}})["content"].get<std::string>());
  CHECK(find_by(as_json["forms"], "id", "objection-form")["done_at"] == "2026-11-21");
  CHECK(find_by(as_json["settings"], "id", "data-for-ai-improvement")["state"] == "off");
}

TEST_CASE("protocol report: a missing or unknown format is a bad_field error, and the host keeps serving") {
  InProcessHost host;
  for (const json& request : {json{{"type", "report"}, {"id", 1}},
                              json{{"type", "report"}, {"id", 1}, {"format", "pdf"}},
                              json{{"type", "report"}, {"id", 1}, {"format", 3}},
                              json{{"type", "report"}, {"id", 1}, {"format", nullptr}}}) {
    CAPTURE(request.dump());
    const json reply = host.send(request);
    CHECK(reply["type"] == "error");
    CHECK(reply["code"] == "bad_field");
    CHECK(reply["field"] == "format");
    CHECK(reply["id"] == 1);
  }
  CHECK(host.send({{"type", "report"}, {"format", "md"}})["type"] == "report");
}

TEST_CASE("protocol report: the reply stays within 1 MiB — history detail goes first, then too_large") {
  // A ruleset far bigger than LinkedIn's, with a long history for every setting.
  auto big_rules = [](std::size_t count, std::size_t reason_chars) {
    Ruleset r;
    r.name = "big";
    r.version = "1";
    r.regions = {{"EU", {{"en", "European Union"}}}};
    for (std::size_t i = 0; i < count; ++i) {
      Setting s;
      s.id = "setting-" + std::to_string(i);
      s.path = "/mypreferences/d/settings/" + s.id;
      s.keys = {"key" + std::to_string(i)};
      s.labels["en"] = {"Setting " + std::to_string(i)};
      s.desired = "off";
      s.severity = "ads";
      s.regions = {"EU"};
      s.reasons = {{"en", std::string(reason_chars, 'r')}};
      r.settings.push_back(std::move(s));
    }
    r.build_index();
    return r;
  };
  auto long_history = [](const Ruleset& r) {
    StoreData data;
    for (const auto& s : r.settings) {
      std::string state = "on";
      for (int day = 1; day <= 20; ++day) {
        char at[32];
        std::snprintf(at, sizeof at, "2026-11-%02dT10:00:00Z", day);
        record_sighting(data, s.id, state, "", at);
        state = state == "on" ? "off" : "on";
      }
    }
    return data;
  };

  SUBCASE("too much history: the report drops detail and says so") {
    const Ruleset r = big_rules(250, 2500);
    InProcessHost host(r);
    const StoreData data = long_history(r);
    host.store.update([&](StoreData& d) {
      d = data;
      return true;
    });
    REQUIRE(report::render_html(report::build_report(r, host.store.load(), kHostClock)).size() > 1024 * 1024);
    const json reply = host.send({{"type", "report"}, {"id", 9}, {"format", "html"}});
    CHECK(host.last_size <= 1024 * 1024);
    CHECK(reply["type"] == "report");
    CHECK(reply["truncated"] == true);
    CHECK(reply["content"].get<std::string>().find("earlier change(s)") != std::string::npos);
  }
  SUBCASE("too big even without history: too_large with the same id") {
    const Ruleset r = big_rules(600, 2500);
    InProcessHost host(r);
    const json reply = host.send({{"type", "report"}, {"id", 10}, {"format", "json"}});
    CHECK(host.last_size <= 1024 * 1024);
    CHECK(reply["type"] == "error");
    CHECK(reply["code"] == "too_large");
    CHECK(reply["id"] == 10);
  }
}

TEST_CASE("objection form end to end with the real binary: mark_done → stored date → status, plan, report") {
  TempDir dir;
  const std::string data_dir = (dir.path() / "data").string();
  const std::string today = today_utc();

  // Session 1: the browser starts the host; the user marks the form done and visits a page.
  const auto first = run_host({"--data-dir", data_dir},
                              message_frame({{"type", "walkthrough"}, {"id", 1}, {"action", "status"}}) +
                                  message_frame({{"type", "walkthrough"}, {"id", 2}, {"action", "mark_done"}, {"step", "objection-form"}}) +
                                  message_frame({{"type", "page_state"}, {"id", 3},
                                         {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
                                         {"lang", "en"},
                                         {"controls", json::array({{{"key", "allowDataForGenerativeAI"}, {"label", ""}, {"checked", false}}})}}) +
                                  message_frame({{"type", "report"}, {"id", 4}, {"format", "json"}}));
  CHECK(first.exit_code == 0);
  const auto replies = reply_frames(first.out);
  REQUIRE(replies.size() == 4);
  const json& before = find_by(replies[0]["steps"], "step", "objection-form");
  CHECK(before["kind"] == "form");
  CHECK(before["state"] == "todo");
  CHECK(before["url"] == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
  CHECK_FALSE(before["guidance"].get<std::string>().empty());
  const json& after = find_by(replies[1]["steps"], "step", "objection-form");
  CHECK(after["state"] == "done");
  CHECK(after["done_at"] == today);
  CHECK(replies[2]["type"] == "verdict");
  CHECK(replies[3]["type"] == "report");
  const json in_protocol_report = json::parse(replies[3]["content"].get<std::string>());
  CHECK(find_by(in_protocol_report["forms"], "id", "objection-form")["done_at"] == today);
  CHECK(find_by(in_protocol_report["settings"], "id", "data-for-ai-improvement")["state"] == "off");

  // Session 2, a new process: the plan still has the date.
  const auto second = run_host({"--data-dir", data_dir}, message_frame({{"type", "walkthrough"}, {"id", 1}, {"action", "status"}}));
  const auto plan = reply_frames(second.out);
  REQUIRE(plan.size() == 1);
  CHECK(find_by(plan[0]["steps"], "step", "objection-form")["done_at"] == today);

  // The command line: status and report read the same store.
  const auto status = run_host({"status", "--json", "--data-dir", data_dir});
  CHECK(status.exit_code == 0);
  const json status_json = json::parse(status.out);
  CHECK(find_by(status_json["forms"], "id", "objection-form")["done_at"] == today);  // ids named as in the report

  for (const std::string format : {"md", "html", "json"}) {
    CAPTURE(format);
    const auto cli = run_host({"report", "--format", format, "--data-dir", data_dir});
    CHECK(cli.exit_code == 0);
    CHECK(cli.err.empty());
    if (format == "json") {
      const json r = json::parse(cli.out);
      CHECK(find_by(r["forms"], "id", "objection-form")["state"] == "done");
      CHECK(find_by(r["forms"], "id", "objection-form")["done_at"] == today);
      const json& ai = find_by(r["settings"], "id", "data-for-ai-improvement");
      CHECK(ai["state"] == "off");
      CHECK(ai["needs_action"] == false);
      CHECK(ai["last_seen"].get<std::string>().substr(0, 10) == today);
    } else {
      CHECK(cli.out.find("Done on " + today) != std::string::npos);
    }
  }
}

TEST_CASE("linkedout-host report: --output writes the file, bad arguments and paths are clear errors") {
  TempDir dir;
  const std::string data_dir = (dir.path() / "data").string();
  const fs::path output = dir.path() / "report.html";
  const auto written = run_host({"report", "--format", "html", "--output", output.string(), "--data-dir", data_dir});
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(written.err.find("report written to " + output.string()) != std::string::npos);
  std::ifstream in(output);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().rfind("<!doctype html>", 0) == 0);
  CHECK(text.str().find("Data Processing Objection form") != std::string::npos);
  for (const auto& entry : fs::directory_iterator(dir.path()))  // no temp file left beside it
    CHECK((entry.path() == output || entry.path().filename() == "data"));

  const auto default_format = run_host({"report", "--data-dir", data_dir});
  CHECK(default_format.exit_code == 0);
  CHECK(default_format.out.rfind("# LinkedOut report", 0) == 0);

  const auto bad_format = run_host({"report", "--format", "pdf", "--data-dir", data_dir});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err.find("pdf") != std::string::npos);
  CHECK(bad_format.out.empty());

  const auto no_dir = run_host({"report", "--output", (dir.path() / "missing" / "r.md").string(), "--data-dir", data_dir});
  CHECK(no_dir.exit_code == 1);
  CHECK(no_dir.err.find("does not exist") != std::string::npos);
}

TEST_CASE("ui_lang, real binary: reasons, titles, guidance, region names and the report in the browser's language") {
  TempDir dir;
  const std::string data_dir = (dir.path() / "data").string();
  const Setting& ai = rules().settings.front();
  const Form& form = rules().forms.front();
  const json page = {{"type", "page_state"},
                     {"url", ai.url()},
                     {"lang", "en"},  // LinkedIn in English, the browser in German
                     {"controls", json::array({{{"key", ai.keys.front()}, {"label", ai.labels.at("en").front()}, {"checked", true}}})}};
  json german_page = page, plain_page = page;
  german_page["id"] = 1;
  german_page["ui_lang"] = "de-DE";
  plain_page["id"] = 2;
  const auto run = run_host({"--data-dir", data_dir},
                            message_frame(german_page) + message_frame(plain_page) +
                                message_frame({{"type", "walkthrough"}, {"id", 3}, {"action", "status"}, {"ui_lang", "it"}}) +
                                message_frame({{"type", "config"}, {"id", 4}, {"ui_lang", "fr-CA"}}) +
                                message_frame({{"type", "config"}, {"id", 5}, {"ui_lang", "pt-BR"}}) +
                                message_frame({{"type", "report"}, {"id", 6}, {"format", "html"}, {"ui_lang", "es"}}));
  CHECK(run.exit_code == 0);
  const auto replies = reply_frames(run.out);
  REQUIRE(replies.size() == 6);
  REQUIRE(replies[0]["highlight"].size() == 1);
  CHECK(replies[0]["highlight"][0]["reason"] == ai.reasons.at("de"));
  CHECK(replies[0]["highlight"][0]["matched_by"] == "key");
  CHECK(replies[1]["highlight"][0]["reason"] == ai.reasons.at("en"));  // no ui_lang: English
  const json& it_form = find_by(replies[2]["steps"], "step", form.id);
  CHECK(it_form["title"] == form.titles.at("it"));
  CHECK(it_form["guidance"] == form.guidance.at("it"));
  CHECK(find_by(replies[2]["steps"], "step", ai.id)["title"] == ai.labels.at("it").front());
  CHECK(replies[3]["regions"]["CH"] == "Suisse");
  CHECK(replies[4]["regions"]["CH"] == "Switzerland");  // no texts in Portuguese: English
  const std::string html = replies[5]["content"].get<std::string>();
  CHECK(html.find("<html lang=\"es\">") != std::string::npos);
  CHECK(html.find(ai.reasons.at("es")) != std::string::npos);
  CHECK(html.find(ai.reasons.at("en")) == std::string::npos);
}
