#!/usr/bin/env bash
# Runs a libFuzzer binary once over every file in the given directories (seed corpus and
# regressions). Fails if any input crashes, leaks or trips a sanitizer.
set -euo pipefail
fuzzer=$1
shift
files=()
for dir in "$@"; do
  [[ -d "$dir" ]] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f ! -name 'README*' -print0 | sort -z)
done
if ((${#files[@]} == 0)); then
  echo "replay: no inputs for $(basename "$fuzzer")"
  exit 0
fi
# libFuzzer replays file arguments one by one and exits non-zero on the first crash.
"$fuzzer" -runs=1 "${files[@]}" 2>&1 | tail -n 3
echo "replay: $(basename "$fuzzer") ran ${#files[@]} inputs clean"
