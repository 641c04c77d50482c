"""What an event can be: its status, how people attend, and the time zone of its dates.

Apart from the models so that the calendar and the JSON-LD builders, which the models use,
can share them without importing the models.
"""

from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

BERLIN = ZoneInfo("Europe/Berlin")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved-online", _("Moved online")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")
