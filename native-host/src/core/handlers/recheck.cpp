// `recheck` start / end (§4.6): the quick re-check's run. Between start and end every page_state
// is noted in the run (handlers/page_state.cpp); end records it. Replies with the walkthrough
// reply, whose `check` says where the re-check stands.
#include "handler.hpp"
#include "recheck.hpp"
#include "walkthrough.hpp"

namespace linkedout {

protocol::WalkthroughReply handlers::recheck(protocol::RecheckRequest request, HostContext& context) {
  const std::string now = context.now();
  StoreData data;
  switch (request.action) {
    case protocol::RecheckAction::start:
      // A new run replaces one left unfinished (browser closed mid-run): it never ended, so it is
      // not recorded.
      data = context.store.update([&](StoreData& d) {
        d.recheck = RecheckRun{now, {}, {}};
        return true;
      });
      break;
    case protocol::RecheckAction::end:
      data = context.store.update([&](StoreData& d) {
        if (!d.recheck) return false;  // already ended (the tab closed after the user stopped it)
        CheckRecord record = finish_run(context.rules, d, *d.recheck, now);
        if (record.complete) {
          d.last_full_check = now;
          d.last_full_check_ruleset = context.rules.version;
        }
        record_check(d, std::move(record));
        d.recheck.reset();
        return true;
      });
      break;
  }
  return walkthrough_plan_reply(data, context, request.ui_lang);
}

}  // namespace linkedout
