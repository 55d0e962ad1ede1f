#!/usr/bin/env bash
# Malaysia.Ops: turns the committed broker definitions (deploy/rabbitmq/definitions.json: the
# vhost, one user per service with no password, and each user's permissions) into a file a
# broker can import, with each service user's password taken from the environment.
#
#   render-definitions.sh [--vhost NAME] TEMPLATE OUTPUT
#
# Passwords: OPS_BROKER_PASSWORD_<USER>, the user name in capitals with '-' as '_'
# (OPS_BROKER_PASSWORD_DESK_US for desk-us). Every user in TEMPLATE needs one.
# With OPS_BROKER_ADMIN_USER and OPS_BROKER_ADMIN_PASSWORD both set, an administrator with
# full permissions on the vhost is added as well (for the management UI of a broker that has
# no loopback guest, such as the compose stack).
# --vhost NAME puts everything in vhost NAME instead of malaysia-ops (the tests' own vhosts).
#
# The output holds passwords: it is written with mode 0600, and the passwords never appear on
# a command line. The template keeps each user on one line, which is what this script edits.
set -euo pipefail

PROG=${0##*/}
TEMPLATE_VHOST=malaysia-ops

die() {
    echo "$PROG: error: $*" >&2
    exit 1
}

vhost=$TEMPLATE_VHOST
if [[ ${1:-} == --vhost ]]; then
    (($# >= 2)) || die "--vhost needs a name"
    vhost=$2
    shift 2
fi
(($# == 2)) || die "usage: $PROG [--vhost NAME] TEMPLATE OUTPUT"
template=$1
output=$2
[[ -r $template ]] || die "cannot read the definitions template '$template'"
# Vhost names go into JSON and into permission lines; keep them to plain characters.
[[ $vhost =~ ^[A-Za-z0-9_.-]+$ ]] || die "vhost name '$vhost' may only hold letters, digits, '.', '_' and '-'"

# JSON string escaping for a password (backslash and double quote; control characters are refused).
json_string() {
    local value=$1
    [[ $value != *[[:cntrl:]]* ]] || return 1
    value=${value//\\/\\\\}
    value=${value//\"/\\\"}
    printf '"%s"' "$value"
}

password_variable() {
    local name=${1^^}
    echo "OPS_BROKER_PASSWORD_${name//-/_}"
}

admin_user=${OPS_BROKER_ADMIN_USER:-}
admin_password=${OPS_BROKER_ADMIN_PASSWORD:-}
if [[ -n $admin_user || -n $admin_password ]]; then
    [[ -n $admin_user && -n $admin_password ]] || die "set both OPS_BROKER_ADMIN_USER and OPS_BROKER_ADMIN_PASSWORD, or neither"
    [[ $admin_user =~ ^[A-Za-z0-9_.-]+$ ]] || die "OPS_BROKER_ADMIN_USER may only hold letters, digits, '.', '_' and '-'"
    admin_quoted=$(json_string "$admin_password") || die "OPS_BROKER_ADMIN_PASSWORD must not contain control characters"
fi

user_line='^([[:space:]]*\{ "name": "([a-z0-9-]+)", )"password_hash": ""(, .*)$'
rendered=()
users=0
while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ $user_line ]]; then
        user=${BASH_REMATCH[2]}
        variable=$(password_variable "$user")
        password=${!variable:-}
        [[ -n $password ]] || die "no password for broker user '$user': set $variable"
        ((${#password} >= 12)) || die "$variable is shorter than 12 characters"
        quoted=$(json_string "$password") || die "$variable must not contain control characters"
        line="${BASH_REMATCH[1]}\"password\": $quoted${BASH_REMATCH[3]}"
        users=$((users + 1))
    elif [[ $line == *'"password_hash"'* || $line == *'"password"'* ]]; then
        die "$template: a user line is not in the expected one-line form with \"password_hash\": \"\""
    fi
    line=${line//\"name\": \"$TEMPLATE_VHOST\"/\"name\": \"$vhost\"}
    line=${line//\"vhost\": \"$TEMPLATE_VHOST\"/\"vhost\": \"$vhost\"}
    rendered+=("$line")
    if [[ -n $admin_user && $line =~ ^[[:space:]]*\"users\":\ \[$ ]]; then
        rendered+=("  { \"name\": \"$admin_user\", \"password\": $admin_quoted, \"tags\": [\"administrator\"] },")
    fi
    if [[ -n $admin_user && $line =~ ^[[:space:]]*\"permissions\":\ \[$ ]]; then
        rendered+=("  {\"user\": \"$admin_user\", \"vhost\": \"$vhost\", \"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"},")
    fi
done <"$template"
((users > 0)) || die "$template declares no user in the expected one-line form"

umask 077
tmp=$(mktemp "$output.XXXXXX")
printf '%s\n' "${rendered[@]}" >"$tmp"
chmod 600 "$tmp"
mv -f "$tmp" "$output"
