#!/usr/bin/env bash
# Load test of the production configuration: gunicorn (threaded workers) on 127.0.0.1,
# driven by wrk at 32 connections. Exits non-zero on any socket error, any answer other than
# 200, or a sampled page without its expected content.
#
#   bash bench/load.sh                       # 10 s per URL, fresh SQLite with the demo site
#   DURATION=3 bash bench/load.sh            # shorter (CI)
#   DATABASE_URL=postgres://… bash bench/load.sh   # an existing, migrated database
#
# Environment: DURATION (s per URL, 10), CONNECTIONS (32), WRK_THREADS (2), WORKERS (2),
# THREADS (8 per worker), MAX_URLS (16), DATABASE_URL (default: new SQLite file).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-8}
MAX_URLS=${MAX_URLS:-16}

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
make -s messages >/dev/null   # venv with pinned dependencies, compiled translations
PY=.venv/bin/python

workdir=$(mktemp -d /tmp/portal-load.XXXXXX)
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:${port}"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export PORTAL_FRONT_SERVER=none  # gunicorn alone, no nginx in front
export SECRET_KEY
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS="127.0.0.1,localhost"
export WAGTAILADMIN_BASE_URL="$base"
export MEDIA_ROOT="$workdir/media" STATIC_ROOT="$workdir/static"
export DATABASE_URL=${DATABASE_URL:-"sqlite:///$workdir/db.sqlite3"}
export LOG_LEVEL=WARNING

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

echo "== preparing: migrate, demo content, collectstatic ($workdir)"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content -v 0
$PY manage.py collectstatic --noinput -v 0

echo "== gunicorn: $WORKERS workers x $THREADS threads (gthread) on $base"
.venv/bin/gunicorn portal.wsgi:application --bind "127.0.0.1:${port}" \
  --workers "$WORKERS" --worker-class gthread --threads "$THREADS" \
  --access-logfile /dev/null --error-logfile "$workdir/gunicorn.log" 2>>"$workdir/gunicorn.log" &
server_pid=$!

# TLS ends at the proxy in production; this header tells Django the request was HTTPS, so
# SECURE_SSL_REDIRECT stays on and answers are 200, not 301.
curl_https() { curl -s -H "X-Forwarded-Proto: https" "$@"; }
for _ in $(seq 1 100); do
  [ "$(curl_https -o /dev/null -w '%{http_code}' "$base/healthz")" = 200 ] && break
  sleep 0.2
done

# URLs: the public routes every page type will have, plus whatever the sitemap lists (news,
# events, films once they exist); only those that answer 200 are driven.
candidates="/de/ /en/ /de/impressum/ /en/legal-notice/ /de/datenschutz/ /en/privacy/
/de/aktuelles/ /en/news/ /de/veranstaltungen/ /en/events/ /de/krasse-gegend/ /en/krasse-gegend/"
sitemap=$(curl_https "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' || true)
urls=()
for path in $candidates $sitemap; do
  [ "${#urls[@]}" -ge "$MAX_URLS" ] && break
  case " ${urls[*]-} " in *" $path "*) continue ;; esac
  [ "$(curl_https -o /dev/null -w '%{http_code}' "$base$path")" = 200 ] && urls+=("$path")
done
css=$(curl_https "$base/de/" | grep -o '/static/css/site\.[0-9a-f]*\.css' | head -1 || true)
[ -n "$css" ] && urls+=("$css")

cat > "$workdir/count.lua" <<'LUA'
-- Counts every answer that is not 200 (wrk itself counts 3xx as success).
wrk.headers["X-Forwarded-Proto"] = "https"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("NON200 %d\n", total))
end
LUA

failed=0
printf '\n%-34s %10s %9s %9s %8s %7s\n' "URL" "req/s" "p50" "p99" "sockerr" "non200"
for path in "${urls[@]}"; do
  # Sample: 200, a complete HTML document in the URL's language (or the stylesheet).
  body=$(curl_https -w '\n%{http_code}' "$base$path")
  status=${body##*$'\n'}
  expected='</html>'
  case "$path" in /de/*) expected='<html lang="de">' ;; /en/*) expected='<html lang="en">' ;; *.css) expected='{' ;; esac
  if [ "$status" != 200 ] || ! grep -qF "$expected" <<<"$body"; then
    echo "SAMPLE FAILED: $path answered $status without '$expected'"; failed=1
  fi
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$workdir/count.lua" "$base$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  sockerr=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")
  non200=$(awk '/^NON200/ {print $2}' <<<"$out")
  sockerr=${sockerr:-0}
  printf '%-34s %10s %9s %9s %8s %7s\n' "$path" "$rps" "$p50" "$p99" "$sockerr" "$non200"
  if [ "$sockerr" != 0 ] || [ "${non200:-1}" != 0 ]; then failed=1; fi
done

echo
echo "wrk: ${DURATION}s per URL, $CONNECTIONS connections, $WRK_THREADS wrk threads;" \
  "gunicorn: $WORKERS workers x $THREADS threads; $(nproc) CPU cores; database: ${DATABASE_URL%%:*}"
if grep -q "Traceback" "$workdir/gunicorn.log"; then
  echo "gunicorn logged an exception:"; grep -A20 Traceback "$workdir/gunicorn.log" | head -40; failed=1
fi
if [ "$failed" != 0 ]; then echo "LOAD TEST FAILED"; exit 1; fi
echo "LOAD TEST OK: 0 socket errors, only 200 answers"
