"""Print one table row for a page from several Lighthouse JSON reports: the median score of
each category (0-100) and the median total transfer in bytes (``total-byte-weight``).

    python bench/lighthouse_median.py /de/ report-1.json report-2.json report-3.json

A category Lighthouse could not score (``null``) is printed as ``err`` and the failing
audits are listed, so a broken run is never mistaken for a result.

    python bench/lighthouse_median.py --runtime-error report.json

prints the report's runtime error code (``NO_NAVSTART``, …) or nothing: ``bench/run.sh``
repeats such a run, as Lighthouse's own message asks.
"""

import json
import statistics
import sys

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main(path: str, reports: list[str]) -> None:
    scores = {category: [] for category in CATEGORIES}
    weights, failing = [], set()
    for name in reports:
        with open(name, encoding="utf-8") as handle:
            report = json.load(handle)
        for category in CATEGORIES:
            score = report["categories"][category]["score"]
            scores[category].append(None if score is None else round(score * 100))
            for ref in report["categories"][category]["auditRefs"]:
                audit = report["audits"][ref["id"]]
                scored = ref["weight"] and audit.get("score") is not None
                if category != "performance" and scored and audit["score"] < 1:
                    failing.add(f"{category}:{ref['id']}")
        weights.append(report["audits"]["total-byte-weight"]["numericValue"])
    cells = []
    for category in CATEGORIES:
        values = scores[category]
        cells.append("err" if None in values else str(int(statistics.median(values))))
    print(
        f"{path:<72} {cells[0]:>6} {cells[1]:>6} {cells[2]:>6} {cells[3]:>6} "
        f"{int(statistics.median(weights)):>9}"
    )
    if failing:
        print("      below 100 in some run: " + ", ".join(sorted(failing)))


def runtime_error(report_path: str) -> str:
    with open(report_path, encoding="utf-8") as handle:
        error = json.load(handle).get("runtimeError") or {}
    return error.get("code", "")


if __name__ == "__main__":
    if sys.argv[1] == "--runtime-error":
        print(runtime_error(sys.argv[2]))
    else:
        main(sys.argv[1], sys.argv[2:])
