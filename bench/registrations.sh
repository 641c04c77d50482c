#!/usr/bin/env bash
# Registration under load (issue 29): 50 people register at once for 20 places, against
# gunicorn on PostgreSQL, then all 50 confirm at once. Exactly 20 must get a place, 30 the
# waiting list, with no error and no place given twice; the script exits non-zero otherwise.
#
#   bash bench/registrations.sh
#   PEOPLE=80 PLACES=30 WORKERS=4 THREADS=8 bash bench/registrations.sh
#
# 1. a throw-away PostgreSQL database (PG_URL, default postgres://postgres@127.0.0.1:5432),
#    migrate, demo content, collectstatic, one event with PLACES places and on-site
#    registration (bench/registrations.py setup);
# 2. gunicorn (production settings, WORKERS gthread workers with THREADS threads) on a free
#    port; mail into a folder (EMAIL_BACKEND filebased): the outbox the links are read from;
# 3. bench/registrations.py fire: PEOPLE threads open the form (CSRF cookie and token), send
#    it at the same moment, then open their confirmation links at the same moment;
# 4. what the pages said and what the database holds; the database is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE=${PEOPLE:-50}
PLACES=${PLACES:-20}
WORKERS=${WORKERS:-4}
THREADS=${THREADS:-8}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
PY=.venv/bin/python

workdir=$(mktemp -d /tmp/portal-registrations.XXXXXX)
db="portal_regbench_$(date +%s)_$$"
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:${port}"
psql_cmd=(psql "${PG_URL}/postgres" -v ON_ERROR_STOP=1 -q)

export DJANGO_SETTINGS_MODULE=portal.settings.production
export PORTAL_FRONT_SERVER=none
export SECRET_KEY
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS="127.0.0.1,localhost"
export WAGTAILADMIN_BASE_URL="$base"
export MEDIA_ROOT="$workdir/media" STATIC_ROOT="$workdir/static"
export DATABASE_URL="${PG_URL}/${db}"
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
export EMAIL_FILE_PATH="$workdir/outbox"
export LOG_LEVEL=WARNING
export PORTAL_TASKS=immediate  # mails inside the request: the outbox is complete when it answers
export PORTAL_REGISTRATION_RATE=10000/m  # all the bench's people come from 127.0.0.1
# The demo content only gives the event its place in the tree: a small demo film, renditions
# on demand.
export PORTAL_DEMO_FILM=${PORTAL_DEMO_FILM:-640x360:4} PORTAL_PREGENERATE_RENDITIONS=0
export PYTHONPATH=.

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "${psql_cmd[@]}" -c "DROP DATABASE IF EXISTS ${db}" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

echo "== database ${db}: migrate, demo content, an event with ${PLACES} places"
"${psql_cmd[@]}" -c "CREATE DATABASE ${db}"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content -v 0
$PY manage.py collectstatic --noinput -v 0
event=$($PY bench/registrations.py setup "$PLACES")

echo "== gunicorn: ${WORKERS} workers x ${THREADS} threads on ${base}"
.venv/bin/gunicorn portal.wsgi:application --bind "127.0.0.1:${port}" --workers "$WORKERS" \
  --worker-class gthread --threads "$THREADS" --access-logfile /dev/null \
  --error-logfile "$workdir/gunicorn.log" &
server_pid=$!
for _ in $(seq 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$base/healthz")" = 200 ] && break
  sleep 0.5
done

echo "== ${PEOPLE} registrations at once, then ${PEOPLE} confirmations at once"
fired=$($PY bench/registrations.py fire "$base" "$event" "$PEOPLE" "$EMAIL_FILE_PATH")
held=$($PY bench/registrations.py count "$event")
if grep -q "Traceback\|Error" "$workdir/gunicorn.log"; then
  echo "-- gunicorn log:"; cat "$workdir/gunicorn.log"
fi

FIRED="$fired" HELD="$held" PEOPLE="$PEOPLE" PLACES="$PLACES" $PY - <<'PYEOF'
import json, os, sys
fired, held = json.loads(os.environ["FIRED"]), json.loads(os.environ["HELD"])
people, places = int(os.environ["PEOPLE"]), int(os.environ["PLACES"])
status = held["by_status"]
confirmed, waiting = status.get("confirmed", 0), status.get("waiting", 0)
errors = fired["http_errors"] + fired["pages"]["other"] + status.get("pending", 0)
pages_agree = fired["pages"]["confirmed"] == confirmed and fired["pages"]["waiting"] == waiting
if not pages_agree:
    errors += 1
print(f"registrations sent:  {people} for {places} places")
print(f"confirmed:           {confirmed}  (pages said {fired['pages']['confirmed']})")
print(f"waiting:             {waiting}  (pages said {fired['pages']['waiting']})")
print(f"errors:              {errors}")
print(f"duplicate places:    {held['duplicate_places']}")
expected = (min(people, places), max(people - places, 0), 0, 0)
result = (confirmed, waiting, errors, held["duplicate_places"])
print("OK" if result == expected else f"FAILED: expected {expected}, got {result}")
sys.exit(0 if result == expected else 1)
PYEOF
