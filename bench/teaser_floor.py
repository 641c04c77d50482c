"""An experiment for ``FLOOR=1 bash bench/run.sh``, not for production: the portal's WSGI
application with the home page's teasers (latest news, upcoming events, campaign films)
made to cost nothing, in one of two ways chosen by ``TEASER_FLOOR``:

- ``data`` (default): the teaser data is computed on the first view of each home page and
  then reused, so that a home view spends no query and no Python on it. The cards are still
  rendered on every view.
- ``none``: every teaser area is left out (its items are None), so that neither its data
  nor its HTML costs anything. This is the most a cache of the rendered teaser HTML could
  give the uncached home page.

It answers one question: how fast could the uncached home page be if its teasers cost
nothing, with everything else (routing, hero, body, DGS film, renditions, templates)
unchanged? Were that still far from a target, no amount of work on the teasers would reach
it. A real site could do neither: reused teasers would never change, and absent ones show
nothing.
"""

import os

from home.registry import home_teasers, register_home_teaser
from portal.wsgi import application  # noqa: F401 - the WSGI entry point gunicorn loads


def _computed_once(items):
    results = {}

    def reused(request, home_page):
        if home_page.pk not in results:
            results[home_page.pk] = items(request, home_page)
        return results[home_page.pk]

    return reused


def _left_out(request, home_page):
    return None


_mode = os.environ.get("TEASER_FLOOR", "data")
if _mode not in ("data", "none"):
    raise SystemExit(f"TEASER_FLOOR must be 'data' or 'none', not {_mode!r}")
for teaser in home_teasers():
    items = _computed_once(teaser.items) if _mode == "data" else _left_out
    register_home_teaser(teaser.name, teaser.template, items, teaser.order)
