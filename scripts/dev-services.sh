#!/usr/bin/env bash
# Starts PostgreSQL and Redis on loopback for a developer, prints the connection strings,
# and keeps them up until Ctrl-C (then stops them and removes their data).
#   scripts/dev-services.sh            # foreground; copy the two export lines into another shell
#   scripts/dev-services.sh --dir D    # keep data under D instead of a temporary directory
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/services.sh"
dir=""
[ "${1:-}" = "--dir" ] && dir="$2"
[ -n "$dir" ] || { dir=$(mktemp -d /tmp/actortrading-dev.XXXXXX); chmod 755 "$dir"; }
services_install
sleeper=""
trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; services_stop; echo "dev-services: stopped"' EXIT
trap 'exit 0' INT TERM
services_start "$dir/services"
echo "export ConnectionStrings__Postgres='$ConnectionStrings__Postgres'"
echo "export ConnectionStrings__Redis='$ConnectionStrings__Redis'"
# What the fault tests use to stop and restart these servers:
for v in ACTORTRADING_TEST_PG_CTL ACTORTRADING_TEST_PGDATA ACTORTRADING_TEST_PG_RUNAS ACTORTRADING_TEST_REDIS_SERVER ACTORTRADING_TEST_REDIS_PORT; do
  echo "export $v='${!v}'"
done
echo "dev-services: running; Ctrl-C stops them"
# `wait` (not a foreground sleep) so that Ctrl-C or SIGTERM stops the services at once.
while true; do sleep 3600 & sleeper=$!; wait "$sleeper" || true; done
