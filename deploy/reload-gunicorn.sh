#!/usr/bin/env bash
# Deploy new code into a running gunicorn without a moment in which no worker accepts.
#
#   deploy/reload-gunicorn.sh PIDFILE READY_DIR
#
# systemd's `systemctl reload portal` and `bash deploy/prod.sh reload` call it. gunicorn
# preloads the app in its master (deploy/gunicorn.conf.py), so HUP would fork workers with
# the old code; new code needs a new master:
#   1. USR2: the old master starts a second master (the same command, loading the code as it
#      is on disk now), which writes PIDFILE.2 and forks its workers. Both sets of workers
#      accept on the same socket.
#   2. Each worker that is ready touches READY_DIR/<master>.<worker> (post_worker_init).
#      Once the new master has as many ready workers as the old one has, or after
#      READY_TIMEOUT seconds with none, it goes on.
#   3. TERM to the old master: its workers stop accepting and finish what they hold (up to
#      gunicorn's graceful_timeout); the new master renames PIDFILE.2 to PIDFILE.
# If the new master does not come up (broken code, a failed import), it is stopped and the
# old one keeps serving: the script exits 1 and says so.
set -euo pipefail
pidfile=${1:?usage: $0 PIDFILE READY_DIR}
ready_dir=${2:?usage: $0 PIDFILE READY_DIR}
timeout=${READY_TIMEOUT:-60}

old=$(cat "$pidfile")
kill -0 "$old"
wanted=$(pgrep -c -P "$old" || true)
[ "$wanted" -gt 0 ] || wanted=1
rm -f "$pidfile.2"
kill -USR2 "$old"

new=""
ready=0
for _ in $(seq 1 $((timeout * 10))); do
  if [ -z "$new" ] && [ -s "$pidfile.2" ]; then new=$(cat "$pidfile.2"); fi
  if [ -n "$new" ]; then
    if ! kill -0 "$new" 2>/dev/null; then break; fi
    ready=0
    for marker in "$ready_dir/$new".*; do
      [ -e "$marker" ] && kill -0 "${marker##*.}" 2>/dev/null && ready=$((ready + 1))
    done
    [ "$ready" -ge "$wanted" ] && break
  fi
  sleep 0.1
done

if [ -z "$new" ] || ! kill -0 "$new" 2>/dev/null || [ "$ready" -lt "$wanted" ]; then
  echo "reload failed: the new gunicorn master (${new:-none}) has $ready of $wanted workers" \
    "ready; the old master $old keeps serving" >&2
  [ -n "$new" ] && kill -TERM "$new" 2>/dev/null || true
  exit 1
fi

kill -TERM "$old"
for _ in $(seq 1 400); do kill -0 "$old" 2>/dev/null || break; sleep 0.1; done
rm -f "$ready_dir/$old".*
echo "reloaded: master $old -> $new ($ready workers)"
