#!/usr/bin/env bash
# Closeloop local infrastructure: PostgreSQL 15 + pgvector 0.8 and RabbitMQ on this machine,
# installed from Debian's packages when missing, started without systemd, reused when present.
#
#   deploy/local/infra.sh up       install what is missing, start, create database/user/vhost
#   deploy/local/infra.sh down     stop both servers (data is kept)
#   deploy/local/infra.sh status   one line per component, exit 1 when something is not ready
#
# Settings (environment, with defaults):
#   CLOSELOOP_PG_PORT=5432  CLOSELOOP_DB_USER=closeloop  CLOSELOOP_DB_PASSWORD=closeloop
#   CLOSELOOP_DBS="closeloop closeloop_test"  CLOSELOOP_RABBIT_VHOSTS="closeloop closeloop_test"
set -euo pipefail

PG_VERSION="${CLOSELOOP_PG_VERSION:-15}"
PG_CLUSTER=main
PG_PORT="${CLOSELOOP_PG_PORT:-5432}"
DB_USER="${CLOSELOOP_DB_USER:-closeloop}"
DB_PASSWORD="${CLOSELOOP_DB_PASSWORD:-closeloop}"
DBS="${CLOSELOOP_DBS:-closeloop closeloop_test}"
RABBIT_USER="${CLOSELOOP_RABBIT_USER:-closeloop}"
RABBIT_PASSWORD="${CLOSELOOP_RABBIT_PASSWORD:-closeloop}"
RABBIT_VHOSTS="${CLOSELOOP_RABBIT_VHOSTS:-closeloop closeloop_test}"
PGVECTOR_VERSION=0.8.0
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
VECTOR_CONTROL="/usr/share/postgresql/${PG_VERSION}/extension/vector.control"
TRIXIE_SRC=/etc/apt/sources.list.d/closeloop-trixie-src.sources

log() { printf '[infra] %s\n' "$*" >&2; }

die_cannot_install() {
  cat >&2 <<MSG
[infra] Cannot install: $1
[infra] Missing: $2
[infra] This script installs on Debian/Ubuntu as root. Elsewhere, start PostgreSQL 15+ with
[infra] pgvector and RabbitMQ yourself, e.g. with deploy/compose/ (docker compose up -d), and
[infra] set CLOSELOOP_SKIP_INFRA=1 so ./closeloop uses them as they are.
MSG
  exit 2
}

can_install() { # $1 = what is missing
  command -v apt-get >/dev/null 2>&1 || die_cannot_install "apt-get not found (not Debian/Ubuntu)" "$1"
  [ "$(id -u)" = 0 ] || die_cannot_install "not running as root" "$1"
}

APT_UPDATED=0
apt_install() {
  can_install "$*"
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
  log "installing: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Debian's maintainer scripts try to start services; there is no init system here, we start them.
POLICY_RC=/usr/sbin/policy-rc.d
with_no_service_start() {
  if [ ! -e "$POLICY_RC" ] && [ "$(id -u)" = 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$POLICY_RC"; chmod +x "$POLICY_RC"
    trap 'rm -f "$POLICY_RC"' EXIT   # also when an install step fails and the script exits
    "$@"
    rm -f "$POLICY_RC"; trap - EXIT
  else
    "$@"
  fi
}

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }
psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }

ensure_postgres_installed() {
  if [ ! -x "$PG_BIN/postgres" ]; then
    with_no_service_start apt_install "postgresql-${PG_VERSION}" "postgresql-client-${PG_VERSION}"
  fi
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "${PG_VERSION}/${PG_CLUSTER}"; then
    log "creating cluster ${PG_VERSION}/${PG_CLUSTER} on port ${PG_PORT}"
    pg_createcluster -p "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
  fi
}

ensure_pgvector_installed() {
  [ -f "$VECTOR_CONTROL" ] && return 0
  log "pgvector missing: building ${PGVECTOR_VERSION} from Debian's source package"
  can_install "pgvector (PostgreSQL extension 'vector')"
  if [ ! -f "$TRIXIE_SRC" ]; then
    cat > "$TRIXIE_SRC" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    APT_UPDATED=0
  fi
  apt_install build-essential dpkg-dev "postgresql-server-dev-${PG_VERSION}"
  local work; work="$(mktemp -d)"
  (
    cd "$work"
    apt-get source -qq --download-only "pgvector=${PGVECTOR_VERSION}-*" >/dev/null 2>&1 \
      || apt-get source -qq --download-only pgvector >/dev/null
    dpkg-source -x --no-check ./pgvector_*.dsc src >/dev/null
    cd src
    grep -q "\"${PGVECTOR_VERSION}\"\|${PGVECTOR_VERSION}" vector.control || log "warning: source is not ${PGVECTOR_VERSION}"
    make -s PG_CONFIG="$PG_BIN/../../../bin/pg_config" OPTFLAGS="" >/dev/null 2>&1 || make -s OPTFLAGS="" >/dev/null
    make -s install >/dev/null
  )
  rm -rf "$work"
  [ -f "$VECTOR_CONTROL" ] || { log "pgvector build did not install $VECTOR_CONTROL"; exit 1; }
  log "pgvector installed"
}

pg_running() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; }

# Memory settings sized to this machine (Debian's defaults give PostgreSQL 128 MB of shared buffers,
# so a 1M-chunk HNSW index is read through the OS cache on every search). Written to conf.d; the
# cluster is restarted only when the file changes. pg_stat_statements is loaded so benchmarks can say which
# statements the database spends its time on (create the extension in the database to read it).
tune_postgres() {
  local conf="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}/conf.d/closeloop.conf"
  local mem_mb; mem_mb=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)
  local sb=$(( mem_mb / 6 )); [ "$sb" -gt 4096 ] && sb=4096; [ "$sb" -lt 128 ] && sb=128
  [ -w "$(dirname "$conf")" ] || { log "cannot write $conf: keeping PostgreSQL defaults"; return 0; }
  local want
  want=$(printf '%s\n' "# written by deploy/local/infra.sh" \
    "shared_buffers = ${sb}MB" "effective_cache_size = $(( mem_mb / 2 ))MB" \
    "maintenance_work_mem = $(( sb / 4 ))MB" "max_connections = 200" \
    "shared_preload_libraries = 'pg_stat_statements'" "pg_stat_statements.track = all")
  if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
    log "tuning PostgreSQL memory (shared_buffers ${sb}MB): $conf"
    printf '%s\n' "$want" > "$conf"
    if pg_running; then pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart; fi
  fi
}

start_postgres() {
  if ! pg_running; then
    log "starting PostgreSQL ${PG_VERSION}/${PG_CLUSTER}"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  fi
  for _ in $(seq 1 60); do as_postgres pg_isready -q -p "$PG_PORT" && return 0; sleep 0.5; done
  log "PostgreSQL did not become ready"; exit 1
}

ensure_database() {
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='${DB_USER}'")" != 1 ]; then
    log "creating role ${DB_USER}"
    psql_admin -c "create role \"${DB_USER}\" login password '${DB_PASSWORD}'"
  fi
  for db in $DBS; do
    if [ "$(psql_admin -c "select 1 from pg_database where datname='${db}'")" != 1 ]; then
      log "creating database ${db}"
      psql_admin -c "create database \"${db}\" owner \"${DB_USER}\""
    fi
    # The extensions need superuser to create (pg_prewarm: benchmarks load the HNSW index into shared buffers before timing); the migrations then only 'create extension if not exists'.
    psql_admin -d "$db" -c "set client_min_messages = warning; create extension if not exists vector; create extension if not exists pg_prewarm"
  done
}

ensure_rabbitmq_installed() {
  command -v rabbitmq-server >/dev/null 2>&1 && return 0
  with_no_service_start apt_install rabbitmq-server
}

rabbit_running() { rabbitmqctl -q status >/dev/null 2>&1; }

start_rabbitmq() {
  if ! rabbit_running; then
    log "starting RabbitMQ"
    # Quiet stray nodes (e.g. a half-started one) before starting detached.
    rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  # await_startup fails at once while the node is not yet registered with epmd: poll first.
  for _ in $(seq 1 120); do
    rabbitmqctl -q await_startup --timeout 120 >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "RabbitMQ did not start within 2 minutes (see /var/log/rabbitmq)"; exit 1
}

ensure_vhosts() {
  local vhosts vhost
  vhosts="$(rabbitmqctl -q list_vhosts --no-table-headers 2>/dev/null)"
  if ! rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx "$RABBIT_USER"; then
    log "creating RabbitMQ user ${RABBIT_USER}"
    rabbitmqctl -q add_user "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
    rabbitmqctl -q set_user_tags "$RABBIT_USER" management >/dev/null
  fi
  for vhost in $RABBIT_VHOSTS; do
    if ! grep -qx "$vhost" <<<"$vhosts"; then
      log "creating vhost ${vhost}"
      rabbitmqctl -q add_vhost "$vhost" >/dev/null
      rabbitmqctl -q set_permissions -p "$vhost" "$RABBIT_USER" ".*" ".*" ".*" >/dev/null
    fi
  done
}

cmd_up() {
  local t0=$SECONDS
  ensure_postgres_installed
  ensure_pgvector_installed
  tune_postgres
  start_postgres
  ensure_database
  ensure_rabbitmq_installed
  start_rabbitmq
  ensure_vhosts
  log "ready in $((SECONDS - t0)) s: PostgreSQL ${PG_VERSION} + pgvector on :${PG_PORT}, RabbitMQ vhosts '${RABBIT_VHOSTS}' on :5672"
}

cmd_down() {
  if command -v rabbitmqctl >/dev/null 2>&1 && rabbit_running; then log "stopping RabbitMQ"; rabbitmqctl -q stop >/dev/null 2>&1 || true; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && pg_running; then log "stopping PostgreSQL"; pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop; fi
}

cmd_status() {
  local ok=0
  if [ -x "$PG_BIN/postgres" ] && pg_running; then echo "postgresql: running (${PG_VERSION}/${PG_CLUSTER} :${PG_PORT})"; else echo "postgresql: not running"; ok=1; fi
  if [ -f "$VECTOR_CONTROL" ]; then echo "pgvector:   installed ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "$VECTOR_CONTROL"))"; else echo "pgvector:   not installed"; ok=1; fi
  if command -v rabbitmqctl >/dev/null 2>&1 && rabbit_running; then echo "rabbitmq:   running (:5672, vhosts: $(rabbitmqctl -q list_vhosts --no-table-headers 2>/dev/null | tr "\n" " "))"; else echo "rabbitmq:   not running"; ok=1; fi
  return $ok
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
