#!/usr/bin/env bash
# Push latency end to end (ingest → window → score → store → SignalR → client) on loopback, against a
# throwaway PostgreSQL (fsync on). No arguments: issue 8's two scenarios (50 dashboards on one asset, and
# 200 over 20 assets, 20 windows/s per asset). Otherwise one scenario, e.g.
#   scripts/bench-push.sh --clients 50 --assets 1 --rate 20 --seconds 20
# Also reachable as ./kukaportal bench push.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet
require_postgres
throwaway_cluster_for_this_script

dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll push "$@"
