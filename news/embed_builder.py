"""The editors' embed code builder (issue 29): "Kalender einbetten" in the admin menu.

A GET form over the embeddable calendar's filters (``news.embed``): submitting it shows the
``<iframe>`` code for a partner site and a preview of exactly that calendar, so it works
without JavaScript; ``static/js/embed-builder.js`` updates both while the editor chooses.
The filters are checked by the calendar's own parser, so the builder cannot produce an
address the calendar refuses.

Who may use it: editors who may create events (add a page below an event index). They are
the ones who answer partners' questions about the calendar; everyone else in the admin has
no use for it, and the code it builds is public anyway.
"""

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem

from home.regions import District
from home.topics.localized import live_topics
from news.embed import LIMIT_DEFAULT, LIMIT_MAX, embed_query
from news.event_choices import EventStatus
from news.event_filters import BadFilter
from news.models import EventIndexPage

HEIGHT_DEFAULT = 500
ANY = ("", _("Any"))


def may_build_embeds(user) -> bool:
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.is_superuser:
        return True
    return any(
        index.permissions_for_user(user).can_add_subpage() for index in EventIndexPage.objects.all()
    )


class EmbedCodeForm(forms.Form):
    """The calendar's filters as an editor chooses them; ``query`` is the calendar's own
    canonical query string for them."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    district = forms.ChoiceField(
        label=_("District"), required=False, choices=[ANY, *District.choices]
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        required=False,
        choices=[ANY, ("on-site", _("On site")), ("online", _("Online"))],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[ANY, *EventStatus.choices]
    )
    limit = forms.IntegerField(
        label=_("Number of events"), min_value=1, max_value=LIMIT_MAX, initial=LIMIT_DEFAULT
    )
    height = forms.IntegerField(
        label=_("Height in pixels"),
        min_value=150,
        max_value=2000,
        initial=HEIGHT_DEFAULT,
        help_text=_("About 100 pixels per event, plus 120 for the heading and the link."),
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        language = self.data.get("language")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        topics = live_topics(language).order_by("name")
        self.fields["topic"].choices = [ANY, *((topic.slug, topic.name) for topic in topics)]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        params = QueryDict(mutable=True)
        for name in ("topic", "district", "attendance", "status"):
            if data.get(name):
                params[name] = data[name]
        params["limit"] = str(data["limit"])
        try:
            self.query = embed_query(params, data["language"])
        except BadFilter as error:
            raise forms.ValidationError(str(error.message)) from error
        return data


def embed_path(language: str, query: str = "") -> str:
    with translation.override(language):
        path = reverse("events_embed")
    return f"{path}?{query}" if query else path


def iframe_title(language: str) -> str:
    """The frame's accessible name, in the calendar's language (the partner's page is)."""
    with translation.override(language):
        return str(_("Events of the Lausitz-Portal"))


def iframe_code(url: str, language: str, height: int) -> str:
    """The code partners paste, as plain text (not marked safe): the template escapes it
    into the textarea, where the editor reads it as written here."""
    src, title = escape(url), escape(iframe_title(language))
    return (
        f'<iframe src="{src}" title="{title}" width="100%" height="{int(height)}" '
        'loading="lazy" style="border:0"></iframe>'
    )


def builder_view(request):
    if not may_build_embeds(request.user):
        return permission_denied(request)
    data = request.GET.copy() if request.GET else None
    if data is None:
        data = QueryDict(mutable=True)
        data.update({"language": settings.LANGUAGE_CODE, "limit": LIMIT_DEFAULT})
        data["height"] = HEIGHT_DEFAULT
    form = EmbedCodeForm(data)
    context = {
        "form": form,
        "embed_paths": {code: embed_path(code) for code, _name in settings.LANGUAGES},
        "origin": request.build_absolute_uri("/").rstrip("/"),
    }
    if form.is_valid():
        language = form.cleaned_data["language"]
        path = embed_path(language, form.query)
        context.update(
            preview_url=path,
            embed_url=request.build_absolute_uri(path),
            code=iframe_code(
                request.build_absolute_uri(path), language, form.cleaned_data["height"]
            ),
            height=form.cleaned_data["height"],
            title=iframe_title(language),
        )
    return TemplateResponse(request, "news/embed/builder.html", context)


class EmbedBuilderMenuItem(MenuItem):
    def is_shown(self, request):
        return may_build_embeds(request.user)


def embed_builder_menu_item():
    return EmbedBuilderMenuItem(
        _("Embed calendar"), reverse("news_embed_builder"), icon_name="code", order=260
    )
