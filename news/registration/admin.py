"""Registrations in Wagtail's admin, for organisers with ``news.export_registrations``:
a listing filtered by event and status, each registration in full (accessibility needs
included), and cancelling one on a person's behalf (someone phones to say they cannot come).

Why a read-only listing with one action and not an edit form: a place is given under the
lock of ``news.registration.places``; changing status or place by hand would bypass it (and
the waiting list), and registrations are deleted by ``delete_old_registrations`` on the
schedule the privacy statement promises, not by hand.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from news.models import EventPage, EventRegistration, RegistrationStatus
from news.registration import places
from news.registration.export import PERMISSION
from news.registration.mail import site_base_url
from news.registration.tasks import send_later

ACTIVE = [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Viewing and cancelling need the export permission; adding, editing, copying and
    deleting are offered to nobody (see the module's docstring)."""

    def user_has_permission(self, user, action):
        if action in ("view", "cancel"):
            return user.is_active and user.has_perm(PERMISSION)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


registration_policy = RegistrationPermissionPolicy(EventRegistration)
register_permission_policy(EventRegistration, registration_policy, exact_class=True)


def _events_taking_registrations(request):
    """German events with the site's own form: the registrations belong to them."""
    return EventPage.objects.filter(
        registration_on_site=True, locale_id=Locale.get_default().pk
    ).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Event"),
        queryset=_events_taking_registrations,
        empty_label=gettext_lazy("All events"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=RegistrationStatus.choices,
        empty_label=gettext_lazy("Any"),
    )

    class Meta:
        model = EventRegistration
        fields = []


class RegistrationIndexView(IndexView):
    default_ordering = ["event__start", "status", "place", "confirmed_at", "pk"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != RegistrationStatus.CANCELLED:
            buttons.append(
                ListingButton(
                    _("Cancel registration"),
                    url=reverse("news_registrations:cancel_registration", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class RegistrationInspectView(InspectView):
    pass


class CancelRegistrationView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks, POST cancels through ``places.cancel`` (the freed place goes to the first
    on the waiting list, who is told by e-mail); the person is told as well."""

    template_name = "news/registration/admin_cancel.html"
    header_icon = "cross"

    @cached_property
    def registration(self):
        return get_object_or_404(
            EventRegistration.objects.select_related("event"), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return _("Cancel registration")

    def get_page_subtitle(self):
        return str(self.registration)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.listing_url(), "label": _("Event registrations")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not registration_policy.user_has_permission(request.user, "cancel"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration,
            listing_url=self.listing_url(),
            is_cancelled=self.registration.status == RegistrationStatus.CANCELLED,
        )
        return context

    def listing_url(self) -> str:
        return reverse("news_registrations:index") + f"?event={self.registration.event_id}"

    def post(self, request, *args, **kwargs):
        base_url = site_base_url(request)
        outcome = places.cancel(self.registration.pk)
        if outcome.changed:
            send_later(outcome.registration, "cancelled_by_organiser", base_url)
            for moved in outcome.moved_up:
                send_later(moved, "moved_up", base_url)
            message = _("The registration of %(name)s is cancelled.") % {
                "name": outcome.registration.name
            }
            if outcome.moved_up:
                message += " " + _("%(name)s moves up from the waiting list.") % {
                    "name": ", ".join(moved.name for moved in outcome.moved_up)
                }
            messages.success(request, message)
        return redirect(self.listing_url())


class RegistrationViewSet(ModelViewSet):
    model = EventRegistration
    icon = "group"
    name = "news_registrations"
    url_prefix = "news/registrations"
    menu_label = gettext_lazy("Event registrations")
    menu_order = 125
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    # Needed by the add and edit views, which the permission policy offers to nobody.
    form_fields = ["name"]
    list_per_page = 50
    list_display = [
        "name",
        "email",
        "organisation",
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        "place",
        "event",
        DateColumn("confirmed_at", label=gettext_lazy("Confirmed")),
    ]
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "accessibility_needs",
        "language",
        "status",
        "place",
        "created_at",
        "confirmed_at",
        "cancelled_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/cancel/", CancelRegistrationView.as_view(), name="cancel_registration"),
        ]


registration_viewset = RegistrationViewSet()
