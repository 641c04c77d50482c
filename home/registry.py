"""Extension points through which ``news``, ``campaign`` and ``feedback`` plug into ``home``.

``home`` must never import those apps (dependencies point one way), yet the demo command and
the home page need their contributions. Each app registers them in its ``AppConfig.ready``.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[[Callable[[str], None]], None]
    order: int


@dataclass(frozen=True)
class HomeTeaser:
    """A teaser area of the home page: ``items(request, home_page)`` returns what it shows (a
    dict, or None to leave the area out). An ``"images"`` entry lists the images its cards
    show: the home page fetches the card renditions of all teasers in one query."""

    name: str
    template: str
    items: Callable
    order: int


@dataclass(frozen=True)
class LinkTarget:
    label: str
    url: str


@dataclass(frozen=True)
class LegalLink:
    """A link beside the legal pages that is not a page (the "report a barrier" form):
    ``target(request)`` returns a ``LinkTarget`` in the active language, or None. Shown in
    the footer of every page, and under the accessibility statement when ``on_statement``."""

    name: str
    target: Callable
    order: int
    on_statement: bool


_demo_loaders: dict[str, DemoLoader] = {}
_home_teasers: dict[str, HomeTeaser] = {}
_legal_links: dict[str, LegalLink] = {}


def register_demo_loader(name: str, load: Callable, order: int = 100) -> None:
    """``load(log)`` must be idempotent: a second run creates and changes nothing."""
    _demo_loaders[name] = DemoLoader(name, load, order)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values(), key=lambda loader: (loader.order, loader.name))


def register_home_teaser(name: str, template: str, items: Callable, order: int = 100) -> None:
    _home_teasers[name] = HomeTeaser(name, template, items, order)


def home_teasers() -> list[HomeTeaser]:
    return sorted(_home_teasers.values(), key=lambda teaser: (teaser.order, teaser.name))


def register_legal_link(
    name: str, target: Callable, order: int = 100, on_statement: bool = False
) -> None:
    _legal_links[name] = LegalLink(name, target, order, on_statement)


def legal_links() -> list[LegalLink]:
    return sorted(_legal_links.values(), key=lambda link: (link.order, link.name))
