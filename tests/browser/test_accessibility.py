"""In Chromium: axe-core finds no WCAG 2.0/2.1 A/AA or best-practice violation on any page
type, the barrier report form or its confirmation, German and English, with no rule disabled.

axe is injected with ``page.evaluate`` (through the debugging protocol): the strict CSP
blocks added script tags and ``eval``, and it must stay strict for this test to mean
anything. One tab visits every page, so the count of checked pages is asserted too: a
shortened page list cannot pass silently.
"""

import json

import pytest

from tests.browser.conftest import AXE  # noqa: F401 (where axe-core is, for other modules)
from tests.site_pages import FORM_LABELS, LABELS, form_paths, public_paths

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
RUN_AXE = "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})"


def run_axe(tab, axe_source):
    tab.evaluate(axe_source)
    return tab.evaluate(RUN_AXE, AXE_TAGS)


def describe(path, violations):
    return [
        f"{path}: {v['id']} ({v['impact']}) {node['target']} {node['failureSummary']}"
        for v in violations
        for node in v["nodes"]
    ]


def test_axe_finds_no_violation_on_any_page_type_in_either_language(
    db, demo_server, page, axe_source
):
    problems, checked = [], []
    forms = [(label, path, 200) for label, path in form_paths()]
    for label, path, status in [*public_paths(), *forms]:
        response = page.goto(demo_server + path)
        assert response.status == status, label
        result = run_axe(page, axe_source)
        # Rules really ran: passes are reported on every page (landmarks, lang, contrast…).
        assert len(result["passes"]) > 10, f"{label}: axe ran almost no rules"
        problems += describe(path, result["violations"])
        checked.append(path)
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)
    assert len(checked) == len(LABELS) + len(FORM_LABELS) == 42


def test_axe_does_report_a_violation(demo_server, page, axe_source):
    """Guards the test above: an unlabelled field and a missing alt text are caught."""
    page.goto(f"{demo_server}/de/")
    page.evaluate(
        "() => { const main = document.querySelector('main');"
        " main.append(document.createElement('input'));"
        " const img = document.createElement('img'); img.src = '/static/img/favicon.svg';"
        " main.append(img); }"
    )
    found = {v["id"] for v in run_axe(page, axe_source)["violations"]}
    assert {"label", "image-alt"} <= found


MOTION = (
    "() => [getComputedStyle(document.querySelector('.skip-link')).transitionDuration,"
    " getComputedStyle(document.documentElement).scrollBehavior]"
)


@pytest.mark.parametrize(
    ("preference", "expected"), [("no-preference", ["0.15s", "smooth"]), ("reduce", ["0s", "auto"])]
)
def test_motion_only_for_visitors_who_did_not_ask_to_reduce_it(
    demo_server, browser, preference, expected
):
    context = browser.new_context(reduced_motion=preference)
    tab = context.new_page()
    tab.goto(f"{demo_server}/de/")
    motion = tab.evaluate(MOTION)
    context.close()
    assert motion == expected
