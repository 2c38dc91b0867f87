#!/usr/bin/env bash
# Runs every test of ActorTrading on a fresh Debian machine, as root or not:
# installs what is missing, starts PostgreSQL and Redis on loopback in a temporary
# directory, runs `dotnet test ActorTrading.sln -c Release`, and stops what it started,
# whatever happens. Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Runtime).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/lib/services.sh

services_install
if [ -f tests/node/package.json ]; then
  command -v npm >/dev/null || { echo "test.sh: npm is required for the grpc-js tests"; exit 1; }
  # npm ci is exact, but the registry copy reachable here lacks some of @bufbuild/buf's optional
  # per-platform packages, which makes npm ci refuse the lock file; npm install tolerates that.
  (cd tests/node && { npm ci --no-audit --no-fund --loglevel=silent 2>/dev/null \
      || npm install --no-audit --no-fund --loglevel=error; })
fi

work=$(mktemp -d /tmp/actortrading-test.XXXXXX)
chmod 755 "$work"
cleanup() { services_stop; rm -rf "$work"; }
trap cleanup EXIT INT TERM
# Tests need no pre-created WAL segments (a benchmark does: services.sh); skipping them saves 2 GB of disk and seconds.
SERVICES_WAL_PREWARM_SEGMENTS=${SERVICES_WAL_PREWARM_SEGMENTS:-0} services_start "$work/services"
echo "test.sh: PostgreSQL and Redis up ($ConnectionStrings__Postgres; $ConnectionStrings__Redis)"

status=0
dotnet test ActorTrading.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$work/dotnet-test.log" || status=$?
# One closing line over every test project, in the plain form CI reads.
passed=$(awk '$1=="Passed:"{s+=$2} END{print s+0}' "$work/dotnet-test.log")
failed=$(awk '$1=="Failed:"{s+=$2} END{print s+0}' "$work/dotnet-test.log")
skipped=$(awk '$1=="Skipped:"{s+=$2} END{print s+0}' "$work/dotnet-test.log")
echo "test.sh: $passed passed, $failed failed, $skipped skipped"
exit "$status"
