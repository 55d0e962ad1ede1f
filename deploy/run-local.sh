#!/usr/bin/env bash
# Runs the operation as separate processes on a private local RabbitMQ node: the node (via
# deploy/rabbitmq/local-node.sh), then the two desks, dispatch and the workload, each its own
# process with its own log under $OPS_RUN_FOLDER. Each service connects as its own broker user
# (deploy/rabbitmq/definitions.json), with the password local-node.sh keeps for it in the node's
# credentials file (mode 0600). Ctrl+C stops the services (SIGTERM) and the node.
#
#   deploy/run-local.sh                 # a day a minute, ledger in $OPS_RUN_FOLDER/ledger.json
#   OPS_RUN_ID=run-20261204T101500Z deploy/run-local.sh   # resume that run where dispatch left it
#   SIMULATION_SPEED=8640 deploy/run-local.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
node_script="$root/deploy/rabbitmq/local-node.sh"
run_folder=${OPS_RUN_FOLDER:-${TMPDIR:-/tmp}/malaysia-ops-run}
vhost=${OPS_VHOST:-malaysia-ops}
mkdir -p "$run_folder"

export OPS_RABBITMQ_NODE=${OPS_RABBITMQ_NODE:-malaysia-ops}
export OPS_RABBITMQ_PORT=${OPS_RABBITMQ_PORT:-5672}
"$node_script" start
"$node_script" grant-services "$vhost"
credentials_file=$("$node_script" credentials-file)
[[ -r $credentials_file ]] || { echo "run-local.sh: error: no broker credentials at $credentials_file" >&2; exit 1; }

dotnet build "$root/Malaysia.Ops.sln" -nologo -v:quiet -c Release

export Messaging__Transport=RabbitMq
export RabbitMq__Host=127.0.0.1
export RabbitMq__Port=$OPS_RABBITMQ_PORT
export RabbitMq__VirtualHost=$vhost
export Simulation__Speed=${SIMULATION_SPEED:-1440}
export Simulation__Seed=${SIMULATION_SEED:-42}
export Simulation__Epoch=${SIMULATION_EPOCH:-2026-07-13T00:00:00Z}
# Each launch is a run of its own; OPS_RUN_ID=<an earlier run> resumes that run from dispatch's
# ledger store.
export Simulation__RunId=${OPS_RUN_ID:-run-$(date -u +%Y%m%dT%H%M%SZ)}
export Dispatch__LedgerStorePath=$run_folder/dispatch-ledger-{RunId}.db
export Dispatch__LedgerSnapshotPath=$run_folder/ledger.json

# The password of broker user $1, read as a KEY=VALUE line (the file is never sourced).
broker_password() {
  local variable=OPS_BROKER_PASSWORD_${1^^} key value
  variable=${variable//-/_}
  while IFS='=' read -r key value; do
    if [[ $key == "$variable" ]]; then printf '%s' "$value"; return 0; fi
  done <"$credentials_file"
  echo "run-local.sh: error: $credentials_file has no $variable" >&2
  return 1
}

pids=()
start() { # project broker-user
  local dll="$root/services/$1/bin/Release/net10.0/$1.dll" password
  password=$(broker_password "$2")
  # Only the child gets the user and password; they never appear on a command line.
  (cd "$(dirname "$dll")" && RabbitMq__Username=$2 RabbitMq__Password=$password exec dotnet "$dll") >"$run_folder/$1.log" 2>&1 &
  pids+=($!)
  echo "started $1 (pid $!), log $run_folder/$1.log"
}
stop_all() {
  trap - INT TERM EXIT
  echo "stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$node_script" stop
}
trap stop_all INT TERM EXIT

# Desks first (their queues must exist before dispatch routes work), then dispatch, which owns
# and announces the simulated clock, then the workload.
start Malaysia.Ops.Desk.UnitedStates.Worker desk-us
start Malaysia.Ops.Desk.Malaysia.Worker desk-my
sleep 3
start Malaysia.Ops.Dispatch.Worker dispatch
sleep 2
start Malaysia.Ops.Workload.Worker workload
echo "running run $Simulation__RunId (resume it with OPS_RUN_ID=$Simulation__RunId); ledger snapshot in $Dispatch__LedgerSnapshotPath; Ctrl+C to stop"
# In the background and waited for: bash runs its trap only between commands, and a wait is
# cut short by a signal, so `kill <this script>` stops the run as Ctrl+C does.
tail -n +1 -f "$run_folder/Malaysia.Ops.Dispatch.Worker.log" &
pids+=($!)
wait $!
