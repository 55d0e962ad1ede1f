#!/usr/bin/env bash
# Malaysia.Ops: start and stop a private local RabbitMQ node without Docker.
#
# Each node gets its own name, ports, data, logs, config and plugin list, all
# kept under one base folder, so it never touches the system RabbitMQ node
# (/etc/rabbitmq, /var/lib/rabbitmq) and several nodes (for example one per
# test run) can run side by side. Run with no arguments for the usage text.
set -euo pipefail

PROG=${0##*/}

# Debian's /usr/sbin wrappers `su` to the rabbitmq user when run as root, which
# would use that user's Erlang cookie and the system paths. The scripts under
# /usr/lib/rabbitmq/bin run as the caller and honour the RABBITMQ_* variables.
RMQ_BIN=/usr/lib/rabbitmq/bin

usage() {
    cat <<EOF
Usage: $PROG COMMAND [ARGS...]

Start and stop a private local RabbitMQ node (no Docker) for Malaysia.Ops.
The node has its own name, ports, data, logs, config and plugin list under
one base folder and never touches the system RabbitMQ node. It has no guest
user (nor any other user until one is added below): rabbitmqctl, which this
script uses, needs none. The management plugin runs only when asked for.

Commands:
  start                    Start the node in the background and wait until it is
                           ready (at most OPS_RABBITMQ_START_TIMEOUT seconds; on
                           timeout print the end of its log, clean up, exit 1).
                           Does nothing (exit 0) if the node is already running.
                           Installs rabbitmq-server with apt-get if missing (root).
  run                      Run the node in the foreground (for a supervisor that
                           stops it with SIGTERM, such as the Aspire AppHost).
  stop [--purge]           Stop the node (rabbitmqctl stop; kill its processes if
                           it does not stop within OPS_RABBITMQ_STOP_TIMEOUT s).
                           Exit 0 if it was not running. --purge also deletes
                           the base folder (all data and logs of this node).
  status                   Exit 0 if the node is running, 3 if not.
  ctl ARGS...              Run rabbitmqctl against this node, e.g. \`ctl list_vhosts\`.
  add-vhost NAME USER      Create vhost NAME (if missing) and grant USER
                           configure/write/read permissions on it.
  delete-vhost NAME        Delete vhost NAME (exit 0 if it does not exist).
  grant-services [VHOST]   Create vhost VHOST (default malaysia-ops), one user per
                           service and each user's permissions on it, as declared
                           in deploy/rabbitmq/definitions.json (imported with
                           rabbitmqctl). Passwords: OPS_BROKER_PASSWORD_<USER> if
                           set, else the ones kept in the node's credentials file,
                           else new random ones, written to that file (mode 0600).
  add-user NAME            Create user NAME (or reset its tags) with no tags and
                           no permissions (grant some with add-vhost). Its
                           password is found or made, and kept, as for
                           grant-services. NAME: lower-case letters, digits, '-'.
  add-admin NAME           As add-user, with the administrator tag: a login for
                           the management UI and HTTP API (OPS_RABBITMQ_MANAGEMENT).
  credentials-file         Print the path of the credentials file (lines
                           OPS_BROKER_PASSWORD_<USER>=..., for the services and
                           the users of add-user and add-admin).
  env                      Print the RABBITMQ_*/ERL_* variables the node uses.
  help, --help, -h         Show this text.

Settings (environment variables, with defaults):
  OPS_RABBITMQ_NODE              node short name; the node is NAME@localhost
                                 (default malaysia-ops)
  OPS_RABBITMQ_PORT              AMQP port (default 5672)
  OPS_RABBITMQ_DIST_PORT         Erlang distribution port (default AMQP port + 20000)
  OPS_RABBITMQ_MANAGEMENT        on: enable the management plugin (UI and HTTP
                                 API); off: do not (default off)
  OPS_RABBITMQ_MANAGEMENT_PORT   management UI/API port, used when it is on
                                 (default 15672)
  OPS_RABBITMQ_PROMETHEUS_PORT   Prometheus metrics port (default 15692)
  OPS_RABBITMQ_BIND              address the AMQP, management and Prometheus
                                 listeners bind to (default 127.0.0.1)
  OPS_RABBITMQ_BASE              folder for all of the node's files (default
                                 \${TMPDIR:-/tmp}/malaysia-ops-rabbitmq/NAME)
  OPS_RABBITMQ_CREDENTIALS_FILE  the credentials file (default
                                 BASE/service-credentials.env)
  OPS_RABBITMQ_START_TIMEOUT     seconds to wait for start (default 90)
  OPS_RABBITMQ_STOP_TIMEOUT      seconds to wait for stop before killing (default 60)

Every node must have its own name and its own ports (the management port only
when the plugin is on). Inherited RABBITMQ_*
variables are ignored: the OPS_RABBITMQ_* settings above are the only input.

Examples:
  $PROG start && $PROG grant-services malaysia-ops
  $PROG add-user tester && $PROG add-vhost scratch tester
  OPS_RABBITMQ_MANAGEMENT=on $PROG start && $PROG add-admin ops-admin
  OPS_RABBITMQ_NODE=ops-test-1 OPS_RABBITMQ_PORT=35672 \\
    OPS_RABBITMQ_MANAGEMENT_PORT=35673 OPS_RABBITMQ_PROMETHEUS_PORT=35674 $PROG start
  $PROG stop --purge
EOF
}

die() {
    echo "$PROG: error: $*" >&2
    exit 1
}

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

# Help must work even when the settings below are invalid.
case ${1:-} in
    help | --help | -h) usage; exit 0 ;;
    '') usage; exit 2 ;;
esac

is_port() { [[ $1 =~ ^[0-9]+$ ]] && (( 10#$1 >= 1 && 10#$1 <= 65535 )); }

NODE_SHORT=${OPS_RABBITMQ_NODE:-malaysia-ops}
AMQP_PORT=${OPS_RABBITMQ_PORT:-5672}
MANAGEMENT=${OPS_RABBITMQ_MANAGEMENT:-off}
MGMT_PORT=${OPS_RABBITMQ_MANAGEMENT_PORT:-15672}
PROM_PORT=${OPS_RABBITMQ_PROMETHEUS_PORT:-15692}
BIND=${OPS_RABBITMQ_BIND:-127.0.0.1}
START_TIMEOUT=${OPS_RABBITMQ_START_TIMEOUT:-90}
STOP_TIMEOUT=${OPS_RABBITMQ_STOP_TIMEOUT:-60}
BASE=${OPS_RABBITMQ_BASE:-${TMPDIR:-/tmp}/malaysia-ops-rabbitmq/$NODE_SHORT}

validate_settings() {
    # The name ends up in file names and in an Erlang node name.
    [[ $NODE_SHORT =~ ^[A-Za-z0-9_-]+$ ]] \
        || die "OPS_RABBITMQ_NODE='$NODE_SHORT' is not a valid node name (use letters, digits, '-', '_')"
    is_port "$AMQP_PORT" || die "OPS_RABBITMQ_PORT='$AMQP_PORT' is not a port number (1-65535)"
    AMQP_PORT=$((10#$AMQP_PORT))
    DIST_PORT=${OPS_RABBITMQ_DIST_PORT:-$((AMQP_PORT + 20000))}
    if [[ -z ${OPS_RABBITMQ_DIST_PORT:-} ]] && ! is_port "$DIST_PORT"; then
        die "default distribution port $DIST_PORT (AMQP port + 20000) is out of range; set OPS_RABBITMQ_DIST_PORT"
    fi
    is_port "$DIST_PORT" || die "OPS_RABBITMQ_DIST_PORT='$DIST_PORT' is not a port number (1-65535)"
    [[ $MANAGEMENT == on || $MANAGEMENT == off ]] \
        || die "OPS_RABBITMQ_MANAGEMENT='$MANAGEMENT' is neither on nor off"
    is_port "$MGMT_PORT" || die "OPS_RABBITMQ_MANAGEMENT_PORT='$MGMT_PORT' is not a port number (1-65535)"
    is_port "$PROM_PORT" || die "OPS_RABBITMQ_PROMETHEUS_PORT='$PROM_PORT' is not a port number (1-65535)"
    DIST_PORT=$((10#$DIST_PORT)) MGMT_PORT=$((10#$MGMT_PORT)) PROM_PORT=$((10#$PROM_PORT))
    local -A seen=()
    local p ports=("$AMQP_PORT" "$DIST_PORT" "$PROM_PORT") listed="AMQP=$AMQP_PORT dist=$DIST_PORT prometheus=$PROM_PORT"
    # A management port nothing listens on may be anything.
    if [[ $MANAGEMENT == on ]]; then
        ports+=("$MGMT_PORT")
        listed+=" management=$MGMT_PORT"
    fi
    for p in "${ports[@]}"; do
        [[ -z ${seen[$p]:-} ]] || die "port $p is used twice ($listed); give each its own port"
        seen[$p]=1
    done
    [[ $START_TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "OPS_RABBITMQ_START_TIMEOUT='$START_TIMEOUT' is not a positive number of seconds"
    [[ $STOP_TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "OPS_RABBITMQ_STOP_TIMEOUT='$STOP_TIMEOUT' is not a positive number of seconds"
    [[ -n $BIND && $BIND != *[[:space:]]* ]] || die "OPS_RABBITMQ_BIND='$BIND' is not an address"
    # RabbitMQ's shell scripts split paths on whitespace.
    [[ $BASE != *[[:space:]]* ]] || die "OPS_RABBITMQ_BASE='$BASE' must not contain whitespace"
    # The node, the CLI and later invocations may run from other directories.
    [[ $BASE == /* ]] || BASE=$PWD/$BASE
    BASE=${BASE%/}
    [[ -n $BASE ]] || die "OPS_RABBITMQ_BASE must not be /"
}

validate_settings

NODE="$NODE_SHORT@localhost"
ETC_DIR=$BASE/etc
LOG_DIR=$BASE/log
RUN_DIR=$BASE/run
MNESIA_BASE=$BASE/mnesia
NODE_LOG=$LOG_DIR/$NODE.log
BOOT_DEFINITIONS=$ETC_DIR/boot-definitions.json  # imported at every boot; see write_node_files
CONSOLE_LOG=$LOG_DIR/console.log  # stdout/stderr of the node process: early boot errors land here
# The passwords of the users this script creates, mode 0600.
CREDENTIALS_FILE=${OPS_RABBITMQ_CREDENTIALS_FILE:-$BASE/service-credentials.env}
[[ $CREDENTIALS_FILE == /* && $CREDENTIALS_FILE != */ ]] \
    || die "OPS_RABBITMQ_CREDENTIALS_FILE='$CREDENTIALS_FILE' is not an absolute file path"
DEFINITIONS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/definitions.json
RENDER=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/render-definitions.sh
PGID_FILE=$RUN_DIR/launcher.pgid   # process group of the node, for the last-resort kill
SETTINGS_FILE=$RUN_DIR/settings    # ports the running node was started with
MARKER=$BASE/.malaysia-ops-rabbitmq-node  # `stop --purge` only deletes folders carrying this

# Where clients should connect: a wildcard bind is reachable via loopback.
case $BIND in
    0.0.0.0 | :: | '[::]') URL_HOST=127.0.0.1 ;;
    *:*) URL_HOST="[${BIND#[}" URL_HOST="${URL_HOST%]}]" ;;
    *) URL_HOST=$BIND ;;
esac
READY_TEXT="amqp://$URL_HOST:$AMQP_PORT"
SETTINGS="bind=$BIND amqp=$AMQP_PORT dist=$DIST_PORT prometheus=$PROM_PORT"
if [[ $MANAGEMENT == on ]]; then
    READY_TEXT+=" management http://$URL_HOST:$MGMT_PORT"
    SETTINGS+=" management=$MGMT_PORT"
else
    SETTINGS+=" management=off"
fi

# ---------------------------------------------------------------------------
# Node environment
# ---------------------------------------------------------------------------

# A developer's shell may carry RABBITMQ_* variables meant for another broker;
# letting them through could point this node at shared files or ports.
while IFS= read -r var; do
    unset "$var"
done < <(compgen -e | grep '^RABBITMQ_' || true)

[[ -n ${HOME:-} ]] || die "HOME is not set; Erlang keeps the cookie rabbitmqctl needs in \$HOME/.erlang.cookie"

ENV_NAMES=()
setenv() {
    export "$1=$2"
    ENV_NAMES+=("$1")
}

setenv RABBITMQ_NODENAME "$NODE"
setenv RABBITMQ_NODE_IP_ADDRESS "$BIND"
setenv RABBITMQ_NODE_PORT "$AMQP_PORT"
setenv RABBITMQ_DIST_PORT "$DIST_PORT"
# Every file RabbitMQ would otherwise look for under /etc/rabbitmq or
# /var/lib/rabbitmq is redirected into the base folder (files that do not exist,
# such as advanced.config and motd, are simply skipped by the node).
setenv RABBITMQ_CONF_ENV_FILE "$ETC_DIR/rabbitmq-env.conf"
setenv RABBITMQ_CONFIG_FILE "$ETC_DIR/rabbitmq.conf"
setenv RABBITMQ_CONFIG_FILES "$ETC_DIR/conf.d"
setenv RABBITMQ_ADVANCED_CONFIG_FILE "$ETC_DIR/advanced.config"
setenv RABBITMQ_ENABLED_PLUGINS_FILE "$ETC_DIR/enabled_plugins"
setenv RABBITMQ_MOTD_FILE "$ETC_DIR/motd"
setenv RABBITMQ_MNESIA_BASE "$MNESIA_BASE"
setenv RABBITMQ_MNESIA_DIR "$MNESIA_BASE/$NODE"  # quorum and stream data live inside it
setenv RABBITMQ_PLUGINS_EXPAND_DIR "$MNESIA_BASE/$NODE-plugins-expand"
setenv RABBITMQ_FEATURE_FLAGS_FILE "$MNESIA_BASE/$NODE-feature_flags"
setenv RABBITMQ_PID_FILE "$RUN_DIR/$NODE.pid"
setenv RABBITMQ_LOG_BASE "$LOG_DIR"
setenv RABBITMQ_LOGS "$NODE_LOG"
setenv RABBITMQ_UPGRADE_LOG "$LOG_DIR/${NODE}_upgrade.log"
# Erlang distribution (rabbitmqctl <-> node) grants full control of the node to
# whoever holds the cookie, so keep it on loopback, node and CLI alike.
setenv RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS "-kernel inet_dist_use_interface {127,0,0,1}"
setenv RABBITMQ_CTL_ERL_ARGS "-kernel inet_dist_use_interface {127,0,0,1}"
# rabbitmqctl listens on 35672-35682 by default, which collides with AMQP ports
# picked for test nodes (35672 is a natural choice); 0 lets the OS pick a port.
setenv RABBITMQ_CTL_DIST_PORT_MIN 0
setenv RABBITMQ_CTL_DIST_PORT_MAX 0
# epmd is shared by all nodes; if this node is the one starting it, keep it local.
setenv ERL_EPMD_ADDRESS "${ERL_EPMD_ADDRESS:-127.0.0.1}"
# Otherwise a crashing VM drops erl_crash.dump into the caller's directory.
setenv ERL_CRASH_DUMP "$LOG_DIR/erl_crash.dump"

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

installed() { [[ -x $RMQ_BIN/rabbitmq-server && -x $RMQ_BIN/rabbitmqctl ]]; }

ensure_installed() {
    installed && return 0
    if (( EUID != 0 )); then
        die "RabbitMQ is not installed ($RMQ_BIN/rabbitmq-server is missing); run as root or: sudo apt-get install -y rabbitmq-server"
    fi
    echo "$PROG: installing rabbitmq-server with apt-get ..." >&2
    # Package lists may be missing or stale (fresh containers), so update only when needed.
    DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >&2 \
        || { DEBIAN_FRONTEND=noninteractive apt-get update >&2 \
             && DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server >&2; } \
        || die "apt-get install -y rabbitmq-server failed"
    installed || die "rabbitmq-server was installed but $RMQ_BIN/rabbitmq-server is still missing"
}

# The lock fd (9) is closed for every child so a long-lived process never holds it.
rmqctl() { "$RMQ_BIN/rabbitmqctl" -n "$NODE" "$@" 9>&-; }

# Serialises start/stop of one node (two concurrent `start`s would race on ports).
take_lock() {
    mkdir -p "$BASE"
    exec 9>>"$BASE/.lock"
    flock -w $((START_TIMEOUT + STOP_TIMEOUT + 30)) 9 \
        || die "timed out waiting for another $PROG command on $BASE to finish"
}

# Is a node with our name registered in epmd (i.e. running, ours or not)?
# Cheap, and needs no cookie; epmd not running means no node at all.
epmd_has_node() {
    command -v epmd >/dev/null || return 1
    local names
    names=$(epmd -names 2>/dev/null 9>&-) || return 1
    [[ $'\n'$names =~ $'\n'"name $NODE_SHORT at port " ]]
}

# Live (non-zombie) members of process group $1 that belong to this node. The
# environment check guards against the pgid having been reused after a reboot.
# Zombies are skipped because an init that never reaps (containers) keeps them
# around forever.
node_group_pids() {
    local pgid=$1 pid
    [[ $pgid =~ ^[0-9]+$ ]] || return 0
    for pid in $(ps -e -o pid=,pgid=,stat= | awk -v g="$pgid" '$2 == g && $3 !~ /^Z/ { print $1 }'); do
        if grep -qzxF "RABBITMQ_NODENAME=$NODE" "/proc/$pid/environ" 2>/dev/null; then
            echo "$pid"
        fi
    done
}

saved_pgid() { if [[ -r $PGID_FILE ]]; then cat "$PGID_FILE"; fi; }

# Is the node process started from this base folder still around (booting,
# running or stopping)?
local_node_alive() {
    local pgid
    pgid=$(saved_pgid)
    [[ -n $pgid && -n $(node_group_pids "$pgid") ]]
}

# Does RabbitMQ itself (not just the Erlang VM) run on the node?
rabbit_running() {
    timeout 60 "$RMQ_BIN/rabbitmq-diagnostics" -q -n "$NODE" check_running >/dev/null 2>&1 9>&-
}

# Is anything listening on TCP port $1? Prints a description of the owner.
port_in_use() {
    local port=$1 out
    if command -v ss >/dev/null; then
        out=$(ss -Hltnp "sport = :$port" 2>/dev/null || true)
        if [[ -n $out ]]; then
            if [[ $out =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
                echo "${BASH_REMATCH[1]} (pid ${BASH_REMATCH[2]})"
            else
                echo "another process"
            fi
            return 0
        fi
        return 1
    fi
    # No ss: a listener would at least accept a loopback connection.
    timeout 2 bash -c "</dev/tcp/127.0.0.1/$port" 2>/dev/null && { echo "another process"; return 0; }
    return 1
}

port_answers() { timeout 3 bash -c "</dev/tcp/${URL_HOST//[\[\]]/}/$1" 2>/dev/null; }

# TERM, then KILL, the node's process group; only ever a group this script started.
kill_group() {
    local pgid=$1 i
    [[ -n $(node_group_pids "$pgid") ]] || return 0
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        [[ -n $(node_group_pids "$pgid") ]] || return 0
        sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        [[ -n $(node_group_pids "$pgid") ]] || return 0
        sleep 0.1
    done
    return 1
}

show_log_tails() {
    local f
    for f in "$NODE_LOG" "$CONSOLE_LOG"; do
        if [[ -s $f ]]; then
            echo "----- last 30 lines of $f -----"
            tail -n 30 "$f" | cut -c 1-400  # Erlang crash reports can be one huge line
        fi
    done >&2
}

write_node_files() {
    mkdir -p "$ETC_DIR/conf.d" "$LOG_DIR" "$RUN_DIR" "$MNESIA_BASE"
    echo "$NODE" >"$MARKER"
    # Rewritten on every start so a change of OPS_RABBITMQ_* takes effect on restart.
    : >"$ETC_DIR/rabbitmq-env.conf"
    # A fresh node seeds the stock guest/guest administrator unless it has definitions to load
    # at boot (RabbitMQ 3.10 has no setting that turns the seeding off, and default_user would
    # only swap guest for another administrator), so it is given this file, which holds no
    # user, only the default vhost the seeding would have made: the node starts with no user at
    # all and nobody holds an administrator's password. Deleting guest after the start instead
    # would leave it usable for the first seconds.
    echo '{"vhosts": [{"name": "/"}]}' >"$BOOT_DEFINITIONS"
    cat >"$ETC_DIR/rabbitmq.conf" <<EOF
# Generated by $PROG on every start; change the OPS_RABBITMQ_* variables instead.
# The AMQP listener comes from RABBITMQ_NODE_IP_ADDRESS / RABBITMQ_NODE_PORT.
prometheus.tcp.ip = $BIND
prometheus.tcp.port = $PROM_PORT
load_definitions = $BOOT_DEFINITIONS
log.file.level = info
# The node log file is enough; console output would repeat it in console.log.
log.console = false
EOF
    if [[ $MANAGEMENT == on ]]; then
        # Only the enabled plugins' settings are known to the node: these would fail its boot otherwise.
        cat >>"$ETC_DIR/rabbitmq.conf" <<EOF
management.tcp.ip = $BIND
management.tcp.port = $MGMT_PORT
EOF
        echo '[rabbitmq_management,rabbitmq_prometheus].' >"$ETC_DIR/enabled_plugins"
    else
        echo '[rabbitmq_prometheus].' >"$ETC_DIR/enabled_plugins"
    fi
}

# Two nodes starting at once on a fresh machine would both try to create the
# shared cookie; create it up front, atomically, with what Erlang would write.
ensure_cookie() {
    local cookie=$HOME/.erlang.cookie tmp letters
    [[ -e $cookie ]] && return 0
    # shellcheck disable=SC2019  # plain ASCII A-Z on purpose (LC_ALL=C)
    letters=$(LC_ALL=C tr -dc 'A-Z' < <(head -c 4096 /dev/urandom))
    tmp=$(mktemp "$HOME/.erlang.cookie.XXXXXX")
    printf '%s' "${letters:0:20}" >"$tmp"
    chmod 400 "$tmp"
    ln "$tmp" "$cookie" 2>/dev/null || true
    rm -f "$tmp"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

STARTING_PGID=""
WAIT_PID=""
# Whatever ends a start early (error, timeout, Ctrl-C) must not leave a
# half-started node behind.
abort_start() {
    if [[ -n $WAIT_PID ]]; then kill "$WAIT_PID" 2>/dev/null || true; fi
    if [[ -n $STARTING_PGID ]]; then
        kill_group "$STARTING_PGID" || echo "$PROG: warning: could not kill process group $STARTING_PGID" >&2
        rm -f "$PGID_FILE" "$SETTINGS_FILE"
    fi
}

start_failed() {
    echo "$PROG: error: $*" >&2
    show_log_tails
    abort_start
    STARTING_PGID=""
    exit 1
}

# Prints the "already running" line and returns 0 if the node is up.
report_if_running() {
    if local_node_alive; then
        if [[ -r $SETTINGS_FILE && $(<"$SETTINGS_FILE") != "$SETTINGS" ]]; then
            die "node $NODE is already running with different settings ($(<"$SETTINGS_FILE")); stop it first"
        fi
        # It may still be booting (started by a concurrent `start`).
        timeout $((START_TIMEOUT + 10)) "$RMQ_BIN/rabbitmqctl" -q -n "$NODE" await_startup --timeout "$START_TIMEOUT" >/dev/null 2>&1 9>&- \
            || die "node $NODE process is running but RabbitMQ did not become ready; see $NODE_LOG or run: $PROG stop"
        echo "rabbitmq node $NODE already running: $READY_TEXT"
        return 0
    fi
    if epmd_has_node; then
        rabbit_running \
            || die "node name $NODE is registered with epmd by a process not started from $BASE, and RabbitMQ does not answer on it"
        echo "rabbitmq node $NODE already running (not started from $BASE): $READY_TEXT"
        return 0
    fi
    return 1
}

# Checked before anything is written, so a clash leaves no folder behind.
check_ports_free() {
    local label port owner var
    local checked=("AMQP:$AMQP_PORT:OPS_RABBITMQ_PORT" "distribution:$DIST_PORT:OPS_RABBITMQ_DIST_PORT"
        "prometheus:$PROM_PORT:OPS_RABBITMQ_PROMETHEUS_PORT")
    if [[ $MANAGEMENT == on ]]; then checked+=("management:$MGMT_PORT:OPS_RABBITMQ_MANAGEMENT_PORT"); fi
    for label in "${checked[@]}"; do
        IFS=: read -r label port var <<<"$label"
        if owner=$(port_in_use "$port"); then
            die "$label port $port is already in use by $owner; choose another with $var"
        fi
    done
}

# The node in the foreground, with the same private files as `start`, for a supervisor (the
# Aspire AppHost) that owns its lifetime and stops it with SIGTERM.
cmd_run() {
    ensure_installed
    report_if_running && die "$NODE is already running; stop it first"
    check_ports_free
    write_node_files
    ensure_cookie
    cd "$BASE"
    exec "$RMQ_BIN/rabbitmq-server"
}

cmd_start() {
    ensure_installed
    report_if_running && return 0
    check_ports_free

    take_lock
    # A concurrent `start` of the same node may have won the lock.
    report_if_running && return 0

    rm -f "$PGID_FILE" "$SETTINGS_FILE" "$RABBITMQ_PID_FILE"
    local had_data=0
    if [[ -d $RABBITMQ_MNESIA_DIR ]]; then had_data=1; fi
    write_node_files
    ensure_cookie
    echo "$SETTINGS" >"$SETTINGS_FILE"
    {
        echo
        echo "=== $(date '+%Y-%m-%d %H:%M:%S') $PROG start ($SETTINGS)"
    } >>"$CONSOLE_LOG"

    trap abort_start EXIT
    trap 'echo "$PROG: start of $NODE interrupted; stopping it" >&2; exit 130' INT
    trap 'echo "$PROG: start of $NODE interrupted; stopping it" >&2; exit 143' TERM HUP
    # setsid detaches the node from the caller's session and terminal (it keeps
    # running after the calling shell or CI step ends) and makes it the leader of
    # a fresh process group, which is what `stop` kills as a last resort.
    (
        cd "$BASE"
        exec 9>&-
        # shellcheck disable=SC2016  # $$ must expand in the new session's shell
        exec setsid bash -c 'echo $$ >"$1"; exec nohup "$2"' _ "$PGID_FILE" "$RMQ_BIN/rabbitmq-server" \
            </dev/null >>"$CONSOLE_LOG" 2>&1
    ) &
    local launcher=$! i
    for ((i = 0; i < 50; i++)); do
        [[ -s $PGID_FILE ]] && break
        sleep 0.1
    done
    STARTING_PGID=$(saved_pgid)
    [[ -n $STARTING_PGID ]] || { STARTING_PGID=$launcher; start_failed "node process for $NODE did not start"; }

    # Poll epmd (cheap) until the VM has registered, then let rabbitmqctl wait
    # for the boot to finish; the process check catches a node that dies early.
    local deadline=$((SECONDS + START_TIMEOUT)) remaining
    while :; do
        [[ -n $(node_group_pids "$STARTING_PGID") ]] || start_failed "node $NODE exited during startup"
        remaining=$((deadline - SECONDS))
        ((remaining > 0)) || start_failed "node $NODE was not ready within ${START_TIMEOUT}s (OPS_RABBITMQ_START_TIMEOUT)"
        if epmd_has_node; then
            # In the background, because bash runs a trap (TERM from a CI timeout,
            # say) only once the foreground command ends; `wait` is interrupted.
            timeout $((remaining + 10)) "$RMQ_BIN/rabbitmqctl" -q -n "$NODE" await_startup --timeout "$remaining" \
                >/dev/null 2>&1 9>&- &
            WAIT_PID=$!
            if wait "$WAIT_PID"; then
                WAIT_PID=""
                break
            fi
            WAIT_PID=""
        fi
        sleep 0.5
    done

    # A listener that silently failed to bind would otherwise only show up as
    # connection errors in the services.
    local listeners=("AMQP:$AMQP_PORT" "prometheus:$PROM_PORT")
    if [[ $MANAGEMENT == on ]]; then listeners+=("management:$MGMT_PORT"); fi
    for label in "${listeners[@]}"; do
        port=${label#*:}
        port_answers "$port" || start_failed "node $NODE booted but its ${label%%:*} port $port does not accept connections"
    done
    # The boot definitions keep guest off a fresh node only; data first booted without them
    # (by another tool, say) may hold it still.
    if ((had_data)); then drop_stock_guest; fi

    STARTING_PGID=""
    trap - EXIT INT TERM HUP
    echo "rabbitmq node $NODE ready: $READY_TEXT"
}

cmd_stop() {
    local purge=0 arg
    for arg in "$@"; do
        case $arg in
            --purge) purge=1 ;;
            *) die "stop: unknown argument '$arg' (only --purge is accepted)" ;;
        esac
    done

    # Only lock folders this script created: never drop a lock file elsewhere.
    if [[ -f $MARKER ]]; then take_lock; fi
    local pgid
    pgid=$(saved_pgid)

    if local_node_alive || { installed && epmd_has_node; }; then
        local deadline=$((SECONDS + STOP_TIMEOUT))
        # Graceful stop first, so queues and the mnesia database are closed cleanly.
        if ! timeout "$STOP_TIMEOUT" "$RMQ_BIN/rabbitmqctl" -q -n "$NODE" stop >/dev/null 2>&1 9>&-; then
            # rabbitmqctl cannot reach a node that is still booting or wedged; the
            # VM also shuts down cleanly on SIGTERM, so try that before SIGKILL.
            if local_node_alive; then kill -TERM -- "-$pgid" 2>/dev/null || true; fi
        fi
        while ((SECONDS < deadline)); do
            if ! local_node_alive && ! epmd_has_node; then break; fi
            sleep 0.5
        done
        if local_node_alive; then
            echo "$PROG: node $NODE did not stop within ${STOP_TIMEOUT}s; killing process group $pgid" >&2
            kill_group "$pgid" || die "could not kill node $NODE (process group $pgid)"
        elif epmd_has_node; then
            # Registered by a process this base folder did not start: never kill it.
            die "node $NODE (not started from $BASE) is still running after rabbitmqctl stop"
        fi
        rm -f "$PGID_FILE" "$SETTINGS_FILE"
        echo "rabbitmq node $NODE stopped"
    else
        rm -f "$PGID_FILE" "$SETTINGS_FILE"
        echo "rabbitmq node $NODE is not running"
    fi

    if ((purge)) && [[ -d $BASE ]]; then
        # Only delete what this script created: a mistyped OPS_RABBITMQ_BASE must
        # not wipe an unrelated folder.
        [[ -f $MARKER ]] || die "refusing to purge $BASE: it has no $MARKER, so it was not created by $PROG"
        rm -rf -- "$BASE"
        if [[ -z ${OPS_RABBITMQ_BASE:-} ]]; then
            rmdir -- "${BASE%/*}" 2>/dev/null || true  # the shared default parent, once empty
        fi
        echo "purged $BASE"
    fi
}

cmd_status() {
    if installed && { local_node_alive || epmd_has_node; }; then
        if rabbit_running; then
            echo "rabbitmq node $NODE running: $READY_TEXT"
            return 0
        fi
        echo "rabbitmq node $NODE is not running (its Erlang VM is up, but RabbitMQ is booting, stopping or failed; see $NODE_LOG)"
        return 3
    fi
    echo "rabbitmq node $NODE is not running"
    return 3
}

require_running() {
    epmd_has_node || die "node $NODE is not running (start it with: $PROG start)"
}

# Runs rabbitmqctl; on failure dies with MESSAGE plus rabbitmqctl's own reason,
# on one line instead of its multi-line report.
ctl_or_die() {
    local message=$1 out
    shift
    if ! out=$(rmqctl -q "$@" 2>&1); then
        out=$(grep -v -e '^Error:$' -e '^[[:space:]]*$' <<<"$out" | tail -n 1 || true)
        die "$message${out:+: $out}"
    fi
}

# Deletes the stock guest user if the node has it. Dies (the start's trap stops the node) if it
# cannot, rather than leave an administrator with a published password.
drop_stock_guest() {
    local users
    users=$(rmqctl -q -s list_users) || die "could not list the users of $NODE to delete guest"
    if cut -f1 <<<"$users" | grep -qxF guest; then  # lines are "name<TAB>[tags]"
        ctl_or_die "could not delete the stock guest user on $NODE" delete_user guest
        echo "$PROG: deleted the stock guest user from $NODE" >&2
    fi
}

vhost_exists() {
    local vhosts
    vhosts=$(rmqctl -q -s list_vhosts name) || die "could not list vhosts on $NODE"
    grep -qxF -- "$1" <<<"$vhosts"
}

cmd_add_vhost() {
    (($# == 2)) || die "usage: $PROG add-vhost NAME USER (USER: a user made by add-user, add-admin or grant-services)"
    local vhost=$1 user=$2
    [[ -n $vhost ]] || die "add-vhost: vhost name must not be empty"
    ensure_installed
    require_running
    local users
    users=$(rmqctl -q -s list_users) || die "could not list users on $NODE"
    users=$(cut -f1 <<<"$users")  # lines are "name<TAB>[tags]"
    # Checked first so a typo does not leave a vhost nobody can use.
    grep -qxF -- "$user" <<<"$users" || die "user '$user' does not exist on $NODE"
    if ! vhost_exists "$vhost"; then
        ctl_or_die "could not create vhost '$vhost' on $NODE" add_vhost "$vhost"
    fi
    ctl_or_die "could not grant '$user' permissions on vhost '$vhost'" \
        set_permissions -p "$vhost" "$user" '.*' '.*' '.*'
    echo "vhost '$vhost' ready on $NODE; '$user' has full permissions"
}

cmd_delete_vhost() {
    (($# == 1)) || die "usage: $PROG delete-vhost NAME"
    ensure_installed
    require_running
    if vhost_exists "$1"; then
        ctl_or_die "could not delete vhost '$1' on $NODE" delete_vhost "$1"
        echo "vhost '$1' deleted from $NODE"
    else
        echo "vhost '$1' does not exist on $NODE"
    fi
}

# The service users declared in the definitions, one per line.
service_users() {
    sed -n 's/^[[:space:]]*{ "name": "\([a-z0-9-]*\)", "password_hash": "".*/\1/p' "$DEFINITIONS"
}

password_variable() {
    local name=${1^^}
    echo "OPS_BROKER_PASSWORD_${name//-/_}"
}

random_password() {
    local letters
    letters=$(LC_ALL=C tr -dc 'A-Za-z0-9' < <(head -c 4096 /dev/urandom))
    printf '%s' "${letters:0:32}"
}

# Exports OPS_BROKER_PASSWORD_<USER> for every user named: from the environment if set, else
# from the credentials file, else a new random one; then writes them to the file (0600) beside
# the other users' passwords it holds, so the services and other callers can be given the same
# passwords later. The file is read as KEY=VALUE lines, never sourced.
ensure_credentials() {
    local -A kept=()
    local order=() key value user variable tmp
    [[ -d ${CREDENTIALS_FILE%/*} ]] || die "the folder of the credentials file $CREDENTIALS_FILE does not exist"
    # Two commands writing the file at once would each drop the other's users.
    exec 7>>"$CREDENTIALS_FILE.lock"
    flock -w 60 7 || die "timed out waiting for another $PROG command writing $CREDENTIALS_FILE"
    if [[ -f $CREDENTIALS_FILE ]]; then
        while IFS='=' read -r key value; do
            if [[ $key =~ ^OPS_BROKER_PASSWORD_[A-Z0-9_]+$ && -z ${kept[$key]+set} ]]; then
                order+=("$key")
                kept[$key]=$value
            fi
        done <"$CREDENTIALS_FILE"
    fi
    for user in "$@"; do
        variable=$(password_variable "$user")
        value=${!variable:-${kept[$variable]:-}}
        [[ -n $value ]] || value=$(random_password)
        export "$variable=$value"
        [[ -n ${kept[$variable]+set} ]] || order+=("$variable")
        kept[$variable]=$value
    done
    tmp=$(umask 077 && mktemp "$CREDENTIALS_FILE.XXXXXX")
    for key in "${order[@]}"; do
        printf '%s=%s\n' "$key" "${kept[$key]}"
    done >"$tmp"
    chmod 600 "$tmp"
    mv -f "$tmp" "$CREDENTIALS_FILE"
    exec 7>&-
}

# Renders definitions template $1 with the exported passwords and imports it into the node;
# $2 says what it holds, for errors; the rest goes to render-definitions.sh. The rendered file
# holds the passwords only for as long as the import reads it.
import_rendered() {
    local template=$1 what=$2 rendered imported
    shift 2
    rendered=$(umask 077 && mktemp "$RUN_DIR/definitions.XXXXXX")
    "$RENDER" "$@" "$template" "$rendered" || { rm -f "$rendered"; die "could not render the definitions of $what"; }
    if ! imported=$(rmqctl -q import_definitions "$rendered" 2>&1); then
        rm -f "$rendered"
        die "could not import $what: $(grep -v -e '^Error:$' -e '^[[:space:]]*$' <<<"$imported" | tail -n 1)"
    fi
    rm -f "$rendered"
}

# The import runs asynchronously on the node: waits until the first column of rabbitmqctl's
# listing ($3...) holds every name in $2, or dies with $1 and the names still missing.
await_listed() {
    local what=$1 names=$2 listed missing name deadline=$((SECONDS + 60))
    shift 2
    while :; do
        listed=$(rmqctl -q -s "$@" 2>/dev/null | cut -f1) || listed=""
        missing=""
        for name in $names; do
            grep -qxF -- "$name" <<<"$listed" || missing+=" $name"
        done
        [[ -n $missing ]] || return 0
        ((SECONDS < deadline)) || die "$what:$missing after 60 s"
        sleep 0.5
    done
}

cmd_grant_services() {
    (($# <= 1)) || die "usage: $PROG grant-services [VHOST]"
    local vhost=${1:-malaysia-ops} users
    [[ -f $MARKER ]] || die "no node was started from $BASE (start it with: $PROG start)"
    [[ -r $DEFINITIONS ]] || die "cannot read $DEFINITIONS"
    ensure_installed
    require_running
    users=$(service_users)
    [[ -n $users ]] || die "$DEFINITIONS declares no service user"
    # shellcheck disable=SC2086  # one user name per word
    ensure_credentials $users
    import_rendered "$DEFINITIONS" "the service users and permissions for vhost '$vhost'" --vhost "$vhost"
    await_listed "vhost '$vhost' still lacks permissions for" "$users" list_permissions -p "$vhost"
    # Until its topic permissions are there, a user may bind any routing key.
    local topic_users
    topic_users=$(sed -n 's/^[[:space:]]*{"user": "\([a-z0-9-]*\)", "vhost": "[^"]*", "exchange".*/\1/p' "$DEFINITIONS")
    if [[ -n $topic_users ]]; then
        await_listed "vhost '$vhost' still lacks topic permissions for" "$topic_users" list_topic_permissions -p "$vhost"
    fi
    echo "vhost '$vhost' ready on $NODE for the service users (${users//$'\n'/ }); passwords in $CREDENTIALS_FILE"
}

# add-user and add-admin ($1): user $2 with tag $3 (or none), through the same definitions
# import as the service users, so its password never appears on a command line.
cmd_add_user() {
    local command=$1 name=$2 tag=$3 template
    # One name, one variable: a '_' or a capital would let two names share OPS_BROKER_PASSWORD_<NAME>.
    [[ $name =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "$command: user name '$name' may only hold lower-case letters, digits and '-'"
    ! grep -qxF -- "$name" <<<"$(service_users)" \
        || die "$command: '$name' is a service user, whose permissions grant-services gives; choose another name"
    [[ -f $MARKER ]] || die "no node was started from $BASE (start it with: $PROG start)"
    ensure_installed
    require_running
    ensure_credentials "$name"
    template=$(mktemp "$RUN_DIR/user.XXXXXX")
    printf '{\n "users": [\n  { "name": "%s", "password_hash": "", "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [%s] }\n ]\n}\n' \
        "$name" "${tag:+\"$tag\"}" >"$template"
    import_rendered "$template" "user '$name'"
    rm -f "$template"
    await_listed "user '$name' is still missing on $NODE" "$name" list_users
    echo "user '$name' ready on $NODE${tag:+ (tag $tag)}; password in $CREDENTIALS_FILE as $(password_variable "$name")"
}

cmd_env() {
    echo "# rabbitmq node $NODE ($SETTINGS)"
    echo "# base folder: $BASE"
    local name
    for name in "${ENV_NAMES[@]}"; do
        printf 'export %s=%s\n' "$name" "${!name@Q}"
    done
    printf 'export HOME=%s\n' "${HOME@Q}"
}

main() {
    local cmd=${1:-}
    (($# == 0)) || shift
    case $cmd in
        start) (($# == 0)) || die "start takes no arguments"; cmd_start ;;
        run) (($# == 0)) || die "run takes no arguments"; cmd_run ;;
        stop) cmd_stop "$@" ;;
        status) (($# == 0)) || die "status takes no arguments"; cmd_status ;;
        ctl)
            (($# >= 1)) || die "usage: $PROG ctl RABBITMQCTL-ARGS..."
            ensure_installed
            exec "$RMQ_BIN/rabbitmqctl" -n "$NODE" "$@"
            ;;
        add-vhost) cmd_add_vhost "$@" ;;
        delete-vhost) cmd_delete_vhost "$@" ;;
        grant-services) cmd_grant_services "$@" ;;
        add-user) (($# == 1)) || die "usage: $PROG add-user NAME"; cmd_add_user add-user "$1" "" ;;
        add-admin) (($# == 1)) || die "usage: $PROG add-admin NAME"; cmd_add_user add-admin "$1" administrator ;;
        credentials-file) (($# == 0)) || die "credentials-file takes no arguments"; echo "$CREDENTIALS_FILE" ;;
        env) cmd_env ;;
        *)
            echo "$PROG: error: unknown command '$cmd'" >&2
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"
