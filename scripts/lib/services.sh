# Shared by scripts/test.sh and scripts/dev-services.sh: installs and starts a throw-away
# PostgreSQL and Redis on loopback. Source it; then call `services_install`, `services_start DIR`,
# and `services_stop` (safe to call twice). Exports:
#   ConnectionStrings__Postgres  Npgsql format
#   ConnectionStrings__Redis     StackExchange.Redis format
#   ACTORTRADING_TEST_PG_CTL, ACTORTRADING_TEST_PGDATA, ACTORTRADING_TEST_PG_RUNAS
#   ACTORTRADING_TEST_REDIS_SERVER, ACTORTRADING_TEST_REDIS_PORT
#     (fault tests stop and restart the services through these)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

services_install() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  /usr/bin/python3 -c 'import grpc' >/dev/null 2>&1 || missing+=(python3-grpcio)
  /usr/bin/python3 -c 'import google.protobuf' >/dev/null 2>&1 || missing+=(python3-protobuf)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "services: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The Debian package starts a cluster of its own on 5432; we never use it.
  # A compose client checks docker-compose.yml (`compose config`; no Docker engine needed). Debian's standalone
  # docker-compose without its recommended docker.io engine.
  if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
    echo "services: installing docker-compose"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  fi
}

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

services_start() {
  SERVICES_DIR="$1"
  mkdir -p "$SERVICES_DIR"
  local pgbin; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  local pgdata="$SERVICES_DIR/pgdata" runas=""
  local pgport; pgport=$(free_port)
  if [ "$(id -u)" = 0 ]; then runas=postgres; chown postgres "$SERVICES_DIR"; fi
  run_pg() { if [ -n "$runas" ]; then su -s /bin/sh "$runas" -c "$*"; else sh -c "$*"; fi; }
  run_pg "'$pgbin/initdb' -D '$pgdata' -U postgres --auth=trust -E UTF8 --no-sync" >"$SERVICES_DIR/initdb.log" 2>&1 \
    || { cat "$SERVICES_DIR/initdb.log"; return 1; }
  local walcompression=pglz
  case "$("$pgbin/pg_config" --configure 2>/dev/null || true)" in *--with-lz4*) walcompression=lz4 ;; esac
  cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = '$SERVICES_DIR'
max_connections = 300
shared_buffers = 256MB
synchronous_commit = on
fsync = on
# Checkpoints by time (checkpoint_timeout, 5 min), not every ~540 MB of WAL: one journal benchmark run
# writes ~400 MB (≈ 900 B per fill event), and with the default 1GB a checkpoint (its sync phase fsyncs
# hundreds of files, up to ~60 ms each here, while commits wait on the WAL fdatasync) fell in nearly every
# run. Usual production tuning for a write-heavy server; see benchmarks/RESULTS.md (Storage, session 3).
max_wal_size = 4GB
# The journal's recommended production settings (src/Storage/README.md, "PostgreSQL settings"; full durability kept:
# fsync and synchronous_commit stay on). Checkpoints every 15 min instead of 5: each checkpoint's sync phase stalls
# commits, and after each one the first change to every page writes a full-page image into the WAL.
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
# Full-page images compressed (lz4: cheap CPU, ~3x smaller; pglz where the server lacks lz4), so the WAL burst
# after a checkpoint is smaller.
wal_compression = $walcompression
# Four journal lanes can each have a 4096-event commit (~3.5 MB of WAL) in flight: with the default (shared_buffers/32
# = 8MB) a backend whose WAL does not fit waits to write out the others' WAL itself under WALWriteLock.
wal_buffers = 64MB
# WAL segments are recycled at each checkpoint (renamed for reuse) instead of created: creating one zero-fills 16 MB
# and fsyncs it while holding WALWriteLock, so every commit of every backend waits ~50-60 ms (measured here: at
# 50,000 fill events/s ≈ 38 MB/s of WAL that is a stall every ~0.4 s). Keep at least 2 GB of them for reuse.
min_wal_size = 2GB
# Diagnostics for the commit tail: checkpoints, every autovacuum/autoanalyze with its duration, lock waits > 1 s.
log_checkpoints = on
log_autovacuum_min_duration = 0
log_lock_waits = on
CONF
  run_pg "'$pgbin/pg_ctl' -D '$pgdata' -l '$SERVICES_DIR/postgres.log' -w -t 60 start" >/dev/null \
    || { cat "$SERVICES_DIR/postgres.log"; return 1; }
  run_pg "'$pgbin/psql' -h 127.0.0.1 -p $pgport -U postgres -q -c \"CREATE ROLE actortrading LOGIN PASSWORD 'actortrading' SUPERUSER\" -c 'CREATE DATABASE actortrading OWNER actortrading'" >/dev/null
  SERVICES_PG_CTL="$pgbin/pg_ctl"; SERVICES_PGDATA="$pgdata"; SERVICES_PG_RUNAS="$runas"
  services_prewarm_wal "$pgbin" "$pgport" "${SERVICES_WAL_PREWARM_SEGMENTS:-128}"

  local redisport; redisport=$(free_port)
  redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$SERVICES_DIR" --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redisport" ping >/dev/null || { cat "$SERVICES_DIR/redis.log"; return 1; }
  SERVICES_REDIS_PORT=$redisport

  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pgport;Username=actortrading;Password=actortrading;Database=actortrading"
  export ConnectionStrings__Redis="127.0.0.1:$redisport,abortConnect=false"
  export ACTORTRADING_TEST_PG_CTL="$SERVICES_PG_CTL" ACTORTRADING_TEST_PGDATA="$pgdata" ACTORTRADING_TEST_PG_RUNAS="$runas"
  export ACTORTRADING_TEST_REDIS_SERVER="$(command -v redis-server)" ACTORTRADING_TEST_REDIS_PORT="$redisport"
}

# A fresh cluster has one WAL segment: every further one is created (16 MB zero-filled and fsynced under WALWriteLock,
# ~50-60 ms during which no commit completes) until the first checkpoint recycles them, i.e. for the whole of a
# benchmark or test run. A server that has run for a while reuses recycled segments instead. This makes the throw-away
# cluster look like that: N segment switches (each creates one segment; 128 = 2 GB, ~4-9 s here), then a checkpoint, which
# recycles them all as future segments (min_wal_size keeps them). N=0 skips it. See benchmarks/RESULTS.md, Storage,
# session 5.
services_prewarm_wal() {
  local pgbin=$1 pgport=$2 n=$3
  [ "$n" -gt 0 ] || return 0
  run_pg "'$pgbin/psql' -h 127.0.0.1 -p $pgport -U postgres -q -c 'CREATE TABLE public.services_wal_prewarm (i int)' \
    -c 'DO \$\$ BEGIN FOR i IN 1..$n LOOP INSERT INTO public.services_wal_prewarm VALUES (i); PERFORM pg_switch_wal(); END LOOP; END \$\$' \
    -c 'DROP TABLE public.services_wal_prewarm' -c 'CHECKPOINT'" >/dev/null
}

services_stop() {
  [ -n "${SERVICES_DIR:-}" ] || return 0
  if [ -n "${SERVICES_REDIS_PORT:-}" ]; then
    redis-cli -p "$SERVICES_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  if [ -n "${SERVICES_PGDATA:-}" ] && [ -f "$SERVICES_PGDATA/postmaster.pid" ]; then
    if [ -n "$SERVICES_PG_RUNAS" ]; then
      su -s /bin/sh "$SERVICES_PG_RUNAS" -c "'$SERVICES_PG_CTL' -D '$SERVICES_PGDATA' -m immediate stop" >/dev/null 2>&1 || true
    else
      "$SERVICES_PG_CTL" -D "$SERVICES_PGDATA" -m immediate stop >/dev/null 2>&1 || true
    fi
  fi
  SERVICES_REDIS_PORT=""; SERVICES_PGDATA=""
}
