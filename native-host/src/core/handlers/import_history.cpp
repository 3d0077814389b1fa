// `import_history`: the browser's own history, kept by the extension's built-in core while no
// helper answered, handed to the helper once it does (§4.6). Merged, never replaced: nothing
// the helper had is lost, and sending the same history again adds nothing.
#include "handler.hpp"
#include "store_merge.hpp"

namespace linkedout::handlers {

nlohmann::json import_history(const protocol::Envelope& request, HostContext& context) {
  // The store text (docs/protocol.md §5) as the built-in core keeps it; the frame cap bounds it.
  const auto& field = protocol::required(request.message, "state");
  if (!field.is_string()) protocol::bad_field("state", "state must be the browser's store as text");
  StoreData theirs;
  try {
    theirs = parse_store(field.get_ref<const std::string&>());
  } catch (const StoreError& error) {
    protocol::bad_field("state", std::string("state is not a LinkedOut store: ") + error.what());
  }
  MergeCounts counts;
  context.store.update([&](StoreData& ours) {
    counts = merge_store(ours, theirs);
    return counts.changed();
  });
  return {{"type", "import_history"},
          {"settings", counts.settings},
          {"history", counts.history},
          {"forms", counts.forms},
          {"checks", counts.checks}};
}

}  // namespace linkedout::handlers
