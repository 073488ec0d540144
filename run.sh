#!/usr/bin/env bash
# Starts KukaPortal with its private PostgreSQL cluster on http://localhost:5080. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
source scripts/prerequisites.sh
source scripts/postgres.sh

require_dotnet
require_node
mkdir -p .data

if [ -z "${ConnectionStrings__Portal:-}" ]; then
  require_postgres
  [ -f .data/pg-password ] || (umask 077; head -c 18 /dev/urandom | base64 | tr '/+' 'xy' >.data/pg-password)
  pg_dir=$(cluster_dir "$repo/.data/pg")
  cluster_start "$pg_dir" "$(cat .data/pg-password)"
  echo "PostgreSQL: private cluster in $pg_dir on 127.0.0.1:$PG_PORT (kept between runs)"
  # The portal creates the database and applies migrations at start-up.
  export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PG_PORT;Database=kukaportal;Username=kukaportal;Password=$(cat .data/pg-password)"
fi

# The first administrator: from the environment, else a password generated once and kept in .data/.
export Admin__Email=${Admin__Email:-admin@kukaportal.local}
if [ -z "${Admin__Password:-}" ]; then
  [ -f .data/admin-password ] || (umask 077; echo "Kp-$(head -c 12 /dev/urandom | base64 | tr '/+' 'xy')9!" >.data/admin-password)
  export Admin__Password=$(cat .data/admin-password)
fi
export Storage__Root=${Storage__Root:-$repo/.data/blobs}
export Portal__MigrateOnStartup=${Portal__MigrateOnStartup:-true}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}

echo "Building the portal..."
dotnet build src/KukaPortal.Web -c Release -v quiet -nologo
cat <<INFO

  KukaPortal: ${ASPNETCORE_URLS}
  Sign in as ${Admin__Email} with password ${Admin__Password}
  (the password applies when the first user is created; later runs keep the account as it is)
  Ctrl-C stops the portal; the database keeps its data for the next run.

INFO
exec dotnet run --project src/KukaPortal.Web -c Release --no-build --no-launch-profile
