#!/usr/bin/env bash
# Two app hosts, for real (issue 25): two network namespaces on this machine, each with its
# own address, gunicorn and task worker, behind one nginx that balances across them. They
# share what separate servers share: PostgreSQL (a database made for this run), Redis (this
# script's own, so that it may restart it) and the media store. The checks
# (bench/two_hosts/) print one line each; everything is torn down at the end, also on
# failure, and a run after a crash first removes what the crashed one left.
#
#   bash bench/two-hosts.sh                 # make two-hosts; CI runs it
#   LOAD_SECONDS=30 BENCH_SECONDS=8 bash bench/two-hosts.sh
#
#   root namespace: nginx 127.0.0.1:8081, bridge lzp-br0 10.77.0.1/24, Redis 10.77.0.1:6390,
#                   object store (moto) 10.77.0.1:9000, PostgreSQL by its unix socket
#   lzp-a: 10.77.0.11, gunicorn :8000 + db_worker      lzp-b: 10.77.0.12, the same
#
# Environment: LOAD_SECONDS (30: the load during which host A is killed), BENCH_SECONDS
# (8: each req/s measurement and the Redis restart), KEEP=1 (leave everything running, for
# a look around; `bash bench/two-hosts.sh checks [NAME…]` runs the checks again, `… down`
# removes it all). Needs root (namespaces).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PY="$root/.venv/bin/python"
state="$root/var/two-hosts"
bridge=lzp-br0
net=10.77.0
declare -A host_ip=([a]="$net.11" [b]="$net.12")
nginx_port=8081
redis_port=6390
store_port=9000
db_name_file="$state/database"

export LOAD_SECONDS=${LOAD_SECONDS:-30} BENCH_SECONDS=${BENCH_SECONDS:-8}

# --- the environment every host and every check shares -----------------------------------
shared_env() {
  mkdir -p "$state"
  [ -s "$state/secret-key" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$state/secret-key"
  export DJANGO_SETTINGS_MODULE=portal.settings.production
  SECRET_KEY=$(cat "$state/secret-key")
  export SECRET_KEY
  export ALLOWED_HOSTS="127.0.0.1,localhost,${host_ip[a]},${host_ip[b]}"
  export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
  export PORTAL_EXTRA_CSRF_ORIGINS="http://127.0.0.1:$nginx_port,http://${host_ip[a]}:8000,http://${host_ip[b]}:8000"
  export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$nginx_port"
  # PostgreSQL by its unix socket: the namespaces share the file system, not the loopback.
  export DATABASE_URL="postgres://postgres@%2Fvar%2Frun%2Fpostgresql/$(cat "$db_name_file")"
  export REDIS_URL="redis://$net.1:$redis_port/0"
  export STATIC_ROOT="$state/static"
  export TRUSTED_PROXY_COUNT=1 GUNICORN_FORWARDED_ALLOW_IPS="$net.1"
  export GUNICORN_ACCESS_LOG="" LOG_LEVEL=${LOG_LEVEL:-WARNING}
  # Small demo films: one rendition each, transcoded in seconds.
  export PORTAL_DEMO_FILM=${PORTAL_DEMO_FILM:-640x360:4}
  export TWO_HOSTS_NGINX="http://127.0.0.1:$nginx_port" TWO_HOSTS_STATE="$state"
  export TWO_HOSTS_A="http://${host_ip[a]}:8000" TWO_HOSTS_B="http://${host_ip[b]}:8000"
  media_env
}

media_env() {
  export TWO_HOSTS_MEDIA_MODE
  # Media in the object store's bucket, proxied by nginx; TWO_HOSTS_MEDIA=disk puts them in
  # a directory both hosts share instead.
  TWO_HOSTS_MEDIA_MODE=${TWO_HOSTS_MEDIA:-s3}
  case "$TWO_HOSTS_MEDIA_MODE" in
    s3 | disk) ;;
    *) echo "TWO_HOSTS_MEDIA must be s3 or disk" >&2; exit 2 ;;
  esac
  export MEDIA_ROOT="$state/media"
  if [ "$TWO_HOSTS_MEDIA_MODE" = s3 ]; then
    export PORTAL_S3_BUCKET=portal-media PORTAL_S3_ENDPOINT_URL="http://$net.1:$store_port"
    export PORTAL_S3_REGION=eu-central-1 AWS_ACCESS_KEY_ID=two-hosts AWS_SECRET_ACCESS_KEY=two-hosts
    export PORTAL_MEDIA_BACKEND=s3 PORTAL_S3_ORIGIN="$PORTAL_S3_ENDPOINT_URL/$PORTAL_S3_BUCKET"
  fi
}

# --- network -------------------------------------------------------------------------------
network_up() {
  ip link add "$bridge" type bridge
  ip addr add "$net.1/24" dev "$bridge"
  ip link set "$bridge" up
  for host in a b; do
    ip netns add "lzp-$host"
    ip link add "lzp-$host-br" type veth peer name eth0 netns "lzp-$host"
    ip link set "lzp-$host-br" master "$bridge" up
    ip -n "lzp-$host" addr add "${host_ip[$host]}/24" dev eth0
    ip -n "lzp-$host" link set eth0 up
    ip -n "lzp-$host" link set lo up
  done
}

in_host() { # host command...: run in that host's namespace
  local host=$1
  shift
  ip netns exec "lzp-$host" "$@"
}

# --- shared services -------------------------------------------------------------------------
redis_start() {
  # Bound to the bridge only, which no other machine reaches: protected mode (loopback
  # clients only without a password) would refuse the hosts.
  redis-server --bind "$net.1" --port "$redis_port" --save '' --appendonly no --protected-mode no \
    --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log" --dir "$state"
  wait_for_cmd redis-cli -h "$net.1" -p "$redis_port" ping
}

redis_stop() {
  stop_pidfile "$state/redis.pid"
}

store_start() {
  (exec "$root/.venv/bin/moto_server" -H "$net.1" -p "$store_port" >>"$state/moto.log" 2>&1) &
  echo $! >"$state/moto.pid"
  wait_for_cmd curl -fsS -o /dev/null "http://$net.1:$store_port/moto-api/"
}

store_stop() {
  stop_pidfile "$state/moto.pid"
}

stop_pidfile() {
  local file=$1 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

wait_for_cmd() {
  for _ in $(seq 1 150); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "not ready: $*" >&2
  return 1
}

psql_cmd() { psql -h /var/run/postgresql -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

# --- the app ----------------------------------------------------------------------------------
prepare() {
  make -s messages vendor-js >/dev/null
  if [ "$TWO_HOSTS_MEDIA_MODE" = s3 ]; then
    # Before migrate: the start-up check of the store (portal/storage/checks.py) needs it.
    "$PY" -c 'import os; from portal.storage.local_store import create_bucket
create_bucket(*(os.environ[n] for n in ("PORTAL_S3_ENDPOINT_URL", "PORTAL_S3_BUCKET", "PORTAL_S3_REGION")))'
  fi
  # Static files do not need the database: collected while the content is made.
  timed collectstatic "$PY" manage.py collectstatic --noinput -v 0 &
  local static_pid=$!
  timed migrate "$PY" manage.py migrate --noinput -v 0
  timed demo-content "$PY" manage.py load_demo_content -v 0
  timed search-index "$PY" manage.py update_index -v 0
  timed editor env DJANGO_SUPERUSER_PASSWORD=two-hosts-editor "$PY" manage.py createsuperuser \
    --noinput --username editor --email editor@example.org
  wait "$static_pid"
}

timed() { # label command...: run it and say how long it took
  local label=$1 started=$SECONDS
  shift
  "$@" >/dev/null
  echo "   $label: $((SECONDS - started)) s"
}

gunicorn_start() { # host
  in_host "$1" env GUNICORN_BIND="${host_ip[$1]}:8000" GUNICORN_READY_DIR="$state/ready-$1" \
    GUNICORN_ERROR_LOG="$state/gunicorn-$1.log" \
    "$root/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py --daemon --pid "$state/gunicorn-$1.pid"
  wait_for_cmd curl -fsS -o /dev/null "http://${host_ip[$1]}:8000/healthz"
}

worker_start() { # host: the worker id names the host, so a task's result says who ran it
  (exec ip netns exec "lzp-$1" env LOG_LEVEL=INFO "$PY" manage.py db_worker --interval 1 \
    --worker-id "host-$1" >>"$state/worker-$1.log" 2>&1) &
  echo $! >"$state/worker-$1.pid"
  disown  # killed with host A on purpose: no "Killed" notice from bash
}

render_nginx() { # upstream addresses
  mkdir -p "$state/nginx-cache" "$state/nginx-tmp"
  PORTAL_LISTEN="127.0.0.1:$nginx_port" PORTAL_SERVER_NAME="127.0.0.1 localhost" \
    PORTAL_UPSTREAM="$1" PORTAL_STATIC_ROOT="$STATIC_ROOT" PORTAL_MEDIA_ROOT="$MEDIA_ROOT" \
    PORTAL_CACHE_DIR="$state/nginx-cache" PORTAL_PUBLIC_ORIGIN="$TWO_HOSTS_NGINX" \
    bash deploy/render-nginx.sh >"$state/portal-site.conf"
  bash deploy/local-nginx.sh "$state" bench/two-hosts.sh >"$state/nginx.conf"
  nginx -t -q -c "$state/nginx.conf" -p "$state"
}

both_hosts="${host_ip[a]}:8000 ${host_ip[b]}:8000"

nginx_reload() { nginx -c "$state/nginx.conf" -p "$state" -s reload 2>>"$state/nginx-error.log"; }

# --- steps the checks ask for (bench/two_hosts/common.py, step) -------------------------------
step() {
  case "$1" in
    upstream-a) render_nginx "${host_ip[a]}:8000" && nginx_reload ;;
    upstream-both) render_nginx "$both_hosts" && nginx_reload ;;
    kill-a) ip netns pids lzp-a | xargs -r kill -KILL ;;
    stop-worker-b) stop_pidfile "$state/worker-b.pid" ;;
    start-worker-b) worker_start b ;;
    restart-redis) redis-cli -h "$net.1" -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
                   redis_start ;;
    stop-store) store_stop ;;
    *) echo "unknown step: $1" >&2; return 2 ;;
  esac
}

# --- teardown ---------------------------------------------------------------------------------
down() {
  [ -s "$state/nginx.pid" ] && nginx -c "$state/nginx.conf" -p "$state" -s stop 2>/dev/null || true
  for host in a b; do
    if [ -e "/run/netns/lzp-$host" ]; then
      ip netns pids "lzp-$host" | xargs -r kill -KILL 2>/dev/null || true
      ip netns del "lzp-$host" || true
    fi
    # The kernel frees a namespace (and its end of the pair) only when nothing holds it
    # any more; the root end is removed here, which takes both ends with it.
    ip link del "lzp-$host-br" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  redis_stop
  store_stop
  if [ -s "$db_name_file" ]; then
    psql_cmd -c "DROP DATABASE IF EXISTS $(cat "$db_name_file") WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$state"
}

run() {
  if [ "$(id -u)" != 0 ]; then echo "two-hosts: needs root (network namespaces)" >&2; exit 1; fi
  for tool in ip nginx wrk redis-server psql envsubst; do
    command -v "$tool" >/dev/null || { echo "two-hosts: $tool is missing" >&2; exit 1; }
  done
  local started=$SECONDS
  down  # what a crashed run left
  [ -n "${KEEP:-}" ] || trap down EXIT
  mkdir -p "$state"
  echo "portal_two_hosts_$(date +%s)_$$" >"$db_name_file"
  shared_env
  echo "== network: $bridge $net.1/24, lzp-a ${host_ip[a]}, lzp-b ${host_ip[b]}; media: $TWO_HOSTS_MEDIA_MODE"
  network_up
  redis_start
  store_start
  psql_cmd -c "CREATE DATABASE $(cat "$db_name_file")"
  echo "== preparing: migrate, demo content, search index, static files (database $(cat "$db_name_file"))"
  prepare
  echo "== hosts: gunicorn and a task worker in each namespace"
  gunicorn_start a
  gunicorn_start b
  worker_start a
  worker_start b
  render_nginx "$both_hosts"
  nginx -c "$state/nginx.conf" -p "$state"
  wait_for_cmd curl -fsS -o /dev/null "$TWO_HOSTS_NGINX/healthz"
  echo "== checks (set up in $((SECONDS - started)) s)"
  local status=0
  "$PY" -m bench.two_hosts.checks || status=$?
  echo "two-hosts: $((SECONDS - started)) s in all"
  return "$status"
}

case "${1:-run}" in
  run) run ;;
  step) shared_env; step "$2" ;;
  env) shared_env; export -p ;;
  checks) shared_env; shift; "$PY" -m bench.two_hosts.checks "$@" ;;  # against a KEEP=1 stack
  down) down ;;
  *) echo "usage: $0 [run|down|checks [NAME…]|step NAME]" >&2; exit 2 ;;
esac
