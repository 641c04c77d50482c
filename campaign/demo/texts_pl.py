"""Polish demo texts of the campaign: German source text -> Polish, written for this project
(the home app's are in ``home.demo.polish_texts``). The brand „Die Lausitz. Krasse Gegend.”
stays German, as in the English texts; the demo note says the content is fictional."""

from campaign.demo.texts import BRAND, CAMPAIGN_BODY_DE, CAMPAIGN_DE, FILM_DE, FILM_PAGES
from home.demo.content import DEMO_NOTE_DE
from home.demo.polish_texts import DEMO_NOTE_PL

# --- Campaign page (CAMPAIGN_EN in campaign.demo.texts, and the demo note) ---------------

CAMPAIGN_PL = {
    BRAND: BRAND,
    "krasse-gegend": "krasse-gegend",
    CAMPAIGN_DE["intro"]: (
        "Jeziora zamiast kopalń odkrywkowych, badania naukowe zamiast taśmociągów: Łużyce "
        "wymyślają się na nowo. W krótkich filmach nasza kampania pokazuje, dlaczego warto "
        "tu mieszkać i pracować."
    ),
    CAMPAIGN_DE["hero_alt"]: "Jesienne wzgórza z turbinami wiatrowymi pod rozległym niebem",
    CAMPAIGN_DE["search_description"]: "Filmy kampanii „Die Lausitz. Krasse Gegend.”",
    CAMPAIGN_BODY_DE[0][0]: "O co chodzi w kampanii",
    CAMPAIGN_BODY_DE[0][1]: (
        "Kto przyjeżdża na Łużyce, znajduje tu przystępne cenowo mieszkania, przyrodę tuż za "
        "progiem i pracodawców poszukujących wykwalifikowanych pracowników. Filmy opowiadają "
        "o tym w niecałą minutę."
    ),
    DEMO_NOTE_DE: DEMO_NOTE_PL,
}

# --- Film page "Hier wächst was" (FILM_PAGES[0]["en"] in campaign.demo.texts) -------------

FILM_PAGE_PL = {
    FILM_PAGES[0]["title"]: "Tu coś rośnie",
    FILM_PAGES[0]["slug"]: "tu-cos-rosnie",
    FILM_PAGES[0]["intro"]: (
        "Pierwszy film kampanii: trzy obrazy, trzy zdania, jeden region w ruchu."
    ),
    FILM_PAGES[0]["text"]: (
        "Film powstał prostymi środkami i pokazuje, o co chodzi w kampanii: o region, który "
        "po zakończeniu ery węgla daje szansę, by wyrosło coś nowego."
    ),
    DEMO_NOTE_DE: DEMO_NOTE_PL,
}

# --- The film snippet "Hier wächst was" (FILM_EN in campaign.demo.texts) ------------------
# Line breaks as in the German; the transcript keeps the German text on screen, glossed.

FILM_PL = {
    FILM_DE["title"]: "Tu coś rośnie",
    FILM_DE["description"]: (
        "Łużyce w skrócie: jeziora, las i przestrzeń na pomysły – pierwszy film kampanii "
        "„Die Lausitz. Krasse Gegend.”"
    ),
    FILM_DE["poster_alt"]: (
        "Wieczorne światło nad wzgórzami z turbinami wiatrowymi, powyżej napis kampanii"
    ),
    FILM_DE["transcript"]: (
        "Cichy, niski dźwięk. Na tle przechodzącym od koloru petrolowego do słonecznej żółci "
        "pojawia się biały tekst.\n"
        "Tekst: Die Lausitz. (Łużyce.)\n"
        "Tekst: Krasse Gegend. (Niezła okolica.)\n"
        "Tekst: Hier wächst was. (Tu coś rośnie.)\n"
        "Napisy: Jeziora, las i przestrzeń na pomysły. Praca, badania i dom."
    ),
    FILM_DE["audio_description_statement"]: (
        "Film nie zawiera informacji przekazywanych wyłącznie w warstwie wizualnej: wszystkie "
        "wyświetlane teksty znajdują się również w napisach i w transkrypcji."
    ),
    FILM_DE["credits"]: (
        "Pomysł i realizacja: redakcja demonstracyjna (fikcyjna)\n"
        "Dźwięk: wygenerowany ton sinusoidalny"
    ),
}

# --- Captions of the film, one cue per title card (parallel to CAPTION_CUES_DE) ------------

CAPTION_CUES_PL = [
    "[Cichy, niski dźwięk]\nŁużyce.",
    "Niezła okolica – jeziora, las i przestrzeń na pomysły.",
    "Tu coś rośnie: praca, badania i dom.",
]
