"""The film asset's helpers: upload checks, external embeds, rendering context, admin form.

The ``Film`` model itself lives in ``home.models.films``; these modules hold what the model,
the admin and the templates share, so that every place a film appears behaves the same.
"""
