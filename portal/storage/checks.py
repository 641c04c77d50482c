"""Find a wrong bucket name or wrong credentials when the site starts, not at the first
upload: ``manage.py migrate`` and ``check`` run this, and ``portal/wsgi.py`` runs it before
gunicorn serves (production), so a misconfigured store stops the start with a sentence
that names the setting to fix."""

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.checks import Error, register
from django.core.files.storage import default_storage

TAG = "portal_storage"


def _describe(error: Exception) -> tuple[str, str]:
    bucket = settings.PORTAL_S3_BUCKET
    endpoint = settings.PORTAL_S3_ENDPOINT_URL or "AWS S3"
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        code = error.response.get("Error", {}).get("Code", "")
        if status == 404 or code in {"404", "NoSuchBucket"}:
            return (
                f"The media bucket {bucket!r} does not exist at {endpoint}.",
                "Check PORTAL_S3_BUCKET (and PORTAL_S3_ENDPOINT_URL), or create the bucket.",
            )
        if status in {401, 403} or code in {"InvalidAccessKeyId", "SignatureDoesNotMatch"}:
            return (
                f"The object store at {endpoint} refused the credentials for bucket "
                f"{bucket!r} ({code or status}).",
                "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and that this key may "
                "read and write the bucket.",
            )
        return (f"The media bucket {bucket!r} at {endpoint} answered {code or status}.", "")
    return (
        f"The object store at {endpoint} cannot be reached: {error}",
        "Check PORTAL_S3_ENDPOINT_URL and that the store is running.",
    )


def bucket_problem() -> Exception | None:
    """What keeps the media bucket from being used now, or ``None`` (one HEAD request)."""
    try:
        default_storage.connection.meta.client.head_bucket(Bucket=settings.PORTAL_S3_BUCKET)
    except (BotoCoreError, ClientError) as error:
        return error
    return None


@register(TAG)
def check_media_bucket(app_configs=None, **kwargs):
    if not settings.PORTAL_S3_BUCKET:
        return []
    error = bucket_problem()
    if error is None:
        return []
    message, hint = _describe(error)
    return [Error(message, hint=hint or None, id="portal.E101")]
