#!/usr/bin/env bash
# Malaysia.Ops: start and stop a local 3-node RabbitMQ cluster without Docker.
#
# Each node is a private node started by local-node.sh (own name, ports and
# data under one base folder); this script only picks the names and ports,
# starts the nodes and joins nodes 2 and 3 to node 1.
#
# Why a cluster: quorum queues need one. In the reliability work the services'
# queues become quorum queues (x-queue-type=quorum), replicated with Raft over
# the three nodes; such a queue keeps working (accepts and delivers messages)
# when one of the three nodes is lost, because two of three is still a
# majority. `stop-node N` / `start-node N` are there to test exactly that.
#
# Run with no arguments for the usage text.
set -euo pipefail

PROG=${0##*/}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOCAL_NODE=$HERE/local-node.sh
RMQ_BIN=/usr/lib/rabbitmq/bin
NODE_COUNT=3

usage() {
    cat <<EOF
Usage: $PROG COMMAND [ARGS...]

Start and stop a local 3-node RabbitMQ cluster (no Docker) for Malaysia.Ops,
made of three private nodes started with local-node.sh. Quorum queues need it.

Commands:
  start                Start node 1, then nodes 2 and 3, join them to node 1
                       and check that the cluster has 3 running nodes. Prints
                       the AMQP URLs, comma separated, on the last line. Does
                       nothing more if the cluster is already up. If anything
                       fails, the nodes this command started are stopped again.
  stop [--purge]       Stop all three nodes; --purge also deletes their data
                       and logs (the whole OPS_CLUSTER_BASE folder).
  status               Print each node's state and the cluster members; exit 0
                       if all three nodes run in the cluster, 3 otherwise.
  stop-node N          Stop node N (1-3) only, e.g. to test losing a node.
  start-node N         Start node N again; it rejoins the cluster by itself
                       (its data remembers the cluster).
  add-vhost NAME USER  Create vhost NAME on the cluster and grant USER full
                       permissions.
  add-user NAME, add-admin NAME, grant-services [VHOST]
                       As local-node.sh does on one node (users and vhosts
                       are cluster-wide); the nodes have no guest user. The
                       passwords (OPS_BROKER_PASSWORD_<USER> if set, else
                       kept or made) go to one credentials file for the cluster.
  credentials-file     Print the path of that credentials file.
  urls                 Print the AMQP URLs, comma separated.
  ctl N ARGS...        Run rabbitmqctl against node N, e.g. \`ctl 2 list_queues -p
                       malaysia-ops name type messages consumers\`.
  help, --help, -h     Show this text.

Settings (environment variables, with defaults):
  OPS_CLUSTER_NAME       cluster name; node i is NAME-i@localhost
                         (default malaysia-ops-cluster)
  OPS_CLUSTER_BASE_PORT  node i (1-3) listens on AMQP BASE+i, management
                         BASE+100+i, Prometheus BASE+200+i and Erlang
                         distribution BASE+20000+i (default 5700)
  OPS_CLUSTER_BASE       folder holding one folder per node
                         (default \${TMPDIR:-/tmp}/malaysia-ops-cluster)
  OPS_RABBITMQ_START_TIMEOUT, OPS_RABBITMQ_STOP_TIMEOUT, OPS_RABBITMQ_BIND,
  OPS_RABBITMQ_MANAGEMENT
                         passed on to every node (see local-node.sh --help);
                         the other OPS_RABBITMQ_* variables are ignored.

Examples:
  $PROG start            # ... amqp://127.0.0.1:5701,amqp://127.0.0.1:5702,amqp://127.0.0.1:5703
  $PROG stop-node 2 && $PROG status; $PROG start-node 2
  $PROG stop --purge
EOF
}

die() {
    echo "$PROG: error: $*" >&2
    exit 1
}

case ${1:-} in
    help | --help | -h) usage; exit 0 ;;
    '') usage; exit 2 ;;
esac

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

CLUSTER_NAME=${OPS_CLUSTER_NAME:-malaysia-ops-cluster}
BASE_PORT=${OPS_CLUSTER_BASE_PORT:-5700}
CLUSTER_BASE=${OPS_CLUSTER_BASE:-${TMPDIR:-/tmp}/malaysia-ops-cluster}
BIND=${OPS_RABBITMQ_BIND:-127.0.0.1}
MANAGEMENT=${OPS_RABBITMQ_MANAGEMENT:-off}  # local-node.sh checks it
STOP_TIMEOUT=${OPS_RABBITMQ_STOP_TIMEOUT:-60}

[[ $CLUSTER_NAME =~ ^[A-Za-z0-9_-]+$ ]] \
    || die "OPS_CLUSTER_NAME='$CLUSTER_NAME' is not a valid name (use letters, digits, '-', '_')"
[[ $BASE_PORT =~ ^[0-9]{1,5}$ ]] || die "OPS_CLUSTER_BASE_PORT='$BASE_PORT' is not a number"
BASE_PORT=$((10#$BASE_PORT))
# The highest port is the distribution port of node 3.
((BASE_PORT + 20000 + NODE_COUNT <= 65535)) \
    || die "OPS_CLUSTER_BASE_PORT=$BASE_PORT is too high: node $NODE_COUNT's distribution port would be $((BASE_PORT + 20000 + NODE_COUNT)) (> 65535); use at most $((65535 - 20000 - NODE_COUNT))"
[[ $CLUSTER_BASE != *[[:space:]]* ]] || die "OPS_CLUSTER_BASE='$CLUSTER_BASE' must not contain whitespace"
[[ $CLUSTER_BASE == /* ]] || CLUSTER_BASE=$PWD/$CLUSTER_BASE
CLUSTER_BASE=${CLUSTER_BASE%/}
[[ -n $CLUSTER_BASE ]] || die "OPS_CLUSTER_BASE must not be /"
[[ $STOP_TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "OPS_RABBITMQ_STOP_TIMEOUT='$STOP_TIMEOUT' is not a positive number of seconds"

node_short() { echo "$CLUSTER_NAME-$1"; }
node_name() { echo "$CLUSTER_NAME-$1@localhost"; }
amqp_port() { echo $((BASE_PORT + $1)); }
mgmt_port() { echo $((BASE_PORT + 100 + $1)); }
prom_port() { echo $((BASE_PORT + 200 + $1)); }
dist_port() { echo $((BASE_PORT + 20000 + $1)); }
node_base() { echo "$CLUSTER_BASE/$(node_short "$1")"; }

# All twelve ports must be valid and distinct, and none may be epmd's.
check_ports() {
    local -A seen=()
    local i kind p
    for ((i = 1; i <= NODE_COUNT; i++)); do
        for kind in amqp mgmt prom dist; do
            p=$("${kind}_port" "$i")
            ((p >= 1 && p <= 65535)) || die "OPS_CLUSTER_BASE_PORT=$BASE_PORT gives node $i an invalid $kind port $p"
            ((p != 4369)) || die "OPS_CLUSTER_BASE_PORT=$BASE_PORT gives node $i $kind port 4369, which is epmd's; choose another base port"
            [[ -z ${seen[$p]:-} ]] || die "OPS_CLUSTER_BASE_PORT=$BASE_PORT gives port $p twice (${seen[$p]} and node $i $kind)"
            seen[$p]="node $i $kind"
        done
    done
}
check_ports

case $BIND in
    0.0.0.0 | :: | '[::]') URL_HOST=127.0.0.1 ;;
    *:*) URL_HOST="[${BIND#[}" URL_HOST="${URL_HOST%]}]" ;;
    *) URL_HOST=$BIND ;;
esac

urls() {
    local i out=()
    for ((i = 1; i <= NODE_COUNT; i++)); do out+=("amqp://$URL_HOST:$(amqp_port "$i")"); done
    (IFS=,; echo "${out[*]}")
}

# Only these OPS_RABBITMQ_* settings reach the nodes; node name, ports and
# folder come from the cluster settings.
while IFS= read -r var; do
    case $var in
        OPS_RABBITMQ_START_TIMEOUT | OPS_RABBITMQ_STOP_TIMEOUT | OPS_RABBITMQ_BIND | OPS_RABBITMQ_MANAGEMENT) ;;
        *) unset "$var" ;;
    esac
done < <(compgen -e | grep '^OPS_RABBITMQ_' || true)

[[ -x $LOCAL_NODE ]] || die "$LOCAL_NODE is missing or not executable"

MARKER=$CLUSTER_BASE/.malaysia-ops-cluster
START_LOG=$CLUSTER_BASE/start.log
# One file for all nodes: users are cluster-wide, and any node may be the one that makes them.
CREDENTIALS_FILE=$CLUSTER_BASE/credentials.env

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# local-node.sh for node $1. The cluster lock (fd 8) is closed so a node
# process never inherits and holds it.
node_env() {
    local i=$1
    echo "OPS_RABBITMQ_NODE=$(node_short "$i")" "OPS_RABBITMQ_PORT=$(amqp_port "$i")" \
        "OPS_RABBITMQ_DIST_PORT=$(dist_port "$i")" "OPS_RABBITMQ_MANAGEMENT_PORT=$(mgmt_port "$i")" \
        "OPS_RABBITMQ_PROMETHEUS_PORT=$(prom_port "$i")" "OPS_RABBITMQ_BASE=$(node_base "$i")" \
        "OPS_RABBITMQ_CREDENTIALS_FILE=$CREDENTIALS_FILE"
}
node() {
    local i=$1
    shift
    # shellcheck disable=SC2046  # node_env yields words without spaces
    env $(node_env "$i") "$LOCAL_NODE" "$@" 8>&-
}
# rabbitmqctl against node $2 with a timeout of $1 seconds.
ctl() {
    local t=$1 i=$2
    shift 2
    # shellcheck disable=SC2046
    timeout "$t" env $(node_env "$i") "$LOCAL_NODE" ctl "$@" 8>&-
}

node_running() { node "$1" status >/dev/null 2>&1; }

check_node_arg() {
    if ! [[ ${1:-} =~ ^[1-9][0-9]*$ ]] || (($1 > NODE_COUNT)); then
        die "node number must be 1-$NODE_COUNT, not '${1:-}'"
    fi
}

# Serialises commands on this cluster (two `start`s would race on the joins).
take_lock() {
    mkdir -p "$CLUSTER_BASE"
    echo "$CLUSTER_NAME" >"$MARKER"
    exec 8>>"$CLUSTER_BASE/.lock"
    flock -w 600 8 || die "timed out waiting for another $PROG command on $CLUSTER_BASE to finish"
}

# Running cluster members as seen by node $1, one per line (empty if it does not answer).
running_members() {
    local json
    json=$(ctl 60 "$1" -q cluster_status --formatter json 2>/dev/null) || return 0
    jq -r '.running_nodes[]?' <<<"$json" 2>/dev/null | sort || true
}

# All members (running or not) as seen by node $1.
all_members() {
    local json
    json=$(ctl 60 "$1" -q cluster_status --formatter json 2>/dev/null) || return 0
    jq -r '(.disk_nodes // []) + (.ram_nodes // []) | .[]' <<<"$json" 2>/dev/null || true
}

count_lines() { grep -c . <<<"$1" || true; }
oneline() { paste -sd' ' <<<"$1"; }

# First node that answers, for commands that act on the whole cluster.
first_running_node() {
    local i
    for ((i = 1; i <= NODE_COUNT; i++)); do
        if node_running "$i"; then echo "$i"; return 0; fi
    done
    return 1
}

# Waits until node $1 sees $2 running members; prints them. Returns 1 on timeout.
await_members() {
    local i=$1 want=$2 seconds=${3:-60} members deadline
    deadline=$((SECONDS + seconds))
    while :; do
        members=$(running_members "$i")
        if (($(count_lines "$members") >= want)); then
            echo "$members"
            return 0
        fi
        ((SECONDS < deadline)) || { echo "$members"; return 1; }
        sleep 1
    done
}

# The one line of local-node.sh output that says what went wrong.
error_line() {
    local line
    line=$(grep -m1 -e ': error: ' "$1" | sed "s/^local-node.sh: error: //" || true)
    [[ -n $line ]] || line=$(grep -v '^[[:space:]]*$' "$1" | tail -n 1 || true)
    echo "$line"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

STARTED=()      # nodes this `start` started, stopped again if it fails
START_PIDS=()   # local-node.sh start processes still running
start_cleanup() {
    local rc=$? pid i
    trap - EXIT INT TERM HUP
    ((rc != 0)) || return 0
    for pid in "${START_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${START_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for i in "${STARTED[@]}"; do
        echo "$PROG: stopping node $i ($(node_name "$i")), which this start started" >&2
        node "$i" stop >>"$START_LOG" 2>&1 || echo "$PROG: warning: could not stop node $i; see $START_LOG" >&2
    done
    exit "$rc"
}

# Starts the given nodes in parallel (local-node.sh waits for each to be ready).
start_nodes() {
    local i pid rc=0 failed=() outs=()
    START_PIDS=()
    for i in "$@"; do
        STARTED+=("$i")
        outs[i]=$(mktemp "$CLUSTER_BASE/.start-$i.XXXXXX")
        node "$i" start >"${outs[i]}" 2>&1 &
        START_PIDS+=($!)
    done
    local n=0
    for i in "$@"; do
        pid=${START_PIDS[n]}
        n=$((n + 1))
        if ! wait "$pid"; then
            rc=1
            failed+=("$i")
        fi
    done
    START_PIDS=()
    for i in "$@"; do
        { echo "--- node $i start"; cat "${outs[i]}"; } >>"$START_LOG"
    done
    if ((rc != 0)); then
        i=${failed[0]}
        local why
        why=$(error_line "${outs[i]}")
        rm -f "${outs[@]}"
        die "node $i ($(node_name "$i")) did not start: ${why:-see $START_LOG}"
    fi
    rm -f "${outs[@]}"
}

# Joins node $1 to node 1 unless it already is a member of node 1's cluster.
join_node() {
    local i=$1 n1 out
    n1=$(node_name 1)
    if all_members 1 | grep -qxF "$(node_name "$i")"; then
        return 0
    fi
    echo "joining node $i ($(node_name "$i")) to $n1 ..."
    local step
    for step in "stop_app" "join_cluster $n1" "start_app"; do
        # shellcheck disable=SC2086  # step is split into the command and its argument on purpose
        if ! out=$(ctl 120 "$i" -q $step 2>&1); then
            echo "--- node $i $step failed: $out" >>"$START_LOG"
            out=$(grep -v -e '^Error:' -e '^[[:space:]]*$' <<<"$out" | head -n 1 || true)
            die "node $i: rabbitmqctl $step failed${out:+: $out}"
        fi
    done
}

cmd_start() {
    (($# == 0)) || die "start takes no arguments"
    [[ -x $RMQ_BIN/rabbitmqctl ]] || [[ $EUID -eq 0 ]] \
        || die "RabbitMQ is not installed ($RMQ_BIN/rabbitmqctl is missing); run: sudo apt-get install -y rabbitmq-server"
    take_lock
    : >"$START_LOG"
    trap start_cleanup EXIT
    trap 'echo "$PROG: start interrupted" >&2; exit 130' INT
    trap 'echo "$PROG: start interrupted" >&2; exit 143' TERM HUP
    local t0=$SECONDS i down=()

    for ((i = 1; i <= NODE_COUNT; i++)); do
        node_running "$i" || down+=("$i")
    done

    # A port clash fails here, before any node is started.
    local kind p owner kinds=(amqp prom dist)
    if [[ $MANAGEMENT == on ]]; then kinds+=(mgmt); fi
    for i in "${down[@]}"; do
        for kind in "${kinds[@]}"; do
            p=$("${kind}_port" "$i")
            owner=$(ss -Hltnp "sport = :$p" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -n 1 || true)
            owner=$(sed -E 's/^users:\(\("([^"]*)",pid=([0-9]+)/\1 (pid \2)/' <<<"$owner")
            if [[ -n $owner ]] || [[ -n $(ss -Hltn "sport = :$p" 2>/dev/null) ]]; then
                die "port $p (node $i $kind) is already in use${owner:+ by $owner}; choose another OPS_CLUSTER_BASE_PORT"
            fi
        done
    done

    if ((${#down[@]} > 0)); then
        # Nodes that were clustered before wait at boot for the nodes they last
        # saw running (mnesia), so any node that has data starts together
        # with the others; a fresh node 1 starts first, then the rest.
        if [[ " ${down[*]} " == *" 1 "* && ! -d $(node_base 1)/mnesia ]]; then
            echo "starting node 1 ($(node_name 1)) ..."
            start_nodes 1
            down=("${down[@]:1}")
        fi
        if ((${#down[@]} > 0)); then
            echo "starting node(s) ${down[*]} ..."
            start_nodes "${down[@]}"
        fi
    fi

    for ((i = 2; i <= NODE_COUNT; i++)); do join_node "$i"; done

    local members
    members=$(await_members 1 "$NODE_COUNT" 60) \
        || die "cluster_status on node 1 shows $(count_lines "$members") of $NODE_COUNT running nodes after 60s: $(oneline "$members")"
    ctl 60 1 -q set_cluster_name "$CLUSTER_NAME" >/dev/null 2>&1 \
        || die "could not set the cluster name to $CLUSTER_NAME"
    STARTED=()
    trap - EXIT INT TERM HUP
    echo "cluster $CLUSTER_NAME ready with $NODE_COUNT running nodes ($(oneline "$members")) in $((SECONDS - t0))s"
    if [[ $MANAGEMENT == on ]]; then
        echo "management: http://$URL_HOST:$(mgmt_port 1)/ (and $(mgmt_port 2), $(mgmt_port 3))"
    fi
    urls
}

cmd_stop() {
    local purge=0 arg i rc=0
    for arg in "$@"; do
        case $arg in
            --purge) purge=1 ;;
            *) die "stop: unknown argument '$arg' (only --purge is accepted)" ;;
        esac
    done
    [[ -d $CLUSTER_BASE ]] && take_lock
    # Node 1 last: it is the one `start` starts first.
    for ((i = NODE_COUNT; i >= 1; i--)); do
        node "$i" stop || rc=1
    done
    ((rc == 0)) || die "could not stop every node; nothing purged"
    if ((purge)) && [[ -d $CLUSTER_BASE ]]; then
        [[ -f $MARKER ]] || die "refusing to purge $CLUSTER_BASE: it has no $MARKER, so it was not created by $PROG"
        for ((i = 1; i <= NODE_COUNT; i++)); do
            if [[ -d $(node_base "$i") ]]; then node "$i" stop --purge >/dev/null; fi
        done
        rm -f -- "$MARKER" "$START_LOG" "$CLUSTER_BASE"/.start-* "$CLUSTER_BASE/.lock" \
            "$CREDENTIALS_FILE" "$CREDENTIALS_FILE.lock"
        rmdir -- "$CLUSTER_BASE" 2>/dev/null \
            || die "purged the nodes but $CLUSTER_BASE still holds other files; left it in place"
        echo "purged $CLUSTER_BASE"
    fi
}

cmd_status() {
    (($# == 0)) || die "status takes no arguments"
    local i up=() first management
    for ((i = 1; i <= NODE_COUNT; i++)); do
        if node_running "$i"; then
            up+=("$i")
            management=""
            if [[ $MANAGEMENT == on ]]; then management=", management http://$URL_HOST:$(mgmt_port "$i")"; fi
            echo "node $i $(node_name "$i"): running (amqp://$URL_HOST:$(amqp_port "$i")$management)"
        else
            echo "node $i $(node_name "$i"): not running"
        fi
    done
    if ((${#up[@]} == 0)); then
        echo "cluster $CLUSTER_NAME: no node running"
        return 3
    fi
    first=${up[0]}
    local running all name
    running=$(running_members "$first")
    all=$(all_members "$first")
    name=$(ctl 60 "$first" -q cluster_status --formatter json 2>/dev/null \
        | jq -r '.cluster_name // empty' 2>/dev/null || true)
    echo "cluster ${name:-?} (seen from node $first): $(count_lines "$running") of $(count_lines "$all") member(s) running"
    echo "  members: $(oneline "$all")"
    echo "  running: $(oneline "$running")"
    for ((i = 1; i <= NODE_COUNT; i++)); do
        grep -qxF "$(node_name "$i")" <<<"$running" || return 3
    done
    return 0
}

cmd_stop_node() {
    (($# == 1)) || die "usage: $PROG stop-node N"
    check_node_arg "$1"
    take_lock
    local t0=$SECONDS
    node "$1" stop
    echo "node $1 stopped in $((SECONDS - t0))s"
}

cmd_start_node() {
    (($# == 1)) || die "usage: $PROG start-node N"
    check_node_arg "$1"
    local i=$1 t0=$SECONDS out members
    take_lock
    [[ -d $(node_base "$i")/mnesia ]] \
        || die "node $i has no data, so it is no cluster member; use: $PROG start"
    out=$(node "$i" start 2>&1) || { echo "$out" >>"$START_LOG"; die "node $i did not start: $(error_line <(echo "$out"))"; }
    echo "$out"
    members=$(all_members "$i")
    (($(count_lines "$members") > 1)) || die "node $i started but is not clustered; run: $PROG start"
    members=$(await_members "$i" 2 30) \
        || die "node $i started but sees no other running cluster member: $(oneline "$members")"
    echo "node $i rejoined in $((SECONDS - t0))s; running: $(oneline "$members")"
}

# add-vhost, add-user, add-admin and grant-services ($1): vhosts, users and permissions are
# cluster-wide, so one node is enough.
cmd_on_cluster() {
    local i
    i=$(first_running_node) || die "no cluster node is running (start it with: $PROG start)"
    node "$i" "$@"
}

cmd=$1
shift
case $cmd in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    stop-node) cmd_stop_node "$@" ;;
    start-node) cmd_start_node "$@" ;;
    add-vhost | add-user | add-admin | grant-services) cmd_on_cluster "$cmd" "$@" ;;
    credentials-file) (($# == 0)) || die "credentials-file takes no arguments"; echo "$CREDENTIALS_FILE" ;;
    urls) (($# == 0)) || die "urls takes no arguments"; urls ;;
    ctl)
        check_node_arg "${1:-}"
        i=$1
        shift
        ctl 60 "$i" "$@"
        ;;
    *)
        echo "$PROG: error: unknown command '$cmd'" >&2
        usage >&2
        exit 2
        ;;
esac
