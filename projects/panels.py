"""The "Place" panel of the project form, with a location picker that needs no map service.

Above the district, municipality and coordinate fields, the panel draws the same schematic
map of the districts as the public pages (``projects/map.py``). Clicking in it fills in
latitude and longitude (five decimals) and moves a marker; typed coordinates move the marker
too (static/js/project-location.js). The fields stay the way to enter a place, for keyboard
and screen-reader users too; the drawing is an additional aid for a pointer, and says so.
A tile-server map was not offered: it would send every editor's view to a third party and
need a CSP exception, for a precision the projects do not need.
"""

from django.forms import Media
from wagtail.admin.panels import MultiFieldPanel

from projects import geo
from projects.map import project_map


class ProjectLocationPanel(MultiFieldPanel):
    class BoundPanel(MultiFieldPanel.BoundPanel):
        template_name = "projects/admin/location_panel.html"

        @property
        def media(self):
            return super().media + Media(
                js=["js/project-location.js"], css={"all": ["css/project-location.css"]}
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["map"] = project_map([])
            context["projection"] = geo.projection()
            return context
