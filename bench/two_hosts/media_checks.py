"""Media across hosts: what one host stores, the other shows, and nginx serves.

- An image uploaded through host A's admin (its real form, CSRF included) is shown with its
  renditions on a page that host B renders, and every rendition answers through nginx.
- A film transcoded by host A's worker (host B's worker stopped meanwhile) is on host B's
  film page, and its MP4 answers a Range request through nginx with the stored bytes.
- With the object store unreachable, the hosts still render pages (with the cache emptied,
  so nothing is answered from before).
"""

import re
import secrets
import time

import requests

from bench.two_hosts.common import HOST_A, HOST_B, MEDIA_MODE, NGINX, Failed, get, in_host, step
from bench.two_hosts.in_host import png

EDITOR = ("editor", "two-hosts-editor")  # made by bench/two-hosts.sh (createsuperuser)
MEDIA_URL = re.compile(r"""(?:https?://[^/"'\s]+)?(/media/[^"'\s,]+)""")


class Admin:
    """A logged-in editor on one host. Cookies are kept by hand: production cookies are
    ``Secure`` and requests would not send them back over plain HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def _keep(self, response):
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, path):
        return self._keep(get(self.base + path, cookies=self.cookies, allow_redirects=False))

    def csrf_token(self, path) -> str:
        page = self.get(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    def post(self, path, data, files=None):
        token = self.csrf_token(path)
        headers = {"Origin": self.base, "Referer": self.base + path}
        response = requests.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **data},
            files=files,
            cookies=self.cookies,
            headers=headers,
            allow_redirects=False,
            timeout=60,
        )
        return self._keep(response)

    def log_in(self):
        user, password = EDITOR
        response = self.post("/admin/login/", {"username": user, "password": password})
        if response.status_code != 302:
            raise Failed(f"login on host A answered {response.status_code}")


def image_across_hosts() -> str:
    from home.images.models import CustomImage

    admin = Admin(HOST_A)
    admin.log_in()
    title = f"two-hosts {secrets.token_hex(4)}"
    form = admin.get("/admin/images/add/").text
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form).group(1)
    upload = admin.post(
        "/admin/images/add/",
        {
            "title": title,
            "description": "Ein Verlauf",
            "credit": "two-hosts",
            "collection": collection,
        },
        files={"file": (f"{title.replace(' ', '-')}.png", png(1600, 900), "image/png")},
    )
    if upload.status_code != 302:
        raise Failed(f"the admin's image form on host A answered {upload.status_code}")
    image = CustomImage.objects.get(title=title)
    stem = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    made = in_host("a", "image-page", str(image.pk), stdout=-1)
    path = made.communicate(timeout=60)[0].strip()
    page = get(HOST_B + path)
    if page.status_code != 200:
        raise Failed(f"host B answered {page.status_code} for {path}")
    urls = sorted({url for url in MEDIA_URL.findall(page.text) if stem in url})
    renditions = [url for url in urls if not url.startswith("/media/original_images/")]
    if not renditions:
        raise Failed(f"host B's page {path} shows no rendition of image {image.pk}")
    answers = {url: get(NGINX + url) for url in renditions}
    bad = [f"{url} {r.status_code}" for url, r in answers.items() if r.status_code != 200]
    if bad or not all(r.headers["Content-Type"].startswith("image/") for r in answers.values()):
        raise Failed(f"renditions through nginx: {', '.join(bad) or 'not images'}")
    formats = sorted({url.rsplit(".", 1)[-1] for url in renditions})
    return (
        f"uploaded via A's admin (image {image.pk}), page {path} rendered by B shows "
        f"{len(renditions)} renditions ({'/'.join(formats)}), all 200 through nginx"
    )


def film_across_hosts() -> str:
    from django.core.files.storage import default_storage
    from django_tasks_db.models import DBTaskResult

    from campaign.models import FilmPage
    from home.films.encoding import FilmEncoding
    from home.films.pipeline import transcode_again
    from home.films.tasks import ENCODED_PREFIX

    film_page = FilmPage.objects.live().filter(locale__language_code="de").order_by("path").first()
    before = get(HOST_B + film_page.url).text
    old_mp4 = re.search(r'<source src="(/media/[^"]+\.mp4)"', before).group(1)
    # The worker stores an encoding's outputs under films/encoded/<encoding id>/<attempt>/.
    encoding_id = int(old_mp4.removeprefix(f"/media/{ENCODED_PREFIX}/").split("/")[0])
    encoding = FilmEncoding.objects.get(pk=encoding_id)

    step("stop-worker-b")  # only host A's worker may take the task
    try:
        started = time.monotonic()
        if not transcode_again(encoding):
            raise Failed(f"encoding {encoding.pk} could not be queued ({encoding.status})")
        while True:
            encoding.refresh_from_db()
            if encoding.status in (FilmEncoding.Status.READY, FilmEncoding.Status.FAILED):
                break
            if time.monotonic() - started > 120:
                raise Failed(f"film not transcoded after 120 s ({encoding.status})")
            time.sleep(0.2)
        seconds = time.monotonic() - started
    finally:
        step("start-worker-b")
    if encoding.status != FilmEncoding.Status.READY:
        raise Failed(f"transcoding failed: {encoding.error}")
    task = (
        DBTaskResult.objects.filter(task_path="home.films.tasks.transcode_film")
        .filter(args_kwargs__args=[encoding.pk])
        .order_by("-enqueued_at")
        .first()
    )
    if task.worker_ids != ["host-a"]:
        raise Failed(f"the transcode ran on {task.worker_ids}, not host-a")

    # The worker marks the film ready, deletes the previous outputs, and only then empties
    # the caches (home/films/tasks.py): B may show the old MP4 for that long.
    ready = time.monotonic()
    while True:
        page = get(HOST_B + film_page.url).text
        mp4 = re.search(r'<source src="(/media/[^"]+\.mp4)"', page).group(1)
        if mp4 != old_mp4:
            break
        if time.monotonic() - ready > 10:
            raise Failed(f"host B still shows the old MP4 {mp4} 10 s after the film was ready")
        time.sleep(0.1)
    lag = time.monotonic() - ready
    stored = default_storage.open(mp4.removeprefix("/media/")).read()
    first, last = len(stored) // 3, len(stored) // 3 + 65535
    answer = get(NGINX + mp4, headers={"Range": f"bytes={first}-{last}"})
    if answer.status_code != 206 or answer.content != stored[first : last + 1]:
        raise Failed(f"Range through nginx: {answer.status_code}, {len(answer.content)} bytes")
    return (
        f"transcoded by host-a's worker in {seconds:.1f} s; B's film page has the new MP4 "
        f"{lag:.1f} s after, "
        f"Range {first}-{last} through nginx: 206, {len(answer.content)} bytes = stored "
        f"({answer.headers['Content-Range']})"
    )


def store_unreachable() -> str:
    from bench.two_hosts.common import mix_urls
    from portal.caching.generation import invalidate

    step("stop-store")
    invalidate()  # nothing may come from a cache filled while the store was up
    paths = [*mix_urls().values(), "/en/", "/de/aktuelles/"]
    answers = {path: get(HOST_B + path) for path in paths}
    bad = [f"{path} {r.status_code}" for path, r in answers.items() if r.status_code != 200]
    if bad:
        raise Failed(f"with the store down host B answered {', '.join(bad)}")
    slowest = max(r.elapsed.total_seconds() for r in answers.values())
    where = (
        "media on the object store"
        if MEDIA_MODE == "s3"
        else "media on disk: the store is not in a page's path yet"
    )
    return (
        f"moto stopped, cache emptied: {len(paths)} pages 200 from host B, "
        f"slowest {slowest * 1000:.0f} ms ({where})"
    )
