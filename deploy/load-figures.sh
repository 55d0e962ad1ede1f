#!/usr/bin/env bash
# Runs a synthetic load through the separate services on a fresh private RabbitMQ node
# (deploy/run-local.sh, Release build) and prints where the machine's CPU went per incident:
# each service's CPU time and the broker's (from /proc), the rest of the machine (other work on
# it), the broker's messages published and delivered per incident (its Prometheus counters), the
# same per message type and per queue (its detailed per-channel counters), each service's peak
# resident memory and the machine's load average (other work on it weighs on every figure). It
# stops the run once dispatch reports every load incident acknowledged, or after a time limit.
#
#   deploy/load-figures.sh [RATE] [SECONDS]        # default 2000 incidents/s for 60 s
#   OPS_FIGURES_FOLDER=/tmp/figures deploy/load-figures.sh 1000 30
#
# Any Messaging__* or Workload__* variable set in the environment reaches the services (for
# example Messaging__QuorumQueues=false). The node listens on 5699 (AMQP), 15699 (Prometheus)
# and, with OPS_RABBITMQ_MANAGEMENT=on, 15698 (management) unless OPS_RABBITMQ_PORT,
# OPS_RABBITMQ_PROMETHEUS_PORT and OPS_RABBITMQ_MANAGEMENT_PORT say otherwise. Linux only: it
# reads /proc.
set -euo pipefail
cd "$(dirname "$0")/.."

rate=${1:-2000}
seconds=${2:-60}
[[ $rate =~ ^[1-9][0-9]*$ ]] || { echo "error: RATE must be a whole number of incidents per second, not '$rate'" >&2; exit 2; }
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "error: SECONDS must be a whole number of seconds, not '$seconds'" >&2; exit 2; }
total=$((rate * seconds))
folder=${OPS_FIGURES_FOLDER:-${TMPDIR:-/tmp}/malaysia-ops-load-figures}
node=figures-$$
# Ports of its own by default, so a node of deploy/run-local.sh can keep running beside it.
export OPS_RABBITMQ_PORT=${OPS_RABBITMQ_PORT:-5699} OPS_RABBITMQ_MANAGEMENT_PORT=${OPS_RABBITMQ_MANAGEMENT_PORT:-15698}
prometheus_port=${OPS_RABBITMQ_PROMETHEUS_PORT:-15699}
# Only a folder this script made (or an empty one) is cleared for the new run.
if [ -n "$(ls -A "$folder" 2>/dev/null)" ] && [ ! -e "$folder/run-local.log" ]; then
  echo "error: $folder holds files this script did not write; choose another OPS_FIGURES_FOLDER" >&2
  exit 2
fi
rm -rf "$folder"
mkdir -p "$folder"

# A fresh node each time: quorum queues keep what an earlier, stopped run left in them.
OPS_RABBITMQ_NODE=$node OPS_RUN_FOLDER=$folder/run OPS_RABBITMQ_PROMETHEUS_PORT=$prometheus_port \
  Workload__Load__Rate=$rate Workload__Load__Seconds=$seconds SIMULATION_SPEED=${SIMULATION_SPEED:-60} \
  setsid deploy/run-local.sh >"$folder/run-local.log" 2>&1 &
run=$!

# run-local.sh stops the services and the node; the node's folder (its quorum logs can reach
# gigabytes) goes too, and so does a node left behind when run-local.sh ended before its own
# stop trap was set.
finish() {
  kill -TERM "$run" 2>/dev/null || true
  wait "$run" 2>/dev/null || true
  OPS_RABBITMQ_NODE=$node deploy/rabbitmq/local-node.sh stop --purge >/dev/null 2>&1 || true
}
trap finish EXIT

services=(Desk.UnitedStates Desk.Malaysia Dispatch Workload)
declare -A first_cpu=() last_cpu=() peak_rss=()
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
# This run's broker: the Erlang VM whose environment names this node.
broker_pid() {
  local pid
  for pid in $(pgrep -x beam.smp || true); do
    if grep -qzxE "RABBITMQ_NODENAME=$node(@.*)?" "/proc/$pid/environ" 2>/dev/null; then echo "$pid"; return; fi
  done
}
sample() {
  local name pid cpu rss
  for name in "${services[@]}" Broker; do
    if [ "$name" = Broker ]; then
      pid=$(broker_pid)
    else
      # Only this run's services: setsid made run-local.sh the leader of a session of its own.
      pid=$(pgrep -s "$run" -f "Malaysia.Ops.$name.Worker.dll" | head -1 || true)
    fi
    [ -n "$pid" ] || continue
    # A process that ends between the two reads is skipped this time round.
    cpu=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null) || continue
    rss=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null) || continue
    [ -n "$cpu" ] && [ -n "$rss" ] || continue
    last_cpu[$name]=$cpu
    if ((rss > ${peak_rss[$name]:-0})); then peak_rss[$name]=$rss; fi
  done
}

# The window starts when the load does (every service is running by then), so the services'
# start-up is left out; what compiling the load's code paths costs stays in, which weighs on a
# load of a few thousand incidents only.
# run-local.sh builds the solution first, which on a busy machine takes minutes: the start has a
# time limit of its own, and the load's starts when the load does.
deadline=$((SECONDS + ${OPS_FIGURES_STARTUP_SECONDS:-1200}))
while true; do
  sample
  if [ ${#last_cpu[@]} = $((${#services[@]} + 1)) ] && grep -q "Synthetic load:" "$folder/run/Malaysia.Ops.Workload.Worker.log" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$run" 2>/dev/null || ((SECONDS >= deadline)); then
    echo "error: the services did not all start (OPS_FIGURES_STARTUP_SECONDS: ${OPS_FIGURES_STARTUP_SECONDS:-1200}); from $folder/run-local.log:" >&2
    tail -n 5 "$folder/run-local.log" >&2
    exit 1
  fi
  sleep 1
done
for name in "${services[@]}" Broker; do first_cpu[$name]=${last_cpu[$name]}; done
first_busy=$(busy)
started=$SECONDS
deadline=$((SECONDS + seconds * 5 + 180))

log=$folder/run/Malaysia.Ops.Dispatch.Worker.log
acknowledged=0
status=0
while ((acknowledged < total)); do
  ((SECONDS < deadline)) || { echo "error: not every load incident was acknowledged in time; see $log" >&2; status=1; break; }
  sleep 2
  sample
  acknowledged=$({ grep "Load through dispatch" "$log" 2>/dev/null || true; } | tail -1 | sed -n 's/.* \([0-9]*\) acknowledged.*/\1/p')
  acknowledged=${acknowledged:-0}
done
last_busy=$(busy)
wall=$((SECONDS - started > 0 ? SECONDS - started : 1))
counters=$(curl -fsS "http://127.0.0.1:$prometheus_port/metrics" 2>/dev/null) || { echo "error: the broker's counters could not be read on port $prometheus_port" >&2; status=1; }
counter() { echo "$counters" | awk -v name="$1" '$1 ~ "^"name"[{]" {sum += $2} END {printf "%d", sum}'; }
published=$(counter rabbitmq_global_messages_received_total)
delivered=$(counter rabbitmq_global_messages_delivered_total)
# Per message type (MassTransit names an exchange after each) and per queue: the broker's
# per-channel counters, which need no management plugin. Counted from the node's start, so the
# few messages of the services' start-up are in.
detailed=$(curl -fsS "http://127.0.0.1:$prometheus_port/metrics/detailed?family=channel_exchange_metrics&family=channel_queue_exchange_metrics&family=channel_queue_metrics" 2>/dev/null) || detailed=
hz=$(getconf CLK_TCK)
load_average=$(cut -d' ' -f1-3 /proc/loadavg)

echo "$total load incidents ($rate/s for $seconds s): $acknowledged acknowledged ${wall} s after the load began"
{
  for name in "${services[@]}" Broker; do
    echo "$name $((last_cpu[$name] - first_cpu[$name])) ${peak_rss[$name]}"
  done
} | awk -v hz="$hz" -v total="$total" -v machine=$((last_busy - first_busy)) -v wall="$wall" -v published="$published" -v delivered="$delivered" '
  BEGIN { printf "%-22s %10s %16s %12s\n", "process", "CPU s", "CPU us/incident", "peak RSS MB" }
  { ours += $2; printf "%-22s %10.1f %16.0f %12d\n", $1, $2 / hz, $2 / hz * 1e6 / total, $3 / 1024 }
  END {
    printf "%-22s %10.1f %16.0f\n", "all of the above", ours / hz, ours / hz * 1e6 / total
    rest = machine - ours
    printf "%-22s %10.1f %16.0f\n", "rest of the machine", rest / hz, rest / hz * 1e6 / total
    printf "machine busy %.2f cores on average; broker: %.2f messages published and %.2f delivered per incident\n", machine / hz / wall, published / total, delivered / total
  }'
echo "load average at the end (1, 5, 15 min): $load_average"
if [ -n "$detailed" ]; then
  # rabbitmq_detailed_channel_messages_published_total{...exchange="X"} is what publishers sent
  # to X; rabbitmq_detailed_queue_messages_published_total{...queue="Q",exchange="X"} what X
  # routed to Q; rabbitmq_detailed_channel_messages_delivered*_total{...queue="Q"} what Q delivered.
  echo "$detailed" | awk -v total="$total" '
    function label(line, name,   m) { if (match(line, name "=\"[^\"]*\"")) { m = substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3); return m } return "" }
    /^rabbitmq_detailed_channel_messages_published_total[{]/ { x = label($0, "exchange"); sub(/^Malaysia\.Ops\.Contracts:/, "", x); published[x == "" ? "(default)" : x] += $NF }
    /^rabbitmq_detailed_queue_messages_published_total[{]/ { x = label($0, "exchange"); sub(/^Malaysia\.Ops\.Contracts:/, "", x); routed[x == "" ? "(default)" : x] += $NF }
    /^rabbitmq_detailed_channel_messages_delivered(_ack)?_total[{]/ || /^rabbitmq_detailed_channel_get(_ack)?_total[{]/ { delivered[label($0, "queue")] += $NF }
    END {
      printf "%-34s %14s %14s\n", "message type (exchange)", "published/inc", "routed/inc"
      for (x in published) printf "%-34s %14.3f %14.3f\n", x, published[x] / total, routed[x] / total
      printf "%-34s %14s\n", "queue", "delivered/inc"
      for (q in delivered) if (delivered[q] > 0) printf "%-34s %14.3f\n", q, delivered[q] / total
    }'
else
  echo "the broker's per-type counters could not be read (GET /metrics/detailed on port $prometheus_port)"
fi
exit "$status"
