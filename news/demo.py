"""Demo content of the news app: press contact, news index and articles (German + English)."""

from wagtail.models import Locale, Page

from home.demo.content import (
    block,
    ensure_translated_child,
    get_or_create_child,
    heading,
    paragraph,
)
from home.demo.images import get_or_create_demo_image
from home.demo.translate import translate
from home.models import Film, HomePage, Topic
from news.demo_articles import ARTICLES, PRESS_RELEASE_SLUG
from news.demo_events import PAST_EVENT_SLUG, load_event_demo
from news.models import NewsIndexPage, NewsPage, PressContact

INDEX = {
    "slug": ("aktuelles", "news"),
    "title": ("Aktuelles", "News"),
    "intro": (
        "Pressemitteilungen und Neuigkeiten aus der Agentur und der Region.",
        "Press releases and news from the agency and the region.",
    ),
}
CONTACT = {
    "name": "Presseteam (Demo)",
    "role": ("Pressestelle", "Press office"),
    "organisation": ("Lausitz-Entwicklungsagentur (Demo)", "Lausitz development agency (demo)"),
    "phone": "+49 355 000001",
    "email": "presse@example.org",
}
CREDIT = "Grafik: Demo-Generator (frei erfunden)"


def ensure_press_contact(german, log) -> PressContact:
    contact = PressContact.objects.filter(locale=german, email=CONTACT["email"]).first()
    if contact is None:
        contact = PressContact(
            locale=german,
            name=CONTACT["name"],
            role=CONTACT["role"][0],
            organisation=CONTACT["organisation"][0],
            phone=CONTACT["phone"],
            email=CONTACT["email"],
        )
        contact.save()
        contact.save_revision().publish()
        log("  press contact created")
    translate(contact, "en", {CONTACT[f][0]: CONTACT[f][1] for f in ("role", "organisation")})
    return contact


def _body(spec):
    """German StreamField data and the German -> English strings of an article body."""
    blocks, strings = [], {}
    for entry in spec["body"]:
        if entry[0] == "film":
            film = Film.objects.filter(locale__language_code="de", live=True).order_by("pk")
            if film.exists():  # the campaign app provides films; without it, no embed
                blocks.append(block("film", {"film": film.first().pk}))
            continue
        kind, german, english = entry[0], entry[1], entry[2]
        strings[german] = english
        if kind == "cta":
            target = Page.objects.filter(slug=entry[3], locale__language_code="de").first()
            if target is not None:
                blocks.append(
                    block("call_to_action", {"label": german, "page": target.pk, "url": ""})
                )
            continue
        if kind == "heading":
            blocks.append(heading(german))
        elif kind == "paragraph":
            blocks.append(paragraph(german))
        elif kind == "quote":
            blocks.append(block("quote", {"text": german, "attribution": entry[3], "language": ""}))
            strings[entry[3]] = entry[4]
    return blocks, strings


def ensure_article(index, spec, topics, contact, log, related=()) -> NewsPage:
    title, seed, palette = spec["image"]
    image, _ = get_or_create_demo_image(title, seed, palette, spec["hero_alt"][0], CREDIT)
    body, strings = _body(spec)
    page, created = get_or_create_child(
        index,
        NewsPage,
        spec["slug"],
        title=spec["title"][0],
        date=spec["date"],
        kind=spec["kind"],
        teaser=spec["teaser"][0],
        hero_image=image,
        hero_alt=spec["hero_alt"][0],
        body=body,
        source_line=spec["source_line"][0],
        press_contact=contact,
        topics=[topics[slug] for slug in spec["topics"]],
        related_pages=[("page", page) for page in related],
    )
    if created:
        log(f"  article {page.title[:50]}… created")
    if spec["slug_en"]:
        for field in ("title", "teaser", "hero_alt", "source_line"):
            strings[spec[field][0]] = spec[field][1]
        strings[spec["slug"]] = spec["slug_en"]
        translate(page, "en", strings)
    return page


def load_news_demo(log):
    german = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=german, depth=2)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    contact = ensure_press_contact(german, log)
    index = ensure_translated_child(home, NewsIndexPage, INDEX, show_in_menus=True)
    events = load_event_demo(log)
    for spec in ARTICLES:
        # The press release reports on the past event and links to it.
        related = [events[PAST_EVENT_SLUG]] if spec["slug"] == PRESS_RELEASE_SLUG else []
        ensure_article(index, spec, topics, contact, log, related)
