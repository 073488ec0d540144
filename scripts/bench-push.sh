#!/usr/bin/env bash
# Push latency end to end (ingest → window → score → store → SignalR → client) with N dashboards on one
# asset, on loopback, against a throwaway PostgreSQL. Extra arguments go to the bench, e.g.
#   scripts/bench-push.sh --clients 50 --rate 20 --seconds 30
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh

require_dotnet
require_postgres

pg_dir=$(mktemp -d /tmp/kukaportal-bench-pg.XXXXXX)
cleanup() { cluster_stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT

pg_password=$(head -c 12 /dev/urandom | base64 | tr '/+' 'xy')
PG_FSYNC=${PG_FSYNC:-on} cluster_start "$pg_dir" "$pg_password"
export KUKAPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=kukaportal;Password=$pg_password"

dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll push "$@"
