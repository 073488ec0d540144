#!/usr/bin/env bash
# Times the history page's queries (score history of one asset over each range preset, the alarms table's first
# page, the alarm KPIs of a year) on a year of seeded history for 20 assets, in a throwaway PostgreSQL cluster.
# Extra arguments go to the verb, e.g.
#   scripts/bench-history.sh --assets 50 --alarms-per-day 30
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet
require_postgres
throwaway_cluster_for_this_script

./kukaportal bench history --connection "$KUKAPORTAL_TEST_POSTGRES" "$@"
