"""Media on S3-compatible object storage (django-storages), as the site needs it.

Three things differ from django-storages' defaults, each for a reason:

* ``url()`` is ``/media/<key>`` on the site's own origin, not the bucket's address: nginx
  proxies ``/media/`` to the store (with caching and Range), so pages never send a visitor
  to another host, and no URL in a cached page expires.
* Names never overwrite: two uploads called ``foto.jpg`` get two objects, as on disk
  (django-storages overwrites by default).
* Documents are private objects, every other upload is readable by key
  (``PORTAL_S3_OBJECT_ACL``, default ``public-read``; ``none`` when a bucket policy grants
  the reads instead, see docs/deploying.md). Documents are fetched by nginx with a signed
  URL that lives a minute (documents.py). Nobody, public or not, gets a bucket listing.

Timeouts are short: an unreachable store costs a page a few seconds at most, never a
worker's whole timeout (see errors.py for what the editor then sees).
"""

import functools
from urllib.parse import urljoin

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from portal.storage.content_types import content_type_for
from portal.storage.errors import StoreUnavailable

PRIVATE_PREFIXES = ("documents/",)
SIGNED_URL_SECONDS = 60


def client_config() -> Config:
    return Config(
        connect_timeout=settings.PORTAL_S3_CONNECT_TIMEOUT,
        read_timeout=settings.PORTAL_S3_READ_TIMEOUT,
        retries={"max_attempts": 2, "mode": "standard"},
        signature_version="s3v4",
        s3={"addressing_style": "path" if settings.PORTAL_S3_ENDPOINT_URL else "auto"},
    )


def _store_errors_as_os_errors(method):
    """botocore's errors become ``StoreUnavailable``, an ``OSError``: callers that already
    cope with a missing or unreadable file (Wagtail's "image not found" rendition, the
    film's download size) then cope with an unreachable store too."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            raise StoreUnavailable(str(error)) from error

    return wrapper


class MediaStorage(S3Storage):
    """The default storage when ``PORTAL_S3_BUCKET`` is set (portal/settings/base.py)."""

    file_overwrite = False
    querystring_auth = True

    def __init__(self, **options):
        options.setdefault("client_config", client_config())
        super().__init__(**options)

    _open = _store_errors_as_os_errors(S3Storage._open)
    _save = _store_errors_as_os_errors(S3Storage._save)
    delete = _store_errors_as_os_errors(S3Storage.delete)
    exists = _store_errors_as_os_errors(S3Storage.exists)
    listdir = _store_errors_as_os_errors(S3Storage.listdir)
    size = _store_errors_as_os_errors(S3Storage.size)
    get_modified_time = _store_errors_as_os_errors(S3Storage.get_modified_time)

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def signed_url(self, name: str, seconds: int = SIGNED_URL_SECONDS, **response) -> str:
        """The store's own URL of ``name``, signed for ``seconds``: for nginx only.
        ``response`` overrides headers of the store's answer (``ResponseContentType``,
        ``ResponseContentDisposition``), which S3 then sends as if stored with the object."""
        return super().url(name, parameters=response, expire=seconds)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        params.setdefault("ContentType", content_type_for(name))
        acl = settings.PORTAL_S3_OBJECT_ACL
        if name.startswith(PRIVATE_PREFIXES):
            params.pop("ACL", None)
        elif acl and acl != "none":
            params.setdefault("ACL", acl)
        return params

    def put_exact(self, name: str, content) -> None:
        """Store ``content`` under exactly ``name``, replacing what is there (restore)."""
        self._save(name, content)

    @_store_errors_as_os_errors
    def head(self, name: str) -> dict:
        """The object's metadata (``ContentLength``, ``LastModified``, ``ETag``); a missing
        key is a ``FileNotFoundError``, as on disk."""
        key = self._normalize_name(clean_name(name))
        try:
            return self.connection.meta.client.head_object(Bucket=self.bucket_name, Key=key)
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                raise FileNotFoundError(name) from error
            raise

    @_store_errors_as_os_errors
    def chunks(self, name: str, start: int | None = None, length: int | None = None, size=65536):
        """The object's bytes, or ``length`` of them from ``start``, fetched with one ranged
        GET and handed on in chunks (a seek in a film never fetches the whole film)."""
        extra = {} if start is None else {"Range": f"bytes={start}-{start + length - 1}"}
        key = self._normalize_name(clean_name(name))
        answer = self.connection.meta.client.get_object(Bucket=self.bucket_name, Key=key, **extra)
        return answer["Body"].iter_chunks(size)

    def iter_names(self):
        """Every key in the bucket, page by page (never the whole list in memory)."""
        paginator = self.connection.meta.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket_name):
            for entry in page.get("Contents", ()):
                yield entry["Key"]
