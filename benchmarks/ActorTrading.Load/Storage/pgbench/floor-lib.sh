# Shared by the pgbench floor scripts (floor.sh, floor-rate.sh, Host/pgbench/order-floor.sh): sourced, not run.
#   floor_connect             exports PG* from ConnectionStrings__Postgres (scripts/dev-services.sh) and sets $bin
#   floor_schema NAME SQL...  (re)creates schema NAME from the migrations (MIGRATIONS=dir: another checkout's), with
#                             1000 account heads acct-000000..acct-000999, then runs the extra SQL lines
#   floor_server_cpu          CPU ticks used so far by the server (postmaster and its children, from /proc)
floor_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)

floor_connect() {
  local cs=${ConnectionStrings__Postgres:?run scripts/dev-services.sh and export its lines}
  get() { echo "$cs" | tr ';' '\n' | sed -n "s/^$1=//p"; }
  export PGOPTIONS="-c client_min_messages=warning"
  export PGHOST=$(get Host) PGPORT=$(get Port) PGUSER=$(get Username) PGPASSWORD=$(get Password) PGDATABASE=$(get Database)
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  floor_pm=$(head -1 "${ACTORTRADING_TEST_PGDATA:?run scripts/dev-services.sh and export its lines}/postmaster.pid")
}

floor_schema() {
  local name=$1; shift
  { echo "DROP SCHEMA IF EXISTS $name CASCADE; CREATE SCHEMA $name; SET search_path = $name;"
    cat "${MIGRATIONS:-$floor_root/src/Storage/Postgres/Migrations}"/*.sql
    echo "SELECT actortrading_ensure_partitions(3);"
    echo "INSERT INTO account_heads SELECT 'acct-' || lpad(i::text, 6, '0'), 0, 0 FROM generate_series(0, 999) i;"
    printf '%s\n' "$@"
  } | "$bin/psql" -q -v ON_ERROR_STOP=1 >/dev/null
}

floor_server_cpu() {
  local t s c
  read -ra s < "/proc/$floor_pm/stat"; t=$(( s[13] + s[14] + s[15] + s[16] ))
  for c in $(pgrep -P "$floor_pm"); do if read -ra s < "/proc/$c/stat" 2>/dev/null; then t=$(( t + s[13] + s[14] )); fi; done
  echo "$t"
}
