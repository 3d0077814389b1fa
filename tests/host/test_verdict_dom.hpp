// A verdict reply as an nlohmann DOM, built field by field from the typed reply: what the generated
// writer (protocol::to_text) must give byte for byte, since json_util::dump of this DOM is what the
// host wrote before the writers were generated.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "protocol.hpp"

namespace core_test {

inline nlohmann::json optional_dom(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

inline nlohmann::json verdict_dom(const linkedout::protocol::VerdictReply& reply) {
  using nlohmann::json;
  json highlight = json::array();
  for (const auto& h : reply.highlight) {
    json item = {{"key", optional_dom(h.key)}, {"setting", h.setting},     {"action", h.action},  {"severity", h.severity},
                 {"reason", h.reason},         {"matched_by", h.matched_by}, {"control", h.control}};
    if (h.form) item["form"] = {{"step", h.form->step}, {"url", h.form->url}};
    highlight.push_back(std::move(item));
  }
  json ok = json::array();
  for (const auto& o : reply.ok) {
    ok.push_back({{"key", optional_dom(o.key)}, {"setting", o.setting}, {"matched_by", o.matched_by}, {"control", o.control}});
  }
  json unknown = json::array();
  for (const auto& u : reply.unknown) {
    unknown.push_back({{"key", optional_dom(u.key)}, {"label", u.label}, {"why", u.why}, {"control", u.control}});
  }
  json drift = json::array();
  for (const auto& d : reply.drift) drift.push_back({{"setting", d.setting}, {"kind", d.kind}});
  json out = {{"type", "verdict"},
              {"id", reply.id},
              {"url", reply.url},
              {"setting", optional_dom(reply.setting)},
              {"highlight", std::move(highlight)},
              {"ok", std::move(ok)},
              {"unknown", std::move(unknown)},
              {"drift", std::move(drift)},
              {"progress", {{"done", reply.progress.done}, {"total", reply.progress.total}, {"remaining", reply.progress.remaining}}},
              {"next", reply.next ? json{{"step", reply.next->step}, {"url", reply.next->url}} : json(nullptr)},
              {"walkthrough", {{"active", reply.walkthrough.active}, {"still_on", reply.walkthrough.still_on}}}};
  if (reply.page_unreadable) out["page_unreadable"] = *reply.page_unreadable;
  if (reply.truncated) out["truncated"] = *reply.truncated;
  return out;
}

}  // namespace core_test
