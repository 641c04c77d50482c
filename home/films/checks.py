"""System checks of the film pipeline's set-up: what would otherwise fail only when a
visitor opens a page or an editor uploads a film."""

from django.contrib.staticfiles import finders
from django.core import checks

HLS_JS = "vendor/hls/hls.light.min.js"


@checks.register(checks.Tags.staticfiles)
def hls_js_is_vendored(app_configs=None, **kwargs):
    """Every page names hls.js with ``{% static %}``; under the production manifest storage
    a missing file is a server error on every page, so ``check --deploy`` refuses it."""
    if finders.find(HLS_JS):
        return []
    return [
        checks.Warning(
            f"{HLS_JS} is missing: films stream only where the browser plays HLS itself.",
            hint="Run `make vendor-js` (it copies hls.js from node_modules) before collectstatic.",
            id="films.W001",
        )
    ]


@checks.register(checks.Tags.staticfiles, deploy=True)
def hls_js_is_vendored_for_deploy(app_configs=None, **kwargs):
    return [
        checks.Error(message.msg, hint=message.hint, id="films.E001")
        for message in hls_js_is_vendored()
    ]
