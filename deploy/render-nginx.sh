#!/usr/bin/env bash
# Fill in deploy/nginx/portal.conf from the environment and print it.
#
#   PORTAL_LISTEN=80 PORTAL_SERVER_NAME=portal.example.org ... deploy/render-nginx.sh > site.conf
#   PORTAL_UPSTREAM="10.0.0.11:8000 10.0.0.12:8000" ...   # several app hosts
#
# Every ${PORTAL_…} placeholder of the template must be set (defaults below); nginx's own
# $variables are left alone, because envsubst is given the list of names to replace.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

: "${PORTAL_LISTEN:=80}"
: "${PORTAL_SERVER_NAME:=_}"
: "${PORTAL_UPSTREAM:=unix:/run/portal/gunicorn.sock}"
: "${PORTAL_STATIC_ROOT:=/srv/portal/staticfiles}"
: "${PORTAL_MEDIA_ROOT:=/srv/portal/media}"
: "${PORTAL_CACHE_DIR:=/var/cache/nginx/portal}"
: "${PORTAL_NGINX_MIME_TYPES:=/etc/nginx/mime.types}"
: "${PORTAL_MEDIA_CONN_PER_IP:=16}"
: "${PORTAL_PUBLIC_ORIGIN:=*}"
: "${PORTAL_UPLOAD_MAX:=520m}"
# Behind a TLS-terminating proxy pass its header on; nginx terminating TLS itself: $scheme.
: "${PORTAL_FORWARDED_PROTO:=\$scheme}"
# Where media live: "disk" (PORTAL_MEDIA_ROOT) or "s3" (nginx proxies the bucket at
# PORTAL_S3_ORIGIN, e.g. http://10.0.0.5:9000/portal-media, path-style, no trailing slash).
: "${PORTAL_MEDIA_BACKEND:=disk}"
: "${PORTAL_S3_ORIGIN:=}"
# The most the media slices cached from the object store may take on the front server's disk.
: "${PORTAL_MEDIA_CACHE_MAX:=2g}"
# How long an app host that failed a request is left out (several hosts only).
: "${PORTAL_UPSTREAM_FAIL_TIMEOUT:=5s}"

# PORTAL_UPSTREAM is one address or several (app hosts, separated by spaces or commas). One
# is listed twice, the second time as a backup, so that a request whose worker died is
# retried on the same socket; several get passive health checks instead (portal.conf).
read -r -a upstreams <<<"${PORTAL_UPSTREAM//,/ }"
if [ "${#upstreams[@]}" = 0 ]; then
  echo "render-nginx: PORTAL_UPSTREAM is empty" >&2
  exit 1
elif [ "${#upstreams[@]}" = 1 ]; then
  PORTAL_UPSTREAM_SERVERS="    server ${upstreams[0]} max_fails=0;
    server ${upstreams[0]} max_fails=0 backup;"
else
  PORTAL_UPSTREAM_SERVERS=$(for address in "${upstreams[@]}"; do
    echo "    server $address max_fails=1 fail_timeout=$PORTAL_UPSTREAM_FAIL_TIMEOUT;"
  done)
fi
export PORTAL_LISTEN PORTAL_SERVER_NAME PORTAL_UPSTREAM_SERVERS PORTAL_STATIC_ROOT \
  PORTAL_MEDIA_ROOT PORTAL_CACHE_DIR PORTAL_NGINX_MIME_TYPES PORTAL_MEDIA_CONN_PER_IP \
  PORTAL_PUBLIC_ORIGIN PORTAL_UPLOAD_MAX PORTAL_FORWARDED_PROTO PORTAL_MEDIA_BACKEND \
  PORTAL_S3_ORIGIN PORTAL_MEDIA_CACHE_MAX

media="$here/nginx/media-${PORTAL_MEDIA_BACKEND}.conf"
[ -f "$media" ] || { echo "render-nginx: PORTAL_MEDIA_BACKEND must be disk or s3" >&2; exit 1; }
names=$(grep -ho '\${PORTAL_[A-Z0-9_]*}' "$here/nginx/portal.conf" "$media" | sort -u | tr '\n' ' ')
for name in $names; do
  var=${name:2:-1}
  [ -n "${!var-}" ] || { echo "render-nginx: $var is not set" >&2; exit 1; }
done
# The media locations go where portal.conf has its "@media-locations" line.
snippet=$(envsubst "$names" < "$media")
envsubst "$names" < "$here/nginx/portal.conf" | while IFS= read -r line; do
  if [[ $line == *"# @media-locations"* ]]; then
    printf '%s\n' "$snippet"
  else
    printf '%s\n' "$line"
  fi
done
