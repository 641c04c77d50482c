"""The checks of ``bench/two-hosts.sh``, in an order that needs no repair between them:
host A is killed and the object store stopped last. One line per check; exit 1 on any
FAIL."""

import sys

import django


def main() -> int:
    django.setup()
    from bench.two_hosts import cache_checks, load_checks, media_checks, session_checks
    from bench.two_hosts.common import report

    checks = [
        ("image-across-hosts", media_checks.image_across_hosts),
        ("film-across-hosts", media_checks.film_across_hosts),
        ("sessions-and-throttling", session_checks.sessions_and_throttling),
        ("publish-visibility", cache_checks.publish_visibility),
        ("throughput", load_checks.throughput),
        ("redis-restart", cache_checks.redis_restart),
        ("kill-host-a", load_checks.kill_host_a),
        ("store-unreachable", media_checks.store_unreachable),
    ]
    only = sys.argv[1:]
    results = [report(name, check) for name, check in checks if not only or name in only]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
