// `walkthrough` start / status / reset / mark_done (§4.3).
#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"
#include "recheck.hpp"

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
    case WalkthroughAction::recheck_start: {
      // A new run replaces one left unfinished (browser closed mid-run): it never ended, so it
      // is not recorded.
      const std::string now = context.now();
      data = context.store.update([&](StoreData& d) {
        d.recheck = RecheckRun{now, {}, {}};
        return true;
      });
      break;
    }
    case WalkthroughAction::recheck_end: {
      const std::string now = context.now();
      data = context.store.update([&](StoreData& d) {
        if (!d.recheck) return false;  // already ended (the tab closed after the user stopped it)
        CheckRecord record = finish_run(context.rules, d, *d.recheck, now);
        if (record.complete) {
          d.last_full_check = now;
          d.last_full_check_ruleset = context.rules.version;
        }
        d.checks.push_back(std::move(record));
        if (d.checks.size() > Store::kMaxChecks) {
          d.checks.erase(d.checks.begin(),
                         d.checks.begin() + static_cast<std::ptrdiff_t>(d.checks.size() - Store::kMaxChecks));
        }
        d.recheck.reset();
        return true;
      });
      break;
    }
  }
  auto reply = protocol::walkthrough_reply(plan_walkthrough(context.rules, data), data);
  reply["check"] = protocol::check_json(check_schedule(data, context.rules.version, context.now()), data);
  return reply;
}

}  // namespace linkedout::handlers
