#!/usr/bin/env bash
# nginx's top level for a stack on this machine (make prod, make two-hosts): everything in
# STATE_DIR, the site (deploy/nginx/portal.conf, rendered) in STATE_DIR/portal-site.conf.
#
#   bash deploy/local-nginx.sh STATE_DIR WRITTEN_BY > STATE_DIR/nginx.conf
set -euo pipefail
state=$1
cat <<EOF_CONF
# Written by $2: nginx's top level for a local stack; the site is deploy/nginx/portal.conf,
# rendered into portal-site.conf.
user $(id -un);
worker_processes auto;
worker_rlimit_nofile 16384;
pid $state/nginx.pid;
error_log $state/nginx-error.log warn;
events { worker_connections 8192; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nodelay on;
    client_body_temp_path $state/nginx-tmp/body;
    proxy_temp_path $state/nginx-tmp/proxy;
    fastcgi_temp_path $state/nginx-tmp/fastcgi;
    uwsgi_temp_path $state/nginx-tmp/uwsgi;
    scgi_temp_path $state/nginx-tmp/scgi;
    include $state/portal-site.conf;
}
EOF_CONF
