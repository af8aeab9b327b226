#!/usr/bin/env bash
# Runs the built WAR on a full Payara Server 6: creates a domain, the PostgreSQL pool and
# jdbc/rassylka, keeps the EJB timers in that database, turns the settings of an .env file
# (the names of .env.sample) into system properties and the secrets into password aliases,
# deploys the WAR and prints the admin console's address.
#
#   payara-config/server/setup.sh [--env FILE] [--payara DIR] [--war FILE] [--domain NAME] [--instances N]
#
# --env     the settings (default ./.env); DB_HOST is required: Payara Server runs on PostgreSQL.
# --payara  a Payara Server 6 folder (the one holding bin/asadmin). Without it the
#           fish.payara.distributions:payara zip is fetched through Maven (kept in the local Maven
#           repository) and unpacked under target/payara-server/.
# --war     default target/rassylka.war (build it with ./mvnw -Dmaven.test.skip=true package).
# --domain  default rassylka; an existing domain of that name is refused (delete-domain it first).
# --instances N (default 0): the WAR runs on the domain's own server (the DAS). With N >= 1 it runs
#           instead on N instances of the deployment group rassylka-group on this host, all of one
#           configuration (rassylka-config), each a member of the domain's data grid with the DAS:
#           instance k is rassylka-k, listens on PORT + k and is named rassylka-k in delivery leases
#           (INSTANCE_NAME of the .env is not used); the DAS keeps the console and serves no application.
#           Its other ports come from INSTANCE_PORT_BASE (default 28000) + 100 * (k - 1).
# Ports: ADMIN_PORT (default 4848, the console and the REST interface); the service listens on PORT
# from the .env (default 8080); HTTPS_PORT defaults to 8181. The domain's other ports (JMS, IIOP,
# JMX, Hazelcast ...) are their defaults moved by ADMIN_PORT - 4848, or HAZELCAST_PORT for Hazelcast.
set -euo pipefail
config_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project_dir=$(dirname "$(dirname "$config_dir")")
# The release of Payara Micro in pom.xml is 6.2025.10; its server zip is not in the Maven registry,
# 6.2025.9 of the same line is.
server_version=${PAYARA_SERVER_VERSION:-6.2025.9}
env_file=.env
payara_home=${PAYARA_HOME:-}
war=$project_dir/target/rassylka.war
domain=rassylka
instances=0
while [ $# -gt 0 ]; do
  case $1 in
    --env) env_file=$2; shift 2 ;;
    --payara) payara_home=$2; shift 2 ;;
    --war) war=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    *) echo "Unknown option $1; see the head of $0" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
step() { echo "[$(($(date +%s) - started)) s] $*"; }

[[ "$instances" =~ ^[0-9]+$ ]] || { echo "--instances takes a number, not $instances" >&2; exit 2; }
[ -f "$env_file" ] || { echo "No settings file $env_file (copy .env.sample)" >&2; exit 2; }
[ -f "$war" ] || { echo "No WAR at $war (./mvnw -Dmaven.test.skip=true package)" >&2; exit 2; }
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
[ -n "${DB_HOST:-}" ] || { echo "$env_file sets no DB_HOST: Payara Server runs the service on PostgreSQL" >&2; exit 2; }

if [ -z "$payara_home" ]; then
  unpacked=$project_dir/target/payara-server
  if [ ! -x "$unpacked/payara6/bin/asadmin" ]; then
    step "Fetching Payara Server $server_version through Maven"
    (cd "$project_dir" && ./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="fish.payara.distributions:payara:$server_version:zip" -DoutputDirectory="$unpacked")
    (cd "$unpacked" && unzip -q "payara-$server_version.zip" && rm "payara-$server_version.zip")
  fi
  payara_home=$unpacked/payara6
fi
asadmin_bin=$payara_home/bin/asadmin
[ -x "$asadmin_bin" ] || { echo "No bin/asadmin in $payara_home" >&2; exit 2; }
driver=$project_dir/target/runtime/postgresql.jar
[ -f "$driver" ] || { echo "No JDBC driver at $driver (./mvnw -Dmaven.test.skip=true package)" >&2; exit 2; }

admin_port=${ADMIN_PORT:-4848}
offset=$((admin_port - 4848))
http_port=${PORT:-8080}
https_port=${HTTPS_PORT:-8181}
hazelcast_port=${HAZELCAST_PORT:-$((4900 + offset))}
asadmin() { "$asadmin_bin" --port "$admin_port" "$@"; }

step "Creating domain $domain (console port $admin_port, service port $http_port)"
"$asadmin_bin" create-domain --nopassword --adminport "$admin_port" --instanceport "$http_port" \
  --hazelcastdasport "$hazelcast_port" --hazelcaststartport "$((hazelcast_port + 10))" \
  --domainproperties "http.ssl.port=$https_port:jms.port=$((7676 + offset)):orb.listener.port=$((3700 + offset)):orb.ssl.port=$((3820 + offset)):orb.mutualauth.port=$((3920 + offset)):domain.jmxPort=$((8686 + offset)):osgi.shell.telnet.port=$((6666 + offset)):java.debugger.port=$((9009 + offset))" \
  "$domain" >/dev/null
domain_dir=$payara_home/glassfish/domains/$domain
cp "$driver" "$domain_dir/lib/"

step "Starting the domain"
"$asadmin_bin" start-domain "$domain" >/dev/null

# Secrets become password aliases named as the service reads them (Payara's MicroProfile Config
# reads the alias store); the pool reads its password as ${ALIAS=...}.
alias_of() { # NAME VALUE
  local file
  file=$(mktemp)
  local value=${2//\\/\\\\}
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >"$file"
  asadmin --passwordfile "$file" create-password-alias "$1" >/dev/null
  rm -f "$file"
}
step "Password aliases for the secrets"
alias_of rassylka.db.password "${DB_PASSWORD:-unused}"
secrets=(ADMIN_PASSWORD SMTP_PASSWORD UNSUBSCRIBE_SIGNING_KEY UNSUBSCRIBE_SIGNING_KEY_PREVIOUS METRICS_TOKEN)
for name in "${secrets[@]}"; do
  if [ -n "${!name:-}" ]; then
    property=$(tr 'A-Z_' 'a-z.' <<<"$name")
    alias_of "$property" "${!name}"
  fi
done

# asadmin separates properties by ':' and reads '=' and '\' specially: escape them.
escaped() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }
# Where the settings go: the DAS's own configuration, or one configuration that the instances of the
# deployment group share (the DAS keeps its own).
if [ "$instances" -gt 0 ]; then
  config=rassylka-config
  group=rassylka-group
  app_target=$group
else
  config=server-config
  app_target=server
fi
# The service's settings: every name of .env.sample or the .env file that is set, lower-cased with
# dots (MicroProfile Config finds BASE_URL as base.url), except the secrets above, the database (the
# pool has it), the settings of the Micro start script and this script's own; each instance has its
# own port and name.
commands=$(mktemp)
not_settings=" DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD JAVA_OPTS CLUSTER CLUSTER_INTERFACE HZ_PORT DATA_DIR
  ADMIN_PORT HTTPS_PORT HAZELCAST_PORT PAYARA_HOME PAYARA_SERVER_VERSION INSTANCE_PORT_BASE ${secrets[*]} "
[ "$instances" -gt 0 ] && not_settings+=" PORT INSTANCE_NAME "
not_settings=${not_settings//$'\n'/ }
properties=()
while IFS= read -r name; do
  case "$not_settings" in *" $name "*) continue ;; esac
  if [ -n "${!name:-}" ]; then
    properties+=("$(tr 'A-Z_' 'a-z.' <<<"$name")=$(escaped "${!name}")")
  fi
done < <(sed -n 's/^[#[:space:]]*\(export \)\{0,1\}\([A-Z][A-Z0-9_]*\)=.*/\2/p' "$project_dir/.env.sample" "$env_file" | sort -u)
properties+=("jakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider")
{
  if [ "$instances" -gt 0 ]; then
    echo "copy-config default-config $config"
    echo "create-deployment-group $group"
  fi
  printf 'create-system-properties --target %s "%s"\n' "$config" "$(IFS=:; echo "${properties[*]}")"
  echo "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource --sqltracelisteners=null --steadypoolsize=2 --maxpoolsize=32 --poolresize=2 --isconnectvalidatereq=true --validateatmostonceperiod=10 --validationmethod=custom-validation --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --property \"serverName=$(escaped "$DB_HOST"):portNumber=${DB_PORT:-5432}:databaseName=$(escaped "${DB_NAME:-rassylka}"):user=$(escaped "${DB_USER:-postgres}"):ApplicationName=rassylka\" rassylka-pool"
  echo "set resources.jdbc-connection-pool.rassylka-pool.property.password=\${ALIAS=rassylka.db.password}"
  # Persistent EJB timers go to the service's database (see below), first in the data grid.
  if [ "$instances" -eq 0 ]; then
    echo "set configs.config.$config.ejb-container.ejb-timer-service.timer-datasource=jdbc/rassylka"
  fi
  echo "set configs.config.$config.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid"
  echo "set configs.config.$config.network-config.protocols.protocol.http-listener-1.http.xpowered-by=false"
  echo "set configs.config.$config.network-config.protocols.protocol.http-listener-1.http.server-header=false"
  # Monitoring > Server (or the instance) in the console: the JVM, the pool, the EJB timers and the web container.
  for module in jvm jdbc-connection-pool ejb-container http-service web-container thread-pool; do
    echo "set configs.config.$config.monitoring-service.module-monitoring-levels.$module=HIGH"
  done
  for option in ${JAVA_OPTS:-}; do
    echo "create-jvm-options --target $config \"$(escaped "$option")\""
  done
  if [[ " ${JAVA_OPTS:-} " == *" -Xmx"* ]]; then
    echo "delete-jvm-options --target $config -Xmx512m"
  fi
  # Instance k: its HTTP port PORT + k and its name in delivery leases as system properties of the
  # instance itself, which come before those of the configuration.
  for k in $(seq "$instances"); do
    echo "create-instance --node localhost-$domain --config $config --portbase $((${INSTANCE_PORT_BASE:-28000} + 100 * (k - 1))) --systemproperties HTTP_LISTENER_PORT=$((http_port + k)):port=$((http_port + k)):instance.name=rassylka-$k rassylka-$k"
    echo "add-instance-to-deployment-group --instance rassylka-$k --deploymentgroup $group"
  done
  # the resource on the DAS (where the console pings its pool) and on each instance
  echo "create-jdbc-resource --connectionpoolid=rassylka-pool jdbc/rassylka"
  for k in $(seq "$instances"); do
    echo "create-resource-ref --target rassylka-$k jdbc/rassylka"
  done
} >"$commands"
step "Settings, pool, resource and timer service${group:+, deployment group $group of $instances instances}"
asadmin multimode --file "$commands" >/dev/null
rm -f "$commands"
asadmin ping-connection-pool rassylka-pool >/dev/null

# Waits until the service answers its login page on PORT (the server answers before its applications are loaded).
await_login() { # PORT
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/login")" = 200 ] && return 0
    sleep 1
  done
  echo "The service on port $1 did not answer its login page within 300 s" >&2
  return 1
}

# The first deployment creates the service's tables (Flyway wants an empty schema the first time),
# so the timer table (EJB__TIMER__TBL) may only come after it: the timers live in the data grid for
# this first start, then the restart moves the timer service to the database, which creates its
# table and keeps the timers across restarts from then on. Instances start one after the other, so
# that only one of them migrates the schema. An instance does not create the timer table (only a
# DAS does, for itself): TimerTable.java creates it from the server's DDL once the schema is there.
step "Deploying $war to $app_target"
asadmin deploy --target "$app_target" --name rassylka --contextroot / "$war" >/dev/null
if [ "$instances" -gt 0 ]; then
  for k in $(seq "$instances"); do
    step "Starting instance rassylka-$k"
    asadmin start-instance "rassylka-$k" >/dev/null
    await_login $((http_port + k))
  done
fi
asadmin set "configs.config.$config.ejb-container.ejb-timer-service.timer-datasource=jdbc/rassylka" \
  "configs.config.$config.ejb-container.ejb-timer-service.ejb-timer-service=Database" >/dev/null
if [ "$instances" -gt 0 ]; then
  step "Creating the timer table"
  java -cp "$driver" "$config_dir/TimerTable.java" "$payara_home/glassfish/lib/install/databases/ejbtimer_postgresql.sql"
fi
step "Restarting with the settings and the timers in the database"
if [ "$instances" -gt 0 ]; then
  for k in $(seq "$instances"); do
    # stop and start: an instance that restart-instance stops does not always come back
    asadmin stop-instance "rassylka-$k" >/dev/null
    asadmin start-instance "rassylka-$k" >/dev/null
    await_login $((http_port + k))
  done
else
  asadmin restart-domain "$domain" >/dev/null
  await_login "$http_port"
fi
step "Done"
host=$(hostname -f 2>/dev/null || hostname)
if [ "$instances" -gt 0 ]; then
  for k in $(seq "$instances"); do
    echo "Service:       http://$host:$((http_port + k))/ (instance rassylka-$k of $group)"
  done
else
  echo "Service:       http://$host:$http_port/"
fi
echo "Admin console: http://$host:$admin_port/ (user admin, no password: run 'asadmin --port $admin_port change-admin-password' and 'enable-secure-admin' before opening it to the network)"
