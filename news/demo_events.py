"""Demo events, written for this project: the past event of 14 February 2024 and three
upcoming ones dated relative to the day the demo content is loaded, one of them a monthly
series (the online consultation hour, with one cancelled date)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from home.demo.content import ensure_translated_child, get_or_create_child
from home.demo.images import get_or_create_demo_image
from home.demo.translate import translate
from home.models import HomePage, Topic
from news.event_choices import BERLIN
from news.models.events import EventIndexPage, EventPage

PAST_EVENT_SLUG = "informations-und-diskussionstag-strukturentwicklung"
ORGANISER = "Lausitz-Entwicklungsagentur (Demo)"
INDEX = {
    "slug": ("veranstaltungen", "events"),
    "title": ("Veranstaltungen", "Events"),
    "intro": (
        "Informationsveranstaltungen, Werkstätten und Sprechstunden für Kommunen, Unternehmen "
        "und alle Interessierten.",
        "Information events, workshops and consultation hours for municipalities, businesses "
        "and everyone interested.",
    ),
}


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def first_tuesday(today: datetime.date, months_later: int = 0) -> datetime.date:
    year, month = divmod(today.month - 1 + months_later, 12)
    first = datetime.date(today.year + year, month + 1, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7)


def event_specs(today: datetime.date) -> list[dict]:
    return [
        {
            "slug": PAST_EVENT_SLUG,
            "slug_en": "information-and-discussion-day-structural-development",
            "title": (
                "Informations- und Diskussionstag: Stand der Strukturentwicklung",
                "Information and discussion day: the state of structural development",
            ),
            "teaser": (
                "Ein ganzer Tag für Landkreise und Kommunen: Überblick über Projekte "
                "und Beispiele kommunaler Wärmeplanung.",
                "A full day for districts and municipalities: an overview of projects "
                "and examples of municipal heat planning.",
            ),
            "start": _at(datetime.date(2024, 2, 14), 0),
            "end": _at(datetime.date(2024, 2, 14), 23, 59),
            "all_day": True,
            "venue_name": "Tagungszentrum am See (Demo)",
            "venue_address": "Beispielweg 5\n01968 Senftenberg (fiktive Anschrift)",
            "district": "oberspreewald-lausitz",
            "registration_email": "anmeldung@example.org",
            "topics": ["strukturwandel", "energie-und-waerme"],
            "image": ("Demo: Tagungszentrum am See", 21, "summer"),
            "agenda": [
                (
                    "09:30",
                    "Begrüßung durch den Lausitz-Beauftragten des Landes",
                    "Welcome by the state's Lausitz commissioner",
                    "",
                    "",
                ),
                (
                    "10:00",
                    "Teil 1: Überblick über den Stand der Strukturentwicklung und "
                    "künftige Projekte",
                    "Part 1: Overview of the state of structural development and future projects",
                    "Geschäftsführung der Agentur",
                    "The agency's managing director",
                ),
                (
                    "13:30",
                    "Teil 2: Beispiele kommunaler Wärmeplanung und -versorgung",
                    "Part 2: Examples of municipal heat planning and supply",
                    "Fachleute aus Kommunen der Region",
                    "Experts from the region's municipalities",
                ),
            ],
        },
        {
            "slug": "werkstatt-waermeplanung",
            "slug_en": "heat-planning-workshop",
            "title": (
                "Werkstatt Wärmeplanung für kleine Gemeinden",
                "Heat planning workshop for small municipalities",
            ),
            "teaser": (
                "Wie fängt eine kleine Gemeinde mit der Wärmeplanung an? Ein Arbeitstag "
                "mit Beispielen und Zeit für Fragen.",
                "How does a small municipality start heat planning? A working day with "
                "examples and time for questions.",
            ),
            "start": _at(today + datetime.timedelta(days=14), 10),
            "end": _at(today + datetime.timedelta(days=14), 15),
            "venue_name": "Gemeindehaus Beispieldorf (Demo)",
            "venue_address": "Dorfstraße 1\n03000 Beispieldorf (fiktive Anschrift)",
            "district": "spree-neisse",
            "registration_url": "https://example.org/anmeldung-werkstatt",
            "registration_deadline": _at(today + datetime.timedelta(days=10), 12),
            "topics": ["energie-und-waerme"],
            "image": ("Demo: Gemeindehaus im Herbst", 22, "autumn"),
            "agenda": [
                (
                    "10:00",
                    "Wo stehen wir? Eine Bestandsaufnahme",
                    "Where are we? Taking stock",
                    "",
                    "",
                ),
                ("13:00", "Fragen aus den Gemeinden", "Questions from the municipalities", "", ""),
            ],
        },
        {
            "slug": "online-sprechstunde-foerdermittel",
            "slug_en": "online-consultation-funding",
            "title": ("Online-Sprechstunde Fördermittel", "Online consultation: funding"),
            "teaser": (
                "Jeden ersten Dienstag im Monat eine Stunde für Ihre Fragen zu "
                "Förderprogrammen im Strukturwandel.",
                "An hour for your questions about funding programmes for structural change, "
                "on the first Tuesday of every month.",
            ),
            # A series (issue 29): twelve first Tuesdays from this month, the third cancelled.
            "start": _at(first_tuesday(today), 16),
            "end": _at(first_tuesday(today), 17),
            "repeat": "monthly-weekday",
            "repeat_count": 12,
            "cancelled_dates": [first_tuesday(today, months_later=2).isoformat()],
            "attendance": "online",
            "online_url": "https://example.org/online-sprechstunde",
            "topics": ["wirtschaft", "strukturwandel"],
            "image": ("Demo: Abend über dem Land", 23, "evening"),
            "agenda": [],
        },
        {
            "slug": "exkursion-energiepark",
            "slug_en": "excursion-energy-park",
            "title": ("Exkursion zu einem Energiepark", "Excursion to an energy park"),
            "teaser": (
                "Eine Besichtigung von Windrädern, Speicher und Solarfeld auf einer "
                "früheren Tagebaufläche.",
                "A visit to wind turbines, storage and a solar field on former "
                "open-cast mining land.",
            ),
            "start": _at(today + datetime.timedelta(days=45), 9),
            "end": _at(today + datetime.timedelta(days=45), 14),
            "status": "cancelled",
            "venue_name": "Treffpunkt Parkplatz am Aussichtsturm (Demo)",
            "venue_address": "Am Turm 2\n03000 Beispielstadt (fiktive Anschrift)",
            "district": "oberspreewald-lausitz",
            "topics": ["energie-und-waerme", "kampagne"],
            "image": ("Demo: Windpark im Sommer", 24, "summer"),
            "agenda": [],
        },
    ]


def ensure_event(index, spec, topics, log) -> EventPage:
    title, seed, palette = spec["image"]
    image, _ = get_or_create_demo_image(
        title, seed, palette, spec["title"][0], "Grafik: Demo-Generator (frei erfunden)"
    )
    agenda = [
        {"type": "item", "value": {"time": time, "title": de, "speaker": who_de}}
        for time, de, _en, who_de, _who_en in spec["agenda"]
    ]
    page, created = get_or_create_child(
        index,
        EventPage,
        spec["slug"],
        title=spec["title"][0],
        teaser=spec["teaser"][0],
        start=spec["start"],
        end=spec["end"],
        all_day=spec.get("all_day", False),
        status=spec.get("status", "scheduled"),
        attendance=spec.get("attendance", "in-person"),
        venue_name=spec.get("venue_name", ""),
        venue_address=spec.get("venue_address", ""),
        district=spec.get("district", ""),
        online_url=spec.get("online_url", ""),
        organiser=ORGANISER,
        registration_url=spec.get("registration_url", ""),
        registration_email=spec.get("registration_email", ""),
        registration_deadline=spec.get("registration_deadline"),
        repeat=spec.get("repeat", ""),
        repeat_count=spec.get("repeat_count"),
        cancelled_dates=spec.get("cancelled_dates", []),
        hero_image=image,
        agenda=agenda,
        topics=[topics[slug] for slug in spec["topics"]],
    )
    if created:
        log(f"  event {page.title[:50]}… created")
    strings = {spec[f][0]: spec[f][1] for f in ("title", "teaser")}
    strings[spec["slug"]] = spec["slug_en"]
    for _time, de, en, who_de, who_en in spec["agenda"]:
        strings[de] = en
        if who_de:
            strings[who_de] = who_en
    translate(page, "en", strings)
    return page


def load_event_demo(log) -> dict[str, EventPage]:
    german = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=german, depth=2)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    index = ensure_translated_child(home, EventIndexPage, INDEX, show_in_menus=True)
    today = timezone.localdate()
    return {spec["slug"]: ensure_event(index, spec, topics, log) for spec in event_specs(today)}
