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
. "$root/benchmarks/ActorTrading.Load/Storage/pgbench/floor-lib.sh"
floor_connect
floor_schema order_floor "INSERT INTO positions SELECT 'acct-' || lpad(i::text, 6, '0'), 'NSE:TCS', 2, 1, 4000.05, 4000.05, 0, now() FROM generate_series(0, 999) i;" "INSERT INTO accounts (account_id, display_name, cash) SELECT 'acct-' || lpad(i::text, 6, '0'), 'load', 1000000000 FROM generate_series(0, 999) i;"
cpu() { floor_server_cpu; }
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
