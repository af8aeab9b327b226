#!/usr/bin/env bash
# Shared steps of bench/send and bench/faults: a fresh database with one owner, N clients and a
# message; the service started on it towards a given SMTP server; mailings written straight into
# the tables before the start (the start-up rebuild gives each its timer), and the ledger read back.
# Sourced, not run.

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres}
export PGPASSWORD=${DB_PASSWORD:-}
# sink dumps in memory when possible: writing them must not slow the sink down
work=$(mktemp -d -p "$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)")
chmod 777 "$work"  # smtp-sink writes its dump as nobody
service_pids=()

log() { printf '%s\n' "$*" >&2; }
# a port nobody listens on now, for defaults: fixed numbers collide with other services on the machine
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$bench_db" -v ON_ERROR_STOP=1 -qAt "$@"; }
now_s() { date +%s.%N; }
elapsed() { echo "$(now_s) - $1" | bc; }

ensure_postfix() {
  if ! command -v smtp-sink > /dev/null && [ ! -x /usr/sbin/smtp-sink ]; then
    log "Installing postfix (smtp-sink, smtp-source)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix > /dev/null
  fi
  export PATH=$PATH:/usr/sbin
}

fresh_database() {
  [[ $bench_db =~ ^[a-z_][a-z0-9_]*$ ]] || { log "Not a plain database name: $bench_db"; exit 1; }
  psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c "drop database if exists $bench_db with (force)" -c "create database $bench_db"
}

# start_service PORT SMTP_PORT [extra VAR=value …]: starts the service in the background; its pid in $started_pid
start_service() {
  local port=$1 smtp=$2; shift 2
  (
    # a public-looking BASE_URL: with a real SMTP server the service sends no mailing whose links point to localhost
    export DB_NAME=$bench_db DB_PASSWORD=${DB_PASSWORD:-} PORT=$port BASE_URL=http://rassylka.example.org \
      SMTP_HOST=127.0.0.1 SMTP_PORT=$smtp SMTP_TLS=none DATA_DIR=$project_dir/target/bench-data \
      PASSWORD_HASH_ITERATIONS=1024 JAVA_OPTS=${JAVA_OPTS:--Xmx1g} "$@"
    exec bash "$project_dir/payara-config/start.sh"
  ) > "$project_dir/target/bench-service-$port.log" 2>&1 &
  started_pid=$!
  service_pids+=("$started_pid")
}

wait_for_service() {
  local port=$1 pid=$2
  for _ in $(seq 1 300); do
    # the home page, not /health: Payara answers /health before the application is deployed
    if curl -fs -o /dev/null "http://localhost:$port/"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { log "The service stopped; see target/bench-service-$port.log"; exit 1; }
    sleep 1
  done
  log "The service did not start"; exit 1
}

stop_services() {
  for pid in "${service_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
}

# schema: the service migrates the database on its first start; start it once and stop it
migrate_schema() {
  local port=$1 smtp=$2
  start_service "$port" "$smtp"
  local pid=$started_pid
  wait_for_service "$port" "$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# owner_with_clients ROWS: one verified owner in UTC with ROWS clients and a message that makes e-mails of about 2,000 bytes (as smtp-source -l 2000); sets owner_id, message_id
owner_with_clients() {
  local rows=$1
  owner_id=$(sql -c "insert into app_user (id, email, password_hash, full_name, language, time_zone, verified_at, created_at, version)
    values (nextval('app_user_seq'), 'bench-$RANDOM@example.org', 'x', 'Bench Owner', 'RU', 'UTC', now(), now(), 0) returning id" | head -1)
  sql -c "insert into user_role (user_id, role) values ($owner_id, 'USER')"
  sql -c "insert into client (id, owner_id, email, full_name, created_at, version)
    select nextval('client_seq'), $owner_id, 'r' || g || '@example.org', 'Получатель ' || g, now(), 0 from generate_series(1, $rows) g"
  local body
  body="Здравствуйте, {{full_name}}!\n\n$(head -c 1140 /dev/zero | tr '\0' 'x' | fold -w 75)\n\nОтписаться: {{unsubscribe_url}}"
  message_id=$(sql -c "insert into message (id, owner_id, subject, body, body_kind, created_at, updated_at, version)
    values (nextval('message_seq'), $owner_id, 'Новости для {{full_name}}', E'$body', 'PLAIN_TEXT', now(), now(), 0) returning id" | head -1)
  sql -c "vacuum (analyze) client"
}

# mailing_at EPOCH_SECONDS NAME [CLIENT_LIMIT]: a once-only mailing to all clients (or the first LIMIT of them); prints its id
mailing_at() {
  local at=$1 name=$2 limit=${3:-}
  local all=true
  [ -n "$limit" ] && all=false
  local id
  id=$(sql -c "insert into mailing (id, owner_id, name, message_id, all_clients, first_send, time_zone, periodicity,
      next_run_at, created_at, updated_at, version)
    values (nextval('mailing_seq'), $owner_id, '$name', $message_id, $all, to_timestamp($at) at time zone 'UTC', 'UTC', 'ONCE',
      to_timestamp($at), now(), now(), 0) returning id" | head -1)
  if [ -n "$limit" ]; then
    sql -c "insert into mailing_recipient (mailing_id, client_id) select $id, id from client where owner_id = $owner_id order by id limit $limit"
  fi
  echo "$id"
}

wait_run_finished() {
  local mailing=$1 timeout=${2:-1800}
  for _ in $(seq 1 "$timeout"); do
    [ "$(sql -c "select count(*) from mailing_run where mailing_id = $mailing and finished_at is not null")" = 1 ] && return 0
    sleep 1
  done
  log "The run of mailing $mailing did not finish within $timeout s"; return 1
}

# heap_sampler PID FILE: samples used heap (MB) every second until killed
heap_sampler() {
  local pid=$1 file=$2
  while kill -0 "$pid" 2>/dev/null; do
    jstat -gc "$pid" 2>/dev/null | awk 'NR==2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }' >> "$file"
    sleep 1
  done
}
