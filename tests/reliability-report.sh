#!/usr/bin/env bash
# The reliability report: runs the fault tests (category "Fault": a desk killed with kill -9
# mid-shift and restarted, a desk killed and left down past its handoff, dispatch killed
# mid-handoff and restarted, the broker restarted mid-run, a node of a three-node cluster stopped
# under load, bad messages and duplicates published straight onto the services' queues) against a private local RabbitMQ node with the services as separate
# processes, and prints one row per fault: injected, raised, accounted, lost, duplicated,
# recovery time. Exits non-zero when a fault test fails. Needs rabbitmq-server (installed when
# missing and run as root, as tests/run.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server >/dev/null
  else
    echo "error: the fault tests need Debian's rabbitmq-server (sudo apt-get install -y rabbitmq-server)" >&2
    exit 1
  fi
fi

output=$(mktemp)
trap 'rm -f "$output"' EXIT
dotnet build tests/Malaysia.Ops.Integration.Tests -nologo -v:quiet >/dev/null
status=0
dotnet test tests/Malaysia.Ops.Integration.Tests --no-build -nologo --filter "Category=Fault" \
  --logger "console;verbosity=detailed" >"$output" 2>&1 || status=$?

rows=$(grep -o 'reliability: .*' "$output" | sort -u || true)
if [ -z "$rows" ]; then
  tail -40 "$output" >&2
  echo "error: no fault test reported its figures" >&2
  exit 1
fi

printf '%-28s %9s %7s %10s %5s %11s %11s\n' fault injected raised accounted lost duplicated recovery_s
echo "$rows" | while read -r _ fields; do
  declare -A f=()
  for pair in $fields; do f[${pair%%=*}]=${pair#*=}; done
  printf '%-28s %9s %7s %10s %5s %11s %11s\n' "${f[fault]//_/ }" "${f[injected]}" "${f[raised]}" \
    "${f[accounted]}" "${f[lost]}" "${f[duplicated]}" "${f[recovery_s]}"
done
grep -E '^(Test Run (Successful|Failed)\.|Total tests:|[[:space:]]+(Passed|Failed):)' "$output" | tr -s ' ' | paste -sd' ' - || true
exit "$status"
