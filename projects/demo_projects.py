"""Demo projects, written for this project: twelve fictional structural-change projects in
real towns of the five districts, German with English. Places and programmes exist; the
projects, amounts, dates and organisations marked "(Demo)" do not.

Each text is a (German, English) pair; ``body`` holds paragraphs. ``image`` names an image
the home and news demos made (reused, never drawn again). ``named_by`` lists the slugs of
German demo articles and events that are about the project.
"""

import datetime

# The seed press release and event about structural change and municipal heat planning
# (news/demo_articles.py, news/demo_events.py): they name the two heat-planning projects.
SEED_PRESS_RELEASE = "strukturwandel-vor-ort-kommunen-tauschen-sich-aus"
SEED_EVENT = "informations-und-diskussionstag-strukturentwicklung"
HEAT_PLANNING_SLUGS = ("waermeplanung-amt-peitz", "grubenwasser-waermenetz-welzow")

INDEX = {
    "slug": ("projekte", "projects"),
    "title": ("Projekte", "Projects"),
    "intro": (
        "Vorhaben des Strukturwandels in der Brandenburger Lausitz: wo sie entstehen, wie weit "
        "sie sind und wer sie fördert (Demo-Daten).",
        "Structural-change projects in Brandenburg's Lusatia: where they happen, how far they "
        "have come and who funds them (demo data).",
    ),
}

JTF = ("Just Transition Fund (JTF)", "Just Transition Fund (JTF)")
INVKG = (
    "Investitionsgesetz Kohleregionen (InvKG)",
    "Investitionsgesetz Kohleregionen (InvKG, Structural Strengthening Act for Coal Regions)",
)
GRW = (
    "GRW – Gemeinschaftsaufgabe Verbesserung der regionalen Wirtschaftsstruktur",
    "GRW – Joint Task for the Improvement of Regional Economic Structures",
)

PROJECTS = [
    {
        "slug": ("waermeplanung-amt-peitz", "joint-heat-plan-amt-peitz"),
        "title": (
            "Gemeinsame Wärmeplanung im Amt Peitz",
            "A joint heat plan for the Amt Peitz municipalities",
        ),
        "summary": (
            "Die Stadt Peitz und ihre Nachbargemeinden erstellen einen gemeinsamen kommunalen "
            "Wärmeplan: eine Bestandsaufnahme, Eignungsgebiete für Wärmenetze und ein Fahrplan "
            "bis 2045.",
            "The town of Peitz and its neighbouring municipalities are drawing up a joint "
            "municipal heat plan: a survey of today's supply, areas suited to heat networks "
            "and a roadmap to 2045.",
        ),
        "body": [
            (
                "Statt dass jede kleine Gemeinde allein einen Wärmeplan beauftragt, legen die "
                "Gemeinden des Amtes ihre Daten zusammen. Ein Planungsbüro erfasst Gebäude, "
                "Heizungen und mögliche Wärmequellen vom Teichgebiet bis zum Kraftwerksstandort.",
                "Rather than each small municipality commissioning a heat plan of its own, the "
                "municipalities of the Amt pool their data. A planning office records buildings, "
                "heating systems and possible heat sources, from the fish ponds to the power "
                "station site.",
            ),
            (
                "Im Herbst sind Bürgerabende in jeder Gemeinde geplant. Dort wird gezeigt, welche "
                "Straßen sich für ein Wärmenetz eignen und wo Wärmepumpen im einzelnen Haus die "
                "bessere Wahl sind.",
                "Public evenings are planned in every municipality in the autumn. They will show "
                "which streets suit a heat network and where heat pumps in individual houses are "
                "the better choice.",
            ),
        ],
        "district": "spree-neisse",
        "municipality": "Peitz",
        "location": ("51.85810", "14.41190"),
        "status": "planning",
        "funding_programme": JTF,
        "funding_amount": "240000",
        "partners": (
            "Amt Peitz\nGemeinde Jänschwalde\nGemeinde Teichland\n"
            "Ingenieurbüro Wärmewende Lausitz (Demo)",
            "Amt Peitz\nMunicipality of Jänschwalde\nMunicipality of Teichland\n"
            "Wärmewende Lausitz engineering office (demo)",
        ),
        "dates": (datetime.date(2025, 3, 1), datetime.date(2026, 12, 31)),
        "topics": ["energie-und-waerme", "strukturwandel"],
        "image": "Demo: Dorf am Abend",
        "hero_alt": (
            "Häuser eines Dorfes im Abendlicht",
            "Village houses in the evening light",
        ),
        "named_by": [SEED_PRESS_RELEASE, SEED_EVENT, "werkstatt-waermeplanung"],
    },
    {
        "slug": ("grubenwasser-waermenetz-welzow", "mine-water-heat-network-welzow"),
        "title": (
            "Wärmenetz mit Grubenwasser in Welzow",
            "A heat network fed by mine water in Welzow",
        ),
        "summary": (
            "Gehobenes Grubenwasser aus dem Tagebau ist das ganze Jahr über gleich warm. Große "
            "Wärmepumpen sollen daraus Wärme für Schule, Rathaus und rund 400 Wohnungen machen.",
            "Water pumped out of the open-cast mine keeps the same temperature all year round. "
            "Large heat pumps are to turn it into heat for the school, the town hall and about "
            "400 homes.",
        ),
        "body": [
            (
                "Um den Tagebau trocken zu halten, wird seit Jahrzehnten Grundwasser gehoben. "
                "Dieses Wasser trägt Wärme, die bisher ungenutzt in die Vorflut fließt. Das "
                "Projekt führt einen Teil davon durch eine Wärmepumpenzentrale am Ortsrand.",
                "Groundwater has been pumped for decades to keep the open-cast mine dry. This "
                "water carries heat that has so far flowed unused into the receiving streams. The "
                "project leads part of it through a heat pump station on the edge of town.",
            ),
            (
                "Der erste Bauabschnitt verbindet öffentliche Gebäude; Wohnungsgesellschaft und "
                "Genossenschaft schließen ihre Häuser in einem zweiten Abschnitt an.",
                "The first phase connects public buildings; the housing company and the "
                "cooperative connect their buildings in a second phase.",
            ),
        ],
        "district": "spree-neisse",
        "municipality": "Welzow",
        "location": ("51.58340", "14.17160"),
        "status": "funded",
        "funding_programme": INVKG,
        "funding_amount": "6400000",
        "partners": (
            "Stadt Welzow\nStadtwerke Welzow (Demo)\nWohnungsgenossenschaft Welzow (Demo)",
            "Town of Welzow\nWelzow public utility (demo)\nWelzow housing cooperative (demo)",
        ),
        "dates": (datetime.date(2026, 1, 1), datetime.date(2029, 6, 30)),
        "topics": ["energie-und-waerme"],
        "image": "Demo: Windräder über dem Tagebausee",
        "hero_alt": (
            "Ein gefluteter Tagebausee, darüber Windräder",
            "A flooded open-cast mine lake with wind turbines above it",
        ),
        "named_by": [SEED_PRESS_RELEASE, SEED_EVENT, "waermenetz-buergerdialog"],
    },
    {
        "slug": ("gruenderhaus-tuchfabrik-cottbus", "start-up-house-cloth-factory-cottbus"),
        "title": (
            "Gründerhaus in der alten Tuchfabrik",
            "A start-up house in the old cloth factory",
        ),
        "summary": (
            "Eine frühere Tuchfabrik in Cottbus wird zum Haus für junge Unternehmen: Büros, "
            "Werkstätten, ein Labor für Prototypen und Beratung unter einem Dach.",
            "A former cloth factory in Cottbus is becoming a home for young companies: "
            "offices, workshops, a prototyping lab and advice under one roof.",
        ),
        "body": [
            (
                "Cottbus war lange eine Stadt der Tuchmacher. In einer der letzten erhaltenen "
                "Fabrikhallen entstehen nun 40 Arbeitsplätze für Gründerinnen und Gründer.",
                "Cottbus was long a town of cloth makers. In one of the last factory halls still "
                "standing, 40 workplaces for founders are now being built.",
            ),
            (
                "Die Hochschule der Stadt bietet dort Sprechstunden an, eine Werkstatt mit "
                "Fräsen und 3D-Druckern steht allen Mietern offen.",
                "The town's university offers consultation hours there, and a workshop with "
                "milling machines and 3D printers is open to every tenant.",
            ),
        ],
        "district": "cottbus",
        "municipality": "Cottbus",
        "location": ("51.76050", "14.33650"),
        "status": "under-construction",
        "funding_programme": GRW,
        "funding_amount": "3850000",
        "partners": (
            "Stadt Cottbus\nGründungsnetzwerk Lausitz (Demo)",
            "City of Cottbus\nLausitz founders' network (demo)",
        ),
        "dates": (datetime.date(2025, 5, 1), datetime.date(2027, 9, 30)),
        "topics": ["wirtschaft", "strukturwandel"],
        "image": "Demo: Gewerbegebiet im Herbst",
        "hero_alt": (
            "Eine Werkhalle zwischen herbstlichen Hügeln",
            "A factory hall among autumn hills",
        ),
        "named_by": ["foerderung-fuer-gruenderzentrum"],
    },
    {
        "slug": ("radstation-hauptbahnhof-cottbus", "bicycle-station-cottbus-station"),
        "title": (
            "Radstation am Hauptbahnhof Cottbus",
            "A bicycle station at Cottbus main station",
        ),
        "summary": (
            "Ein bewachtes Fahrradparkhaus mit 600 Plätzen, Ladeschränken für Akkus und einer "
            "kleinen Werkstatt macht das Pendeln mit Rad und Zug einfacher.",
            "A staffed bicycle car park with 600 spaces, charging lockers for batteries and a "
            "small repair shop makes commuting by bike and train easier.",
        ),
        "body": [
            (
                "Seit der Eröffnung stellen jeden Morgen Hunderte Pendlerinnen und Pendler ihr Rad "
                "am Bahnhof ab und fahren mit dem Zug weiter nach Berlin, Dresden oder in die "
                "Nachbarstädte.",
                "Since the opening, hundreds of commuters leave their bikes at the station every "
                "morning and travel on by train to Berlin, Dresden or the neighbouring towns.",
            ),
        ],
        "district": "cottbus",
        "municipality": "Cottbus",
        "location": ("51.75030", "14.32580"),
        "status": "completed",
        "funding_programme": ("Haushalt der Stadt Cottbus", "City of Cottbus budget"),
        "funding_amount": "1200000",
        "partners": (
            "Stadt Cottbus\nRadwerkstatt Bahnhof gGmbH (Demo)",
            "City of Cottbus\nRadwerkstatt Bahnhof gGmbH (demo)",
        ),
        "dates": (datetime.date(2023, 4, 1), datetime.date(2024, 11, 30)),
        "topics": ["strukturwandel"],
        "image": "Demo: Sommer über dem See",
        "hero_alt": ("Eine Landschaft im Sommer", "A landscape in summer"),
        "named_by": [],
    },
    {
        "slug": ("ausbildungszentrum-guben-gubin", "training-centre-guben-gubin"),
        "title": (
            "Grenzüberschreitendes Ausbildungszentrum Guben–Gubin",
            "A cross-border training centre in Guben and Gubin",
        ),
        "summary": (
            "Auszubildende aus Guben und dem polnischen Gubin lernen gemeinsam in Werkstätten "
            "für Metall, Elektro und Kunststoff, mit Sprachkursen in beiden Sprachen.",
            "Apprentices from Guben and Polish Gubin train together in workshops for metal, "
            "electrical engineering and plastics, with language courses in both languages.",
        ),
        "body": [
            (
                "Die Betriebe der Doppelstadt suchen Fachkräfte auf beiden Seiten der Neiße. Das "
                "Zentrum bündelt die überbetriebliche Ausbildung und bietet Lehrgänge, die in "
                "beiden Ländern anerkannt werden.",
                "Businesses in the twin town look for skilled workers on both banks of the "
                "Neisse. The centre brings inter-company training together and offers courses "
                "recognised in both countries.",
            ),
            (
                "Ein Shuttle verbindet das Zentrum mit den Schulen beider Städte.",
                "A shuttle links the centre with the schools of both towns.",
            ),
        ],
        "district": "spree-neisse",
        "municipality": "Guben",
        "location": ("51.95360", "14.71530"),
        "status": "funded",
        "funding_programme": JTF,
        "funding_amount": "2100000",
        "partners": (
            "Stadt Guben\nMiasto Gubin\nBildungswerk an der Neiße e. V. (Demo)",
            "Town of Guben\nTown of Gubin\nBildungswerk an der Neiße e. V. (demo)",
        ),
        "dates": (datetime.date(2026, 2, 1), datetime.date(2028, 12, 31)),
        "topics": ["wirtschaft"],
        "image": "Demo: Abendlicht über der Lausitz",
        "hero_alt": ("Hügel im Abendlicht", "Hills in the evening light"),
        "named_by": [],
    },
    {
        "slug": ("radweg-grossraeschener-see", "cycle-path-lake-grossraeschen"),
        "title": ("Uferradweg am Großräschener See", "A lakeside cycle path at Lake Großräschen"),
        "summary": (
            "Zwölf Kilometer Radweg am Ufer des früheren Tagebaus Meuro verbinden die Seeterrassen "
            "mit den Nachbarorten; drei Rastplätze erzählen von der Bergbaugeschichte.",
            "Twelve kilometres of cycle path along the shore of the former Meuro open-cast mine "
            "link the lakeside terraces with neighbouring villages; three rest areas tell the "
            "story of mining.",
        ),
        "body": [
            (
                "Wo bis 1999 Kohle gefördert wurde, liegt heute ein See. Der neue Weg ist "
                "barrierearm ausgebaut und an das Radnetz der Region angeschlossen.",
                "Where coal was mined until 1999, there is a lake today. The new path has few "
                "barriers and is connected to the region's cycling network.",
            ),
        ],
        "district": "oberspreewald-lausitz",
        "municipality": "Großräschen",
        "location": ("51.58700", "14.01100"),
        "status": "completed",
        "funding_programme": INVKG,
        "funding_amount": "2750000",
        "partners": (
            "Stadt Großräschen\nLandkreis Oberspreewald-Lausitz",
            "Town of Großräschen\nOberspreewald-Lausitz district",
        ),
        "dates": (datetime.date(2024, 4, 1), datetime.date(2026, 8, 15)),
        "topics": ["strukturwandel"],
        "image": "Demo: Herbst am Seeufer",
        "hero_alt": ("Ein Weg am Seeufer im Herbst", "A path on the lakeshore in autumn"),
        "named_by": ["radweg-am-seeufer-eroeffnet"],
    },
    {
        "slug": ("energiepark-senftenberg", "energy-park-senftenberg"),
        "title": (
            "Energiepark auf früherer Tagebaufläche bei Senftenberg",
            "An energy park on former mining land near Senftenberg",
        ),
        "summary": (
            "Windräder, ein Solarfeld und ein Batteriespeicher entstehen auf einer rekultivierten "
            "Kippe. Ein Teil des Stroms soll direkt an Betriebe im nahen Gewerbegebiet gehen.",
            "Wind turbines, a solar field and a battery store are being built on a restored "
            "spoil heap. Part of the power is to go straight to firms in the nearby business "
            "park.",
        ),
        "body": [
            (
                "Die Fläche wurde nach dem Bergbau aufgeforstet und teilweise als Grünland "
                "genutzt. Das Projekt lässt Wald stehen und baut auf den offenen Flächen.",
                "After mining, the land was partly reforested and partly used as grassland. The "
                "project leaves the woods standing and builds on the open ground.",
            ),
            (
                "Die Stadt erhält eine Abgabe je erzeugter Kilowattstunde, die in Vereine und "
                "Ortsteile fließt.",
                "The town receives a levy on every kilowatt hour produced, which goes to local "
                "clubs and villages.",
            ),
        ],
        "district": "oberspreewald-lausitz",
        "municipality": "Senftenberg",
        "location": ("51.51300", "14.02100"),
        "status": "under-construction",
        "funding_programme": (
            "Privat finanziert, begleitet von der Stadt",
            "Privately financed, supported by the town",
        ),
        "funding_amount": None,
        "partners": (
            "Stadt Senftenberg\nEnergiepark Lausitz-Süd GmbH (Demo)",
            "Town of Senftenberg\nEnergiepark Lausitz-Süd GmbH (demo)",
        ),
        "dates": (datetime.date(2025, 10, 1), datetime.date(2027, 12, 31)),
        "topics": ["energie-und-waerme", "strukturwandel"],
        "image": "Demo: Windpark im Sommer",
        "hero_alt": (
            "Windräder über einer Sommerlandschaft",
            "Wind turbines over a summer landscape",
        ),
        "named_by": ["exkursion-energiepark"],
    },
    {
        "slug": ("willkommensbuero-luebben", "welcome-office-luebben"),
        "title": (
            "Willkommensbüro für Rückkehrer und Zuziehende in Lübben",
            "A welcome office for returners and newcomers in Lübben",
        ),
        "summary": (
            "Ein Büro in der Altstadt hilft Menschen, die in den Spreewald ziehen oder "
            "zurückkehren: bei Stellensuche, Wohnung, Kita-Platz und Anerkennung von Abschlüssen.",
            "An office in the old town helps people moving to the Spreewald or coming back: "
            "with finding a job, a flat, a nursery place and recognition of qualifications.",
        ),
        "body": [
            (
                "Eine Ansprechperson begleitet den ganzen Umzug, vom ersten Anruf bis zum "
                "Arbeitsbeginn. Betriebe melden offene Stellen direkt an das Büro.",
                "One contact person accompanies the whole move, from the first call to the "
                "first day at work. Businesses report vacancies straight to the office.",
            ),
        ],
        "district": "dahme-spreewald",
        "municipality": "Lübben (Spreewald)",
        "location": ("51.93940", "13.89390"),
        "status": "funded",
        "funding_programme": JTF,
        "funding_amount": "480000",
        "partners": (
            "Stadt Lübben (Spreewald)\nUnternehmerverband Spreewald (Demo)",
            "Town of Lübben (Spreewald)\nSpreewald employers' association (demo)",
        ),
        "dates": (datetime.date(2025, 9, 1), datetime.date(2027, 8, 31)),
        "topics": ["wirtschaft"],
        "image": "Demo: Tagungszentrum am See",
        "hero_alt": ("Ein Gebäude am Seeufer im Sommer", "A building on a lakeshore in summer"),
        "named_by": ["rueckkehrertag-in-der-lausitz"],
    },
    {
        "slug": ("buergerhaus-luckau", "community-centre-luckau"),
        "title": (
            "Bürgerhaus im alten Kornspeicher Luckau",
            "A community centre in Luckau's old granary",
        ),
        "summary": (
            "Der leerstehende Kornspeicher am Rand der Altstadt soll Bibliothek, Musikschule und "
            "Räume für Vereine aufnehmen.",
            "The empty granary on the edge of the old town is to house the library, the music "
            "school and rooms for local clubs.",
        ),
        "body": [
            (
                "Eine Machbarkeitsstudie prüft, wie das denkmalgeschützte Gebäude barrierefrei "
                "erschlossen und mit Wärme aus einer Wärmepumpe versorgt werden kann.",
                "A feasibility study is examining how the listed building can be made accessible "
                "and heated by a heat pump.",
            ),
        ],
        "district": "dahme-spreewald",
        "municipality": "Luckau",
        "location": ("51.85560", "13.70750"),
        "status": "planning",
        "funding_programme": INVKG,
        "funding_amount": None,
        "partners": (
            "Stadt Luckau\nFörderverein Kornspeicher e. V. (Demo)",
            "Town of Luckau\nFörderverein Kornspeicher e. V. (demo)",
        ),
        "dates": (datetime.date(2026, 6, 1), datetime.date(2029, 12, 31)),
        "topics": ["strukturwandel"],
        "image": "Demo: Tagungsort am See",
        "hero_alt": ("Ein altes Gebäude am Wasser", "An old building by the water"),
        "named_by": [],
    },
    {
        "slug": (
            "gewerbegebiet-bahnanschluss-koenigs-wusterhausen",
            "business-park-rail-link-koenigs-wusterhausen",
        ),
        "title": (
            "Gewerbegebiet mit Gleisanschluss in Königs Wusterhausen",
            "A business park with a rail siding in Königs Wusterhausen",
        ),
        "summary": (
            "Die Idee: ein Gleisanschluss vom Hafen zu einer Gewerbefläche, damit Betriebe Güter "
            "auf der Schiene statt auf der Straße bewegen.",
            "The idea: a rail siding from the port to a business site, so that firms move goods "
            "by rail instead of by road.",
        ),
        "body": [
            (
                "Noch ist das Vorhaben eine Skizze. Stadt und Hafengesellschaft wollen zunächst "
                "erheben, welche Betriebe den Anschluss nutzen würden.",
                "The plan is still a sketch. The town and the port company first want to find "
                "out which businesses would use the siding.",
            ),
        ],
        "district": "dahme-spreewald",
        "municipality": "Königs Wusterhausen",
        "location": ("52.29630", "13.63160"),
        "status": "idea",
        "funding_programme": ("", ""),
        "funding_amount": None,
        "partners": (
            "Stadt Königs Wusterhausen\nHafen- und Logistikgesellschaft Dahme (Demo)",
            "Town of Königs Wusterhausen\nDahme port and logistics company (demo)",
        ),
        "dates": (None, None),
        "topics": ["wirtschaft"],
        "image": "Demo: Abendhimmel über Windrädern",
        "hero_alt": ("Windräder vor einem Abendhimmel", "Wind turbines against an evening sky"),
        "named_by": [],
    },
    {
        "slug": ("solardaecher-finsterwalde", "solar-roofs-finsterwalde"),
        "title": (
            "Solardächer auf Schulen und Sporthallen in Finsterwalde",
            "Solar roofs on schools and sports halls in Finsterwalde",
        ),
        "summary": (
            "Auf acht städtischen Gebäuden liefern Solaranlagen Strom für den eigenen Bedarf; "
            "ein Schülerprojekt zeigt die Erträge im Foyer jeder Schule.",
            "Solar panels on eight municipal buildings supply power for their own use; a pupils' "
            "project shows the yield in the entrance hall of every school.",
        ),
        "body": [
            (
                "Die Stadt hat zuerst die Dächer saniert, die ohnehin erneuert werden mussten, "
                "und dabei die Anlagen gleich mitgebaut.",
                "The town started with the roofs that needed renewing anyway and installed the "
                "panels at the same time.",
            ),
        ],
        "district": "elbe-elster",
        "municipality": "Finsterwalde",
        "location": ("51.63400", "13.70780"),
        "status": "completed",
        "funding_programme": ("Haushalt der Stadt Finsterwalde", "Town of Finsterwalde budget"),
        "funding_amount": "640000",
        "partners": (
            "Stadt Finsterwalde\nOberschule Finsterwalde (Demo-Partner)",
            "Town of Finsterwalde\nFinsterwalde secondary school (demo partner)",
        ),
        "dates": (datetime.date(2024, 3, 1), datetime.date(2025, 10, 31)),
        "topics": ["energie-und-waerme"],
        "image": "Demo: Abendlicht über der Lausitz",
        "hero_alt": (
            "Eine Hügellandschaft mit Windrädern im Abendlicht",
            "Hills with wind turbines in the evening light",
        ),
        "named_by": [],
    },
    {
        "slug": ("gueterbahnhof-herzberg", "goods-station-herzberg"),
        "title": (
            "Alter Güterbahnhof Herzberg als Kultur- und Arbeitsort",
            "Herzberg's old goods station as a place for culture and work",
        ),
        "summary": (
            "Vereine und junge Selbstständige möchten den leerstehenden Güterbahnhof in Herzberg "
            "(Elster) zu Coworking-Räumen, Proberäumen und einem kleinen Saal machen.",
            "Local clubs and young freelancers want to turn the empty goods station in Herzberg "
            "(Elster) into coworking space, rehearsal rooms and a small hall.",
        ),
        "body": [
            (
                "Bei einem offenen Abend kamen über hundert Ideen zusammen. Jetzt sucht die "
                "Initiative einen Träger und klärt mit der Stadt, ob das Gebäude gekauft oder "
                "gepachtet werden kann.",
                "More than a hundred ideas were collected at an open evening. The initiative is "
                "now looking for an operator and is discussing with the town whether the "
                "building can be bought or leased.",
            ),
        ],
        "district": "elbe-elster",
        "municipality": "Herzberg (Elster)",
        "location": ("51.68550", "13.23210"),
        "status": "idea",
        "funding_programme": ("", ""),
        "funding_amount": None,
        "partners": (
            "Initiative Güterbahnhof Herzberg (Demo)",
            "Herzberg goods station initiative (demo)",
        ),
        "dates": (None, None),
        "topics": ["strukturwandel"],
        "image": "Demo: Gemeindehaus im Herbst",
        "hero_alt": ("Ein Gebäude in herbstlicher Landschaft", "A building in an autumn landscape"),
        "named_by": [],
    },
]
