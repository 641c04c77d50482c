"""Demo topics, German with English translations (slugs translated too)."""

from wagtail.models import Locale

from home.demo.translate import translate
from home.topics.models import Topic

TOPICS = [
    (
        "strukturwandel",
        "Strukturwandel",
        "Structural change",
        "structural-change",
        "Wie sich die Region nach der Kohle neu aufstellt.",
        "How the region reinvents itself after coal.",
    ),
    (
        "energie-und-waerme",
        "Energie und Wärme",
        "Energy and heat",
        "energy-and-heat",
        "Erneuerbare Energie und kommunale Wärmeplanung.",
        "Renewable energy and municipal heat planning.",
    ),
    (
        "wirtschaft",
        "Wirtschaft",
        "Economy",
        "economy",
        "Unternehmen, Gründungen und Fachkräfte in der Lausitz.",
        "Businesses, start-ups and skilled workers in Lusatia.",
    ),
    (
        "kampagne",
        "Kampagne",
        "Campaign",
        "campaign",
        "Die Kampagne „Die Lausitz. Krasse Gegend.“",
        "The campaign “Die Lausitz. Krasse Gegend.”",
    ),
]


def ensure_topics(log) -> dict[str, Topic]:
    """German topics by slug; each with a live English translation."""
    german = Locale.objects.get(language_code="de")
    topics = {}
    for slug, name_de, name_en, slug_en, text_de, text_en in TOPICS:
        topic = Topic.objects.filter(locale=german, slug=slug).first()
        if topic is None:
            topic = Topic(locale=german, slug=slug, name=name_de, description=text_de)
            topic.save()
            topic.save_revision().publish()
            log(f"  topic {name_de} created")
        translate(topic, "en", {name_de: name_en, slug: slug_en, text_de: text_en})
        topics[slug] = topic
    return topics
