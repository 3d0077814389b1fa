//# allFunctionsCalledOnLoad
// Prepended to the core's loader (--extern-pre-js), and first in each background file on a wake's
// path: Chromium 136+ compiles the file's functions with the file (on the thread that streams it
// when it can) instead of each at its first call on the wake (docs/performance.md §8, round 5).
// The comment must come before any code. Other engines ignore it.
