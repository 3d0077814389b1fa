// Merging one store into another: how the browser's own history (kept by the extension's
// built-in core while no helper answered) is handed to the helper once it appears (issue 24,
// `import_history`, docs/protocol.md §4.6). Pure: data in, data out.
//
// Nothing lost, nothing counted twice: merging the same store again, or a store already merged,
// changes nothing. A history entry is the same entry when every field is equal; a setting keeps
// the record of whichever side saw it last; what only one side has is kept; the caps are the
// store's own (the oldest entry of the setting with the most entries goes first).
#pragma once

#include <cstddef>

#include "store_format.hpp"

namespace linkedout {

struct MergeCounts {
  std::size_t settings = 0;  // settings whose record the merge added or replaced
  std::size_t history = 0;   // history entries the merge added
  std::size_t forms = 0;     // forms marked done that the merge added
  std::size_t checks = 0;    // re-check records the merge added
  bool changed() const { return settings || history || forms || checks || other; }
  bool other = false;        // region, reminder, new switches, last full check, unknown fields
};

MergeCounts merge_store(StoreData& into, const StoreData& from);

}  // namespace linkedout
