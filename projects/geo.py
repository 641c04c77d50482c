"""Where the map's region lies and how a point on the earth becomes a point on the map.

The map is a schematic drawing of the five Lausitz districts (``district_outlines``), not a
survey: outlines are simplified, but places are where their coordinates say. Coordinates are
WGS 84 (longitude, latitude) as in GeoJSON; the drawing is an equirectangular projection
scaled by the cosine of the region's middle latitude, good enough over 100 km.
"""

import math
from decimal import Decimal

# The region the map shows: the five districts and a margin (longitude, latitude).
WEST, EAST = 12.95, 14.85
SOUTH, NORTH = 51.33, 52.45
MAP_WIDTH = 600  # SVG user units; the height follows from the projection
_SCALE = MAP_WIDTH / ((EAST - WEST) * math.cos(math.radians((SOUTH + NORTH) / 2)))
MAP_HEIGHT = round((NORTH - SOUTH) * _SCALE)


def projection() -> dict[str, float]:
    """The constants of ``to_map``, for the admin's location picker, which inverts it in the
    browser (static/js/project-location.js): one formula, written here."""
    return {
        "west": WEST,
        "north": NORTH,
        "x_per_degree": _SCALE * math.cos(math.radians((SOUTH + NORTH) / 2)),
        "y_per_degree": _SCALE,
    }


def in_region(latitude, longitude) -> bool:
    """Whether a point lies inside the rectangle the map shows."""
    if latitude is None or longitude is None:
        return False
    return SOUTH <= float(latitude) <= NORTH and WEST <= float(longitude) <= EAST


def to_map(longitude, latitude) -> tuple[float, float]:
    """(x, y) in the map's SVG user units for a point; y grows southwards."""
    x = (float(longitude) - WEST) * _SCALE * math.cos(math.radians((SOUTH + NORTH) / 2))
    y = (NORTH - float(latitude)) * _SCALE
    return round(x, 1), round(y, 1)


def from_map(x: float, y: float) -> tuple[Decimal, Decimal]:
    """(longitude, latitude) for a point of the map, to five decimals (about a metre)."""
    longitude = WEST + x / (_SCALE * math.cos(math.radians((SOUTH + NORTH) / 2)))
    latitude = NORTH - y / _SCALE
    return round(Decimal(longitude), 5), round(Decimal(latitude), 5)
