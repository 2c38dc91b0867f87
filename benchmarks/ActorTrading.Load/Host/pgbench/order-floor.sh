#!/usr/bin/env bash
# PostgreSQL's own CPU per durable market order, without our client or node: pgbench runs order.sql (one transaction =
# every row of N orders of N distinct accounts, as the journal's group commit writes them) and the server's CPU per order
# is read from /proc (postmaster and backends). The floor of issue 6's 16-in-flight figure on this machine.
#   benchmarks/ActorTrading.Load/Host/pgbench/order-floor.sh [orders-per-commit=100] [clients=1] [seconds=15]
# Needs the exports of scripts/dev-services.sh (ConnectionStrings__Postgres, ACTORTRADING_TEST_PGDATA) and read access
# to /proc of the server's processes. Creates schema order_floor from the migrations (dropped first). A variant of
# benchmarks/ActorTrading.Load/Storage/pgbench/floor.sh (fill events only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../../../.." && pwd)
n=${1:-100}; clients=${2:-1}; seconds=${3:-15}
cs=${ConnectionStrings__Postgres:?run scripts/dev-services.sh and export its lines}
get() { echo "$cs" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGOPTIONS="-c client_min_messages=warning"
export PGHOST=$(get Host) PGPORT=$(get Port) PGUSER=$(get Username) PGPASSWORD=$(get Password) PGDATABASE=$(get Database)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
{ echo "DROP SCHEMA IF EXISTS order_floor CASCADE; CREATE SCHEMA order_floor; SET search_path = order_floor;"
  cat "${MIGRATIONS:-$root/src/Storage/Postgres/Migrations}"/*.sql
  echo "SELECT actortrading_ensure_partitions(3);"
  echo "INSERT INTO account_heads SELECT 'acct-' || lpad(i::text, 6, '0'), 0, 0 FROM generate_series(0, 999) i;"
  echo "INSERT INTO positions SELECT 'acct-' || lpad(i::text, 6, '0'), 'NSE:TCS', 2, 1, 4000.05, 4000.05, 0, now() FROM generate_series(0, 999) i;"
  echo "INSERT INTO accounts (account_id, display_name, cash) SELECT 'acct-' || lpad(i::text, 6, '0'), 'load', 1000000000 FROM generate_series(0, 999) i;"
} | "$bin/psql" -q -v ON_ERROR_STOP=1 >/dev/null
pm=$(head -1 "${ACTORTRADING_TEST_PGDATA:?}/postmaster.pid")
cpu() { local t s; read -ra s < "/proc/$pm/stat"; t=$(( s[13] + s[14] + s[15] + s[16] ))
  for c in $(pgrep -P "$pm"); do if read -ra s < "/proc/$c/stat" 2>/dev/null; then t=$(( t + s[13] + s[14] )); fi; done; echo "$t"; }
c0=$(cpu); load=$(cut -d' ' -f1 /proc/loadavg)
# simple protocol: pgbench cannot type these parameters when preparing; the parse/plan cost is per transaction
out=$("$bin/pgbench" -n -M simple -D n="$n" -f "$here/order.sql" -c "$clients" -j "$clients" -T "$seconds" 2>&1)
sleep 1; c1=$(cpu)   # backends that exited are counted once the postmaster has reaped them
txns=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
hz=$(getconf CLK_TCK)
echo "$out" | grep -E "latency average|^tps" || { echo "$out"; exit 1; }
awk -v t="$txns" -v n="$n" -v s="$seconds" -v d="$((c1 - c0))" -v hz="$hz" -v l="$load" -v c="$clients" 'BEGIN {
  printf "order floor: %d orders per commit, clients %d: %.0f orders/s, server CPU %.1f µs per order (load average %s)\n",
    n, c, t * n / s, d / hz * 1e6 / (t * n), l }'
"$bin/psql" -q -c "DROP SCHEMA order_floor CASCADE" >/dev/null
