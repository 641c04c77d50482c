"""Hypothesis profiles for the hostile-input tests.

``ci`` (default): bounded and reproducible — the same examples on every run, no deadline
(the shared CI machine is slow at times). ``thorough``: many more random examples, for a
developer hunting bugs: ``HYPOTHESIS_PROFILE=thorough pytest tests/security/test_fuzz.py``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
