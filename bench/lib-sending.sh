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
  # the number of clients the service keeps with every change of them
  sql -c "insert into client_count (owner_id, clients) values ($owner_id, $rows)"
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

# heap_sampler PID FILE: samples the heap every second until killed, a line each: used MB, and of it
# MB in survivors and the old generation (what a young collection leaves: live data and garbage not
# yet collected in the old generation; G1 lets eden grow towards the limit, so "used" swings with it)
heap_sampler() {
  local pid=$1 file=$2
  while kill -0 "$pid" 2>/dev/null; do
    jstat -gc "$pid" 2>/dev/null | awk 'NR==2 { printf "%.0f %.0f\n", ($3 + $4 + $6 + $8) / 1024, ($3 + $4 + $8) / 1024 }' >> "$file"
    sleep 1
  done
}

# live_heap PID: MB used right after a full collection (the live data), at the cost of one pause
live_heap() {
  jcmd "$1" GC.run > /dev/null
  jstat -gc "$1" | awk 'NR==2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'
}

# ---- a browser's session on the service (form login, JSF view state, PrimeFaces ajax) -------------

# password_hash PASSWORD: the stored form of a password as the service makes it (Soteria's
# Pbkdf2PasswordHash, 1,024 iterations as PASSWORD_HASH_ITERATIONS in start_service)
password_hash() {
  BENCH_PASSWORD=$1 python3 - <<'PY'
import base64, hashlib, os
salt = os.urandom(32)
key = hashlib.pbkdf2_hmac("sha512", os.environ["BENCH_PASSWORD"].encode("utf-8"), salt, 1024, 64)
print("PBKDF2WithHmacSHA512:1024:%s:%s" % (base64.b64encode(salt).decode(), base64.b64encode(key).decode()))
PY
}

view_state() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
nonce() { grep -o 'nonce="[^"]*"' "$1" | head -1 | sed 's/nonce="\([^"]*\)"/\1/'; }

# sign_in BASE EMAIL PASSWORD JAR: logs in through the login form; the session's cookie in JAR
sign_in() {
  local base=$1 email=$2 password=$3 jar=$4 page code
  page=$(mktemp -p "$work")
  curl -s -c "$jar" -b "$jar" -o "$page" "$base/login"
  code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "login=login" --data-urlencode "login:email=$email" --data-urlencode "login:password=$password" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$(view_state "$page")" \
    --data-urlencode "primefaces.nonce=$(nonce "$page")" "$base/login")
  [ "$code" = 302 ] || { log "Login as $email failed (HTTP $code)"; return 1; }
}

# timed JAR OUT curl-args…: one request; prints its HTTP code and milliseconds (curl time_total)
timed() {
  local jar=$1 out=$2; shift 2
  curl -s -b "$jar" -c "$jar" -o "$out" -w '%{http_code} %{time_total}\n' "$@" | awk '{ printf "%s %.1f\n", $1, $2 * 1000 }'
}

# ajax_fields PAGE-FILE FORM FIELD…: the curl arguments of a PrimeFaces ajax POST in the view of a page fetched before
ajax_fields() {
  local page=$1 form=$2; shift 2
  local args=(-H 'Faces-Request: partial/ajax' -H 'X-Requested-With: XMLHttpRequest'
    --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "$form=$form"
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$page")" --data-urlencode "primefaces.nonce=$(nonce "$page")")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  printf '%s\0' "${args[@]}"
}

# summary LABEL FILE: median and max of the milliseconds in FILE's second column, and answers other than 200
summary() {
  python3 - "$1" "$2" <<'PY'
import statistics, sys
label, rows = sys.argv[1], [line.split() for line in open(sys.argv[2]) if line.strip()]
times = [float(r[1]) for r in rows if r[0] == "200"]
others = len(rows) - len(times)
if not times:
    print("%-46s no answers (%d other than 200)" % (label, others))
else:
    print("%-46s median %7.1f ms, max %7.1f ms  (%d requests%s)" % (label, statistics.median(times), max(times),
          len(times), ", %d answers other than 200" % others if others else ""))
PY
}
