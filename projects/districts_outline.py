"""Schematic outlines of the five districts of the Brandenburg Lausitz, for the project map.

Drawn by hand from the towns each district must contain (Luckau and Lübben in
Dahme-Spreewald, Lübbenau and Ortrand in Oberspreewald-Lausitz, Forst and Guben in
Spree-Neiße…), not traced from survey data: a few dozen points read as a map on a phone and
weigh nothing, and no geodata licence is involved. Neighbours share their border points
(the named corners below), so no gaps or overlaps open between districts. Rings are
(longitude, latitude) in WGS 84, closed (the last point repeats the first), like GeoJSON.
"""

from projects.choices import District

# Corners where three districts (or a district and the region's edge) meet, and the
# borders two districts share, each written once and reused by both neighbours.
_LDS_OSL_SPN = (14.12, 51.93)  # north of Burg (Spreewald)
_LDS_EE_OSL = (13.75, 51.80)  # east of Luckau
_LDS_EE_WEST = (13.40, 51.84)  # near Schlieben, where Teltow-Fläming begins
_LDS_SPN_NORTH = (14.25, 52.10)  # near Lieberose, where Oder-Spree begins
_OSL_SPN_SOUTH = (14.10, 51.46)  # south of Welzow, at the Saxon border
_EE_OSL_SOUTH = (13.72, 51.355)  # south of Ortrand, at the Saxon border

# Dahme-Spreewald | Oberspreewald-Lausitz: from east of Luckau to the Spreewald.
_LDS_OSL = [_LDS_EE_OSL, (13.90, 51.91), _LDS_OSL_SPN]
# Elbe-Elster | Oberspreewald-Lausitz: between Finsterwalde and Calau, Lauchhammer, Ortrand.
_EE_OSL = [_LDS_EE_OSL, (13.80, 51.68), (13.74, 51.56), (13.70, 51.45), _EE_OSL_SOUTH]
# Oberspreewald-Lausitz | Spree-Neiße: between Senftenberg and Welzow, Vetschau and Cottbus.
_OSL_SPN = [_LDS_OSL_SPN, (14.10, 51.75), (14.12, 51.62), (14.08, 51.50), _OSL_SPN_SOUTH]
# Dahme-Spreewald | Spree-Neiße: the short border near Lieberose and Straupitz.
_LDS_SPN = [_LDS_SPN_NORTH, _LDS_OSL_SPN]


def _ring(*parts) -> list[tuple[float, float]]:
    """One closed ring from border pieces given in drawing order; repeated joints dropped."""
    points = []
    for part in parts:
        for point in part:
            if not points or points[-1] != point:
                points.append(point)
    if points[0] != points[-1]:
        points.append(points[0])
    return points


OUTLINES: dict[str, list[tuple[float, float]]] = {
    District.DAHME_SPREEWALD: _ring(
        [_LDS_EE_WEST, (13.30, 52.00), (13.35, 52.20), (13.45, 52.40), (13.65, 52.42)],
        [(13.85, 52.31), (14.05, 52.23)],
        _LDS_SPN,
        list(reversed(_LDS_OSL)),
    ),
    District.ELBE_ELSTER: _ring(
        [_LDS_EE_WEST],
        _EE_OSL,
        [(13.50, 51.40), (13.25, 51.38), (13.12, 51.45), (13.02, 51.60), (13.05, 51.78)],
        [(13.22, 51.86)],
    ),
    District.OBERSPREEWALD_LAUSITZ: _ring(
        _LDS_OSL,
        _OSL_SPN,
        [(14.00, 51.42), (13.85, 51.36)],
        list(reversed(_EE_OSL)),
    ),
    District.SPREE_NEISSE: _ring(
        list(reversed(_LDS_SPN)),
        # The Neiße, the border with Poland, from north of Guben down past Forst.
        [(14.45, 52.08), (14.64, 52.06), (14.75, 51.98), (14.71, 51.86), (14.72, 51.74)],
        [(14.66, 51.62), (14.70, 51.55), (14.55, 51.47), (14.35, 51.45)],
        list(reversed(_OSL_SPN)),
    ),
    # A kreisfreie Stadt inside Spree-Neiße: drawn as a hole of its ring too (ENCLAVES).
    District.COTTBUS: _ring(
        [(14.25, 51.76), (14.30, 51.82), (14.38, 51.83), (14.43, 51.78), (14.42, 51.72)],
        [(14.33, 51.70), (14.26, 51.72)],
    ),
}

# Districts lying inside another: the surrounding one is drawn with a hole there, so a
# click, a hover and the highlight over Cottbus belong to Cottbus alone.
ENCLAVES: dict[str, list[str]] = {District.SPREE_NEISSE: [District.COTTBUS]}

# Where each district's name stands on the map (inside it; an enclave's just outside) and
# how it breaks into lines: the names are the same in German and English, not translated.
LABELS: dict[str, tuple[tuple[float, float], list[str]]] = {
    District.DAHME_SPREEWALD: ((13.68, 52.12), ["Dahme-", "Spreewald"]),
    District.ELBE_ELSTER: ((13.36, 51.53), ["Elbe-Elster"]),
    District.OBERSPREEWALD_LAUSITZ: ((13.95, 51.75), ["Oberspree-", "wald-", "Lausitz"]),
    District.SPREE_NEISSE: ((14.42, 51.99), ["Spree-Neiße"]),
    # Beside the small enclave, south of it, so that its markers stay visible.
    District.COTTBUS: ((14.34, 51.672), ["Cottbus"]),
}


def ring_contains(ring, longitude, latitude) -> bool:
    """Whether a point lies inside a closed ring (even-odd rule; a point on the border may go
    either way, which is all a schematic outline can promise)."""
    x, y = float(longitude), float(latitude)
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def district_at(longitude, latitude) -> str | None:
    """The district whose outline holds a point (enclaves before the district around them),
    or None outside all of them: lets tests and editors check a point against the drawing."""
    for value in sorted(OUTLINES, key=lambda v: v not in sum(ENCLAVES.values(), [])):
        if ring_contains(OUTLINES[value], longitude, latitude):
            return value
    return None
