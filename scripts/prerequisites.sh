# Installs what the portal and its tests need on a fresh Debian 12 machine, skipping what is there.
# Sourced by run.sh and test.sh.

apt_updated=""
apt_install() {
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "error: $* missing and this user cannot install packages; install them and run again." >&2
    exit 1
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is required (https://dot.net); install it and run again." >&2; exit 1; }
}

require_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL server binaries (apt)..."
    apt_install postgresql postgresql-contrib
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  export PG_BIN
}

require_node() {
  command -v npm >/dev/null || { echo "Installing Node.js and npm (apt)..."; apt_install nodejs npm; }
}

require_chromium() {
  [ -x /usr/bin/chromium ] || { echo "Installing Chromium for the browser tests (apt)..."; apt_install chromium fonts-liberation; }
}

require_redis() {
  command -v redis-server >/dev/null || { echo "Installing Redis for the two-node backplane tests (apt)..."; apt_install redis-server; }
}
