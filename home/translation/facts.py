"""Facts of a page reach every language at once.

Some fields of a page are facts, not text: an event's date and place, a project's district,
location, status and amounts. When the German page is published, its facts are written to
every translation: the page row (what visitors see of a live page) and the live and latest
revisions (so a later publish of the English text does not bring old facts back). Nothing
else changes: English text keeps its own review path, an English draft stays a draft, and
no revision is created. wagtail-localize's "sync and publish immediately" is not used for
this: it would publish English drafts and fall back to German text.
"""

from django.conf import settings

from portal.caching.generation import invalidate


def copy_facts(source, fields: list[str]) -> int:
    """Copy ``fields`` of ``source`` (a German page) to its translations of the same type;
    returns how many translations changed. Pages of other languages copy nothing."""
    if source.locale.language_code != settings.LANGUAGE_CODE:
        return 0
    model = type(source)
    facts = {field: getattr(source, field) for field in fields}
    changed = 0
    translations = model.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    )
    for target in translations:
        if all(getattr(target, field) == value for field, value in facts.items()):
            continue
        model.objects.filter(pk=target.pk).update(**facts)
        revisions = {target.live_revision_id, target.latest_revision_id} - {None}
        for revision in target.revisions.filter(pk__in=revisions):
            obj = revision.as_object()
            for field, value in facts.items():
                setattr(obj, field, value)
            revision.content = obj.serializable_data()
            revision.save(update_fields=["content"])
        changed += 1
    if changed:
        # QuerySet.update() and revision rows send no signal the page cache listens to.
        invalidate()
    return changed
