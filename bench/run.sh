#!/usr/bin/env bash
# The performance benchmark of issue 9, in one run against the production configuration:
#
#   bash bench/run.sh                 # full run (about 15 min on 2 cores)
#   DURATION=3 LH_RUNS=1 bash bench/run.sh   # quick look
#
# 1. fresh SQLite (or DATABASE_URL), migrate, demo content (renditions made ahead, AVIF
#    included), search index, collectstatic;
# 2. SQL queries and HTML size of each page (bench/query_counts.py, page cache bypassed);
# 3. gunicorn (production settings, WORKERS sync workers, default 1) twice: page cache off,
#    then on. Beside it, the same gunicorn serves the bare Django reference (bench/bare: one
#    constant 3 KB view, only the Security and Common middleware). wrk drives the bare view
#    and the portal's /healthz (before and after the pages; the mean of both is the
#    reference), then home, news index, article, event, campaign, film page, Impressum and
#    search results in German and English, each answer checked to be 200; requests per second
#    and the ratio to the bare view (the figure of issue 26) and to /healthz (the gap between
#    the two is the portal's middleware);
# 4. Lighthouse 12 (mobile, Debian's Chromium) on every page type but the news index and search
#    (home, article, press, event, campaign, film, standard page) and the barrier report form, in
#    both languages, LH_RUNS runs each (median), four scores plus total transfer;
# 5. with FLOOR=1, two experiments: the bare view and the home pages once more, uncached, with the
#    teaser data computed once and reused, then with the teaser areas left out
#    (bench/teaser_floor.py): what the home page would reach if its teaser data, or its
#    teasers altogether, cost nothing.
#
# Requests carry X-Forwarded-Proto: https, as the TLS-terminating proxy sends it; without it
# the production settings answer with a redirect to HTTPS.
# Environment: DURATION (s per URL, 8), CONNECTIONS (wrk, 8, as issue 26 measured), WORKERS (1), WORKER_CLASS
# (sync, as the reference was measured; production runs gthread), THREADS (gthread, 8),
# LH_RUNS (3; 0 leaves Lighthouse out), LH_LANGUAGES ("de en"), FLOOR (0), DATABASE_URL
# (default: new SQLite file).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-8}
WORKERS=${WORKERS:-1}
WORKER_CLASS=${WORKER_CLASS:-sync}
THREADS=${THREADS:-8}
threads_flag=()
[ "$WORKER_CLASS" = gthread ] && threads_flag=(--threads "$THREADS")
LH_RUNS=${LH_RUNS:-3}
LH_LANGUAGES=${LH_LANGUAGES:-"de en"}
FLOOR=${FLOOR:-0}
CHROMIUM=/usr/lib/chromium/chromium

if ! command -v wrk >/dev/null || [ ! -x "$CHROMIUM" ]; then
  echo "== installing wrk and chromium (Debian packages)"
  apt-get update -qq && apt-get install -y -qq wrk chromium >/dev/null
fi
make -s messages node-tools >/dev/null
PY=.venv/bin/python

workdir=$(mktemp -d /tmp/portal-bench.XXXXXX)
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:${port}"
bare_port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bare="http://127.0.0.1:${bare_port}"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export PORTAL_FRONT_SERVER=none  # gunicorn alone, no nginx in front
export SECRET_KEY
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS="127.0.0.1,localhost"
export WAGTAILADMIN_BASE_URL="$base"
export MEDIA_ROOT="$workdir/media" STATIC_ROOT="$workdir/static"
export DATABASE_URL=${DATABASE_URL:-"sqlite:///$workdir/db.sqlite3"}
export LOG_LEVEL=WARNING
# Media are served by the web server in production; here gunicorn serves them through the
# portal's Range-capable view (the film folder always, images with this switch).
export PORTAL_SERVE_MEDIA=1

server_pid=""
bare_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
stop_bare() { if [ -n "$bare_pid" ]; then kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true; fi; }
trap 'stop_server; stop_bare; rm -rf "$workdir"' EXIT

echo "== preparing: migrate, demo content (renditions ahead of time), collectstatic ($workdir)"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content -v 0
$PY manage.py update_index -v 0  # as make run and make prod do: search results, not "nothing found"
$PY manage.py collectstatic --noinput -v 0

mapfile -t pages < <($PY bench/query_counts.py --list \
  --types HomePage,NewsIndexPage,NewsPage,PressPage,EventPage,CampaignPage,FilmPage,StandardPage,SearchPage)
declare -A queries html_bytes
while read -r count _q bytes _b status path; do
  [ "$status" = 200 ] || { echo "query count: $path answered $status"; exit 1; }
  queries[$path]=$count
  html_bytes[$path]=$bytes
done < <($PY bench/query_counts.py "${pages[@]}")
while read -r count _rest; do
  path=${_rest##* }
  queries[$path]="${queries[$path]}/$count"
done < <($PY bench/query_counts.py --fragments "${pages[@]}")

curl_https() { curl -s -H "X-Forwarded-Proto: https" "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }  # $1 ÷ $2

start_server() {  # $1: page cache seconds (0 = off); $2: SECURE_SSL_REDIRECT (default true);
  # $3: the WSGI application (default: the portal's)
  PORTAL_PAGE_CACHE_SECONDS=$1 SECURE_SSL_REDIRECT=${2:-true} \
    PORTAL_FRAGMENT_CACHE_SECONDS=${FRAGMENT_SECONDS:-600} .venv/bin/gunicorn "${3:-portal.wsgi:application}" \
    --bind "127.0.0.1:${port}" --workers "$WORKERS" --worker-class "$WORKER_CLASS" "${threads_flag[@]}" \
    --access-logfile /dev/null --error-logfile "$workdir/gunicorn.log" 2>>"$workdir/gunicorn.log" &
  server_pid=$!
  wait_for "$base/healthz" || { echo "gunicorn did not start"; cat "$workdir/gunicorn.log"; exit 1; }
}

wait_for() {  # $1: URL that must answer 200 within 30 s
  for _ in $(seq 1 150); do
    [ "$(curl_https -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.2
  done
  return 1
}

# The reference of every ratio: a separate, bare Django project (bench/bare: one view, a
# constant 3 KB page, only the Security and Common middleware, no database) served by the same
# gunicorn with the same workers on its own port. It runs beside the portal's server for the
# whole run and is only driven while the portal's server is idle.
start_bare() {
  DJANGO_SETTINGS_MODULE=bench.bare.settings .venv/bin/gunicorn bench.bare.wsgi:application \
    --bind "127.0.0.1:${bare_port}" --workers "$WORKERS" --worker-class "$WORKER_CLASS" "${threads_flag[@]}" \
    --access-logfile /dev/null --error-logfile "$workdir/bare.log" 2>>"$workdir/bare.log" &
  bare_pid=$!
  wait_for "$bare/" || { echo "the bare Django reference did not start"; cat "$workdir/bare.log"; exit 1; }
}

cat > "$workdir/count.lua" <<'LUA'
-- Sends the proxy's HTTPS header and counts every answer that is not 200.
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Encoding"] = "gzip, br"
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
declare -A rps healthz_drift bare_drift
measure() {  # $1 label, $2 path on the portal's server [, $3 another URL] -> rps[$1 $2]
  local out non200
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$workdir/count.lua" "${3:-$base$2}")
  non200=$(awk '/^NON200/ {print $2}' <<<"$out")
  if [ "${non200:-1}" != 0 ]; then echo "  $2 ($1): ${non200:-?} answers were not 200"; failed=1; fi
  rps["$1 $2"]=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
}

mean() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (a + b) / 2}'; }
start_bare
# Three modes: "scratch" renders everything on every request (page cache and fragment cache
# off); "uncached" is the page cache off with the fragments of published content on
# (portal/caching/fragments.py), as an uncached view runs in production; "cached" has both.
for mode in scratch uncached cached; do
  seconds=0; [ "$mode" = cached ] && seconds=600
  fragments=600; [ "$mode" = scratch ] && fragments=0
  echo "== gunicorn, $WORKERS $WORKER_CLASS worker(s)${threads_flag[*]:+ (${threads_flag[*]})}, $mode" \
    "(page cache ${seconds}s, fragments ${fragments}s): wrk ${DURATION}s per URL, $CONNECTIONS connections"
  FRAGMENT_SECONDS=$fragments start_server "$seconds"
  for path in "${pages[@]}"; do curl_https -o /dev/null "$base$path"; done  # warm-up (and fill the cache)
  curl_https -o /dev/null "$bare/"
  # The references before and after the pages: the machine's speed drifts over a run, and
  # the ratios use the mean of both.
  measure "$mode" bare "$bare/"
  measure "$mode" /healthz
  bare_first=${rps[$mode bare]}
  healthz_first=${rps[$mode /healthz]}
  for path in "${pages[@]}"; do measure "$mode" "$path"; done
  measure "$mode" /healthz
  measure "$mode" bare "$bare/"
  healthz_drift[$mode]="$healthz_first then ${rps[$mode /healthz]}"
  bare_drift[$mode]="$bare_first then ${rps[$mode bare]}"
  rps["$mode /healthz"]=$(mean "$healthz_first" "${rps[$mode /healthz]}")
  rps["$mode bare"]=$(mean "$bare_first" "${rps[$mode bare]}")
  stop_server
done

if [ "$FLOOR" = 1 ]; then
  home_pages=()
  for path in "${pages[@]}"; do [[ "$path" =~ ^/[a-z]{2}/$ ]] && home_pages+=("$path"); done
  for floor in data none; do
    echo "== experiment: page cache off, home teasers at no cost (bench/teaser_floor.py, TEASER_FLOOR=$floor)"
    TEASER_FLOOR=$floor start_server 0 true bench.teaser_floor:application
    for path in "${home_pages[@]}"; do curl_https -o /dev/null "$base$path"; done
    measure "floor-$floor" bare "$bare/"
    for path in "${home_pages[@]}"; do measure "floor-$floor" "$path"; done
    stop_server
  done
fi

declare -A transfer
# Lighthouse sends the extra header with the page's requests but fetches /robots.txt on its
# own, without it; with the HTTPS redirect on, that fetch gets a 301 and the SEO category
# errors out. This last server (transfer sizes and Lighthouse) therefore runs without the
# redirect; every page request still says X-Forwarded-Proto: https.
start_server 600 false
for path in "${pages[@]}"; do
  transfer[$path]=$(curl_https -H "Accept-Encoding: gzip, br" -o /dev/null -w '%{size_download}' "$base$path")
done

echo
printf '%-58s %7s %6s %7s %6s %7s %7s %6s %5s %6s %5s\n' "page" "scratch" "÷bare" "uncached" "÷bare" "÷healthz" \
  "cached" "÷bare" "SQL" "HTML" "sent"
printf '%-58s %7s %6s %7s %6s %7s %7s %6s %5s %6s %5s\n' "bare Django view (bench/bare, the reference)" \
  "${rps[scratch bare]}" 1 "${rps[uncached bare]}" "1" "-" "${rps[cached bare]}" "1" "0" "3072" "-"
printf '%-58s %7s %6.4f %7s %6.4f %7s %7s %6.4f %5s %6s %5s\n' "/healthz (portal's middleware, no page)" \
  "${rps[scratch /healthz]}" "$(ratio "${rps[scratch /healthz]}" "${rps[scratch bare]}")" \
  "${rps[uncached /healthz]}" "$(ratio "${rps[uncached /healthz]}" "${rps[uncached bare]}")" "1" \
  "${rps[cached /healthz]}" "$(ratio "${rps[cached /healthz]}" "${rps[cached bare]}")" "0" "-" "-"
for path in "${pages[@]}"; do
  r=${rps[scratch $path]}; u=${rps[uncached $path]}; c=${rps[cached $path]}
  printf '%-58s %7s %6.4f %7s %6.4f %7.4f %7s %6.4f %5s %6s %5s\n' "${path:0:58}" \
    "$r" "$(ratio "$r" "${rps[scratch bare]}")" \
    "$u" "$(ratio "$u" "${rps[uncached bare]}")" "$(ratio "$u" "${rps[uncached /healthz]}")" \
    "$c" "$(ratio "$c" "${rps[cached bare]}")" \
    "${queries[$path]}" "${html_bytes[$path]}" "${transfer[$path]}"
done
echo "(req/s; scratch = page cache and fragments off, uncached = page cache off, fragments on,"
echo " cached = both on; ÷bare = page req/s ÷ req/s of the bare Django view, ÷healthz = ÷ the"
echo " portal's /healthz, both from the same run and mode; the gap between the two is the cost"
echo " of the portal's middleware. SQL = queries per view from scratch / uncached with warm"
echo " fragments; HTML = bytes uncompressed; sent = bytes on the wire with gzip/br)"
echo "References before and after the pages (the ratios use the mean), req/s: bare scratch" \
  "${bare_drift[scratch]}, uncached ${bare_drift[uncached]}, cached ${bare_drift[cached]};" \
  "/healthz scratch ${healthz_drift[scratch]}, uncached ${healthz_drift[uncached]}," \
  "cached ${healthz_drift[cached]}"
if [ "$FLOOR" = 1 ]; then
  echo
  echo "Experiments (FLOOR=1): home pages uncached, their teasers at no cost"
  for floor in data none; do
    case $floor in
      data) echo " teaser data computed once and reused (cards still rendered):" ;;
      none) echo " teaser areas left out (no data, no HTML; the most a teaser HTML cache could give):" ;;
    esac
    for path in "${home_pages[@]}"; do
      printf '  %-6s %8s req/s, ratio %.4f to the bare view (%s req/s); the real uncached ratio: %.4f\n' \
        "$path" "${rps[floor-$floor $path]}" \
        "$(ratio "${rps[floor-$floor $path]}" "${rps[floor-$floor bare]}")" \
        "${rps[floor-$floor bare]}" \
        "$(ratio "${rps[uncached $path]}" "${rps[uncached bare]}")"
    done
  done
fi

results="(Lighthouse left out: LH_RUNS=0)"
if [ "$LH_RUNS" -gt 0 ]; then
  echo
  echo "== Lighthouse 12, mobile (simulated Slow 4G, 4x CPU), $LH_RUNS run(s) per page, median"
  echo '{"X-Forwarded-Proto": "https"}' > "$workdir/headers.json"
  results="bench/results/$(date -u +%Y%m%dT%H%M%S)"  # the JSON reports, kept (git-ignored)
  mkdir -p "$results"
  lighthouse_pages=()
  for path in "${pages[@]}"; do
    case "$path" in
      */aktuelles/ | */news/ | *\?*) continue ;;  # index and search pages: wrk only
    esac
    lang=${path:1:2}
    case " $LH_LANGUAGES " in *" $lang "*) lighthouse_pages+=("$path") ;; esac
  done
  # The barrier report form (issue 27): no page type, so not in the list above.
  for lang in $LH_LANGUAGES; do
    lighthouse_pages+=("$($PY -c "import django; django.setup(); from django.urls import reverse; from django.utils import translation; translation.activate('$lang'); print(reverse('feedback:report'))")")
  done
  printf '%-72s %6s %6s %6s %6s %9s\n' "page" "perf" "a11y" "best" "seo" "bytes"
  for path in "${lighthouse_pages[@]}"; do
    for run in $(seq 1 "$LH_RUNS"); do
      # A run whose trace Lighthouse could not record (NO_NAVSTART: seen with Chromium 156 on
      # a few runs in each benchmark, on film and event pages, once twice in a row) ends with
      # "Please run Lighthouse again": it is repeated, at most twice, and the repeat is
      # reported; the failed report is kept next to the others.
      for attempt in 1 2 3; do
        CHROME_PATH=$CHROMIUM node_modules/.bin/lighthouse "$base$path" --quiet \
          --output=json --output-path="$workdir/lh-$run.json" \
          --only-categories=performance,accessibility,best-practices,seo \
          --extra-headers="$workdir/headers.json" \
          --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
          >/dev/null 2>>"$workdir/lighthouse.log" && status=0 || status=$?
        # No report at all is a failure of another kind: reported below, not repeated.
        error=$($PY bench/lighthouse_median.py --runtime-error "$workdir/lh-$run.json" 2>/dev/null) ||
          { error="no report"; break; }
        if [ -z "$error" ] || [ "$attempt" = 3 ]; then break; fi
        echo "  run $run on $path: Lighthouse runtime error ($error), repeated"
        mv "$workdir/lh-$run.json" "$workdir/retried-$run-$attempt.json"
      done
      if [ "$status" != 0 ] || [ -n "$error" ]; then
        echo "lighthouse failed on $path (${error:-exit $status})"; tail -5 "$workdir/lighthouse.log"; failed=1
      fi
    done
    $PY bench/lighthouse_median.py "$path" "$workdir"/lh-*.json
    slug=$(tr '/' '_' <<<"${path#/}")
    for report in "$workdir"/lh-*.json "$workdir"/retried-*.json; do
      [ -e "$report" ] && mv "$report" "$results/${slug}$(basename "$report")"
    done
  done
fi
stop_server
stop_bare

if grep -q "Traceback" "$workdir/gunicorn.log"; then
  echo "gunicorn logged an exception:"; grep -A20 Traceback "$workdir/gunicorn.log" | head -40; failed=1
fi
echo
echo "Lighthouse reports: $results"
echo "$(nproc) CPU cores; database: ${DATABASE_URL%%:*}; $(date -u +%Y-%m-%dT%H:%MZ)"
if [ "$failed" != 0 ]; then echo "BENCHMARK HAD ERRORS"; exit 1; fi
echo "BENCHMARK OK: every answer was 200"
