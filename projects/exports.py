"""Open data: the live projects of one language as GeoJSON (RFC 7946) and CSV.

Both carry the licence from the site settings. GeoJSON coordinates are [longitude,
latitude] (RFC 7946, section 3.1.1), never the other way round; the feature ``id`` is the
project's translation key, the same in every language, so the German and English files
can be joined.
"""

import csv
import io
import json

from django.http import HttpResponse

from home.i18n import page_language
from home.pages.site_settings import SiteSettings
from home.seo.structured_data import absolute
from home.topics.localized import attach_localized_topics
from portal.downloads import attachment
from projects.choices import District, ProjectStatus

CSV_COLUMNS = [
    "id",
    "title",
    "summary",
    "district",
    "municipality",
    "latitude",
    "longitude",
    "status",
    "funding_programme",
    "funding_amount_eur",
    "start",
    "end",
    "partners",
    "topics",
    "url",
]


def _licence(request) -> dict:
    settings = SiteSettings.for_request(request)
    return {"name": settings.open_data_licence, "url": settings.open_data_licence_url}


def project_record(project, request) -> dict:
    """One project as plain values, shared by both formats."""
    return {
        "id": str(project.translation_key),
        "title": project.title,
        "summary": project.summary,
        "district": project.district,
        "district_name": str(District(project.district).label) if project.district else "",
        "municipality": project.municipality,
        "status": project.status,
        "status_name": str(ProjectStatus(project.status).label),
        "funding_programme": project.funding_programme,
        "funding_amount_eur": (
            float(project.funding_amount) if project.funding_amount is not None else None
        ),
        "start": project.start_date.isoformat() if project.start_date else None,
        "end": project.end_date.isoformat() if project.end_date else None,
        "partners": project.partner_list,
        "topics": [topic.name for topic in project.localized_topics],
        "url": absolute(request, project.get_url(request)),
    }


def _file_name(index_page, extension: str) -> str:
    return f"{index_page.slug}-{page_language(index_page)}.{extension}"


def geojson_response(request, index_page, projects) -> HttpResponse:
    """A FeatureCollection of Point features; a project without a location has none."""
    attach_localized_topics(projects, page_language(index_page))
    features = []
    for project in projects:
        if project.latitude is None or project.longitude is None:
            continue
        record = project_record(project, request)
        features.append(
            {
                "type": "Feature",
                "id": record.pop("id"),
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(project.longitude), float(project.latitude)],
                },
                "properties": record,
            }
        )
    collection = {
        "type": "FeatureCollection",
        # Foreign members (RFC 7946, section 6.1): what the file is and under which licence.
        "name": index_page.title,
        "language": page_language(index_page),
        "licence": _licence(request),
        "source": absolute(request, index_page.get_url(request)),
        "features": features,
    }
    response = HttpResponse(
        json.dumps(collection, ensure_ascii=False, indent=1),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Content-Disposition"] = attachment(_file_name(index_page, "geojson"))
    return response


def csv_response(request, index_page, projects) -> HttpResponse:
    """One row per project, UTF-8 with a byte-order mark so spreadsheet programs read the
    umlauts. CSV has no place for metadata: the licence is named on the listing next to
    the link, and in the answer's ``Link: <…>; rel="license"`` header."""
    attach_localized_topics(projects, page_language(index_page))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for project in projects:
        record = project_record(project, request)
        writer.writerow(
            [
                record["id"],
                record["title"],
                record["summary"],
                record["district"],
                record["municipality"],
                project.latitude if project.latitude is not None else "",
                project.longitude if project.longitude is not None else "",
                record["status"],
                record["funding_programme"],
                project.funding_amount if project.funding_amount is not None else "",
                record["start"] or "",
                record["end"] or "",
                "; ".join(record["partners"]),
                "; ".join(record["topics"]),
                record["url"],
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = attachment(_file_name(index_page, "csv"))
    response["Link"] = f'<{_licence(request)["url"]}>; rel="license"'
    return response
