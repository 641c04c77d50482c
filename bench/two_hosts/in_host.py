"""What an editor does on one app host, run inside its namespace by the checks
(``ip netns exec lzp-a python -m bench.two_hosts.in_host …``): the writes then come from
that host's processes, with its connections to the database and to Redis.

    publish MARKER      once a line comes on stdin (Django has started by then), put
                        MARKER into the German home page's headline and publish it
    image-page ID       publish a new page whose hero is image ID; print its path
    writer              until killed: every 0.2 s a new draft page (page + revision) and a
                        new image (a stored file); after each commit print what was saved

Every line is printed after its transaction committed: what the writer printed is what
must survive host A being killed.
"""

import io
import secrets
import sys
import time

import django


def home_page():
    from home.pages.models import HomePage

    return HomePage.objects.get(locale__language_code="de", depth=2)


def publish_marker(marker: str) -> float:
    """Publish the German home with ``marker`` in its headline; the time it was committed."""
    home = home_page()
    home.headline = f"{home.headline.split(' [')[0]} [{marker}]"
    home.save_revision().publish()
    return time.time()


def png(width: int, height: int) -> bytes:
    from PIL import Image

    image = Image.radial_gradient("L").resize((width, height)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def new_image(title: str, width: int = 1600, height: int = 900):
    from django.core.files.images import ImageFile

    from home.images.models import CustomImage

    name = f"two-hosts-{secrets.token_hex(4)}.png"
    image = CustomImage(title=title, description=title, credit="two-hosts")
    image.file = ImageFile(io.BytesIO(png(width, height)), name=name)
    image.save()
    return image


def image_page(image_id: int) -> str:
    from home.images.models import CustomImage
    from home.pages.models import StandardPage

    token = secrets.token_hex(3)
    page = StandardPage(
        title=f"Zwei Hosts {token}",
        slug=f"zwei-hosts-{token}",
        intro="Ein Bild, hochgeladen über Host A.",
        hero_image=CustomImage.objects.get(pk=image_id),
        hero_alt="Ein Verlauf",
    )
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page.url


def writer() -> None:
    from home.pages.models import StandardPage

    number = 0
    while True:
        number += 1
        token = secrets.token_hex(3)
        page = StandardPage(title=f"Entwurf {token}", slug=f"entwurf-{token}", live=False)
        home_page().add_child(instance=page)  # a fresh parent: treebeard counts its children
        revision = page.save_revision()
        image = new_image(f"writer {number}", 64, 48)
        print(f"saved page {page.pk} revision {revision.pk} image {image.pk} {image.file.name}")
        sys.stdout.flush()
        time.sleep(0.2)


def main(argv: list[str]) -> None:
    django.setup()
    command = argv[0]
    if command == "publish":
        print("ready", flush=True)
        sys.stdin.readline()
        print(f"published {publish_marker(argv[1])}", flush=True)
    elif command == "image-page":
        print(image_page(int(argv[1])), flush=True)
    elif command == "writer":
        writer()
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
