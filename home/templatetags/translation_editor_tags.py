"""What the portal adds to wagtail-localize's translation editor (its template is
overridden in ``templates/wagtail_localize/admin/edit_translation.html``):

- translators (no publish right) get their own footer: "Ready for review" in one click,
  the preview, and the progress, instead of wagtail-localize's footer whose primary action
  was "Delete" for them;
- nobody but Redaktion and administrators is offered "Delete";
- reviewers see who asked for review, with the note, and can send it back.
"""

import json

from django import template
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment

from home.translation.memory import suggestions
from home.translation.models import TranslationReview
from home.translation.roles import may_delete
from home.translation.translation_editor import missing_segments

register = template.Library()


def _state(request, translation, instance, props_json):
    props = json.loads(props_json)
    perms = props["perms"]
    perms["canDelete"] = perms["canDelete"] and may_delete(request.user)
    total = StringSegment.objects.filter(source_id=translation.source_id).count()
    missing = missing_segments(translation)
    offered = suggestions(translation)
    review = (
        TranslationReview.objects.filter(translation=translation)
        .select_related("requested_by")
        .first()
    )
    send_back_url = None
    if isinstance(instance, Page) and perms["canPublish"] and review:
        send_back_url = reverse("portal_review_send_back", args=[instance.pk])
    return {
        "props": json.dumps(props),
        "translator": not perms["canPublish"],
        "total": total,
        "missing": missing,
        "translated": total - missing,
        "offered": offered,
        "review": review,
        "ready_url": reverse("portal_translation_ready", args=[translation.pk]),
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        "send_back_url": send_back_url,
    }


@register.simple_tag(takes_context=True)
def portal_translation_editor(context):
    """Computed once per request: the template asks twice (body class and content)."""
    request = context["request"]
    state = getattr(request, "_portal_translation_editor", None)
    if state is None:
        state = _state(request, context["translation"], context["instance"], context["props"])
        request._portal_translation_editor = state
    return state
