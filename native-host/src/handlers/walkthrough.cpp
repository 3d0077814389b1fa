// `walkthrough` start / status / reset / mark_done (§4.3).
#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"

namespace linkedout::handlers {

namespace {

using protocol::ErrorCode;
using protocol::ProtocolError;
using protocol::WalkthroughAction;

void check_markable(const Ruleset& rules, const std::string& step) {
  if (rules.find_form(step)) return;
  if (rules.find_setting(step)) {
    throw ProtocolError(ErrorCode::bad_field,
                        "step \"" + step + "\" is a toggle: it is done when the page shows it off", "step");
  }
  throw ProtocolError(ErrorCode::bad_field, "step \"" + step + "\" is not a form step of the walkthrough", "step");
}

}  // namespace

nlohmann::json walkthrough(const protocol::Envelope& request, HostContext& context) {
  const auto parsed = protocol::parse_walkthrough(request.message);
  StoreData data;
  switch (parsed.action) {
    case WalkthroughAction::status:
      data = context.store.load();
      break;
    case WalkthroughAction::start:
      data = context.store.update([](StoreData& d) {
        if (d.walkthrough_active) return false;
        d.walkthrough_active = true;
        return true;
      });
      break;
    case WalkthroughAction::reset:
      // Progress lives in the last-seen states and form dates; history stays for the report.
      data = context.store.update([](StoreData& d) {
        d.settings.clear();
        d.forms_done.clear();
        d.walkthrough_active = false;
        return true;
      });
      break;
    case WalkthroughAction::mark_done: {
      check_markable(context.rules, parsed.step);
      const std::string now = context.now();
      data = context.store.update([&](StoreData& d) {
        if (d.forms_done.count(parsed.step)) return false;
        d.forms_done[parsed.step] = now.substr(0, 10);  // the date: YYYY-MM-DD
        d.history.push_back({now, parsed.step, "todo", "done", ""});
        if (d.history.size() > Store::kMaxHistory) {
          d.history.erase(d.history.begin(),
                          d.history.begin() + static_cast<std::ptrdiff_t>(d.history.size() - Store::kMaxHistory));
        }
        return true;
      });
      break;
    }
  }
  return protocol::walkthrough_reply(plan_walkthrough(context.rules, data), data);
}

}  // namespace linkedout::handlers
