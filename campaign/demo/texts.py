"""Demo texts of the campaign, written for this project (German source, English strings).

The campaign name „Die Lausitz. Krasse Gegend.“ is a brand and stays German in English.
"""

BRAND = "Die Lausitz. Krasse Gegend."

# The captions' cues, one per title card of the demo film (campaign/demo/media.py times
# them to the film's length).
CAPTION_CUES_DE = [
    "[Leiser, tiefer Ton]\nDie Lausitz.",
    "Krasse Gegend – Seen, Wald und Platz für Ideen.",
    "Hier wächst was: Arbeit, Forschung und ein Zuhause.",
]
CAPTION_CUES_EN = [
    "[Quiet, low tone]\nLusatia.",
    "Quite a place – lakes, forest and room for ideas.",
    "Something is growing here: work, research and a home.",
]

FILM_DE = {
    "title": "Hier wächst was",
    "description": (
        "Kurz und bündig, die Lausitz: Seen, Wald und Platz für Ideen – der erste Film der "
        "Kampagne „Die Lausitz. Krasse Gegend.“"
    ),
    "poster_alt": "Abendlicht über Hügeln mit Windrädern, darüber der Schriftzug der Kampagne",
    "transcript": (
        "Ein leiser, tiefer Ton. Auf einem Farbverlauf aus Petrol und Sonnengelb erscheint "
        "weißer Text.\n"
        "Text: Die Lausitz.\n"
        "Text: Krasse Gegend.\n"
        "Text: Hier wächst was.\n"
        "Untertitel: Seen, Wald und Platz für Ideen. Arbeit, Forschung und ein Zuhause."
    ),
    "audio_description_statement": (
        "Der Film enthält keine Informationen, die nur zu sehen sind: Alle eingeblendeten Texte "
        "stehen auch in den Untertiteln und im Transkript."
    ),
    "credits": "Idee und Umsetzung: Demo-Redaktion (frei erfunden)\nTon: Sinuston, generiert",
}

FILM_EN = {
    FILM_DE["title"]: "Something is growing here",
    FILM_DE["description"]: (
        "Lusatia in brief: lakes, forest and room for ideas – the first film of the "
        "campaign “Die Lausitz. Krasse Gegend.”"
    ),
    FILM_DE["poster_alt"]: (
        "Evening light over hills with wind turbines, with the campaign's lettering above"
    ),
    FILM_DE["transcript"]: (
        "A quiet, low tone. White text appears on a gradient of petrol and sunny yellow.\n"
        "Text: Die Lausitz. (Lusatia.)\n"
        "Text: Krasse Gegend. (Quite a place.)\n"
        "Text: Hier wächst was. (Something is growing here.)\n"
        "Captions: Lakes, forest and room for ideas. Work, research and a home."
    ),
    FILM_DE["audio_description_statement"]: (
        "The film carries no information that is only visible: every text shown on screen is "
        "also in the captions and the transcript."
    ),
    FILM_DE[
        "credits"
    ]: "Idea and production: demo editorial team (fictional)\nSound: generated sine tone",
}

EXTERNAL_DE = {
    "title": "Stimmen aus der Region",
    "description": (
        "Menschen aus der Lausitz erzählen, warum sie geblieben oder zurückgekommen sind "
        "(Demo-Film auf YouTube)."
    ),
    "poster_alt": "Sommerlandschaft mit einem Tagebausee",
    "transcript": (
        "Demo-Transkript: Eine Gründerin aus Cottbus, ein Lehrer aus Weißwasser und eine "
        "Ingenieurin aus Schwarze Pumpe erzählen, was sie an der Lausitz hält."
    ),
    "audio_description_statement": (
        "Alles Wichtige wird gesprochen; der Film enthält keine Informationen, die nur zu sehen "
        "sind."
    ),
    "credits": "Demo-Eintrag: kein echtes Video (frei erfunden)",
}

EXTERNAL_EN = {
    EXTERNAL_DE["title"]: "Voices from the region",
    EXTERNAL_DE["description"]: (
        "People from Lusatia tell why they stayed or came back (demo film on YouTube)."
    ),
    EXTERNAL_DE["poster_alt"]: "Summer landscape with a lake in a former open-cast mine",
    EXTERNAL_DE["transcript"]: (
        "Demo transcript: a founder from Cottbus, a teacher from Weißwasser and an engineer from "
        "Schwarze Pumpe tell what keeps them in Lusatia."
    ),
    EXTERNAL_DE["audio_description_statement"]: (
        "Everything important is spoken; the film carries no information that is only visible."
    ),
    EXTERNAL_DE["credits"]: "Demo entry: not a real video (fictional)",
}
# A made-up video id: the demo never contacts YouTube, and tests block every outside request.
EXTERNAL_URL = "https://www.youtube.com/watch?v=LausitzDemo"

CAMPAIGN_DE = {
    "title": BRAND,
    "claim": BRAND,
    "intro": (
        "Seen statt Tagebau, Forschung statt Förderband: Die Lausitz erfindet sich neu. Unsere "
        "Kampagne zeigt in kurzen Filmen, warum es sich lohnt, hier zu leben und zu arbeiten."
    ),
    "hero_alt": "Herbstliche Hügel mit Windrädern unter einem weiten Himmel",
    "search_description": "Die Filme der Kampagne „Die Lausitz. Krasse Gegend.“",
}

CAMPAIGN_BODY_DE = [
    (
        "Worum es geht",
        (
            "Wer in die Lausitz kommt, findet bezahlbaren Wohnraum, kurze Wege ins Grüne und "
            "Arbeitgeber, die Fachkräfte suchen. Die Filme erzählen davon in weniger als "
            "einer Minute."
        ),
    ),
]

CAMPAIGN_EN = {
    BRAND: BRAND,
    "krasse-gegend": "krasse-gegend",
    CAMPAIGN_DE["intro"]: (
        "Lakes instead of open-cast mines, research instead of conveyor belts: Lusatia is "
        "reinventing itself. Our campaign shows in short films why it is worth living and "
        "working here."
    ),
    CAMPAIGN_DE["hero_alt"]: "Autumn hills with wind turbines under a wide sky",
    CAMPAIGN_DE["search_description"]: "The films of the campaign “Die Lausitz. Krasse Gegend.”",
    "Worum es geht": "What it is about",
    CAMPAIGN_BODY_DE[0][1]: (
        "Whoever comes to Lusatia finds affordable homes, the countryside close by and "
        "employers looking for skilled workers. The films tell of it in less than a minute."
    ),
}

FILM_PAGES = [
    {
        "slug": "hier-waechst-was",
        "title": "Hier wächst was",
        "intro": ("Der erste Film der Kampagne: drei Bilder, drei Sätze, eine Region im Aufbruch."),
        "text": (
            "Der Film ist mit einfachen Mitteln entstanden und zeigt, worum es der Kampagne "
            "geht: eine Region, die nach dem Ende der Kohle Neues wachsen lässt."
        ),
        "topics": ["kampagne", "strukturwandel"],
        "en": {
            "Hier wächst was": "Something is growing here",
            "hier-waechst-was": "something-is-growing-here",
            "Der erste Film der Kampagne: drei Bilder, drei Sätze, eine Region im Aufbruch.": (
                "The campaign's first film: three pictures, three sentences, a region on the move."
            ),
            "Der Film ist mit einfachen Mitteln entstanden und zeigt, worum es der Kampagne geht: "
            "eine Region, die nach dem Ende der Kohle Neues wachsen lässt.": (
                "The film was made with simple means and shows what the campaign is about: a "
                "region that lets new things grow after the end of coal."
            ),
        },
    },
    {
        "slug": "stimmen-aus-der-region",
        "title": "Stimmen aus der Region",
        "intro": "Drei Menschen, drei Gründe für die Lausitz – als Video auf YouTube.",
        "text": (
            "Dieses Video liegt bei YouTube. Es wird erst geladen, wenn Sie auf die "
            "Schaltfläche klicken."
        ),
        "topics": ["kampagne", "wirtschaft"],
        "en": {
            "Stimmen aus der Region": "Voices from the region",
            "stimmen-aus-der-region": "voices-from-the-region",
            "Drei Menschen, drei Gründe für die Lausitz – als Video auf YouTube.": (
                "Three people, three reasons for Lusatia – as a video on YouTube."
            ),
            "Dieses Video liegt bei YouTube. Es wird erst geladen, wenn Sie auf die Schaltfläche "
            "klicken.": (
                "This video is hosted on YouTube. It is loaded only when you click the button."
            ),
        },
    },
]
