"""Prints a JSON snapshot of a site's content, for comparing a backup with its restore.

Run as ``python -m tests.backup.snapshot`` with ``DATABASE_URL`` and ``TEST_MEDIA_ROOT`` of
the installation to describe. Ids are left out where a restore may legitimately change them
(content types); everything an editor or visitor would notice is in.
"""

import hashlib
import json
import os


def snapshot() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.storage import default_storage
    from django.test import Client
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.models import Page, Site, WorkflowState
    from wagtail_localize.models import StringTranslation, Translation

    from portal.storage.files import media_names

    # Served first: rendering creates renditions (rows and files), which must be in the
    # media list of the source so that the restored site has them too.
    client = Client()
    served = {url: client.get(url).status_code for url in ("/de/", "/en/", "/en/legal-notice/")}
    pages = Page.objects.select_related("locale", "content_type").order_by("path")
    tree, revisions = [], {}
    for page in pages:
        key = f"{page.translation_key}/{page.locale.language_code}"
        tree.append(
            [
                page.path,
                page.slug,
                page.url_path,
                page.locale.language_code,
                page.live,
                str(page.translation_key),
                page.content_type.model,
                page.title,
            ]
        )
        latest = page.latest_revision
        revisions[key] = latest.content if latest else None
    translations = sorted(
        [
            str(t.source.object_id),
            t.source.locale.language_code,
            t.target_locale.language_code,
            str(t.uuid),
            t.enabled,
        ]
        for t in Translation.objects.select_related("source__locale", "target_locale")
    )
    strings = sorted(
        [st.translation_of.data, st.locale.language_code, st.context.path, st.data]
        for st in StringTranslation.objects.select_related("translation_of", "locale", "context")
    )
    media = {}
    for name in media_names():  # from MEDIA_ROOT or from the media bucket
        with default_storage.open(name, "rb") as file:
            media[name] = hashlib.sha256(file.read()).hexdigest()
    users = sorted(
        [u.username, u.is_superuser, sorted(g.name for g in u.groups.all())]
        for u in get_user_model().objects.prefetch_related("groups")
    )
    groups = sorted(
        [g.name, sorted(p.codename for p in g.permissions.all())]
        for g in Group.objects.prefetch_related("permissions")
    )
    return {
        "tree": tree,
        "revisions": revisions,
        "translations": translations,
        "strings": strings,
        "media": media,
        "users": users,
        "groups": groups,
        "sites": sorted([s.hostname, s.port, s.root_page.url_path] for s in Site.objects.all()),
        "workflow_states": sorted(
            [str(w.content_object), w.status, w.current_task_state.task.name, w.requested_by_id]
            for w in WorkflowState.objects.all()
        ),
        "redirects": sorted(
            [r.old_path, r.redirect_page.url_path if r.redirect_page else r.redirect_link]
            for r in Redirect.objects.select_related("redirect_page")
        ),
        "documents": sorted([d.title, d.file.name] for d in get_document_model().objects.all()),
        "served": served,
    }


def enrich():
    """Adds what the demo content lacks: an editor in a group, a draft revision, a page in
    moderation, a redirect and a document."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.models import Workflow

    from home.models import HomePage, StandardPage

    editor = get_user_model().objects.create_user("redakteurin", "r@example.org", "x-pass-1234")
    editor.groups.add(Group.objects.get(name="Editors"))
    home = HomePage.objects.get(locale__language_code="de")
    home.headline = "Entwurf: eine neue Überschrift, noch nicht veröffentlicht"
    home.save_revision(user=editor)
    page = StandardPage.objects.filter(locale__language_code="de").order_by("path").first()
    page.save_revision(user=editor)
    Workflow.objects.filter(active=True).order_by("pk").first().start(page, editor)
    Redirect.objects.create(old_path="/alte-seite", redirect_page=home)
    get_document_model().objects.create(
        title="Satzung", file=ContentFile(b"%PDF-1.4 demo\n%%EOF\n", name="satzung.pdf")
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    import sys

    if "--enrich" in sys.argv:
        enrich()
    print(json.dumps(snapshot(), sort_keys=True, default=str))
