"""Demo content of the projects app: the project index and twelve projects (German +
English), named by the demo articles and events they belong to.

Runs after the news demo (``ProjectsConfig.ready``): the articles and events it links
exist by then. They are found by slug as plain pages, so this app imports nothing of
``news``.
"""

from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.demo.content import DEMO_NOTE_DE, DEMO_NOTE_EN, ensure_translated_child, paragraph
from home.demo.translate import plain_text_segments, translate
from home.images.models import CustomImage
from home.models import HomePage, Topic
from projects.demo_projects import INDEX, PROJECTS
from projects.models import ProjectIndexPage, ProjectPage


def _german_fields(spec, topics) -> dict:
    """The German page's fields from a spec: text, facts, topics and its hero image."""
    latitude, longitude = spec["location"]
    start, end = spec["dates"]
    image = CustomImage.objects.filter(title=spec["image"]).first()  # made by home/news demos
    amount = spec["funding_amount"]
    return {
        "title": spec["title"][0],
        "summary": spec["summary"][0],
        "body": [paragraph(de) for de, _en in spec["body"]] + [paragraph(DEMO_NOTE_DE)],
        "district": spec["district"],
        "municipality": spec["municipality"],
        "latitude": Decimal(latitude),
        "longitude": Decimal(longitude),
        "status": spec["status"],
        "funding_programme": spec["funding_programme"][0],
        "funding_amount": Decimal(amount) if amount else None,
        "partners": spec["partners"][0],
        "start_date": start,
        "end_date": end,
        "topics": [topics[slug] for slug in spec["topics"]],
        "hero_image": image,
        "hero_alt": spec["hero_alt"][0] if image else "",
    }


def _english_strings(spec) -> dict[str, str]:
    """German -> English for every segment of a project page."""
    strings = {de: en for de, en in spec["body"]}
    strings[DEMO_NOTE_DE] = DEMO_NOTE_EN
    for field in ("slug", "title", "summary", "funding_programme", "hero_alt"):
        strings[spec[field][0]] = spec[field][1]
    strings.update(plain_text_segments({spec["partners"][0]: spec["partners"][1]}))
    return strings


def ensure_project(index: ProjectIndexPage, spec, topics, log) -> ProjectPage:
    """The German project under ``index`` (created and published once) and its English
    translation (live)."""
    slug = spec["slug"][0]
    page = ProjectPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        fields = _german_fields(spec, topics)
        page = ProjectPage(slug=slug, locale=index.locale, **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        log(f"  project {page.title[:50]}… created")
    _, created = translate(page, "en", _english_strings(spec))
    if created:
        log(f"  project {page.title[:50]}…: English translation created")
    return page


def _sync_translations(page, log) -> None:
    """Bring the translations of ``page`` up to date with its German version the way an
    editor's "Sync translated pages" does: the source is read again, and each translation
    is saved and published with its existing English strings. Synchronised fields (the
    named ``projects``) are copied; nothing else changes."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is None:
        return  # a German-only page
    wanted = set(page.projects.values_list("translation_key", flat=True))
    stale = [
        translation
        for translation in Translation.objects.filter(source=source).select_related("target_locale")
        if (target := page.get_translation_or_none(translation.target_locale)) is not None
        and set(target.specific.projects.values_list("translation_key", flat=True)) != wanted
    ]
    if not stale:
        return
    source.update_from_db()
    for translation in stale:
        translation.save_target(publish=True)
        log(f"  {page.title[:50]}…: {translation.target_locale.language_code} synchronised")


def name_projects(projects: dict[str, ProjectPage], log) -> None:
    """The German demo articles and events name the projects they are about (the German
    page owns the links); their translations are synchronised, so they name them too."""
    naming = {}
    for spec in PROJECTS:
        for page_slug in spec["named_by"]:
            naming.setdefault(page_slug, []).append(projects[spec["slug"][0]])
    german = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for page_slug, named in naming.items():
        page = german.filter(slug=page_slug).first()
        if page is None:
            continue  # the news demo did not make it (the app may be missing)
        page = page.specific
        if set(page.projects.values_list("pk", flat=True)) != {p.pk for p in named}:
            page.projects = named
            page.save_revision().publish()
            log(f"  {page.title[:50]}… names {len(named)} project(s)")
        _sync_translations(page, log)


def load_projects_demo(log):
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=german, depth=2)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    index = ensure_translated_child(home, ProjectIndexPage, INDEX, show_in_menus=True)
    projects = {spec["slug"][0]: ensure_project(index, spec, topics, log) for spec in PROJECTS}
    name_projects(projects, log)
