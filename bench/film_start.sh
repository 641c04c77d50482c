#!/usr/bin/env bash
# Films like a video platform, measured: a 60-second 1080p master goes through the worker of
# the production stack (`make prod`), then Chromium plays it on a slow and a fast connection,
# as the progressive 1080p file (the portal before the pipeline) and as the HLS ladder.
#
#   bash bench/film_start.sh                  # starts `make prod` if it is not running
#   SECONDS_LONG=120 RUNS=5 bash bench/film_start.sh
#
# Prints the worker's transcoding time per minute of master, then the table of
# bench/film_start.py (first frame, stalls, renditions). Nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PY="$root/.venv/bin/python"
port=${PROD_PORT:-8080}
base="http://127.0.0.1:${port}"
seconds=${SECONDS_LONG:-60}

if ! curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; then
  bash deploy/prod.sh start
fi
eval "$(bash deploy/prod.sh env)"

master="var/bench/bench-master-${seconds}s.mp4"
if [ ! -s "$master" ]; then
  mkdir -p var/bench
  echo "== making a ${seconds} s 1080p master at about 8 Mbit/s (faststart, as a finished MP4)"
  "$PY" - "$master" "$seconds" <<'EOF'
import subprocess, sys

import imageio_ffmpeg

output, seconds = sys.argv[1], sys.argv[2]
subprocess.run(
    [
        imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"testsrc2=s=1920x1080:r=25:d={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}",
        "-vf", "noise=alls=12:allf=t",  # grain, so the picture costs bits like a real film
        "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M", "-maxrate", "8M",
        "-bufsize", "16M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k",
        "-movflags", "+faststart", output,
    ],
    check=True,
)
EOF
fi

echo "== uploading it as a film and waiting for the worker"
read -r page_url master_url transcode_s duration_s renditions < <("$PY" - "$master" <<'EOF'
import sys
import time

import django

django.setup()
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale

from campaign.models import CampaignPage, FilmPage
from home.films.encoding import FilmEncoding
from home.models import Film, FilmCaptionTrack, FilmSource

path = sys.argv[1]
german = Locale.objects.get(language_code="de")
title = f"Benchmark {timezone.now():%H%M%S}"
with open(path, "rb") as content:
    film = Film(locale=german, live=False, title=title, description="Messfilm.", transcript="-")
    film.sources = [FilmSource(language="de", file=File(content, name="bench-master.mp4"))]
    film.caption_tracks = [
        FilmCaptionTrack(
            language="de",
            file=ContentFile(b"WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nMessfilm\n", name="b.vtt"),
        )
    ]
    film.save()
encoding = FilmEncoding.objects.get(master=film.sources.get().file.name)
started = time.monotonic()
while encoding.status not in ("ready", "failed"):
    time.sleep(1)
    encoding.refresh_from_db()
    print(f"   {encoding.status} {encoding.progress} %", file=sys.stderr)
elapsed = time.monotonic() - started
if encoding.status == "failed":
    sys.exit(f"transcoding failed: {encoding.error}")
film.save_revision().publish()
campaign = CampaignPage.objects.get(locale=german)
page = FilmPage(title=title, slug=f"benchmark-{film.pk}", film=film, locale=german)
campaign.add_child(instance=page)
page.save_revision().publish()
print(page.url, film.sources.get().file.url, f"{elapsed:.1f}", f"{encoding.duration:.1f}",
      ",".join(encoding.rendition_names))
EOF
)
per_minute=$(awk -v t="$transcode_s" -v d="$duration_s" 'BEGIN { printf "%.0f", t * 60 / d }')
factor=$(awk -v t="$transcode_s" -v d="$duration_s" 'BEGIN { printf "%.2f", t / d }')
echo "transcoding: ${transcode_s} s for ${duration_s} s of 1080p master" \
  "= ${per_minute} s per minute (${factor}x real time; target below about 4x); renditions ${renditions}"

PORTAL_BENCH_URL="$base$page_url" PORTAL_BENCH_MASTER="$base$master_url" "$PY" bench/film_start.py
