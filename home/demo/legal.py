"""Demo text of the legal pages and the Leichte Sprache page, German with English beside it.

Written for this project. The organisation, its people and addresses are fictional; the
only real details are the Brandenburg enforcement office (site settings, arbitration body)
and the laws named. Each page opens with a note that it is demo text, so that nobody takes
it for a real legal notice. The Impressum's provider details are not in this text: the
page template reads them from the site settings (one place to change them). Nor is the
accessibility statement's last part (how to report a barrier, the one-month answer period,
the arbitration body): the page template adds it under the body in every language, from
the site settings and the feedback app (``{% accessibility_feedback %}`` in ``legal_tags``).

Each page: ``slug``, ``title`` and ``intro`` as (German, English) pairs, ``sections`` as
(heading pair, list of paragraph pairs) and an optional ``link`` (label pair, address).
"""

from home.demo.content import block, heading, paragraph

DEMO_LEGAL_NOTE = (
    "Demo-Text: Diese Seite zeigt, wie der Text aussehen kann. Organisation, Personen und "
    "Adressen sind frei erfunden; vor einer Veröffentlichung prüft die Redaktion jede Angabe.",
    "Demo text: this page shows what the text can look like. The organisation, people and "
    "addresses are fictional; before publication the editorial team checks every detail.",
)

# The arbitration body of the site settings (the agency is a Brandenburg public body, so
# BbgBITV applies; a federal body would name the Schlichtungsstelle nach dem BGG).
ARBITRATION_BODY = (
    "Durchsetzungsstelle für digitale Barrierefreiheit bei der Landesbeauftragten für die "
    "Belange der Menschen mit Behinderungen des Landes Brandenburg"
)
ENFORCEMENT_URL = (
    "https://msgiv.brandenburg.de/msgiv/de/beauftragte/landesbehindertenbeauftragte/"
    "durchsetzungsstelle"
)

IMPRESSUM = {
    "slug": ("impressum", "legal-notice"),
    "title": ("Impressum", "Legal notice"),
    "intro": (
        "Angaben gemäß § 5 DDG und § 18 Abs. 2 MStV.",
        "Information according to § 5 DDG and § 18 (2) MStV (German law).",
    ),
    "sections": [
        (
            ("Haftung für Inhalte", "Liability for content"),
            [
                (
                    "Wir prüfen unsere Inhalte sorgfältig. Fehler korrigieren wir, sobald wir "
                    "von ihnen erfahren.",
                    "We check our content carefully and correct mistakes as soon as we learn "
                    "of them.",
                )
            ],
        ),
        (
            ("Haftung für Links", "Liability for links"),
            [
                (
                    "Für die Inhalte verlinkter Seiten anderer Anbieter sind deren Betreiber "
                    "verantwortlich. Beim Setzen eines Links waren keine Rechtsverstöße "
                    "erkennbar.",
                    "The operators of linked sites are responsible for their content. No "
                    "infringement was apparent when a link was set.",
                )
            ],
        ),
        (
            ("Texte, Bilder und Filme", "Texts, images and films"),
            [
                (
                    "Texte, Grafiken und Filme dieser Demo wurden für dieses Projekt erstellt. "
                    "Die Urheberangabe steht jeweils am Bild oder im Abspann des Films.",
                    "The texts, graphics and films of this demo were made for this project. "
                    "Credits are shown beside each image or in the film's credits.",
                )
            ],
        ),
        (
            ("Streitbeilegung", "Dispute resolution"),
            [
                (
                    "Wir nehmen nicht an Streitbeilegungsverfahren vor einer "
                    "Verbraucherschlichtungsstelle teil.",
                    "We do not take part in dispute resolution proceedings before a consumer "
                    "arbitration board.",
                )
            ],
        ),
    ],
}

PRIVACY = {
    "slug": ("datenschutz", "privacy"),
    "title": ("Datenschutzerklärung", "Privacy statement"),
    "intro": (
        "Wie diese Website mit Ihren Daten umgeht: so wenig wie möglich.",
        "How this website handles your data: as little as possible.",
    ),
    "sections": [
        (
            ("Verantwortliche Stelle", "Controller"),
            [
                (
                    "Verantwortlich ist die im Impressum genannte Stelle. Sie erreichen uns "
                    "über die Kontaktangaben im Fuß jeder Seite.",
                    "The controller is the body named in the legal notice. You can reach us "
                    "through the contact details at the foot of every page.",
                )
            ],
        ),
        (
            ("Keine Cookies, kein Tracking", "No cookies, no tracking"),
            [
                (
                    "Wir setzen für Besucherinnen und Besucher keine Cookies und keine "
                    "Analysewerkzeuge ein. Die gewählte Sprache steht in der Adresse der Seite "
                    "(/de/ oder /en/), nicht in einem Cookie.",
                    "We use no cookies and no analytics tools for visitors. The language you "
                    "choose is part of the page's address (/de/ or /en/), not a cookie.",
                ),
                (
                    "Einzige Ausnahme: Öffnen Sie das Formular „Barriere melden“, setzt die "
                    "Website ein technisch notwendiges Sicherheits-Cookie (csrftoken). Es "
                    "schützt das Formular vor Missbrauch, enthält keine Angaben über Sie und "
                    "wird gelöscht, wenn Sie den Browser schließen.",
                    "The one exception: when you open the “Report a barrier” form, the website "
                    "sets a technically necessary security cookie (csrftoken). It protects the "
                    "form against misuse, holds no information about you and is deleted when "
                    "you close your browser.",
                ),
                (
                    "Schriften, Symbole und Skripte liegen auf unserem eigenen Server. Beim "
                    "Lesen der Seiten verbindet sich Ihr Browser mit keinem anderen Anbieter.",
                    "Fonts, icons and scripts are stored on our own server. While you read "
                    "our pages, your browser connects to no other provider.",
                ),
            ],
        ),
        (
            ("Server-Protokolle", "Server logs"),
            [
                (
                    "Bei jedem Abruf verarbeitet der Server technisch notwendige Daten: "
                    "Zeitpunkt, aufgerufene Adresse, Statuscode, Datenmenge, Browserkennung und "
                    "Ihre IP-Adresse, die vor dem Speichern gekürzt wird.",
                    "For every request the server processes technically necessary data: time, "
                    "address requested, status code, amount of data, browser identifier and "
                    "your IP address, which is shortened before it is stored.",
                ),
                (
                    "Wir nutzen diese Daten nur, um die Website sicher zu betreiben und Fehler "
                    "zu finden, und löschen sie nach sieben Tagen.",
                    "We use this data only to run the website securely and to find errors, "
                    "and we delete it after seven days.",
                ),
            ],
        ),
        (
            ("Externe Videos", "External videos"),
            [
                (
                    "Einige Filme liegen bei YouTube oder Vimeo. Sie sehen zuerst nur ein "
                    "Vorschaubild von unserem Server und eine Schaltfläche zum Abspielen.",
                    "Some films are hosted on YouTube or Vimeo. At first you see only a "
                    "preview image from our own server and a button to play the film.",
                ),
                (
                    "Erst wenn Sie auf die Schaltfläche klicken, lädt Ihr Browser den Player "
                    "des Anbieters (YouTube über youtube-nocookie.com, Vimeo mit „Do not "
                    "track“). Dann erhält der Anbieter Ihre IP-Adresse und Angaben zu Ihrem "
                    "Browser und kann Daten in Ihrem Browser speichern; dafür gilt die "
                    "Datenschutzerklärung des Anbieters.",
                    "Only when you click the button does your browser load the provider's "
                    "player (YouTube via youtube-nocookie.com, Vimeo with “Do not track”). "
                    "The provider then receives your IP address and details of your browser "
                    "and may store data in your browser; the provider's privacy policy "
                    "applies to that.",
                ),
                (
                    "Unsere eigenen Filme spielen wir von unserem Server ab.",
                    "Our own films play from our own server.",
                ),
            ],
        ),
        (
            ("Meldungen von Barrieren", "Reports of barriers"),
            [
                (
                    "Was Sie über das Formular „Barriere melden“ senden (Ihre Beschreibung, "
                    "die Adresse der Seite und, wenn Sie möchten, Name und E-Mail-Adresse), "
                    "speichern wir, um die Barriere zu beheben und Ihnen zu antworten. Nur "
                    "die dafür zuständigen Personen sehen die Meldung. Ein Jahr nachdem wir "
                    "sie abgeschlossen haben, wird sie gelöscht.",
                    "What you send through the “Report a barrier” form (your description, the "
                    "address of the page and, if you wish, your name and e-mail address) is "
                    "stored so that we can remove the barrier and answer you. Only the people "
                    "responsible see the report. It is deleted one year after we close it.",
                ),
                (
                    "Damit niemand das Formular massenhaft missbraucht, zählen wir kurzzeitig, "
                    "wie viele Meldungen von einer IP-Adresse kommen; diese Zählung wird nach "
                    "einer Stunde verworfen und nicht mit der Meldung gespeichert.",
                    "So that nobody can misuse the form on a large scale, we briefly count how "
                    "many reports come from one IP address; the count is discarded after an "
                    "hour and not stored with the report.",
                ),
            ],
        ),
        (
            ("Ihre Rechte", "Your rights"),
            [
                (
                    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung "
                    "der Verarbeitung und Widerspruch. Sie können sich bei der "
                    "Datenschutzaufsicht des Landes Brandenburg beschweren.",
                    "You have the right of access, rectification, erasure, restriction of "
                    "processing and objection. You may complain to the data protection "
                    "authority of the State of Brandenburg.",
                )
            ],
        ),
    ],
}

ACCESSIBILITY = {
    "slug": ("barrierefreiheit", "accessibility"),
    "title": ("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    "intro": (
        "Wir wollen, dass alle Menschen diese Website nutzen können.",
        "We want everyone to be able to use this website.",
    ),
    "sections": [
        (
            ("Stand der Vereinbarkeit", "Compliance status"),
            [
                (
                    "Diese Website ist teilweise mit der BITV 2.0 und der EN 301 549 (WCAG 2.1, "
                    "Stufe AA) vereinbar. Was noch fehlt, steht im nächsten Abschnitt.",
                    "This website is partially compliant with BITV 2.0 and EN 301 549 (WCAG "
                    "2.1, level AA). What is still missing is listed in the next section.",
                ),
                (
                    "Grundlage ist eine Selbstbewertung: Jede Seitenart wird bei jeder Änderung "
                    "automatisch geprüft (axe-core, Nu HTML Checker) und mit der Tastatur "
                    "bedient. Eine Prüfung mit Nutzerinnen und Nutzern steht noch aus.",
                    "It is based on a self-assessment: every page type is checked "
                    "automatically on every change (axe-core, Nu HTML Checker) and operated "
                    "with the keyboard. A test with users is still to come.",
                ),
            ],
        ),
        (
            ("Was noch nicht barrierefrei ist", "What is not accessible yet"),
            [
                (
                    "Es gibt noch keinen Film in Deutscher Gebärdensprache (DGS). Auf der "
                    "Startseite steht an seinem Platz ein Platzhalter aus Texttafeln.",
                    "There is no film in German Sign Language (DGS) yet. On the home page, a "
                    "placeholder of title cards stands in its place.",
                ),
                (
                    "Nicht jeder Film hat eine Audiodeskription. Wo sie fehlt, steht das auf "
                    "der Seite des Films; jedes Transkript beschreibt auch die Bilder.",
                    "Not every film has audio description. Where it is missing, the film's "
                    "page says so; every transcript also describes the pictures.",
                ),
                (
                    "Externe Videos laufen im Player von YouTube oder Vimeo, dessen Bedienung "
                    "wir nicht beeinflussen können.",
                    "External videos play in the YouTube or Vimeo player, which we cannot change.",
                ),
            ],
        ),
    ],
}

EASY_READ = {
    "slug": ("leichte-sprache", "easy-read"),
    "title": ("Leichte Sprache", "Easy read"),
    "intro": (
        "Hier erklären wir diese Website in Leichter Sprache.",
        "Here we explain this website in easy words.",
    ),
    "sections": [
        (
            ("Wer wir sind", "Who we are"),
            [
                (
                    "Wir sind die Lausitz-Entwicklungsagentur. Das ist ein Beispiel-Name.",
                    "We are the Lausitz development agency. This is a made-up name.",
                ),
                (
                    "Die Lausitz ist eine Gegend in Brandenburg.",
                    "Lusatia is an area in Brandenburg.",
                ),
                (
                    "Früher haben dort viele Menschen Kohle aus der Erde geholt. Das hört bald "
                    "auf.",
                    "In the past, many people dug coal out of the ground there. That will "
                    "stop soon.",
                ),
                (
                    "Jetzt gibt es neue Arbeit. Zum Beispiel mit Wind und Sonne. Wir helfen dabei.",
                    "Now there is new work. For example with wind and sun. We help with that.",
                ),
            ],
        ),
        (
            ("Was Sie hier finden", "What you find here"),
            [
                (
                    "Neuigkeiten: Hier steht, was in der Lausitz passiert.",
                    "News: what is happening in Lusatia.",
                ),
                (
                    "Veranstaltungen: Hier steht, wann und wo Treffen sind.",
                    "Events: when and where meetings take place.",
                ),
                (
                    "Filme: Hier sehen Sie kurze Filme über die Lausitz. Die Filme haben "
                    "Untertitel. Zu jedem Film gibt es den Text zum Lesen.",
                    "Films: short films about Lusatia. The films have captions. Every film "
                    "also has its words written down.",
                ),
            ],
        ),
        (
            ("So finden Sie sich zurecht", "How to find your way"),
            [
                (
                    "Ganz oben auf jeder Seite ist das Menü. Dort klicken Sie auf ein Thema.",
                    "At the very top of every page is the menu. Click on a topic there.",
                ),
                (
                    "Sie können auch suchen. Schreiben Sie ein Wort in das Such-Feld.",
                    "You can also search. Type a word into the search box.",
                ),
                (
                    "Sie möchten die Seite auf Englisch lesen? Klicken Sie oben auf English.",
                    "Would you like to read the page in German? Click on Deutsch at the top.",
                ),
                (
                    "Sie benutzen keine Maus? Dann drücken Sie die Tab-Taste. So kommen Sie "
                    "von Link zu Link.",
                    "You do not use a mouse? Then press the Tab key. It takes you from link "
                    "to link.",
                ),
            ],
        ),
        (
            ("Ist die Website barrierefrei?", "Is the website accessible?"),
            [
                (
                    "Barrierefrei heißt: Alle Menschen können die Website benutzen. Auch Menschen "
                    "mit Behinderung.",
                    "Accessible means: everyone can use the website. People with disabilities too.",
                ),
                (
                    "Fast alles auf der Website ist barrierefrei. Ein paar Dinge noch nicht.",
                    "Almost everything on the website is accessible. A few things are not yet.",
                ),
                (
                    "Zum Beispiel: Nicht jeder Film hat eine Beschreibung in Ton.",
                    "For example: not every film has a spoken description.",
                ),
                (
                    "Sie finden eine Barriere? Dann sagen Sie es uns. Wir antworten Ihnen in "
                    "einem Monat.",
                    "Have you found a barrier? Then tell us. We answer you within one month.",
                ),
                (
                    "Alles dazu steht in der Erklärung zur Barrierefreiheit. Den Link finden Sie "
                    "ganz unten auf jeder Seite.",
                    "Everything about it is in the accessibility statement. The link is at the "
                    "very bottom of every page.",
                ),
            ],
        ),
        (
            ("Hilfe und Kontakt", "Help and contact"),
            [
                (
                    "Sie haben eine Frage? Dann schreiben Sie uns eine E-Mail. Oder Sie rufen "
                    "uns an.",
                    "Do you have a question? Then send us an e-mail. Or call us.",
                ),
                (
                    "Die E-Mail-Adresse und die Telefon-Nummer stehen ganz unten auf jeder Seite.",
                    "The e-mail address and the phone number are at the very bottom of every page.",
                ),
            ],
        ),
    ],
}

LEGAL_PAGES = {"impressum": IMPRESSUM, "datenschutz": PRIVACY, "barrierefreiheit": ACCESSIBILITY}


def german_fields(spec: dict) -> dict:
    """Title, intro and StreamField body of the German page."""
    body = [paragraph(DEMO_LEGAL_NOTE[0])]
    for (title, _title_en), paragraphs in spec["sections"]:
        body += [heading(title), paragraph(*(de for de, _en in paragraphs))]
    if "link" in spec:
        (label, _label_en), url = spec["link"]
        body.append(block("call_to_action", {"label": label, "page": None, "url": url}))
    return {"title": spec["title"][0], "intro": spec["intro"][0], "body": body}


def english_strings(spec: dict) -> dict[str, str]:
    """German text -> English text for every translatable segment of the page."""
    pairs = [spec["slug"], spec["title"], spec["intro"], DEMO_LEGAL_NOTE]
    for title, paragraphs in spec["sections"]:
        pairs += [title, *paragraphs]
    if "link" in spec:
        pairs.append(spec["link"][0])
    return dict(pairs)
