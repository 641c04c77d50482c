"""Demo content of the press page: one per language, with press photos taken from the demo
articles' images (given a fictional photographer's credit and a licence) and the demo press
contact, which the news demo creates. Written for this project; every person is fictional.
"""

from wagtail.models import Locale

from home.demo.content import block, get_or_create_child, paragraph
from home.demo.translate import translate
from home.images.models import CustomImage, Licence
from home.models import HomePage
from news.models import PressPage

PAGE = {
    "slug": ("presse", "press"),
    "title": ("Presse", "Press"),
    "intro": (
        "Pressemitteilungen, Pressefotos und Ansprechpersonen der Lausitz-Entwicklungsagentur "
        "(Demo) – für Redaktionen, Agenturen und freie Journalistinnen und Journalisten.",
        "Press releases, press photos and contacts of the Lausitz development agency (demo) – "
        "for newsrooms, agencies and freelance journalists.",
    ),
    "body": (
        "Sie planen einen Bericht über die Lausitz und brauchen ein Interview, Zahlen oder "
        "einen Termin vor Ort? Schreiben Sie uns; wir antworten werktags innerhalb eines Tages.",
        "Are you planning a story on Lusatia and need an interview, figures or a visit on "
        "site? Write to us; we answer within one working day.",
    ),
}
# (image title from the news demo, credit, licence, licence note, alt de/en, caption de/en)
PHOTOS = [
    (
        "Demo: Tagungsort am See",
        "Foto: Lausitz-Entwicklungsagentur / M. Beispiel (Demo)",
        Licence.PRESS,
        "",
        ("Ein Tagungsgebäude am Ufer eines Sees", "A conference building on a lakeshore"),
        (
            "Tagungsort des Informationstags Strukturentwicklung am Seeufer",
            "Venue of the structural development information day on the lakeshore",
        ),
    ),
    (
        "Demo: Abendhimmel über Windrädern",
        "Foto: Lausitz-Entwicklungsagentur / J. Muster (Demo)",
        Licence.CC_BY,
        "",
        ("Windräder vor einem Abendhimmel", "Wind turbines against an evening sky"),
        ("Windpark in der Lausitz am Abend", "Wind farm in Lusatia in the evening"),
    ),
    (
        "Demo: Gewerbegebiet im Herbst",
        "Foto: Agentur / M. Beispiel (Demo)",
        Licence.PRESS,
        "Nur mit Nennung des Fotografen; nicht für Werbung.",
        ("Herbstliche Hügel mit einer Werkhalle", "Autumn hills with a factory hall"),
        (
            "Ehemalige Werkhalle, künftig Gründerzentrum",
            "Former factory hall, soon a start-up centre",
        ),
    ),
    (
        "Demo: Dorf am Abend",
        "Foto: K. Erfunden für Lausitz-Entwicklungsagentur (Demo)",
        Licence.CC_BY_SA,
        "",
        ("Ein Dorf im Abendlicht", "A village in the evening light"),
        ("Beispielgemeinde mit geplantem Wärmenetz", "Sample municipality planning a heat network"),
    ),
]


def _photo_blocks(strings: dict) -> list:
    blocks = []
    for title, credit, licence, note, alt, caption in PHOTOS:
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            continue  # the news demo makes these images; without it, no photo
        if not image.licence:  # first run only: a second run changes nothing
            image.credit, image.licence, image.licence_note = credit, licence, note
            image.save(update_fields=["credit", "licence", "licence_note"])
        blocks.append(
            block("photo", {"image": image.pk, "alt_text": alt[0], "caption": caption[0]})
        )
        strings.update({alt[0]: alt[1], caption[0]: caption[1]})
    return blocks


def load_press_demo(log):
    german = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=german, depth=2)
    strings = {PAGE[key][0]: PAGE[key][1] for key in PAGE}
    page, created = get_or_create_child(
        home,
        PressPage,
        PAGE["slug"][0],
        title=PAGE["title"][0],
        intro=PAGE["intro"][0],
        body=[paragraph(PAGE["body"][0])],
        photos=_photo_blocks(strings),
        show_in_menus=True,
    )
    if created:
        log("  press page created")
    translate(page, "en", strings)
