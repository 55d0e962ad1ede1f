#!/usr/bin/env bash
# Checks tests/reliability-report.sh without running a test: a stand-in `dotnet` on PATH records
# what it was asked to build and prints the figures of three fault tests, one of them failed
# and missing a figure. The report must build the whole solution, print all three rows, exit
# non-zero and keep the output that says why the test failed. Exits 1 if any check failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
cat >"$work/bin/dotnet" <<'STANDIN'
#!/usr/bin/env bash
echo "dotnet $*" >>"$STANDIN_CALLS"
[ "$1" = build ] && exit 0
cat <<'OUT'
  Passed Malaysia.Ops.Integration.Tests.BadInputOnTheQueuesSpecs [3 s]
  Standard Output Messages:
 reliability: fault=bad_messages_on_the_queues injected=9 raised=3 accounted=3 lost=0 duplicated=0 recovery_s=-
  Failed Malaysia.Ops.Integration.Tests.BrokerRestartSpecs [60 s]
  Error Message:
   Assert.Equal() Failure: why the broker restart failed
  Standard Output Messages:
 reliability: fault=broker_restart injected=1 raised=125 accounted=120 lost=5 duplicated=0
 reliability: fault=kill_-9_desk_mid-shift injected=1 raised=130 accounted=130 lost=0 duplicated=0 recovery_s=5.4 refused=-
Test Run Failed.
Total tests: 3
OUT
exit 1
STANDIN
chmod +x "$work/bin/dotnet"

status=0
PATH=$work/bin:$PATH STANDIN_CALLS=$work/calls TMPDIR=$work bash tests/reliability-report.sh \
  >"$work/stdout" 2>"$work/stderr" || status=$?

failures=0
check() { # description command...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAILED: $what" >&2; failures=$((failures + 1)); fi
}
kept=$(sed -n 's/^the full output is in //p' "$work/stderr")
check "it builds the whole solution" grep -qx "dotnet build Malaysia.Ops.sln -nologo -v:quiet" "$work/calls"
check "it exits non-zero when a fault test fails" test "$status" != 0
check "it prints the row after a test's missing figure" grep -q "^kill -9 desk mid-shift .* 5\.4 *-$" "$work/stdout"
check "a missing figure shows as '?'" grep -q "^broker restart .* 5 .* ? *?$" "$work/stdout"
check "it names where the failed run's output is kept" grep -q "why the broker restart failed" "$kept/test.log"

[ "$failures" = 0 ] || { echo "$failures reliability-report.sh check(s) failed" >&2; exit 1; }
