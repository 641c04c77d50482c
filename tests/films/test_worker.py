"""The film pipeline with a real worker process: ``manage.py db_worker`` on the database queue.

Each test works on a file copy of the session's demo database, with the database task
backend (PORTAL_TASKS=database): an upload through the admin enqueues a task, and a separate
worker process does it. Marked ``nodb`` (own database files), so CI runs it once, in the
SQLite pass.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

from tests import film_files

pytestmark = pytest.mark.nodb

UPLOAD = """
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from home.models import FilmEncoding
from tests.home.test_film_admin import film_form, vtt

client = Client()
editor, _ = get_user_model().objects.get_or_create(
    username="worker-test", defaults=dict(is_superuser=True, is_staff=True)
)
client.force_login(editor)
master = SimpleUploadedFile("worker-test.mp4", open({path!r}, "rb").read(), "video/mp4")
data = film_form(sources=[{{"file": master}}], tracks=[{{"file": vtt()}}], title={title!r})
response = client.post("/admin/snippets/home/film/add/?locale=de", data)
assert response.status_code == 302, response.content.decode()[-2000:]
"""
STATE = """
import json
from django_tasks_db.models import DBTaskResult
from home.models import Film, FilmEncoding
from django.core.files.storage import default_storage
rows = [
    dict(master=e.master, status=e.status, progress=e.progress, error=e.error,
         renditions=e.rendition_names, hls=e.hls_master,
         hls_exists=bool(e.hls_master) and default_storage.exists(e.hls_master))
    for e in FilmEncoding.objects.filter(master__contains="worker-test").order_by("pk")
]
tasks = sorted(r.status for r in DBTaskResult.objects.filter(task_path__endswith="transcode_film"))
films = {f.title: f.live for f in Film.objects.filter(title__startswith="Worker")}
print(json.dumps(dict(encodings=rows, tasks=tasks, films=films)))
"""


@pytest.fixture
def env(demo_database, tmp_path):
    database = tmp_path / "site.sqlite3"
    database.write_bytes(demo_database.read_bytes())
    media = tmp_path / "media"
    media.mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "TEST_MEDIA_ROOT": str(media),
        "PORTAL_TASKS": "database",
        "PORTAL_FILM_STALLED_SECONDS": "3",
        "PORTAL_PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
    }


def manage(env, *args, timeout=300, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


def shell(env, code):
    result = manage(env, "shell", "-c", code, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def state(env):
    import json

    return json.loads(shell(env, STATE).strip().splitlines()[-1])


def upload(env, tmp_path, content, title="Worker-Film"):
    path = tmp_path / f"{title}.mp4"
    path.write_bytes(content)
    shell(env, UPLOAD.format(path=str(path), title=title))


def running(pid: str) -> bool:
    """Alive and not a zombie (an orphan's zombie stays until init reaps it)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:\tZ") for line in status)
    except FileNotFoundError:
        return False


def worker(env, *extra):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", *extra],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def test_an_upload_is_transcoded_by_a_real_worker_and_then_published(env, tmp_path):
    upload(env, tmp_path, film_files.mp4_h264_aac())
    before = state(env)
    assert [e["status"] for e in before["encodings"]] == ["queued"]
    assert before["tasks"] == ["READY"], "the upload enqueued one task"
    assert before["films"] == {"Worker-Film": False}, "published once the video is ready"

    result = manage(env, "db_worker", "--batch", "--interval", "0.2")

    after = state(env)
    assert [e["status"] for e in after["encodings"]] == ["ready"], result.stdout[-2000:]
    assert after["encodings"][0]["hls_exists"]
    assert after["tasks"] == ["SUCCESSFUL"]
    assert after["films"] == {"Worker-Film": True}


def test_two_workers_on_the_same_master_make_one_result(env, tmp_path):
    upload(env, tmp_path, film_files.mp4_h264_aac())
    # A second task for the same master, as two saves at once would enqueue.
    shell(
        env,
        "from home.films.tasks import transcode_film\n"
        "from home.models import FilmEncoding\n"
        'transcode_film.enqueue(FilmEncoding.objects.get(master__contains="worker-test").pk)\n',
    )
    workers = [worker(env, "--batch"), worker(env, "--batch")]
    for process in workers:
        process.wait(timeout=300)

    after = state(env)
    assert [e["status"] for e in after["encodings"]] == ["ready"]
    assert after["tasks"] == ["SUCCESSFUL", "SUCCESSFUL"]
    folders = list((tmp_path / "media" / "films" / "encoded").iterdir())
    assert len(folders) == 1 and len(list(folders[0].iterdir())) == 1, "one output folder"


def test_a_worker_killed_mid_transcode_leaves_the_film_to_be_resumed(env, tmp_path):
    upload(env, tmp_path, film_files.long_1080p())
    process = worker(env)
    deadline = time.monotonic() + 120
    while True:
        rows = state(env)["encodings"]
        if rows and rows[0]["status"] == "processing" and rows[0]["progress"] > 0:
            break
        assert time.monotonic() < deadline, "the worker never started transcoding"
        time.sleep(0.5)
    ffmpeg = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    assert ffmpeg, "the worker runs ffmpeg"
    process.kill()  # the worker alone, as the kernel's out-of-memory killer would
    process.wait()
    time.sleep(1)
    alive = [pid for pid in ffmpeg if running(pid)]
    assert alive == [], "ffmpeg dies with its worker instead of transcoding on as an orphan"
    assert state(env)["encodings"][0]["status"] == "processing"

    time.sleep(3.5)  # PORTAL_FILM_STALLED_SECONDS
    manage(env, "resume_films")
    assert state(env)["encodings"][0]["status"] == "queued"
    manage(env, "db_worker", "--batch", "--interval", "0.2", timeout=600)

    after = state(env)
    assert [e["status"] for e in after["encodings"]] == ["ready"]
    assert after["films"] == {"Worker-Film": True}
