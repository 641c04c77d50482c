"""Page factories built on wagtail-factories."""

import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Testseite"
    intro = "Eine Seite für Tests."

    class Meta:
        model = StandardPage
