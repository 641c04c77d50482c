"""Polish demo texts: German source text -> Polish, written for this project.

Pure data for the demo loaders, beside the English strings of ``home.demo.loader``,
``home.demo.legal`` and ``home.demo.topics`` (the campaign's are in
``campaign.demo.texts_pl``). Each dict maps the exact German source string (a translation
segment) to its Polish text; slugs are mapped too, as lowercase ASCII. Everything in the
demo is fictional, and the Polish texts keep the markers that say so ("(demo)", "fikcyjne").

The campaign name „Die Lausitz. Krasse Gegend.” is a brand and stays German, as it does in
the English texts; Polish uses the exonyms Łużyce (Lausitz) and Brandenburgia.

Keys that are named constants in the German source are referenced, not retyped; the demo
loader refuses a page with a segment missing here, so a changed German text cannot go live
untranslated.
"""

from home.demo.legal import DEMO_LEGAL_NOTE
from home.demo.loader import ENGLISH_QUOTE, HOME_DE, SEARCH_DE
from home.demo.sign_language import FILM_DE as SIGN_FILM_DE

DEMO_NOTE_PL = "Treść demonstracyjna: wszystkie informacje na tej stronie są fikcyjne."

# --- Home page (HOME_EN in home.demo.loader) ---------------------------------------------

HOME_PL = {
    HOME_DE["title"]: "Strona główna",
    "startseite": "start",
    HOME_DE["headline"]: (
        "Łużyce w okresie przemian: praca, energia i życie w regionie z przyszłością"
    ),
    HOME_DE["intro"]: (
        "Wspieramy gminy, przedsiębiorstwa i mieszkańców brandenburskiej części Łużyc w procesie "
        "transformacji strukturalnej. Znajdą tu Państwo aktualności, wydarzenia oraz filmy "
        "kampanii „Die Lausitz. Krasse Gegend.”"
    ),
    HOME_DE["hero_alt"]: (
        "Turbiny wiatrowe latem na wzgórzu nad zalanym wyrobiskiem dawnej kopalni odkrywkowej"
    ),
    HOME_DE["seo_title"]: (
        "Lausitz-Portal – transformacja strukturalna w brandenburskiej części Łużyc"
    ),
    HOME_DE["search_description"]: (
        "Aktualności, wydarzenia i filmy o transformacji strukturalnej w brandenburskiej części "
        "Łużyc."
    ),
    "Was wir tun": "Czym się zajmujemy",
    (
        "Wo früher Braunkohle den Takt vorgab, entstehen heute Forschungseinrichtungen, "
        "Gewerbegebiete und neue Verbindungen. Wir bringen Fördermittel, Ideen und Menschen "
        "zusammen."
    ): (
        "Tam, gdzie niegdyś rytm wyznaczał węgiel brunatny, powstają dziś instytuty badawcze, "
        "tereny inwestycyjne i nowe połączenia. Łączymy środki wsparcia, pomysły i ludzi."
    ),
    "Aus der Region": "Z regionu",
    "Wir wollen nicht zusehen, wie sich die Lausitz verändert – wir wollen mitreden.": (
        "Nie chcemy tylko się przyglądać, jak zmieniają się Łużyce – chcemy mieć w tym swój głos."
    ),
    "Ein Ortsvorsteher bei einer Informationsveranstaltung": (
        "Sołtys podczas spotkania informacyjnego"
    ),
    "Zur Kampagne": "O kampanii",
    # A quotation in its original language: kept in English, the page marks its language.
    ENGLISH_QUOTE: ENGLISH_QUOTE,
    "Eine Ingenieurin aus Manchester, seit 2024 in Cottbus (fiktiv)": (
        "Inżynierka z Manchesteru, od 2024 r. w Cottbus (postać fikcyjna)"
    ),
    (
        "Viele Gemeinden planen jetzt, wie sie künftig klimafreundlich heizen. Wir zeigen "
        "Beispiele und vermitteln Ansprechpartner."
    ): (
        "Wiele gmin planuje obecnie, jak w przyszłości ogrzewać w sposób przyjazny dla klimatu. "
        "Przedstawiamy przykłady i wskazujemy osoby do kontaktu."
    ),
    "Abendlicht über einer Lausitzer Hügellandschaft mit Windrädern": (
        "Wieczorne światło nad łużyckimi wzgórzami z turbinami wiatrowymi"
    ),
}

# --- Search page (SEARCH_EN in home.demo.loader) -----------------------------------------

SEARCH_PL = {
    SEARCH_DE["slug"]: "wyszukiwanie",
    SEARCH_DE["title"]: "Wyszukiwanie",
    SEARCH_DE["intro"]: ("Tu mogą Państwo przeszukać aktualności, wydarzenia, filmy i strony."),
}

# --- Legal pages (english_strings(spec) of LEGAL_PAGES in home.demo.legal) ----------------
# Not the Leichte Sprache page: easy-to-read text is written for its language, not translated.

LEGAL_PL = {
    DEMO_LEGAL_NOTE[0]: (
        "Tekst demonstracyjny: ta strona pokazuje, jak może wyglądać jej treść. Organizacja, "
        "osoby i adresy są fikcyjne; przed publikacją redakcja sprawdza każdą informację."
    ),
    # Impressum
    "impressum": "nota-prawna",
    "Impressum": "Nota prawna",
    "Angaben gemäß § 5 DDG und § 18 Abs. 2 MStV.": (
        "Informacje zgodnie z § 5 DDG i § 18 ust. 2 MStV (prawo niemieckie)."
    ),
    "Haftung für Inhalte": "Odpowiedzialność za treści",
    (
        "Wir prüfen unsere Inhalte sorgfältig. Fehler korrigieren wir, sobald wir "
        "von ihnen erfahren."
    ): ("Starannie sprawdzamy publikowane treści. Błędy poprawiamy, gdy tylko się o nich dowiemy."),
    "Haftung für Links": "Odpowiedzialność za linki",
    (
        "Für die Inhalte verlinkter Seiten anderer Anbieter sind deren Betreiber "
        "verantwortlich. Beim Setzen eines Links waren keine Rechtsverstöße "
        "erkennbar."
    ): (
        "Za treść stron innych podmiotów, do których prowadzą linki, odpowiadają ich "
        "operatorzy. W chwili umieszczania linku nie stwierdzono naruszeń prawa."
    ),
    "Texte, Bilder und Filme": "Teksty, obrazy i filmy",
    (
        "Texte, Grafiken und Filme dieser Demo wurden für dieses Projekt erstellt. "
        "Die Urheberangabe steht jeweils am Bild oder im Abspann des Films."
    ): (
        "Teksty, grafiki i filmy tej wersji demonstracyjnej powstały na potrzeby niniejszego "
        "projektu. Informacja o autorach znajduje się przy każdym obrazie lub w napisach "
        "końcowych filmu."
    ),
    "Streitbeilegung": "Rozstrzyganie sporów",
    (
        "Wir nehmen nicht an Streitbeilegungsverfahren vor einer "
        "Verbraucherschlichtungsstelle teil."
    ): (
        "Nie bierzemy udziału w postępowaniach przed podmiotem uprawnionym do pozasądowego "
        "rozwiązywania sporów konsumenckich."
    ),
    # Datenschutzerklärung
    "datenschutz": "polityka-prywatnosci",
    "Datenschutzerklärung": "Polityka prywatności",
    "Wie diese Website mit Ihren Daten umgeht: so wenig wie möglich.": (
        "Jak ten serwis przetwarza Państwa dane: w możliwie najmniejszym zakresie."
    ),
    "Verantwortliche Stelle": "Administrator danych",
    (
        "Verantwortlich ist die im Impressum genannte Stelle. Sie erreichen uns "
        "über die Kontaktangaben im Fuß jeder Seite."
    ): (
        "Administratorem danych jest podmiot wskazany w nocie prawnej. Mogą Państwo "
        "skontaktować się z nami, korzystając z danych kontaktowych w stopce każdej strony."
    ),
    "Keine Cookies, kein Tracking": "Bez plików cookie, bez śledzenia",
    (
        "Wir setzen für Besucherinnen und Besucher keine Cookies und keine "
        "Analysewerkzeuge ein. Die gewählte Sprache steht in der Adresse der Seite "
        "(/de/ oder /en/), nicht in einem Cookie."
    ): (
        "Nie stosujemy wobec odwiedzających żadnych plików cookie ani narzędzi analitycznych. "
        "Wybrany język jest zapisany w adresie strony (/de/, /en/ lub /pl/), a nie w pliku "
        "cookie."
    ),
    (
        "Einzige Ausnahme: Öffnen Sie das Formular „Barriere melden“, setzt die "
        "Website ein technisch notwendiges Sicherheits-Cookie (csrftoken). Es "
        "schützt das Formular vor Missbrauch, enthält keine Angaben über Sie und "
        "wird gelöscht, wenn Sie den Browser schließen."
    ): (
        "Jedyny wyjątek: gdy otwierają Państwo formularz „Zgłoś barierę”, serwis zapisuje "
        "technicznie niezbędny plik cookie bezpieczeństwa (csrftoken). Chroni on formularz "
        "przed nadużyciami, nie zawiera żadnych informacji o Państwu i jest usuwany po "
        "zamknięciu przeglądarki."
    ),
    (
        "Schriften, Symbole und Skripte liegen auf unserem eigenen Server. Beim "
        "Lesen der Seiten verbindet sich Ihr Browser mit keinem anderen Anbieter."
    ): (
        "Czcionki, ikony i skrypty znajdują się na naszym własnym serwerze. Podczas "
        "przeglądania stron Państwa przeglądarka nie łączy się z żadnym innym usługodawcą."
    ),
    "Server-Protokolle": "Dzienniki serwera",
    (
        "Bei jedem Abruf verarbeitet der Server technisch notwendige Daten: "
        "Zeitpunkt, aufgerufene Adresse, Statuscode, Datenmenge, Browserkennung und "
        "Ihre IP-Adresse, die vor dem Speichern gekürzt wird."
    ): (
        "Przy każdym wywołaniu strony serwer przetwarza technicznie niezbędne dane: czas, "
        "wywołany adres, kod statusu, ilość przesłanych danych, identyfikator przeglądarki "
        "oraz Państwa adres IP, który przed zapisaniem jest skracany."
    ),
    (
        "Wir nutzen diese Daten nur, um die Website sicher zu betreiben und Fehler "
        "zu finden, und löschen sie nach sieben Tagen."
    ): (
        "Wykorzystujemy te dane wyłącznie w celu zapewnienia bezpiecznego działania serwisu "
        "i wykrywania błędów, a po siedmiu dniach je usuwamy."
    ),
    "Externe Videos": "Zewnętrzne materiały wideo",
    (
        "Einige Filme liegen bei YouTube oder Vimeo. Sie sehen zuerst nur ein "
        "Vorschaubild von unserem Server und eine Schaltfläche zum Abspielen."
    ): (
        "Niektóre filmy są udostępniane w serwisie YouTube lub Vimeo. Początkowo widzą "
        "Państwo jedynie obraz podglądu z naszego serwera oraz przycisk odtwarzania."
    ),
    (
        "Erst wenn Sie auf die Schaltfläche klicken, lädt Ihr Browser den Player "
        "des Anbieters (YouTube über youtube-nocookie.com, Vimeo mit „Do not "
        "track“). Dann erhält der Anbieter Ihre IP-Adresse und Angaben zu Ihrem "
        "Browser und kann Daten in Ihrem Browser speichern; dafür gilt die "
        "Datenschutzerklärung des Anbieters."
    ): (
        "Dopiero po kliknięciu przycisku Państwa przeglądarka wczytuje odtwarzacz "
        "usługodawcy (YouTube za pośrednictwem youtube-nocookie.com, Vimeo z ustawieniem "
        "„Do not track”). Usługodawca otrzymuje wówczas Państwa adres IP i informacje "
        "o przeglądarce oraz może zapisywać dane w Państwa przeglądarce; w tym zakresie "
        "obowiązuje polityka prywatności usługodawcy."
    ),
    "Unsere eigenen Filme spielen wir von unserem Server ab.": (
        "Nasze własne filmy odtwarzamy z naszego serwera."
    ),
    "Meldungen von Barrieren": "Zgłoszenia barier",
    (
        "Was Sie über das Formular „Barriere melden“ senden (Ihre Beschreibung, "
        "die Adresse der Seite und, wenn Sie möchten, Name und E-Mail-Adresse), "
        "speichern wir, um die Barriere zu beheben und Ihnen zu antworten. Nur "
        "die dafür zuständigen Personen sehen die Meldung. Ein Jahr nachdem wir "
        "sie abgeschlossen haben, wird sie gelöscht."
    ): (
        "Dane przesłane za pomocą formularza „Zgłoś barierę” (opis, adres strony oraz – "
        "jeśli Państwo zechcą – imię i nazwisko oraz adres e-mail) przechowujemy, aby usunąć "
        "barierę i udzielić Państwu odpowiedzi. Zgłoszenie widzą wyłącznie osoby, które się "
        "nim zajmują. Usuwamy je po upływie roku od jego zamknięcia."
    ),
    (
        "Damit niemand das Formular massenhaft missbraucht, zählen wir kurzzeitig, "
        "wie viele Meldungen von einer IP-Adresse kommen; diese Zählung wird nach "
        "einer Stunde verworfen und nicht mit der Meldung gespeichert."
    ): (
        "Aby zapobiec masowemu nadużywaniu formularza, przez krótki czas liczymy, ile zgłoszeń "
        "pochodzi z jednego adresu IP; wynik tego liczenia jest usuwany po godzinie i nie jest "
        "zapisywany razem ze zgłoszeniem."
    ),
    "Ihre Rechte": "Państwa prawa",
    (
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung "
        "der Verarbeitung und Widerspruch. Sie können sich bei der "
        "Datenschutzaufsicht des Landes Brandenburg beschweren."
    ): (
        "Przysługuje Państwu prawo dostępu do danych, ich sprostowania, usunięcia i "
        "ograniczenia przetwarzania oraz prawo wniesienia sprzeciwu. Mogą Państwo złożyć "
        "skargę do organu nadzorczego ds. ochrony danych osobowych kraju związkowego "
        "Brandenburgia."
    ),
    # Erklärung zur Barrierefreiheit
    "barrierefreiheit": "deklaracja-dostepnosci",
    "Erklärung zur Barrierefreiheit": "Deklaracja dostępności",
    "Wir wollen, dass alle Menschen diese Website nutzen können.": (
        "Chcemy, aby z tego serwisu mogli korzystać wszyscy."
    ),
    "Stand der Vereinbarkeit": "Status zgodności",
    (
        "Diese Website ist teilweise mit der BITV 2.0 und der EN 301 549 (WCAG 2.1, "
        "Stufe AA) vereinbar. Was noch fehlt, steht im nächsten Abschnitt."
    ): (
        "Ten serwis jest częściowo zgodny z BITV 2.0 i normą EN 301 549 (WCAG 2.1, "
        "poziom AA). Czego jeszcze brakuje, opisujemy w następnej sekcji."
    ),
    (
        "Grundlage ist eine Selbstbewertung: Jede Seitenart wird bei jeder Änderung "
        "automatisch geprüft (axe-core, Nu HTML Checker) und mit der Tastatur "
        "bedient. Eine Prüfung mit Nutzerinnen und Nutzern steht noch aus."
    ): (
        "Podstawą jest samoocena: przy każdej zmianie każdy typ strony jest automatycznie "
        "sprawdzany (axe-core, Nu HTML Checker) i obsługiwany za pomocą klawiatury. Testy "
        "z udziałem użytkowników jeszcze się nie odbyły."
    ),
    "Was noch nicht barrierefrei ist": "Co nie jest jeszcze dostępne",
    (
        "Es gibt noch keinen Film in Deutscher Gebärdensprache (DGS). Auf der "
        "Startseite steht an seinem Platz ein Platzhalter aus Texttafeln."
    ): (
        "Nie ma jeszcze filmu w niemieckim języku migowym (DGS). Na stronie głównej w jego "
        "miejscu znajduje się tymczasowy zamiennik z plansz tekstowych."
    ),
    (
        "Nicht jeder Film hat eine Audiodeskription. Wo sie fehlt, steht das auf "
        "der Seite des Films; jedes Transkript beschreibt auch die Bilder."
    ): (
        "Nie każdy film ma audiodeskrypcję. Jeśli jej brakuje, informujemy o tym na stronie "
        "filmu; każda transkrypcja opisuje również to, co widać na ekranie."
    ),
    (
        "Externe Videos laufen im Player von YouTube oder Vimeo, dessen Bedienung "
        "wir nicht beeinflussen können."
    ): (
        "Zewnętrzne materiały wideo są odtwarzane w odtwarzaczu YouTube lub Vimeo, na którego "
        "obsługę nie mamy wpływu."
    ),
}

# --- Topics (TOPICS in home.demo.topics): name, slug and description -----------------------

TOPICS_PL = {
    "Strukturwandel": "Transformacja strukturalna",
    "strukturwandel": "transformacja-strukturalna",
    "Wie sich die Region nach der Kohle neu aufstellt.": (
        "Jak region organizuje się na nowo po odejściu od węgla."
    ),
    "Energie und Wärme": "Energia i ciepło",
    "energie-und-waerme": "energia-i-cieplo",
    "Erneuerbare Energie und kommunale Wärmeplanung.": (
        "Odnawialne źródła energii i gminne planowanie zaopatrzenia w ciepło."
    ),
    "Wirtschaft": "Gospodarka",
    "wirtschaft": "gospodarka",
    "Unternehmen, Gründungen und Fachkräfte in der Lausitz.": (
        "Przedsiębiorstwa, nowe firmy i wykwalifikowani pracownicy na Łużycach."
    ),
    "Kampagne": "Kampania",
    "kampagne": "kampania",
    "Die Kampagne „Die Lausitz. Krasse Gegend.“": "Kampania „Die Lausitz. Krasse Gegend.”",
}

# --- The sign-language placeholder film (FILM_EN in home.demo.sign_language) -------------

SIGN_FILM_PL = {
    SIGN_FILM_DE["title"]: "Serwis w języku migowym (film zastępczy)",
    SIGN_FILM_DE["description"]: (
        "Demo: w tym miejscu pojawi się film w niemieckim języku migowym (DGS). Wyjaśni, co "
        "oferuje ten serwis, jak się w nim poruszać i co zawiera deklaracja dostępności. "
        "Film zastępczy pokazuje tylko plansze z tekstem."
    ),
    SIGN_FILM_DE["poster_alt"]: "Wieczorny nastrój nad pagórkowatym krajobrazem",
    SIGN_FILM_DE["transcript"]: (
        "Cichy dźwięk. Na kolorowym tle pojawia się biały tekst.\n"
        "Tekst: DGS (niemiecki język migowy).\n"
        "Tekst: Platzhalter (film zastępczy).\n"
        "Tekst: Film folgt. (Film wkrótce.)\n"
        "Napisy: Film wyjaśnia zawartość serwisu, sposób korzystania z niego i jego dostępność."
    ),
    SIGN_FILM_DE["audio_description_statement"]: (
        "Film zastępczy nie zawiera informacji dostępnych wyłącznie wzrokowo: wszystkie "
        "plansze z tekstem znajdują się także w napisach i w transkrypcji."
    ),
    SIGN_FILM_DE["credits"]: (
        "Film zastępczy demo, wygenerowany (nie jest to prawdziwy film w języku migowym)"
    ),
}

SIGN_CUES_PL = [
    "[Cichy dźwięk]\nWkrótce pojawi się tu film w niemieckim języku migowym.",
    "Ten film zastępczy pokazuje tylko plansze z tekstem.",
    "Film wyjaśni zawartość serwisu, sposób korzystania z niego i jego dostępność.",
]
