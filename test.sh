#!/usr/bin/env bash
# Builds and runs every test project against a throwaway PostgreSQL cluster, then prints
# "N passed, N failed". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
source scripts/postgres.sh
source scripts/redis.sh

require_dotnet
require_node
require_postgres
require_chromium
require_redis

pg_dir=$(mktemp -d /tmp/kukaportal-test-pg.XXXXXX)
redis_dir=$(mktemp -d /tmp/kukaportal-test-redis.XXXXXX)
results=$(mktemp -d /tmp/kukaportal-test-results.XXXXXX)
cleanup() { cluster_stop "$pg_dir"; redis_stop "$redis_dir"; rm -rf "$pg_dir" "$redis_dir" "$results"; }
trap cleanup EXIT

pg_password=$(head -c 12 /dev/urandom | base64 | tr '/+' 'xy')
# Durability is not what the tests measure; skipping fsync keeps the suite fast.
PG_FSYNC=off cluster_start "$pg_dir" "$pg_password"
echo "Test PostgreSQL on 127.0.0.1:$PG_PORT"
# Each test project creates its own databases on this server.
export KUKAPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=kukaportal;Password=$pg_password"
# The two-node tests run a SignalR backplane on this Redis.
redis_start "$redis_dir"
echo "Test Redis on 127.0.0.1:$REDIS_PORT"
export KUKAPORTAL_TEST_REDIS="127.0.0.1:$REDIS_PORT"

dotnet build KukaPortal.sln -c Release -nologo -v quiet

status=0
for project in tests/*/*Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Issue 9's soak at small sizes: every kind of load at once for 2 minutes; any error fails it (one test).
echo "== Soak (2 min)"
soak=failed
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll soak \
  --minutes 2 --dashboards 10 --assets 1 --uploads 5 --upload-rows 500 --scoring-jobs 2 --training-jobs 1 \
  2> >(grep -v NNPACK >&2) && soak=passed

passed=0; failed=0
[ "$soak" = passed ] && passed=1 || failed=1
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx")
  passed=$((passed + $(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')))
  failed=$((failed + $(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')))
done
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && { echo "No test ran." >&2; status=1; }
echo "$passed passed, $failed failed"
exit $status
