# A private PostgreSQL cluster on a free loopback port, for run.sh (kept) and test.sh (thrown away).
# Sourced; needs PG_BIN from prerequisites.sh. PostgreSQL refuses to run as root, so as root the
# cluster runs as the 'postgres' system user.

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# cluster_start DIR PASSWORD: creates the cluster on first use, starts it unless it runs; sets PG_PORT.
cluster_start() {
  local dir=$1 password=$2
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); printf '%s\n' "$password" >"$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    pg_as_owner "$PG_BIN/initdb" -D "$dir" -U kukaportal --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    PG_PORT=$(sed -n 4p "$dir/postmaster.pid")
  else
    PG_PORT=$(free_port 55432)
    # glibc gives freed heap back to the kernel whenever 128 KB lie free at its top; each backend did so about 40
    # times a second under live ingest, and every trim flushes the TLBs of both cores (6–8 % of PostgreSQL's CPU per live
    # window: docs/performance.md, "Push latency", round 4). Backends keep up to 64 MB instead.
    pg_as_owner env GLIBC_TUNABLES=glibc.malloc.trim_threshold=67108864 "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=${PG_FSYNC:-on}" >/dev/null
  fi
  export PG_PORT
}

cluster_stop() {
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# A folder the cluster's owner can reach: the one asked for, or (when root's home hides it from the
# 'postgres' user) one under /var/tmp named after it.
cluster_dir() {
  local wanted=$1
  mkdir -p "$(dirname "$wanted")"
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$(dirname "$wanted")"; then
    echo "$wanted"
  else
    echo "/var/tmp/kukaportal-pg-$(echo "$wanted" | md5sum | cut -c1-12)"
  fi
}

# A cluster under /tmp for one benchmark run, removed when the script exits; fsync as PG_FSYNC says (on by
# default: what a real server does on every commit). Sets PG_PORT and KUKAPORTAL_TEST_POSTGRES.
throwaway_cluster_for_this_script() {
  local dir password
  dir=$(mktemp -d /tmp/kukaportal-bench-pg.XXXXXX)
  password=$(head -c 12 /dev/urandom | base64 | tr '/+' 'xy')
  trap "cluster_stop '$dir'; rm -rf '$dir'" EXIT
  PG_FSYNC=${PG_FSYNC:-on} cluster_start "$dir" "$password"
  echo "Bench PostgreSQL on 127.0.0.1:$PG_PORT (fsync=${PG_FSYNC:-on})" >&2
  export KUKAPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=kukaportal;Password=$password"
}
