"""Extension points through which ``news`` and ``campaign`` plug into ``home``.

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


_demo_loaders: dict[str, DemoLoader] = {}
_home_teasers: dict[str, HomeTeaser] = {}


def register_demo_loader(name: str, load: Callable, order: int = 100) -> None:
    """``load(log)`` must be idempotent: a second run creates and changes nothing."""
    _demo_loaders[name] = DemoLoader(name, load, order)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values(), key=lambda loader: (loader.order, loader.name))


def register_home_teaser(name: str, template: str, items: Callable, order: int = 100) -> None:
    _home_teasers[name] = HomeTeaser(name, template, items, order)


def home_teasers() -> list[HomeTeaser]:
    return sorted(_home_teasers.values(), key=lambda teaser: (teaser.order, teaser.name))
