# Private infrastructure for drills and the load test, so that restarting a database or a broker
# (or loading them) never touches the shared PostgreSQL (15/main, :5432) and RabbitMQ (rabbit@, :5672)
# other people test against. Sourced by bench/drills/drill-lib.sh and bench/load.sh.
#   private_infra_up    PostgreSQL cluster 15/drill on :5439 (pgvector, role and database closeloop),
#                       RabbitMQ node drill@localhost on :5679 (dist :25679, no plugins, own data and
#                       logs under /tmp/closeloop-drill-rabbit), user closeloop, vhosts closeloop (drills)
#                       and closeloop_load (load test), so a drill and the load test never share queues
#   private_infra_down  stops both (the cluster and the node's data stay for the next run)
# Debian/Ubuntu as root (pg_createcluster, the rabbitmq-server package) like deploy/local/infra.sh.
# Settings: DRILL_PG_PORT, DRILL_RABBIT_PORT, DRILL_RABBIT_NODE, DRILL_RABBIT_BASE.
DRILL_PG_VERSION=${DRILL_PG_VERSION:-15}
DRILL_PG_CLUSTER=${DRILL_PG_CLUSTER:-drill}
DRILL_PG_PORT=${DRILL_PG_PORT:-5439}
DRILL_RABBIT_PORT=${DRILL_RABBIT_PORT:-5679}
DRILL_RABBIT_DIST_PORT=${DRILL_RABBIT_DIST_PORT:-25679}
DRILL_RABBIT_NODE=${DRILL_RABBIT_NODE:-drill@localhost}
DRILL_RABBIT_BASE=${DRILL_RABBIT_BASE:-/tmp/closeloop-drill-rabbit}

private_rabbit_env() {
  env RABBITMQ_NODENAME="$DRILL_RABBIT_NODE" RABBITMQ_NODE_PORT="$DRILL_RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$DRILL_RABBIT_DIST_PORT" RABBITMQ_MNESIA_BASE="$DRILL_RABBIT_BASE/mnesia" \
    RABBITMQ_LOG_BASE="$DRILL_RABBIT_BASE/log" RABBITMQ_PID_FILE="$DRILL_RABBIT_BASE/node.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$DRILL_RABBIT_BASE/enabled_plugins" RABBITMQ_CONFIG_FILE="$DRILL_RABBIT_BASE/none" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$DRILL_RABBIT_BASE/none-advanced.config" "$@"
}
private_rabbitmqctl() { rabbitmqctl -q -n "$DRILL_RABBIT_NODE" "$@"; }

private_pg_up() {
  if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$DRILL_PG_VERSION/$DRILL_PG_CLUSTER"; then
    echo "[private-infra] creating PostgreSQL cluster $DRILL_PG_VERSION/$DRILL_PG_CLUSTER on :$DRILL_PG_PORT" >&2
    pg_createcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" -p "$DRILL_PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    cat >> "/etc/postgresql/$DRILL_PG_VERSION/$DRILL_PG_CLUSTER/postgresql.conf" <<CONF
shared_buffers = 256MB
max_connections = 120
listen_addresses = 'localhost'
CONF
  fi
  pg_ctlcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" status >/dev/null 2>&1 || pg_ctlcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" start
  for _ in $(seq 1 60); do
    su postgres -c "psql -p $DRILL_PG_PORT -Atqc 'select 1'" >/dev/null 2>&1 && break; sleep 1
  done
  su postgres -c "psql -p $DRILL_PG_PORT -v ON_ERROR_STOP=1 -q" <<SQL >/dev/null
select 'create role closeloop login password ''closeloop'' createdb' where not exists (select from pg_roles where rolname = 'closeloop') \gexec
SQL
}

private_rabbit_running() { private_rabbitmqctl status >/dev/null 2>&1; }

private_rabbit_up() {
  mkdir -p "$DRILL_RABBIT_BASE/mnesia" "$DRILL_RABBIT_BASE/log"
  echo '[].' > "$DRILL_RABBIT_BASE/enabled_plugins"
  echo '[].' > "$DRILL_RABBIT_BASE/none-advanced.config"
  chown -R rabbitmq:rabbitmq "$DRILL_RABBIT_BASE" 2>/dev/null || true
  if ! private_rabbit_running; then
    echo "[private-infra] starting RabbitMQ node $DRILL_RABBIT_NODE on :$DRILL_RABBIT_PORT" >&2
    private_rabbit_env rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  private_rabbitmqctl await_startup --timeout 120 >/dev/null 2>&1 || true
  for _ in $(seq 1 120); do private_rabbitmqctl list_vhosts >/dev/null 2>&1 && break; sleep 1; done
  private_rabbitmqctl list_users --no-table-headers | awk '{print $1}' | grep -qx closeloop \
    || private_rabbitmqctl add_user closeloop closeloop >/dev/null
  local vhost
  for vhost in ${DRILL_RABBIT_VHOSTS:-closeloop closeloop_load}; do
    private_rabbitmqctl list_vhosts --no-table-headers | grep -qx "$vhost" || private_rabbitmqctl add_vhost "$vhost" >/dev/null
    private_rabbitmqctl set_permissions -p "$vhost" closeloop ".*" ".*" ".*" >/dev/null
  done
}

private_infra_up() { private_pg_up; private_rabbit_up; }

private_infra_down() {
  private_rabbitmqctl stop >/dev/null 2>&1 || true
  pg_ctlcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" stop >/dev/null 2>&1 || true
}

# fresh database with pgvector on the private cluster: private_fresh_db NAME
private_fresh_db() {
  PGPASSWORD=closeloop psql -h localhost -p "$DRILL_PG_PORT" -U closeloop -d postgres -q \
    -c "drop database if exists $1" -c "create database $1" >/dev/null
  su postgres -c "psql -p $DRILL_PG_PORT -d $1 -qc 'create extension if not exists vector'" >/dev/null
}

# the service's environment for the private infrastructure: private_service_env DB
private_service_env() { # DB [VHOST]
  echo "CLOSELOOP_DB_URL=jdbc:postgresql://localhost:$DRILL_PG_PORT/$1 CLOSELOOP_RABBIT_PORT=$DRILL_RABBIT_PORT CLOSELOOP_RABBIT_VHOST=${2:-closeloop}"
}
