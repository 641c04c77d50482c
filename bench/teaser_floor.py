"""An experiment for ``FLOOR=1 bash bench/run.sh``, not for production: the portal's WSGI
application with the home page's teaser data (latest news, upcoming events, campaign films)
computed on the first view of each home page and then reused, so that a home view spends
no query and no time on it.

It answers one question: how fast could the uncached home page be if its teasers cost
nothing, with everything else (routing, hero, body, renditions, templates) unchanged? Were
that still far from a target, no amount of work on the teaser queries would reach it. A
real site could not do this: the reused teasers would never change.
"""

from home.registry import home_teasers, register_home_teaser
from portal.wsgi import application  # noqa: F401 - the WSGI entry point gunicorn loads


def _computed_once(items):
    results = {}

    def reused(request, home_page):
        if home_page.pk not in results:
            results[home_page.pk] = items(request, home_page)
        return results[home_page.pk]

    return reused


for teaser in home_teasers():
    register_home_teaser(teaser.name, teaser.template, _computed_once(teaser.items), teaser.order)
