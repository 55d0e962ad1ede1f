#!/usr/bin/env bash
# The reliability report: runs the fault tests (category "Fault": a desk killed with kill -9
# mid-shift and restarted, a desk's active process killed with a hot standby to take over, a desk
# killed and left down past its handoff, dispatch killed mid-handoff and restarted, the broker
# restarted mid-run, a node of a three-node cluster stopped under load, bad messages and
# duplicates published straight onto the services' queues) against a private local RabbitMQ node
# with the services as separate processes, and prints one row per fault: injected, raised,
# accounted, lost, duplicated, recovery time. Exits non-zero when a fault test fails, keeping the
# test run's whole output and naming the file. Needs rabbitmq-server (installed when missing and
# run as root, as tests/run.sh does).
#
#   bash tests/reliability-report.sh                              # every fault test
#   bash tests/reliability-report.sh 'FullyQualifiedName~BadInput'  # only those that match too
set -euo pipefail
cd "$(dirname "$0")/.."

filter="Category=Fault"
if [ $# -gt 1 ]; then
  echo "usage: $0 [FILTER]  (a dotnet test filter the fault tests must also match)" >&2
  exit 2
fi
if [ -n "${1:-}" ]; then filter="$filter&($1)"; fi

if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server >/dev/null
  else
    echo "error: the fault tests need Debian's rabbitmq-server (sudo apt-get install -y rabbitmq-server)" >&2
    exit 1
  fi
fi

# The build's and the tests' output; deleted after a run that passed, kept (and named) otherwise.
output=$(mktemp -d "${TMPDIR:-/tmp}/reliability-report.XXXXXX")
keep() {
  echo "the full output is in $output" >&2
  trap - EXIT
}
trap 'rm -rf "$output"' EXIT

# The whole solution: the tests start the services' own assemblies as processes.
if ! dotnet build Malaysia.Ops.sln -nologo -v:quiet >"$output/build.log" 2>&1; then
  tail -40 "$output/build.log" >&2
  echo "error: the build failed" >&2
  keep
  exit 1
fi
status=0
dotnet test tests/Malaysia.Ops.Integration.Tests --no-build -nologo --filter "$filter" \
  --logger "console;verbosity=detailed" >"$output/test.log" 2>&1 || status=$?

rows=$(grep -o 'reliability: fault=.*' "$output/test.log" | sort -u || true)
if [ -z "$rows" ]; then
  tail -40 "$output/test.log" >&2
  echo "error: no fault test reported its figures" >&2
  keep
  exit 1
fi

printf '%-28s %9s %7s %10s %5s %11s %11s %8s\n' fault injected raised accounted lost duplicated recovery_s refused
while read -r _ fields; do
  declare -A f=()
  for pair in $fields; do f[${pair%%=*}]=${pair#*=}; done
  # A figure missing from a row shows as '?' rather than ending the table there.
  fault=${f[fault]:-?}
  printf '%-28s %9s %7s %10s %5s %11s %11s %8s\n' "${fault//_/ }" "${f[injected]:-?}" "${f[raised]:-?}" \
    "${f[accounted]:-?}" "${f[lost]:-?}" "${f[duplicated]:-?}" "${f[recovery_s]:-?}" "${f[refused]:-?}"
  unset f
done <<<"$rows"
grep -E '^(Test Run (Successful|Failed)\.|Total tests:|[[:space:]]+(Passed|Failed):)' "$output/test.log" | tr -s ' ' | paste -sd' ' - || true
if [ "$status" != 0 ]; then keep; fi
exit "$status"
