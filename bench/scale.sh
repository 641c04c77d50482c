#!/usr/bin/env bash
# Content at scale (issue 31): the URLs of the issue's table at the demo's size and after
# adding plain articles (a tenth as many events, a hundredth as many film pages) in German
# and English, on SQLite and
# on PostgreSQL, in one run; each size's column beside the demo's, with the ratio.
#
#   bash bench/scale.sh                      # demo, +2,000, +20,000 on both databases
#   SIZES="0 500" DATABASES=sqlite bash bench/scale.sh
#
# Per database: a throw-away database (a SQLite file, or a PostgreSQL database on PG_URL),
# migrate, demo content; then for each size, bench/scale_content.py adds the missing
# articles (bulk: seconds, not the minutes add_child would take) and bench/scale_measure.py
# times every URL (dev settings, page cache off, one process, median of RUNS), with the bare
# Django view's median as the machine's drift between columns. The tables go to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"0 2000 20000"}
DATABASES=${DATABASES:-"sqlite postgres"}
RUNS=${RUNS:-5}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
PY=.venv/bin/python

workdir=$(mktemp -d /tmp/portal-scale.XXXXXX)
pg_db="portal_scale_$(date +%s)_$$"
psql_cmd=(psql "${PG_URL}/postgres" -v ON_ERROR_STOP=1 -q)
cleanup() {
  "${psql_cmd[@]}" -c "DROP DATABASE IF EXISTS ${pg_db}" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=portal.settings.dev
export PORTAL_PAGE_CACHE_SECONDS=0
export MEDIA_ROOT="$workdir/media"
# The demo only gives the articles their place in the tree: a small demo film, renditions
# on demand.
export PORTAL_DEMO_FILM=${PORTAL_DEMO_FILM:-640x360:4} PORTAL_PREGENERATE_RENDITIONS=0

for database in $DATABASES; do
  if [ "$database" = postgres ]; then
    "${psql_cmd[@]}" -c "CREATE DATABASE ${pg_db}"
    export DATABASE_URL="${PG_URL}/${pg_db}"
  else
    export DATABASE_URL="sqlite:///${workdir}/scale.sqlite3"
  fi
  echo "== ${database}: migrate, demo content" >&2
  $PY manage.py migrate --noinput -v 0
  $PY manage.py load_demo_content -v 0 >/dev/null
  added=0
  columns=()
  for size in $SIZES; do
    more=$((size - added))
    if [ "$more" -gt 0 ]; then
      $PY bench/scale_content.py --articles "$more" --events $((more / 10)) --films $((more / 100)) >&2
      added=$size
    fi
    articles=$($PY manage.py shell -c \
      "from news.models import NewsPage; print(NewsPage.objects.filter(locale__language_code='de').count())" | tail -1)
    echo "== ${database}: ${articles} German articles, measuring" >&2
    $PY bench/scale_measure.py --runs "$RUNS" --json "${articles} articles" \
      >"$workdir/${database}-${size}.json"
    columns+=("$workdir/${database}-${size}.json")
  done
  echo
  echo "### ${database}"
  $PY bench/scale_measure.py --table "${columns[@]}"
done
