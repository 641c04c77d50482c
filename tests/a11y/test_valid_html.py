"""The served HTML of every page type and of the barrier report form and its confirmation,
German and English, passes the Nu HTML Checker
(vnu) without errors.

All pages go to ONE vnu run (the JVM takes about two seconds to start). Pages are fetched
with Django's test client from the demo content, exactly as served. Where Java or the vnu
jar is missing, the test skips with the reason, unless ``PORTAL_REQUIRE_BROWSER`` is set.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site_pages import FORM_LABELS, LABELS, form_paths, public_paths

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def java():
    java = shutil.which("java")
    reason = None
    if java is None:
        reason = "Java not found (the Nu HTML Checker needs a JRE)"
    elif not VNU.exists():
        reason = f"vnu.jar missing at {VNU} (run `make node-tools`)"
    if reason:
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(reason + "; PORTAL_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(reason)
    return java


def validate(java, files):
    """vnu's JSON report (it writes it to stderr); exit status 1 only means "errors found"."""
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return json.loads(run.stderr)["messages"]


@pytest.mark.django_db
def test_every_page_type_is_valid_html_in_both_languages(client, java, tmp_path):
    files = {}
    checked = [*public_paths(), *[(label, path, 200) for label, path in form_paths()]]
    for index, (label, path, status) in enumerate(checked):
        response = client.get(path)
        assert response.status_code == status, label
        file = tmp_path / f"{index:02d}.html"
        file.write_bytes(response.content)
        files[file.name] = path
    messages = validate(java, [tmp_path / name for name in files])
    errors = [f"{files.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']}" for m in messages]
    assert errors == []
    assert len(files) == len(LABELS) + len(FORM_LABELS)


@pytest.mark.nodb
def test_the_checker_does_report_an_error(java, tmp_path):
    """Guards the test above: invalid HTML (a <div> in a <p>'s place inside a <ul>) fails."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        "<body><ul><div>kein Listeneintrag</div></ul></body></html>"
    )
    assert [m["type"] for m in validate(java, [page])] == ["error"]
