"""A film processed again keeps its old outputs for a while: a page cached by nginx or a
CDN, a browser's copy, or a visitor in the middle of the film still asks for them (with
two app hosts and a bucket, the old files went before the caches knew, bench/two-hosts.sh)."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.films.tasks import retire_outputs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def old_outputs() -> list[str]:
    return [
        default_storage.save(f"films/encoded/7/old/{name}", ContentFile(b"x"))
        for name in ("master.m3u8", "film.mp4")
    ]


def test_the_worker_deletes_old_outputs_an_hour_later(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    names = old_outputs()
    retire_outputs("films/encoded/7/old")
    assert all(default_storage.exists(name) for name in names), "still there for now"
    job = DBTaskResult.objects.get(task_path="home.films.tasks.delete_outputs")
    expected = timezone.now() + timedelta(seconds=settings.PORTAL_FILM_OLD_OUTPUT_SECONDS)
    assert abs(job.run_after - expected) < timedelta(seconds=30)
    assert job.args_kwargs["args"] == ["films/encoded/7/old"]


def test_without_a_deferring_queue_they_go_at_once():
    names = old_outputs()
    retire_outputs("films/encoded/7/old")
    assert not any(default_storage.exists(name) for name in names)
