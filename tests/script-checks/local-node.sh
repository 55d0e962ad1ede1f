#!/usr/bin/env bash
# Checks deploy/rabbitmq/local-node.sh against a real private node on free loopback ports: the
# node has no guest (nor any) user and no management listener unless asked for one, add-vhost
# needs a user, add-user makes one that can log in with the password kept in the 0600
# credentials file, grant-services still works, a guest user found in the node's data is
# deleted at the next start, and OPS_RABBITMQ_MANAGEMENT=on opens the management port. Prints
# one line per check; exits 1 if any failed. Needs Debian's rabbitmq-server.
set -euo pipefail
cd "$(dirname "$0")/../.."
script=deploy/rabbitmq/local-node.sh
rabbitmqctl=/usr/lib/rabbitmq/bin/rabbitmqctl

failures=0
check() { # description command...: passes when the command succeeds
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAILED: $what" >&2; failures=$((failures + 1)); fi
}
not() { ! "$@"; }
answers() { timeout 3 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }
ctl() { "$rabbitmqctl" -q -s -n "$node" "$@"; }
users() { ctl list_users | cut -f1; }
permitted() { ctl list_permissions -p "$1" | cut -f1; }
listening() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

# Four consecutive free ports: AMQP, distribution, management, Prometheus.
for _ in $(seq 50); do
  base=$((RANDOM % 20000 + 20000))
  listening "$base" || listening $((base + 1)) || listening $((base + 2)) || listening $((base + 3)) || break
done
export OPS_RABBITMQ_NODE=script-check-$$ OPS_RABBITMQ_PORT=$base OPS_RABBITMQ_DIST_PORT=$((base + 1)) \
  OPS_RABBITMQ_MANAGEMENT_PORT=$((base + 2)) OPS_RABBITMQ_PROMETHEUS_PORT=$((base + 3)) \
  OPS_RABBITMQ_BASE=${TMPDIR:-/tmp}/malaysia-ops-script-check/script-check-$$
node=$OPS_RABBITMQ_NODE@localhost
trap 'bash "$script" stop --purge >/dev/null 2>&1 || true; rmdir "${OPS_RABBITMQ_BASE%/*}" 2>/dev/null || true' EXIT

bash "$script" start >/dev/null
check "a fresh node has no user" test -z "$(users)"
check "guest/guest cannot log in" not ctl authenticate_user guest guest
check "the management port is closed by default" not answers "$OPS_RABBITMQ_MANAGEMENT_PORT"
check "the Prometheus port answers" answers "$OPS_RABBITMQ_PROMETHEUS_PORT"
check "add-vhost without a user is refused" not bash "$script" add-vhost scratch

bash "$script" add-user tester >/dev/null
bash "$script" add-vhost scratch tester >/dev/null
credentials=$(bash "$script" credentials-file)
password=$(sed -n 's/^OPS_BROKER_PASSWORD_TESTER=//p' "$credentials")
check "the credentials file has mode 0600" test "$(stat -c %a "$credentials")" = 600
# On a command line, which is fine for a throwaway node's password.
check "add-user's user logs in with its kept password" ctl authenticate_user tester "$password"
check "add-vhost grants the user the vhost" test "$(permitted scratch)" = tester
bash "$script" grant-services services-check >/dev/null
check "grant-services keeps add-user's password" grep -qxF "OPS_BROKER_PASSWORD_TESTER=$password" "$credentials"
check "grant-services gives every service user the vhost" \
  test "$(permitted services-check | sort | paste -sd' ')" = "console desk-my desk-us dispatch workload"

# A guest user in the node's data, as a node first booted without the boot definitions has.
ctl add_user guest guest >/dev/null
bash "$script" stop >/dev/null
OPS_RABBITMQ_MANAGEMENT=on bash "$script" start >/dev/null 2>&1
check "a guest user in the data is deleted at start" not grep -qx guest <(users)
check "OPS_RABBITMQ_MANAGEMENT=on opens the management port" answers "$OPS_RABBITMQ_MANAGEMENT_PORT"

[ "$failures" = 0 ] || { echo "$failures local-node.sh check(s) failed" >&2; exit 1; }
