# A private Redis on a free loopback port (the SignalR backplane between portal nodes), for test.sh.
# Sourced after postgres.sh (uses its free_port). Nothing is persisted.

# redis_start DIR: starts redis-server with its pid file and log in DIR; sets REDIS_PORT.
redis_start() {
  local dir=$1
  mkdir -p "$dir"
  REDIS_PORT=$(free_port 56379)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export REDIS_PORT
}

redis_stop() {
  [ -f "$1/redis.pid" ] && kill "$(cat "$1/redis.pid")" 2>/dev/null || true
}
