#!/usr/bin/env bash
# PostgreSQL's own latency for the journal's rows at a fixed offered rate, without our client (open loop, like the
# journal scenario's 50,000 events/s phase): pgbench runs rate-batch.sql, one transaction = one lane's group commit of
# N fill events, C clients (= lanes) each on its own 1000/C accounts, paced with --rate so that C clients together
# offer E events/s. Latency per transaction includes pgbench's schedule lag (as --rate defines it), like an append's.
#   benchmarks/ActorTrading.Load/Storage/pgbench/floor-rate.sh <events-per-txn> <clients> <seconds> <events/s>
#   MODE=prepared (default; what Npgsql does) | simple | extended.  PIPELINE=1 (default: the transaction in one round
#   trip, like the journal's NpgsqlBatch; 0: one round trip per statement).  THREADS=pgbench threads (default 1).
# Needs the exports of scripts/dev-services.sh. Creates schema journal_floor from the migrations (dropped first;
# MIGRATIONS=dir to take them from another checkout). Prints p50/p99/p99.9/max, the share of transactions over 5 ms,
# and the server's CPU per event (postmaster and its children, from /proc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../../../.." && pwd)
n=$1; clients=$2; seconds=$3; eps=$4
. "$here/floor-lib.sh"
floor_connect
floor_schema journal_floor "INSERT INTO positions SELECT 'acct-' || lpad(i::text, 6, '0'), 'NSE:RELIANCE', 2, 10, 2501.35, 2501.35, 0, now() FROM generate_series(0, 999) i;"
cpu() { floor_server_cpu; }
logs=$(mktemp -d /tmp/floor-rate.XXXXXX)
tps=$(awk -v e="$eps" -v n="$n" 'BEGIN { printf "%.3f", e / n }')
c0=$(cpu); load=$(cut -d' ' -f1 /proc/loadavg); read -ra st0 < /proc/stat
script="$here/rate-batch.sql"
if [ "${MODE:-prepared}" = simple ] || [ "${PIPELINE:-1}" = 0 ]; then grep -v pipeline "$here/rate-batch.sql" > "$logs/batch.sql"; script="$logs/batch.sql"; fi
out=$(cd "$logs" && "$bin/pgbench" -n -M "${MODE:-prepared}" -D n="$n" -D per=$((1000 / clients)) -f "$script" \
  -c "$clients" -j "${THREADS:-1}" -T "$seconds" --rate "$tps" -l --log-prefix=log 2>&1) || { echo "$out"; exit 1; }
read -ra st1 < /proc/stat; sleep 1; c1=$(cpu)
busy() { local -n a=$1; echo $(( a[1] + a[2] + a[3] + a[6] + a[7] + a[8] )) $(( a[4] + a[5] )); }
read -r b0 i0 <<< "$(busy st0)"; read -r b1 i1 <<< "$(busy st1)"
echo "$out" | grep -E "latency average|^tps|lag|skipped|failed" || true
# log columns: client txno latency_us script epoch_s epoch_us lag_us
cat "$logs"/log.* | awk '{ print $3 }' | sort -n | awk -v n="$n" -v c="$clients" -v e="$eps" -v d="$((c1 - c0))" \
  -v hz="$(getconf CLK_TCK)" -v l="$load" -v m="${MODE:-prepared}$([ "${PIPELINE:-1}" = 0 ] || [ "${MODE:-prepared}" = simple ] || echo +pipeline)" -v u="$(( 100 * (b1 - b0) / (b1 - b0 + i1 - i0) ))" -v s="$seconds" '{ a[NR] = $1; if ($1 > 5000) over++ } END {
  printf "floor-rate: n=%d clients=%d %s offered %d ev/s: txns %d (%.0f ev/s) p50 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms, %.1f%% > 5 ms, server CPU %.1f us/event, machine busy %d%% (load %s)\n",
    n, c, m, e, NR, NR * n / s, a[int(NR * 0.5)] / 1000, a[int(NR * 0.99)] / 1000, a[int(NR * 0.999)] / 1000, a[NR] / 1000,
    100 * over / NR, d / hz * 1e6 / (NR * n), u, l }'
# per-second max (is the tail spread or in bursts?)
[ -n "${PER_SECOND:-}" ] && cat "$logs"/log.* | awk '{ s = $5; if ($3 > m[s]) m[s] = $3; c[s]++; if ($3 > 5000) o[s]++ } END { for (s in m) printf "%d max %.1f ms txns %d over5 %d\n", s, m[s] / 1000, c[s], o[s] }' | sort -n
rm -rf "$logs"
"$bin/psql" -q -c "DROP SCHEMA journal_floor CASCADE" >/dev/null
