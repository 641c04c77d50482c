"""Editorial roles per language, created idempotently.

Wagtail has no per-locale permissions, so per-language rights are page permissions on each
locale's home page (the locale trees), plus the guards in ``home.translation.localize_permissions``.
A new language needs only ``PORTAL_TRANSLATION_LANGUAGES`` and ``setup_roles``.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Redaktion"
SOURCE_SNIPPETS = [("home", "topic"), ("news", "presscontact"), ("home", "film")]


def translator_group_name(language: str) -> str:
    return f"Übersetzung {language.upper()}"


def reviewer_group_name(language: str) -> str:
    return f"Freigabe {language.upper()}"


def translation_languages() -> list[str]:
    return list(getattr(settings, "PORTAL_TRANSLATION_LANGUAGES", ["en"]))


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _home_of(language: str) -> Page | None:
    return Page.objects.filter(depth=2, locale__language_code=language).first()


def _grant_pages(group: Group, page: Page | None, types: list[str]) -> None:
    if page is None:
        return
    wanted = {_perm("wagtailcore", f"{kind}_page") for kind in types}
    GroupPagePermission.objects.filter(group=group).exclude(
        page=page, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_images(group: Group, types: list[str]) -> None:
    root = Collection.get_first_root_node()
    for kind in types:
        permission = _perm("wagtailimages", f"{kind}_image")
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _set_global(group: Group, permissions: list[Permission]) -> None:
    group.permissions.set(permissions)


def _snippet_perms(kinds: list[str]) -> list[Permission]:
    return [
        _perm(app, f"{kind}_{model}")
        for app, model in SOURCE_SNIPPETS
        for kind in kinds
        if Permission.objects.filter(
            content_type__app_label=app, codename=f"{kind}_{model}"
        ).exists()
    ]


def strip_default_groups() -> None:
    """Wagtail's default "Editors" and "Moderators" hold rights on the root page (every
    language) and wagtail-localize's migration gives them ``submit_translation``: members
    would bypass the per-language roles."""
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        GroupPagePermission.objects.filter(group=group).delete()
        group.permissions.remove(*Permission.objects.filter(codename="submit_translation"))


def setup_roles() -> dict[str, Group]:
    """Create or repair every role. Idempotent: a second run changes nothing."""
    access_admin = _perm("wagtailadmin", "access_admin")
    submit = _perm("wagtail_localize", "submit_translation")
    groups = {}

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    glossary = [_perm("home", f"{kind}_glossaryterm") for kind in ("add", "change", "delete")]
    _set_global(
        editors,
        [access_admin, submit, *glossary, *_snippet_perms(["add", "change", "delete", "publish"])],
    )
    _grant_pages(
        editors, _home_of(settings.LANGUAGE_CODE), ["add", "change", "publish", "lock", "unlock"]
    )
    _grant_images(editors, ["add", "change", "choose"])
    groups[EDITORS] = editors

    for language in translation_languages():
        home = _home_of(language)
        translators, _ = Group.objects.get_or_create(name=translator_group_name(language))
        # Model-wide snippet "change" is needed by wagtail-localize's snippet string views;
        # the locale check is the portal's (guards.snippet_locale_allowed).
        _set_global(translators, [access_admin, *_snippet_perms(["change"])])
        _grant_pages(translators, home, ["change"])
        _grant_images(translators, ["choose"])
        groups[translators.name] = translators

        reviewers, _ = Group.objects.get_or_create(name=reviewer_group_name(language))
        _set_global(reviewers, [access_admin, *_snippet_perms(["change", "publish"])])
        _grant_pages(reviewers, home, ["change", "publish"])
        _grant_images(reviewers, ["choose"])
        groups[reviewers.name] = reviewers

    strip_default_groups()
    return groups


def _translation_roles(names: set[str]) -> tuple[set[str], set[str]]:
    """(languages translated, languages reviewed) by someone in the groups ``names``."""
    languages = translation_languages()
    translates = {code for code in languages if translator_group_name(code) in names}
    reviews = {code for code in languages if reviewer_group_name(code) in names}
    return translates, reviews


def languages_translated_by(user) -> set[str]:
    """The languages ``user`` translates into ("Übersetzung XX"); administrators all of them.
    What a translator may exchange as XLIFF (``home.translation.xliff``)."""
    if user.is_superuser:
        return set(translation_languages())
    return roles_by_language(user)[0]


def roles_by_language(user) -> tuple[set[str], set[str]]:
    """(languages the user translates, languages the user reviews). One query."""
    return _translation_roles(set(user.groups.values_list("name", flat=True)))


def languages_of(user) -> set[str]:
    """The languages whose content ``user`` may edit, from the roles they hold."""
    if user.is_superuser:
        return {code for code, _name in settings.LANGUAGES}
    names = set(user.groups.values_list("name", flat=True))
    translates, reviews = _translation_roles(names)
    languages = translates | reviews
    if EDITORS in names:
        languages.add(settings.LANGUAGE_CODE)
    return languages


def may_delete(user) -> bool:
    """Only Redaktion and administrators delete pages and snippets. Wagtail lets anyone with
    "change" delete unpublished pages, which would let a translator delete a translation
    (and its work) with the primary button of wagtail-localize's editor."""
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


__all__ = [
    "languages_of",
    "may_delete",
    "roles_by_language",
    "setup_roles",
    "strip_default_groups",
]
