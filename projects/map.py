"""What the project map draws: district areas, their names and links, and one marker per
project, all in the SVG user units of ``geo.to_map``.

The map is built on the server as an inline SVG (``templates/projects/includes/map.html``):
links work without JavaScript, nothing is fetched from another host (no tiles, no fonts), and
the strict CSP needs no exception. The same drawing of the districts serves the editors'
location picker in the admin (``projects/panels.py``).
"""

from dataclasses import dataclass

from projects import geo
from projects.choices import District, ProjectStatus
from projects.districts_outline import ENCLAVES, LABELS, OUTLINES

# The status is shown by shape and colour both, so the legend does not rely on colour
# alone: filled circle, diamond, square, triangle, hollow circle. Paths are centred on 0,0.
MARKER_SHAPES = {
    ProjectStatus.IDEA: "M0-6.5a6.5 6.5 0 1 0 0.01 0Z",
    ProjectStatus.PLANNING: "M0-8L8 0 0 8-8 0Z",
    ProjectStatus.FUNDED: "M-6.5-6.5h13v13h-13Z",
    ProjectStatus.UNDER_CONSTRUCTION: "M0-8.5L8 6.5H-8Z",
    ProjectStatus.COMPLETED: "M0-7a7 7 0 1 0 0.01 0Z",
}
LABEL_LINE_HEIGHT = 15  # SVG units between the lines of a district's name


def number(value: float) -> str:
    """A coordinate for SVG markup: a dot for decimals in every language (a template would
    localise a float into "533,6" on German pages)."""
    return f"{value:g}"


def ring_path(ring) -> str:
    """An SVG path for one closed (longitude, latitude) ring."""
    points = [geo.to_map(longitude, latitude) for longitude, latitude in ring[:-1]]
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


def district_path(value: str) -> str:
    """The district's area: its ring, with a hole for each enclave in it (even-odd fill)."""
    return "".join(ring_path(OUTLINES[ring]) for ring in [value, *ENCLAVES.get(value, [])])


@dataclass(frozen=True)
class MapDistrict:
    value: str
    name: str
    path: str
    label_x: str
    label_y: str
    label_lines: list
    url: str
    active: bool


@dataclass(frozen=True)
class MapMarker:
    project: object
    x: float
    y: float
    shape: str

    @property
    def transform(self) -> str:
        return f"translate({number(self.x)} {number(self.y)})"


def district_url(index_url: str, value: str, filters=None) -> str:
    """The listing filtered by ``value``, keeping the visitor's topic and status filters
    (the district filter is the one the map replaces; pagination starts again)."""
    parts = [f"district={value}"]
    if filters is not None and filters.topic is not None:
        parts.append(f"topic={filters.topic.slug}")
    if filters is not None and filters.status:
        parts.append(f"status={filters.status}")
    return f"{index_url}?{'&'.join(parts)}"


def districts(index_url: str = "", filters=None, active: str | None = None) -> list[MapDistrict]:
    """Every district in the order of the filter's list (the order Tab visits them)."""
    result = []
    for value, name in District.choices:
        (longitude, latitude), lines = LABELS[value]
        x, y = geo.to_map(longitude, latitude)
        result.append(
            MapDistrict(
                value=value,
                name=str(name),
                path=district_path(value),
                label_x=number(x),
                # The block of lines is centred vertically on the label point.
                label_y=number(round(y - (len(lines) - 1) * LABEL_LINE_HEIGHT / 2 + 5, 1)),
                label_lines=lines,
                url=district_url(index_url, value, filters) if index_url else "",
                active=value == active,
            )
        )
    return result


def markers(projects) -> list[MapMarker]:
    """A marker per project with a place in the map's region, north to south and west to
    east: the order a sighted keyboard user reads the map in."""
    placed = [p for p in projects if geo.in_region(p.latitude, p.longitude)]
    placed.sort(key=lambda p: (-float(p.latitude), float(p.longitude), p.pk or 0))
    result = []
    for project in placed:
        x, y = geo.to_map(project.longitude, project.latitude)
        shape = MARKER_SHAPES.get(project.status, MARKER_SHAPES[ProjectStatus.PLANNING])
        result.append(MapMarker(project=project, x=x, y=y, shape=shape))
    return result


def project_map(projects, index_url: str = "", filters=None, single: bool = False) -> dict:
    """Everything the map template draws. ``single``: the small map of one project page,
    its district highlighted and no district links."""
    projects = list(projects)
    if single:
        active = projects[0].district if projects else None
        index_url = ""
    else:
        active = filters.district if filters is not None else None
    return {
        "width": geo.MAP_WIDTH,
        "height": geo.MAP_HEIGHT,
        "districts": districts(index_url, filters, active),
        "markers": markers(projects),
        "single": single,
        "legend": [(value, label, MARKER_SHAPES[value]) for value, label in ProjectStatus.choices],
    }
