#!/usr/bin/env bash
# Measures window-score persistence (rows/s of the portal's COPY writer and of EF SaveChanges) against a
# throwaway PostgreSQL cluster, like test.sh starts one. Extra arguments go to the verb, e.g.
#   scripts/bench-persistence.sh --rows 200000 --batch 2000
# fsync stays on (what a real server does on every commit) unless PG_FSYNC=off is set.
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
echo "Bench PostgreSQL on 127.0.0.1:$PG_PORT (fsync=${PG_FSYNC:-on})" >&2

./kukaportal bench persistence --connection "Host=127.0.0.1;Port=$PG_PORT;Username=kukaportal;Password=$pg_password" "$@"
