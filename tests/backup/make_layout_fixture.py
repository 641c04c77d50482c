"""Writes ``tests/backup/fixtures/before-layout-move.*``: an archive and its snapshot made by
the code as it was before the architecture move (issue 22), kept to prove that archives made
then still restore.

It was run once in a checkout of commit ``ccc739b`` (the last commit before the move):

    DJANGO_SETTINGS_MODULE=portal.settings.test DATABASE_URL=sqlite:///$W/db.sqlite3 \\
      TEST_MEDIA_ROOT=$W/media python manage.py migrate
    ... python tests/backup/make_layout_fixture.py        (demo content, images drawn small)
    ... python -m tests.backup.snapshot --enrich > before-layout-move.json
    ... python manage.py backup before-layout-move.tar.gz

The demo images are drawn at 160 × 90 px instead of 1600 × 900 so that the archive stays
small; everything else is the demo content of that commit.
"""

import os

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.core.management import call_command

    from home.demo import images

    draw = images.draw_landscape
    images.draw_landscape = lambda seed, palette: draw(seed, palette).resize((160, 90))
    call_command("load_demo_content", verbosity=0)


if __name__ == "__main__":
    main()
