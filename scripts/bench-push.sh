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
throwaway_cluster_for_this_script

dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll push "$@"
