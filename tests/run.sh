#!/usr/bin/env bash
# Runs the whole test suite: unit, service (in-memory harness) and integration tests (a private
# RabbitMQ node started by the tests through deploy/rabbitmq/local-node.sh, and the services as
# separate processes), and the checks of the scripts in tests/script-checks. Installs RabbitMQ,
# chromium and pika first when they are missing and we are root.
# Ends with the suite's totals alone on one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need from Debian: RabbitMQ for the integration tests, chromium for the
# screenshots of the dashboard (Playwright drives it; it never downloads a browser), and pika
# for the hostile client, an AMQP client the project did not write.
missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import pika' 2>/dev/null || missing+=(python3-pika)
# SimPy 2.3, the baseline of the simulator benchmark's smoke run.
/usr/bin/python3 -c 'import SimPy' 2>/dev/null || missing+=(python3-simpy)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} for the tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
  else
    echo "error: the tests need Debian's ${missing[*]}; install them (sudo apt-get install -y ${missing[*]}) or run this as root" >&2
    exit 1
  fi
fi

results=TestResults
rm -rf "$results"
dotnet build Malaysia.Ops.sln -nologo -v:quiet

# The benchmarks are run by hand for their figures; here a short smoke proves they still run.
dotnet run --no-build --project bench/Malaysia.Ops.Benchmarks -- simulator --days 0.5 --month-days 0.5 --rate-multiplier 2 --year-days 0.5 --mm3-days 0.5
# Prints figures only (a loaded machine would make any threshold flaky); on its own private node.
dotnet run --no-build --project bench/Malaysia.Ops.Benchmarks -- messaging --seconds 2 --rate 500 --consumers 2

status=0
# The scripts' own checks: local-node.sh's access rules on a node of their own, and the
# reliability report against a stand-in dotnet. Each counts as one test in the totals.
script_passed=0 script_failed=0
for check in tests/script-checks/*.sh; do
  if bash "$check"; then
    script_passed=$((script_passed + 1))
  else
    echo "FAILED: $check" >&2
    script_failed=$((script_failed + 1))
  fi
done
# One test project at a time: the integration tests time real processes on a 2-core machine.
dotnet test Malaysia.Ops.sln --no-build -nologo -m:1 --logger trx --results-directory "$results" || status=$?

passed=$script_passed failed=$script_failed skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  # A skipped xunit test is a result with outcome NotExecuted; the counters do not always say so.
  # grep finds nothing in a file with no skipped test; that is not a failure of the run.
  skipped=$((skipped + $( { grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)))
done

if [ "$files" = 0 ] || [ $((passed + failed)) = 0 ]; then
  echo "error: no test ran" >&2
  status=1
fi
[ "$failed" = 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
