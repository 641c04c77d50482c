"""A film master is never held in memory: Django writes uploads above
FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, and the upload check reads the video from
that file's path (PyAV opens it there), not through Python."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile

from home.films.validators import validate_video_file
from tests import film_files

pytestmark = pytest.mark.nodb


class CountingFile:
    """The temporary file, counting every byte Python reads from it."""

    def __init__(self, file):
        self._file = file
        self.read_bytes = 0

    def read(self, *args):
        data = self._file.read(*args)
        self.read_bytes += len(data)
        return data

    def __getattr__(self, name):
        return getattr(self._file, name)


def test_large_uploads_go_to_a_temporary_file():
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert "django.core.files.uploadhandler.TemporaryFileUploadHandler" in (
        settings.FILE_UPLOAD_HANDLERS
    )


def test_the_upload_check_reads_the_master_from_its_temporary_file():
    content = film_files.long_1080p()  # 20 s of 1080p, well above the memory limit
    upload = TemporaryUploadedFile("master.mp4", "video/mp4", len(content), None)
    upload.write(content)
    upload.flush()
    upload.seek(0)
    counting = CountingFile(upload.file)
    upload.file = counting
    validate_video_file(upload)
    assert counting.read_bytes == 0, "the video was read by ffmpeg from disk, not by Python"
    upload.close()
