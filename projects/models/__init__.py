from projects.models.index import ProjectIndexPage
from projects.models.project import PROJECT_FACT_FIELDS, ProjectPage

__all__ = ["PROJECT_FACT_FIELDS", "ProjectIndexPage", "ProjectPage"]
