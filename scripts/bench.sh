#!/usr/bin/env bash
# Issue 8's benchmark suite, also reachable as `./kukaportal bench`:
#   scripts/bench.sh [suite...] [--json]        several suites with their defaults (none named: all of them)
#   scripts/bench.sh <suite> [suite options]    one suite with its own options (see `<suite> --help`)
# Suites: forward training images import (torch and file formats, in the CLI), persistence history (PostgreSQL,
# in the CLI), pipeline kuka memory push (the portal hosted in-process, in tests/KukaPortal.Benchmarks).
# Suites that need PostgreSQL share one throwaway cluster (fsync on) unless KUKAPORTAL_TEST_POSTGRES is set.
# Tables (or JSON) go to stdout, progress to stderr. docs/performance.md holds the latest results.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
source scripts/postgres.sh
require_dotnet

cli_suites="forward training images import"
cli_db_suites="persistence history"
portal_suites="pipeline kuka memory push"
all_suites="$cli_suites $cli_db_suites $portal_suites"

suites=(); options=()
for arg in "$@"; do
  if [ ${#options[@]} -eq 0 ] && [[ " $all_suites " == *" $arg "* ]]; then suites+=("$arg"); else options+=("$arg"); fi
done
[ ${#suites[@]} -gt 0 ] || read -ra suites <<<"$all_suites"
if [ ${#suites[@]} -gt 1 ]; then
  for option in "${options[@]}"; do
    [ "$option" = --json ] || { echo "Options other than --json apply to one suite at a time: $option" >&2; exit 2; }
  done
fi

needs_database=false
for suite in "${suites[@]}"; do [[ " $cli_db_suites $portal_suites " == *" $suite "* ]] && needs_database=true; done
if $needs_database && [ -z "${KUKAPORTAL_TEST_POSTGRES:-}" ]; then
  require_postgres
  throwaway_cluster_for_this_script
fi

dotnet build src/KukaPortal.Cli -c Release -nologo -v quiet >&2
[[ " ${suites[*]} " =~ " "(pipeline|kuka|memory|push)" " ]] && dotnet build tests/KukaPortal.Benchmarks -c Release -nologo -v quiet >&2
cli=src/KukaPortal.Cli/bin/Release/net10.0/kukaportal.dll
portal=tests/KukaPortal.Benchmarks/bin/Release/net10.0/KukaPortal.Benchmarks.dll

for suite in "${suites[@]}"; do
  echo "== bench $suite ($(date -u +%H:%M:%S) UTC)" >&2
  if [[ " $cli_suites " == *" $suite "* ]]; then dotnet "$cli" bench "$suite" "${options[@]}"
  elif [[ " $cli_db_suites " == *" $suite "* ]]; then dotnet "$cli" bench "$suite" --connection "$KUKAPORTAL_TEST_POSTGRES" "${options[@]}"
  else dotnet "$portal" "$suite" "${options[@]}"
  fi
done
