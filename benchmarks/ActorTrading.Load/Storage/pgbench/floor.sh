#!/usr/bin/env bash
# PostgreSQL's own cost of the journal's rows, without our client: pgbench runs batch.sql (one transaction = the rows
# of one group commit of N fill events) and the server's CPU per event is read from /proc (postmaster and backends).
#   benchmarks/ActorTrading.Load/Storage/pgbench/floor.sh [events-per-commit=1000] [clients=1] [seconds=15]
# Needs the exports of scripts/dev-services.sh (ConnectionStrings__Postgres, ACTORTRADING_TEST_PGDATA) and read access
# to /proc of the server's processes. Creates schema journal_floor from the migrations (dropped first; MIGRATIONS=dir to
# take them from another checkout, e.g. to compare schema versions).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../../../.." && pwd)
n=${1:-1000}; clients=${2:-1}; seconds=${3:-15}
. "$here/floor-lib.sh"
floor_connect
floor_schema journal_floor "INSERT INTO positions SELECT 'acct-' || lpad(i::text, 6, '0'), 'NSE:RELIANCE', 2, 10, 2501.35, 2501.35, 0, now() FROM generate_series(0, 999) i;"
cpu() { floor_server_cpu; }
c0=$(cpu); load=$(cut -d' ' -f1 /proc/loadavg)
# simple protocol: pgbench cannot type these parameters when preparing; the parse/plan cost is per transaction
out=$("$bin/pgbench" -n -M simple -D n="$n" -f "$here/batch.sql" -c "$clients" -j "$clients" -T "$seconds" 2>&1)
sleep 1; c1=$(cpu)   # backends that exited are counted once the postmaster has reaped them
txns=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
hz=$(getconf CLK_TCK)
echo "$out" | grep -E "latency average|^tps" || { echo "$out"; exit 1; }
awk -v t="$txns" -v n="$n" -v s="$seconds" -v d="$((c1 - c0))" -v hz="$hz" -v l="$load" -v c="$clients" 'BEGIN {
  printf "floor: %d events per commit, clients %d: %.0f events/s, server CPU %.1f µs per event (load average %s)\n",
    n, c, t * n / s, d / hz * 1e6 / (t * n), l }'
"$bin/psql" -q -c "DROP SCHEMA journal_floor CASCADE" >/dev/null
