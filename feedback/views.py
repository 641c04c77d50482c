"""The public form and its confirmation page, in every language of ``settings.LANGUAGES``.

Why plain Django views and not a Wagtail page: the form must exist in every language at once
(a page would need a translated copy per language tree before it works), and it is part of
the site's legal duties rather than content. Editors maintain the texts around it in the
accessibility statement and the site settings (arbitration body).

Caching and cookies: the form page renders a CSRF token, so Django sets the ``csrftoken``
cookie here and nowhere else on the public site; ``never_cache`` keeps it and its POST out of
the page cache, the front server and browsers' caches (``portal.caching.pages`` would refuse
it anyway because of the token). The confirmation page sets no cookie.
"""

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from feedback.forms import ReportForm, same_site_path
from feedback.models import ADDRESS_MAX_LENGTH, AccessibilityReport
from feedback.tasks import notify_new_report
from home.forms import count_submission
from portal.languages import current_language, path_in_every_language

RATE_GROUP = "feedback.report"


def _own_paths() -> set[str]:
    return {reverse("feedback:report"), reverse("feedback:received")}


def _initial_address(request) -> str:
    """The page the visitor came from: ``?page=`` (the footer link sends it) or the Referer,
    when either is a path of this site. Only ever shown, so a wrong value does no harm."""
    host = request.get_host()
    for candidate in (request.GET.get("page", ""), request.headers.get("Referer", "")):
        path = same_site_path(candidate[: ADDRESS_MAX_LENGTH * 2], host)
        if path and path.split("?")[0] not in _own_paths() and len(path) <= ADDRESS_MAX_LENGTH:
            return path
    return ""


def _render(request, form, status=200, rate_limited=False, retry_after=None):
    response = render(
        request,
        "feedback/report.html",
        {
            "form": form,
            "rate_limited": rate_limited,
            "keep_days": settings.PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS,
            "language_urls": path_in_every_language(request),
            "meta_description": _(
                "Tell us about a barrier on this website: we answer within one month."
            ),
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    """GET: the empty form (address prefilled). POST: store and redirect to the confirmation
    (POST/redirect/GET), or show the form again with its errors, or with the visitor's text
    and a 429 when this address sent too many reports."""
    received = HttpResponseRedirect(reverse("feedback:received"))
    if request.method != "POST":
        form = ReportForm(initial={"page_address": _initial_address(request)})
        return _render(request, form)
    form = ReportForm(request.POST, host=request.get_host())
    if form.is_spam:
        return received  # a bot: answered like a person, nothing stored or sent
    if not form.is_valid():
        return _render(request, form)
    usage = count_submission(request, RATE_GROUP, settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE)
    if usage is not None and usage["should_limit"]:
        return _render(request, form, 429, rate_limited=True, retry_after=usage["time_left"])
    data = form.cleaned_data
    report = AccessibilityReport.objects.create(
        message=data["message"],
        page_address=data["page_address"],
        name=data["name"].strip(),
        email=data["email"],
        language=current_language(),
    )
    transaction.on_commit(lambda: notify_new_report.enqueue(report.pk))
    return received


@require_safe
def received(request):
    """The confirmation: when the answer comes and where to turn if it does not."""
    return render(
        request,
        "feedback/received.html",
        {
            "language_urls": path_in_every_language(request),
            "meta_description": _("Your report has arrived: we answer within one month."),
        },
    )
