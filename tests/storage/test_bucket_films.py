"""The film pipeline with media in a bucket: the worker fetches the master through the
storage API, writes the HLS ladder, the MP4 and the stills back as objects, and the player
links them on the site's own origin; a new version replaces the old objects."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from home.films.encoding import FilmEncoding
from home.films.pipeline import queue_masters
from home.films.tasks import delete_folder, run
from home.models import CustomImage
from tests import film_files

pytestmark = pytest.mark.django_db


def test_a_master_in_the_bucket_becomes_a_ladder_in_the_bucket(bucket, object_store, client):
    master = default_storage.save("films/master.mp4", ContentFile(film_files.mp4_h264_aac()))
    queue_masters([master])
    encoding = FilmEncoding.objects.get(master=master)

    assert run(encoding.pk) == FilmEncoding.Status.READY

    encoding.refresh_from_db()
    keys = set(object_store.keys(bucket))
    assert {encoding.hls_master, encoding.mp4} <= keys
    assert {r["playlist"] for r in encoding.renditions} <= keys
    assert any(key.endswith(".m4s") for key in keys), "HLS segments are objects too"
    stills = CustomImage.objects.filter(pk__in=encoding.posters)
    assert stills.count() == 3
    assert {still.file.name for still in stills} <= keys

    # The site serves it from the bucket with ranges (nginx does the same in production).
    size = default_storage.size(encoding.mp4)
    response = client.get(default_storage.url(encoding.mp4), HTTP_RANGE="bytes=0-7")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-7/{size}"
    assert b"".join(response.streaming_content)[4:8] == b"ftyp"

    folder = encoding.mp4.rsplit("/", 1)[0]
    delete_folder(folder)
    assert not [key for key in object_store.keys(bucket) if key.startswith(folder + "/")]
