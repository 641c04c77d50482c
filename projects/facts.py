"""Facts of a project (district, place, location, status, amount, dates) reach every
language at once when the German project is published (``home.translation.facts``)."""

from home.translation.facts import copy_facts
from projects.models import PROJECT_FACT_FIELDS, ProjectPage


def copy_project_facts(source: ProjectPage) -> int:
    """Copy the facts of ``source`` (German) to its translations; returns how many changed."""
    return copy_facts(source, PROJECT_FACT_FIELDS)


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, ProjectPage):
        copy_project_facts(instance)
