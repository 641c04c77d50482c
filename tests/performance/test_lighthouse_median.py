"""``bench/lighthouse_median.py``: a run Lighthouse could not record is named (so that
``bench/run.sh`` repeats it) and never counts as a score."""

import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.nodb

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "lighthouse_median.py"


@pytest.fixture(scope="module")
def lighthouse_median():
    spec = importlib.util.spec_from_file_location("lighthouse_median", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def write_report(lighthouse_median):
    """Writes a minimal Lighthouse report with every category the script reads."""

    def write(path, score, runtime_error=None, weight=90_000):
        categories = lighthouse_median.CATEGORIES
        report = {
            "categories": {name: {"score": score, "auditRefs": []} for name in categories},
            "audits": {"total-byte-weight": {"numericValue": weight}},
        }
        if runtime_error:
            report["runtimeError"] = {"code": runtime_error, "message": "Please run it again."}
        path.write_text(json.dumps(report), encoding="utf-8")
        return str(path)

    return write


def test_the_runtime_error_code_is_named_and_a_good_run_names_none(
    tmp_path, lighthouse_median, write_report
):
    broken = write_report(tmp_path / "broken.json", None, runtime_error="NO_NAVSTART")
    good = write_report(tmp_path / "good.json", 1)
    assert lighthouse_median.runtime_error(broken) == "NO_NAVSTART"
    assert lighthouse_median.runtime_error(good) == ""


def test_medians_of_three_runs_and_err_when_a_run_has_no_score(
    tmp_path, lighthouse_median, write_report, capsys
):
    runs = [
        write_report(tmp_path / "a.json", 0.97, weight=95_000),
        write_report(tmp_path / "b.json", 1, weight=98_000),
        write_report(tmp_path / "c.json", 0.99, weight=97_000),
    ]
    lighthouse_median.main("/de/", runs)
    row = capsys.readouterr().out.split()
    assert row == ["/de/", "99", "99", "99", "99", "97000"]

    runs[1] = write_report(tmp_path / "b.json", None, runtime_error="NO_NAVSTART")
    lighthouse_median.main("/de/", runs)
    assert capsys.readouterr().out.split()[1:5] == ["err"] * 4
