// Text normalisation for matching visible labels against the ruleset (docs/protocol.md §4.2).
// Deliberately small and exact: it removes typography differences, never meaning.
#pragma once

#include <string>
#include <string_view>

namespace linkedout {

// Lower-cases Latin (ASCII, Latin-1 Supplement, Latin Extended-A), Greek and Cyrillic capitals;
// maps typographic apostrophes (’ ‘ ʼ) to ', NBSP and other Unicode spaces to a space; drops
// zero-width characters and soft hyphens; collapses whitespace runs and trims.
// Input must be valid UTF-8.
std::string normalise_label(std::string_view label);

// The primary subtag of a BCP 47 tag, lower-cased: "de-DE" → "de", "EN_us" → "en", "" → "".
std::string primary_language(std::string_view bcp47);

}  // namespace linkedout
