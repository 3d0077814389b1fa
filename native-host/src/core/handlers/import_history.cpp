// `import_history`: the browser's own history, kept by the extension's built-in core while no
// helper answered, handed to the helper once it does (§4.6). Merged, never replaced: nothing
// the helper had is lost, and sending the same history again adds nothing.
#include "handler.hpp"
#include "store_merge.hpp"

namespace linkedout::handlers {

protocol::ImportHistoryReply import_history(protocol::ImportHistoryRequest request, HostContext& context) {
  // The store text (docs/protocol.md §5) as the built-in core keeps it; the frame cap bounds it.
  StoreData theirs;
  try {
    theirs = parse_store(request.state);
  } catch (const StoreError& error) {
    protocol::bad_field("state", std::string("state is not a LinkedOut store: ") + error.what());
  }
  MergeCounts counts;
  context.store.update([&](StoreData& ours) {
    counts = merge_store(ours, theirs);
    return counts.changed();
  });
  protocol::ImportHistoryReply reply;
  reply.settings = static_cast<std::int64_t>(counts.settings);
  reply.history = static_cast<std::int64_t>(counts.history);
  reply.forms = static_cast<std::int64_t>(counts.forms);
  reply.checks = static_cast<std::int64_t>(counts.checks);
  return reply;
}

}  // namespace linkedout::handlers
