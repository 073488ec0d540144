#!/usr/bin/env bash
# The scoring suites of issue 8, each on a portal hosted in-process against a throwaway PostgreSQL cluster (fsync on):
#   scripts/bench-scoring.sh pipeline [--rows 275000] [--repeat 3] [--batch 256] [--torch-threads 0] [--json]
#   scripts/bench-scoring.sh kuka     [--rows 275000] [--json]
#   scripts/bench-scoring.sh memory   [--score-jobs 1000] [--train-jobs 20] [--import-mb 1000] [--json]
# The table (or JSON) goes to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet
require_postgres
throwaway_cluster_for_this_script

dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll "$@"
