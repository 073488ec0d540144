#!/usr/bin/env bash
# Measures window-score persistence (rows/s of the portal's COPY writer and of EF SaveChanges) against a
# throwaway PostgreSQL cluster. Extra arguments go to the verb, e.g.
#   scripts/bench-persistence.sh --rows 200000 --batch 2000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet
require_postgres
throwaway_cluster_for_this_script

./kukaportal bench persistence --connection "$KUKAPORTAL_TEST_POSTGRES" "$@"
