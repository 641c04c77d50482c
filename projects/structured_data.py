"""schema.org JSON-LD of a project: a ``Project`` (an Organization subtype for
collaborative undertakings) with its place as coordinates and address, funding and
partners."""

from home.i18n import page_language
from home.seo.structured_data import absolute, image_object, organisation
from projects.choices import District


def project_json_ld(project, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.title,
        "description": project.summary,
        "url": absolute(request, project.get_url(request)),
        "inLanguage": page_language(project),
        "location": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": project.municipality,
                "addressRegion": str(District(project.district).label),
                "addressCountry": "DE",
            },
        },
        "parentOrganization": organisation(request),
    }
    if project.latitude is not None and project.longitude is not None:
        data["location"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(project.latitude),
            "longitude": float(project.longitude),
        }
    if project.start_date:
        data["foundingDate"] = project.start_date.isoformat()
    if project.end_date:
        data["dissolutionDate"] = project.end_date.isoformat()
    if project.funding_programme or project.funding_amount is not None:
        grant = {"@type": "MonetaryGrant"}
        if project.funding_programme:
            grant["name"] = project.funding_programme
        if project.funding_amount is not None:
            grant["amount"] = {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": float(project.funding_amount),
            }
        data["funding"] = grant
    partners = project.partner_list
    if partners:
        data["member"] = [{"@type": "Organization", "name": name} for name in partners]
    topics = project.topics_in_language()
    if topics:
        data["keywords"] = ", ".join(topic.name for topic in topics)
    if project.hero_image:
        data["image"] = image_object(project.hero_image, request)
    return data
