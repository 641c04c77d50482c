"""The rule "exactly one kind of source per film", shared by the admin form and publishing."""

from django.utils.translation import gettext as _

from home.films.embeds import parse_external_video


def source_errors(sources) -> list[str]:
    """What is wrong with a film's set of sources (empty list: nothing).

    Exactly one kind: self-hosted files (one or more, at most one per language and format)
    or one external address. Used by the admin form and again on publishing.
    """
    files = [s for s in sources if s.file]
    external = [s for s in sources if s.external_url]
    both = [s for s in sources if s.file and s.external_url]
    errors = []
    if both:
        errors.append(_("A source has both a file and an external address; give only one."))
    if not files and not external:
        errors.append(
            _("Add a source: a video file (MP4 or WebM) or the address of a YouTube/Vimeo video.")
        )
    elif files and external:
        errors.append(
            _(
                "A film is either self-hosted or external: remove the video files or the "
                "external address."
            )
        )
    elif len(external) > 1:
        errors.append(_("An external film has exactly one address; remove the others."))
    seen = set()
    for source in files:
        key = (source.language, str(getattr(source.file, "name", "")).rsplit(".", 1)[-1].lower())
        if key in seen:
            errors.append(
                _("There are two %(format)s files for the same language; keep one.")
                % {"format": key[1].upper()}
            )
        seen.add(key)
    for source in external:
        if parse_external_video(source.external_url) is None:
            errors.append(
                _("“%(url)s” is not a YouTube or Vimeo video address.")
                % {"url": source.external_url}
            )
    return [str(error) for error in errors]
