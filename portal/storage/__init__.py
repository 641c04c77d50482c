"""Where uploaded media live: the local disk (the embedded default) or an S3-compatible
object store (``PORTAL_S3_BUCKET``), so that several app servers share one set of files.

Whatever the store, visitors fetch media from the site's own origin (``/media/…``): nginx
serves them from disk or proxies them to the store (deploy/nginx/portal.conf), so no
visitor's browser talks to a third-party host. Modules:

  s3.py         the S3 storage: site-relative URLs, private documents, short timeouts
  checks.py     a system check that finds a wrong bucket or credentials at start-up
  documents.py  private documents from the store through nginx (X-Accel-Redirect to a
                short-lived signed URL), after Wagtail's privacy checks
  errors.py     an unreachable store during an upload: a clear message, nothing saved
  files.py      the same few operations for both stores (backup, restore, serving)
"""
