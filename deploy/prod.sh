#!/usr/bin/env bash
# The production stack on this machine, from the same files a server uses:
# nginx (deploy/nginx/portal.conf) on http://127.0.0.1:8080 in front of gunicorn
# (deploy/gunicorn.conf.py, production settings) on a unix socket, the task worker
# (manage.py db_worker, as deploy/systemd/portal-worker.service runs it), the demo content
# with its films processed, and collected static files. Everything lives in var/prod/.
#
#   bash deploy/prod.sh start     # make prod
#   bash deploy/prod.sh stop      # make prod-stop
#   bash deploy/prod.sh reload    # deploy new code without a gap (deploy/reload-gunicorn.sh)
#   bash deploy/prod.sh env       # the environment, for manage.py against this stack
#
# Environment: PROD_PORT (8080), DATABASE_URL (default: var/prod/db.sqlite3), REDIS_URL,
# GUNICORN_WORKERS, GUNICORN_THREADS, OBJECT_STORE=moto (media in a bucket of a local
# S3-compatible store on 127.0.0.1:${PROD_OBJECT_STORE_PORT:-9000}, proxied by nginx; it
# keeps nothing, so each start begins with a fresh database and demo content).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/var/prod"
PY="$root/.venv/bin/python"
port=${PROD_PORT:-8080}

prod_env() {
  mkdir -p "$state"
  [ -s "$state/secret-key" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$state/secret-key"
  chmod 600 "$state/secret-key"
  export DJANGO_SETTINGS_MODULE=portal.settings.production
  SECRET_KEY=$(cat "$state/secret-key")
  export SECRET_KEY
  export ALLOWED_HOSTS="127.0.0.1,localhost"
  # Plain HTTP on this machine; a real server terminates TLS (docs/deploying.md).
  export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
  export PORTAL_EXTRA_CSRF_ORIGINS="http://127.0.0.1:${port},http://localhost:${port}"
  export WAGTAILADMIN_BASE_URL="http://127.0.0.1:${port}"
  export DATABASE_URL=${DATABASE_URL:-"sqlite:///$state/db.sqlite3"}
  export MEDIA_ROOT="$state/media" STATIC_ROOT="$state/static"
  export PORTAL_PAGE_CACHE_GENERATION_FILE="$state/page-generation"
  export TRUSTED_PROXY_COUNT=1
  export GUNICORN_BIND="unix:$state/gunicorn.sock" GUNICORN_READY_DIR="$state/ready"
  export GUNICORN_ACCESS_LOG="" GUNICORN_ERROR_LOG="$state/gunicorn.log"
  export LOG_LEVEL=${LOG_LEVEL:-WARNING}
  if [ "${OBJECT_STORE:-}" = moto ]; then
    object_store_port=${PROD_OBJECT_STORE_PORT:-9000}
    export PORTAL_S3_BUCKET=portal-media
    export PORTAL_S3_ENDPOINT_URL="http://127.0.0.1:${object_store_port}"
    export AWS_ACCESS_KEY_ID=portal-local AWS_SECRET_ACCESS_KEY=portal-local
  fi
}

# The local object store (moto's server) with the media bucket; its data lives in memory
# only, so the database and media of an earlier start are dropped with it.
start_object_store() {
  # A database made with media in the other place would point at files that are not there.
  local backend=${OBJECT_STORE:-disk}
  if [ "$backend" = moto ] || { [ -s "$state/media-backend" ] && [ "$(cat "$state/media-backend")" != "$backend" ]; }; then
    rm -rf "$state/db.sqlite3" "$state/db.sqlite3-wal" "$state/db.sqlite3-shm" "$state/media"
  fi
  echo "$backend" >"$state/media-backend"
  [ "$backend" = moto ] || return 0
  echo "== object store (moto) on $PORTAL_S3_ENDPOINT_URL, bucket $PORTAL_S3_BUCKET"
  "$PY" - <<PYTHON
import os
from portal.storage import local_store
process = local_store.start("127.0.0.1", ${object_store_port}, log=open("$state/object-store.log", "ab"))
open("$state/object-store.pid", "w").write(str(process.pid))
local_store.create_bucket(os.environ["PORTAL_S3_ENDPOINT_URL"], os.environ["PORTAL_S3_BUCKET"])
PYTHON
}

need_nginx() {
  if ! command -v nginx >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "== installing nginx (Debian package)"
      apt-get update -qq && apt-get install -y -qq nginx >/dev/null
    else
      echo "Please install nginx (Debian: apt-get install nginx)" >&2
      exit 1
    fi
  fi
}

render_nginx() {
  mkdir -p "$state/nginx-cache" "$state/nginx-tmp"
  PORTAL_LISTEN="127.0.0.1:${port}" PORTAL_SERVER_NAME="127.0.0.1 localhost" \
    PORTAL_UPSTREAM="unix:$state/gunicorn.sock" PORTAL_STATIC_ROOT="$STATIC_ROOT" \
    PORTAL_MEDIA_ROOT="$MEDIA_ROOT" PORTAL_CACHE_DIR="$state/nginx-cache" \
    PORTAL_PUBLIC_ORIGIN="http://127.0.0.1:${port}" \
    PORTAL_MEDIA_BACKEND="${PORTAL_S3_BUCKET:+s3}" \
    PORTAL_S3_ORIGIN="${PORTAL_S3_ENDPOINT_URL:-}${PORTAL_S3_BUCKET:+/$PORTAL_S3_BUCKET}" \
    bash deploy/render-nginx.sh >"$state/portal-site.conf"
  bash deploy/local-nginx.sh "$state" deploy/prod.sh >"$state/nginx.conf"
  nginx -t -q -c "$state/nginx.conf" -p "$state"
}

wait_for() {
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "not answering: $1" >&2
  return 1
}

start() {
  need_nginx
  make -s messages vendor-js >/dev/null
  if [ ! -f static/vendor/hls/hls.light.min.js ]; then
    echo "static/vendor/hls/hls.light.min.js is missing: install npm, then make vendor-js" >&2
    exit 1
  fi
  prod_env
  stop quiet
  start_object_store
  echo "== preparing var/prod: migrate, demo content, search index, static files"
  "$PY" manage.py migrate --noinput -v 0
  "$PY" manage.py load_demo_content -v 1
  "$PY" manage.py update_index -v 0
  "$PY" manage.py collectstatic --noinput -v 0
  echo "== gunicorn (deploy/gunicorn.conf.py) on $GUNICORN_BIND"
  "$root/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py --daemon --pid "$state/gunicorn.pid"
  echo "== task worker (manage.py db_worker) processing the demo films"
  "$PY" manage.py resume_films -v 0
  LOG_LEVEL=INFO nohup "$PY" manage.py db_worker --interval 1 >>"$state/worker.log" 2>&1 &
  echo $! >"$state/worker.pid"
  "$PY" manage.py wait_for_films --timeout "${PROD_FILM_TIMEOUT:-900}"
  render_nginx
  echo "== nginx (deploy/nginx/portal.conf) on http://127.0.0.1:${port}"
  nginx -c "$state/nginx.conf" -p "$state"
  wait_for "http://127.0.0.1:${port}/healthz"
  echo "Portal (production stack): http://127.0.0.1:${port}/   stop: make prod-stop"
}

stop() {
  local quiet=${1:-}
  if [ -s "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null; then
    nginx -c "$state/nginx.conf" -p "$state" -s quit || true
    for _ in $(seq 1 50); do [ -s "$state/nginx.pid" ] || break; sleep 0.1; done
  fi
  if [ -s "$state/gunicorn.pid" ] && kill -0 "$(cat "$state/gunicorn.pid")" 2>/dev/null; then
    pid=$(cat "$state/gunicorn.pid")
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -s "$state/worker.pid" ] && kill -0 "$(cat "$state/worker.pid")" 2>/dev/null; then
    pid=$(cat "$state/worker.pid")
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -s "$state/object-store.pid" ] && kill -0 "$(cat "$state/object-store.pid")" 2>/dev/null; then
    kill -TERM "$(cat "$state/object-store.pid")" || true
  fi
  rm -rf "$state/gunicorn.sock" "$state/ready" "$state/worker.pid" "$state/object-store.pid"
  [ -n "$quiet" ] || echo "production stack stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reload) prod_env; bash deploy/reload-gunicorn.sh "$state/gunicorn.pid" "$GUNICORN_READY_DIR" ;;
  env)
    prod_env
    # Quoted for eval: `eval "$(bash deploy/prod.sh env)"` gives a shell this environment.
    while IFS= read -r name; do printf 'export %s=%q\n' "$name" "${!name}"; done < <(
      compgen -e | grep -E '^(DJANGO_SETTINGS_MODULE|SECRET_KEY|ALLOWED_HOSTS|SECURE_[A-Z_]+|PORTAL_[A-Z0-9_]+|AWS_[A-Z_]+|WAGTAILADMIN_BASE_URL|DATABASE_URL|MEDIA_ROOT|STATIC_ROOT|TRUSTED_PROXY_COUNT|GUNICORN_[A-Z_]+|LOG_LEVEL)$'
    ) ;;
  *) echo "usage: $0 start|stop|reload|env" >&2; exit 2 ;;
esac
