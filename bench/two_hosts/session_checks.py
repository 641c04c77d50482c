"""Who is logged in, and who is locked out, is the same on both hosts: a session opened on
host A works on host B (sessions in the database), and failed logins counted on both hosts
add up to one lock-out (django-axes in the database), which then holds on both."""

from django.conf import settings

from bench.two_hosts.common import HOST_A, HOST_B, Failed
from bench.two_hosts.media_checks import Admin


def sessions_and_throttling() -> str:
    editor = Admin(HOST_A)
    editor.log_in()
    on_b = Admin(HOST_B)
    on_b.cookies = dict(editor.cookies)
    dashboard = on_b.get("/admin/")  # without a session: 302 to the login form
    if dashboard.status_code != 200 or "/admin/logout/" not in dashboard.text:
        raise Failed(f"host B did not know A's session: /admin/ answered {dashboard.status_code}")

    limit = settings.AXES_FAILURE_LIMIT
    answers = []
    for attempt in range(limit):  # alternately on A and B, a wrong password each time
        host = HOST_A if attempt % 2 == 0 else HOST_B
        guess = Admin(host).post(
            "/admin/login/", {"username": "two-hosts-probe", "password": f"wrong-{attempt}"}
        )
        answers.append(guess.status_code)
    locked = {
        name: Admin(base)
        .post("/admin/login/", {"username": "two-hosts-probe", "password": "wrong-again"})
        .status_code
        for name, base in (("A", HOST_A), ("B", HOST_B))
    }
    if set(locked.values()) != {429}:
        raise Failed(
            f"after {limit} failures on A and B together: A {locked['A']}, B {locked['B']}"
        )
    return (
        f"A's session opened the admin on B (200); {limit} wrong passwords alternating A/B "
        f"({', '.join(map(str, answers))}), then locked on A {locked['A']} and B {locked['B']}"
    )
