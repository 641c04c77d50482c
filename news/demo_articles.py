"""Demo articles, written for this project. Each is German with an English translation,
except the last, which stays German-only so the "only in German" fallback shows.

Body entries: ("heading", de, en), ("paragraph", de, en), ("quote", de, en, who_de, who_en),
("film",) for the campaign's first film, ("cta", label_de, label_en, page_slug).
"""

import datetime

PRESS_RELEASE_SLUG = "strukturwandel-vor-ort-kommunen-tauschen-sich-aus"

ARTICLES = [
    {
        "slug": PRESS_RELEASE_SLUG,
        "slug_en": "structural-change-on-the-ground-municipalities-compare-notes",
        "date": datetime.date(2024, 2, 15),
        "kind": "press-release",
        "topics": ["strukturwandel", "energie-und-waerme"],
        "image": ("Demo: Tagungsort am See", 11, "summer"),
        "title": (
            "Strukturwandel vor Ort: Kommunen tauschen sich zu Projekten und Wärmeplanung aus",
            "Structural change on the ground: municipalities compare notes on projects and "
            "heat planning",
        ),
        "teaser": (
            "Am 14. Februar 2024 kamen Vertreterinnen und Vertreter von Landkreisen und Kommunen "
            "zu einem ganztägigen Informations- und Diskussionstag über den Strukturwandel in "
            "der Brandenburger Lausitz zusammen.",
            "On 14 February 2024, representatives of districts and municipalities met for a "
            "full day of information and discussion on structural change in Brandenburg's "
            "Lusatia.",
        ),
        "hero_alt": (
            "Ein Tagungsgebäude am Ufer eines Sees, im Hintergrund Windräder",
            "A conference building on a lakeshore, wind turbines in the background",
        ),
        "body": [
            (
                "paragraph",
                "Wie weit ist der Strukturwandel in der Brandenburger Lausitz gekommen, und welche "
                "Vorhaben folgen als Nächstes? Diesen Fragen widmete sich am 14. Februar 2024 eine "
                "ganztägige Informations- und Diskussionsveranstaltung. Eingeladen hatten der "
                "Lausitz-Beauftragte des Landes und der Geschäftsführer der Entwicklungsagentur.",
                "How far has structural change in Brandenburg's Lusatia come, and which projects "
                "come next? A full-day information and discussion event on 14 February 2024 was "
                "devoted to these questions. It was hosted by the state's Lausitz commissioner "
                "and the managing director of the development agency.",
            ),
            (
                "heading",
                "Teil 1: Wo die Strukturentwicklung steht",
                "Part 1: Where structural development stands",
            ),
            (
                "paragraph",
                "Der Vormittag gab einen Überblick über den Stand der Strukturentwicklung: welche "
                "Projekte bereits gefördert werden, wo gebaut wird und welche Vorhaben in den "
                "kommenden Jahren anstehen. Die Kommunen berichteten in der Diskussion von ihren "
                "Erfahrungen mit Anträgen, Zeitplänen und Personal.",
                "The morning gave an overview of the state of structural development: which "
                "projects already receive funding, where construction is under way and which "
                "projects are due in the coming years. In the discussion, the municipalities "
                "reported on their experience with applications, schedules and staffing.",
            ),
            (
                "heading",
                "Teil 2: Kommunale Wärmeplanung in der Praxis",
                "Part 2: Municipal heat planning in practice",
            ),
            (
                "paragraph",
                "Am Nachmittag ging es um die kommunale Wärmeplanung. Beispiele aus der Region "
                "zeigten, wie Gemeinden ihre künftige Wärmeversorgung planen: von der "
                "Bestandsaufnahme über Nahwärmenetze bis zur Nutzung von Abwärme aus Industrie "
                "und Gewerbe.",
                "The afternoon was about municipal heat planning. Examples from the region showed "
                "how municipalities plan their future heat supply: from taking stock to local "
                "heating networks and the use of waste heat from industry and business.",
            ),
            (
                "quote",
                "Für viele kleine Gemeinden ist die Wärmeplanung Neuland. Der Austausch mit "
                "Nachbarn, die schon weiter sind, hilft uns sehr.",
                "For many small municipalities, heat planning is new territory. Talking to "
                "neighbours who are further along helps us a lot.",
                "Teilnehmer aus einer Amtsverwaltung (Demo-Zitat)",
                "Participant from a local administration (demo quote)",
            ),
            ("heading", "Der neue Imagefilm der Kampagne", "The campaign's new image film"),
            (
                "paragraph",
                "Zum Schluss laden wir alle Leserinnen und Leser ein, sich den neuen Imagefilm der "
                "Kampagne „Die Lausitz. Krasse Gegend.“ anzusehen.",
                "Finally, we invite all readers to watch the new image film of the campaign "
                "“Die Lausitz. Krasse Gegend.”",
            ),
            ("film",),
            (
                "cta",
                "Zur Kampagne „Die Lausitz. Krasse Gegend.“",
                "About the campaign “Die Lausitz. Krasse Gegend.”",
                "krasse-gegend",
            ),
        ],
        "source_line": (
            "Quelle: Lausitz-Entwicklungsagentur (Demo), Pressemitteilung vom 15. Februar 2024",
            "Source: Lausitz development agency (demo), press release of 15 February 2024",
        ),
    },
    {
        "slug": "foerderung-fuer-gruenderzentrum",
        "slug_en": "funding-for-a-start-up-centre",
        "date": datetime.date(2026, 10, 28),
        "kind": "news",
        "topics": ["wirtschaft"],
        "image": ("Demo: Gewerbegebiet im Herbst", 12, "autumn"),
        "title": ("Fördergeld für ein neues Gründerzentrum", "Funding for a new start-up centre"),
        "teaser": (
            "In einer ehemaligen Werkhalle sollen ab dem kommenden Jahr junge Unternehmen "
            "Büros, Werkstätten und Beratung finden.",
            "From next year, young companies are to find offices, workshops and advice in a "
            "former factory hall.",
        ),
        "hero_alt": ("Herbstliche Hügel mit einer Werkhalle", "Autumn hills with a factory hall"),
        "body": [
            (
                "paragraph",
                "Die Halle stand jahrelang leer. Jetzt wird sie zu einem Ort, an dem Gründerinnen "
                "und Gründer aus der Region ihre Ideen ausprobieren können.",
                "The hall stood empty for years. Now it is becoming a place where founders from "
                "the region can try out their ideas.",
            ),
        ],
        "source_line": ("Quelle: Redaktion (Demo)", "Source: editorial team (demo)"),
    },
    {
        "slug": "waermenetz-buergerdialog",
        "slug_en": "heating-network-public-dialogue",
        "date": datetime.date(2026, 10, 14),
        "kind": "news",
        "topics": ["energie-und-waerme"],
        "image": ("Demo: Dorf am Abend", 13, "evening"),
        "title": (
            "Wärmenetz: Gemeinde startet Bürgerdialog",
            "Heating network: municipality starts a public dialogue",
        ),
        "teaser": (
            "Eine Beispielgemeinde fragt ihre Einwohnerinnen und Einwohner, wie sie künftig "
            "heizen wollen.",
            "A sample municipality asks its residents how they want to heat in the future.",
        ),
        "hero_alt": ("Ein Dorf im Abendlicht", "A village in the evening light"),
        "body": [
            (
                "paragraph",
                "Bei drei Abenden im Gemeindehaus stellt die Verwaltung Varianten für ein "
                "Nahwärmenetz vor und sammelt Fragen.",
                "At three evening meetings in the community hall, the administration presents "
                "options for a local heating network and collects questions.",
            ),
        ],
        "source_line": ("Quelle: Redaktion (Demo)", "Source: editorial team (demo)"),
    },
    {
        "slug": "rueckkehrertag-in-der-lausitz",
        "slug_en": "homecoming-day-in-lusatia",
        "date": datetime.date(2026, 9, 30),
        "kind": "news",
        "topics": ["wirtschaft", "strukturwandel"],
        "image": ("Demo: Sommer über dem See", 14, "summer"),
        "title": (
            "Rückkehrertag: Arbeitgeber stellen sich vor",
            "Homecoming day: employers introduce themselves",
        ),
        "teaser": (
            "Wer in die Lausitz zurückkehren möchte, trifft beim Rückkehrertag Arbeitgeber "
            "aus der Region.",
            "Anyone who wants to return to Lusatia can meet employers from the region at the "
            "homecoming day.",
        ),
        "hero_alt": ("Ein See im Sommer", "A lake in summer"),
        "body": [
            (
                "paragraph",
                "Über zwanzig Betriebe aus Handwerk, Industrie und Verwaltung präsentieren offene "
                "Stellen und Ausbildungsplätze.",
                "More than twenty firms from crafts, industry and public administration present "
                "vacancies and apprenticeships.",
            ),
        ],
        "source_line": ("Quelle: Redaktion (Demo)", "Source: editorial team (demo)"),
    },
    {
        "slug": "kampagne-naechste-runde",
        "slug_en": "campaign-next-round",
        "date": datetime.date(2026, 9, 9),
        "kind": "press-release",
        "topics": ["kampagne"],
        "image": ("Demo: Abendhimmel über Windrädern", 15, "evening"),
        "title": (
            "Kampagne „Die Lausitz. Krasse Gegend.“ geht in die nächste Runde",
            "Campaign “Die Lausitz. Krasse Gegend.” enters its next round",
        ),
        "teaser": (
            "Neue Filme zeigen Menschen, die in der Lausitz arbeiten, forschen und gründen.",
            "New films show people who work, research and start businesses in Lusatia.",
        ),
        "hero_alt": ("Windräder vor einem Abendhimmel", "Wind turbines against an evening sky"),
        "body": [
            (
                "paragraph",
                "Die Kampagne stellt die Lausitz als Region zum Leben und Arbeiten vor. Die neuen "
                "Filme sind mit deutschen und englischen Untertiteln zu sehen.",
                "The campaign presents Lusatia as a region to live and work in. The new films can "
                "be watched with German and English captions.",
            ),
        ],
        "source_line": (
            "Quelle: Lausitz-Entwicklungsagentur (Demo)",
            "Source: Lausitz development agency (demo)",
        ),
    },
    {
        "slug": "radweg-am-seeufer-eroeffnet",
        "slug_en": None,  # German only: shows the "only available in German" fallback
        "date": datetime.date(2026, 8, 20),
        "kind": "news",
        "topics": ["strukturwandel"],
        "image": ("Demo: Herbst am Seeufer", 16, "autumn"),
        "title": ("Radweg am Seeufer eröffnet", None),
        "teaser": (
            "Ein neuer Radweg verbindet zwei Orte entlang eines früheren Tagebausees.",
            None,
        ),
        "hero_alt": ("Ein Weg am Ufer im Herbst", None),
        "body": [
            (
                "paragraph",
                "Der Weg ist zwölf Kilometer lang, barrierearm ausgebaut und hat drei Rastplätze.",
                None,
            ),
        ],
        "source_line": ("Quelle: Redaktion (Demo)", None),
    },
]
