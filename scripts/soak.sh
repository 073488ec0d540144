#!/usr/bin/env bash
# Soak (issue 9): live dashboards, concurrent uploads, scoring and training jobs on one in-process portal
# (loopback Kestrel, throwaway PostgreSQL) for N minutes; prints errors by kind, latencies and memory and
# exits 1 on any error. Also reachable as ./kukaportal soak. E.g.
#   scripts/soak.sh --minutes 10          # 50 dashboards on 5 assets, 5 uploads, 2 scoring + 1 training job
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet
require_postgres
throwaway_cluster_for_this_script

dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll soak "$@"
