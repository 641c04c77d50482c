"""The film rules shared by the admin form and publishing: exactly one kind of source, and
captions before a film goes live."""

from django.conf import settings
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


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def caption_errors(sources, tracks, transcript: str, host_captions_confirmed: bool) -> list[str]:
    """Why a film may not go live yet for lack of captions (empty list: it may).

    A self-hosted version needs a caption track of kind "captions" in its language: the
    portal's own player can show nothing else. An external film's captions live on the video
    host, which the portal cannot check: it needs a transcript and the editor's confirmation.
    Used by the admin form when publishing and again by ``Film.publish``.
    """
    errors = []
    captioned = {t.language for t in tracks if t.kind == "captions" and t.file}
    languages = dict.fromkeys(s.language for s in sources if s.file and not s.external_url)
    for language in languages:
        if language not in captioned:
            errors.append(
                _(
                    "The %(language)s version has no captions. Add a caption track of the kind "
                    "“Captions” in %(language)s (a WebVTT file) before publishing, so that "
                    "people who cannot hear the film can follow it."
                )
                % {"language": _language_name(language)}
            )
    external = [s for s in sources if s.external_url and not s.file]
    if external and not languages:
        if not (transcript or "").strip():
            errors.append(_("An external film needs a transcript before it can be published."))
        if not host_captions_confirmed:
            errors.append(
                _(
                    "An external film can only be published once you have checked that the "
                    "video host shows captions for it: tick “Captions on the video host "
                    "checked”."
                )
            )
    return [str(error) for error in errors]
