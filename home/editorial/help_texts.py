"""Help texts for editors that belong to panels rather than to model fields: shared ones
(the page body) and those added in the admin only, so that no migration is needed for a
change of wording. Written for communication staff: what it is for, where it shows, how
long it should be."""

from django.utils.translation import gettext_lazy as _

BODY = _(
    "The main text of the page, built from blocks (heading, text, image, quote, film, link "
    "button). Start sections with an H2 heading; each block shows a preview when you add it."
)
TOPICS = _(
    "Choose one to three topics. Readers can filter lists by topic; the English page gets "
    "the same topics automatically."
)
NEWS_KIND = _(
    "“Press release” adds the press contact card and is listed for journalists; "
    "“News” is a short report."
)
ATTENDANCE = _("Where people take part: on site, online, or both. Online needs a link.")
VENUE_NAME = _("Name of the place as visitors know it, e.g. 'Stadthalle Cottbus'.")
ORGANISER = _("Who invites; shown on the event page and in the calendar entry.")
REGISTRATION_URL = _("Address of the registration form, if people must register.")
REGISTRATION_EMAIL = _("…or an e-mail address for registrations.")
FREE_OF_CHARGE = _("Untick if participants pay; say how much in the teaser or agenda.")
AGENDA = _("The programme, one item per time slot; shown as a list on the event page.")
POSTER_GROUP = _(
    "The still shown before the film starts and in the campaign grid, with its alt text."
)
GLOSSARY_NOTE = _("Why this term stays as it is, or how to translate it; translators see it.")
PRESS_ORGANISATION = _("Organisation of the contact person, e.g. 'Lausitz-Agentur'.")
PRESS_EMAIL = _("E-mail address for press enquiries; shown on the contact card.")
ORGANISATION_GROUP = _("Shown in the footer of every page and in the Impressum.")
IMPRESSUM_GROUP = _("Legal details required for the Impressum (German: § 5 DDG).")
ORGANISATION_NAME = _("Full legal name, e.g. 'Lausitz-Agentur GmbH'.")
ORGANISATION_EMAIL = _("General contact address, shown in the footer and the Impressum.")
VAT_ID = _("VAT identification number, if the organisation has one (e.g. DE123456789).")
SOCIAL_PROFILES = _("Links to the organisation's profiles, shown as icons in the footer.")
HERO_GROUP = _(
    "The large image at the top of the page: at least 1600 × 900 px, landscape. "
    "Pages with a smaller image are not published."
)
ARTICLE_GROUP = _("Date, kind and topics decide where and in which order the article is listed.")
DATE_GROUP = _(
    "When the event takes place, in German time. The date and status reach the English "
    "page as soon as the German page is published. An event without a date is not published."
)
PLACE_GROUP = _("Where the event takes place; shown on the event page and in the calendar file.")
REGISTRATION_GROUP = _("How to register, if needed; shown as a box on the event page.")
PRESS_BODY = _(
    "Optional text under the introduction, e.g. accreditation for events or how to order "
    "interviews. Press releases, photos and contacts are listed automatically."
)
PRESS_PHOTOS = _(
    "Photos journalists may download in full size. Before adding one, set its credit and "
    "licence under Images: both are shown with the photo in every language. Each photo gets "
    "an alt text and a caption here, which are translated."
)
