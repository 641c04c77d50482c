"""Image factories: the portal's image model with credit and default alt text."""

import factory
import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    """A 1600 × 900 image: large enough for a hero (the publishing rules ask for it)."""

    title = factory.Sequence(lambda n: f"Testbild {n}")
    description = "Ein Testbild"
    credit = "Foto: Test"
    file = factory.django.ImageField(width=1600, height=900, color="green")


class PosterFactory(ImageFactory):
    """A small 16:9 still, as film posters and cards use."""

    title = factory.Sequence(lambda n: f"Poster {n}")
    description = factory.Sequence(lambda n: f"Poster {n}")
    file = factory.django.ImageField(width=320, height=180, color="blue")
