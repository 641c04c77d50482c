"""gunicorn for the portal: used by the systemd unit and by ``make prod`` alike.

Only pages and the admin reach gunicorn: nginx serves static files, images and films itself
(deploy/nginx/portal.conf), so no thread is held by a download. Every value can be set from
the environment (the unit's EnvironmentFile); the defaults suit a 2-core server.

The application is loaded once, in the master (``preload_app``), and workers are forked
from it in milliseconds. That is what keeps the site answering through faults: a killed
worker is replaced at once, and ``kill -HUP`` (new configuration, same code) starts new
workers before the old ones stop, with no gap. Without preloading, every new worker spent
1 to 3 s importing Django while the old ones had already stopped accepting: requests
waited in the socket's queue, and ``bench/spike.sh`` counted them as lost.

New code needs a new master: ``deploy/reload-gunicorn.sh`` (``systemctl reload portal``,
``bash deploy/prod.sh reload``) sends USR2, which starts a second master with the new code
beside the old one; both serve from the same socket until the new workers are up, then the
old master stops gracefully, finishing the requests it holds.
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
# Loading the app opens no database connection (tests/deploy/test_gunicorn_config.py), so forked
# workers share nothing they should not.
preload_app = True


def post_worker_init(worker):
    """Tell ``deploy/reload-gunicorn.sh`` that a worker of this master serves requests:
    the old master may stop once the new one has all its workers."""
    ready_dir = os.environ.get("GUNICORN_READY_DIR")
    if ready_dir:
        os.makedirs(ready_dir, exist_ok=True)
        with open(os.path.join(ready_dir, f"{worker.ppid}.{worker.pid}"), "w"):
            pass


def when_ready(server):
    """After a USR2 upgrade the new master is the service's main process: say so to
    systemd (``Type=notify``, ``NotifyAccess=all``), which would otherwise take the old
    master's graceful exit for the end of the service."""
    if os.environ.get("NOTIFY_SOCKET"):
        from gunicorn import systemd

        systemd.sd_notify(f"READY=1\nMAINPID={os.getpid()}", server.log)
