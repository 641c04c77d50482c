"""gunicorn for the portal: used by the systemd unit and by ``make prod`` alike.

Only pages and the admin reach gunicorn: nginx serves static files, images and films itself
(deploy/nginx/portal.conf), so no thread is held by a download. Every value can be set from
the environment (the unit's EnvironmentFile); the defaults suit a 2-core server.

Graceful reload: ``kill -HUP <master>`` (``systemctl reload portal``) starts new workers
with the new code and lets the old ones finish the requests they hold, for up to
``graceful_timeout`` seconds; nginx keeps the listening socket's queue meanwhile.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/portal/gunicorn.sock")
# Threads, not processes, for waiting on the database; two processes per core for the CPU.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A page that takes longer than this is a bug; the worker is restarted and nginx answers
# from its stale copy (proxy_cache_use_stale).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))  # nginx keeps upstream connections
# Off by default: a worker restarted after N requests needs a second or two to load Django
# again, and under load that second showed as 1 s latencies and timeouts on /healthz
# (bench/spike.sh). Set it (e.g. 50000) only if a leak is ever seen.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# The socket queue that absorbs a burst while workers are busy or restarting.
backlog = 2048
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# nginx is the only client; it sets X-Forwarded-For/-Proto (see TRUSTED_PROXY_* settings).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "portal"
wsgi_app = "portal.wsgi:application"
