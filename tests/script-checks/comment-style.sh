#!/usr/bin/env bash
# Checks the comments of the C# and JavaScript sources: no comment line is wider than the
# max_line_length .editorconfig sets for C#, and no comment tells the code's history instead of
# what holds ("as before", "previously", "from an earlier version", ...). Prints each offending
# line; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/../.."

limit=$(awk '/^\[\*\.cs\]/{cs=1; next} /^\[/{cs=0} cs && /^max_line_length/{print $3}' .editorconfig)
[ -n "$limit" ] || { echo "FAILED: .editorconfig sets no max_line_length for *.cs" >&2; exit 1; }

failures=0
wide=$(git ls-files '*.cs' '*.js' | xargs awk -v n="$limit" '/^[[:space:]]*\/\// && length($0) > n {print FILENAME ":" FNR ": " length($0) " characters"}')
if [ -n "$wide" ]; then
  echo "FAILED: comment lines wider than $limit characters:" >&2
  echo "$wide" >&2
  failures=1
fi

history=$(git ls-files '*.cs' '*.js' | xargs grep -nEi '//.*\b(as before|previously|earlier version|used to be|was changed|no longer needed|legacy)\b' || true)
if [ -n "$history" ]; then
  echo "FAILED: comments that tell history rather than what holds:" >&2
  echo "$history" >&2
  failures=1
fi

[ "$failures" = 0 ] && echo "ok: comment lines within $limit characters and free of history"
exit "$failures"
