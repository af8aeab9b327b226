#!/usr/bin/env bash
# Starts the built WAR on Payara Micro with this folder's boot commands.
# DB_HOST selects PostgreSQL; without it the embedded H2 file under DATA_DIR is used.
set -euo pipefail
config_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project_dir=$(dirname "$config_dir")
runtime_dir=${RUNTIME_DIR:-$project_dir/target/runtime}
war=${WAR_FILE:-$project_dir/target/rassylka.war}
export DATA_DIR=${DATA_DIR:-$project_dir/data}
mkdir -p "$DATA_DIR"

if [ -n "${DB_HOST:-}" ]; then
  database=postgresql
  export DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-rassylka} DB_USER=${DB_USER:-postgres}
  # asadmin properties are separated by ':' and need a value: escape the password, and give a
  # password-less (trust) setup a placeholder that PostgreSQL never asks for.
  password=${DB_PASSWORD:-unused}
  password=${password//\\/\\\\}
  password=${password//:/\\:}
  export DB_PASSWORD_PROPERTY=${password//=/\\=}
else
  database=h2
  export H2_FILE="$DATA_DIR/rassylka"
  # The embedded database means a development or trial start: the quick JIT compiler alone boots
  # the server with half the CPU time; with PostgreSQL the optimizing compiler stays on.
  JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1}
fi

# Clustering is off unless CLUSTER gives members, e.g. CLUSTER=tcpip:127.0.0.1:6900 (see README).
if [ -n "${CLUSTER:-}" ]; then
  cluster=(--clustermode "$CLUSTER" --interfaces "${CLUSTER_INTERFACE:-127.0.0.1}" --name "${INSTANCE_NAME:-$(hostname)-${PORT:-8080}}")
  # The Hazelcast port of this member (default 6900, the next free one when taken), so that two members on one host each have their own.
  if [ -n "${HZ_PORT:-}" ]; then
    cluster+=(--startport "$HZ_PORT")
  fi
else
  cluster=(--nocluster)
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of words
exec java ${JAVA_OPTS:--Xmx1g} -jar "$runtime_dir/payara-micro.jar" \
  --deploy "$war" --contextroot / --port "${PORT:-8080}" "${cluster[@]}" \
  --addLibs "$runtime_dir/postgresql.jar" \
  --prebootcommandfile "$config_dir/pre-boot.asadmin" \
  --postbootcommandfile "$config_dir/post-boot-$database.asadmin"
