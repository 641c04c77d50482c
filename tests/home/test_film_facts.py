"""Film facts come from the uploaded file (issue 21): the admin's film list shows the length
the worker read from the video, and the editor chooses the poster among the stills the
worker took from it, in the film's edit view (radio buttons with the pictures as labels)."""

import re

import pytest
from wagtail.models import Locale

from home.films.encoding import FilmEncoding
from home.models import Film, FilmSource
from tests.factories.images import ImageFactory, PosterFactory
from tests.home.test_film_admin import film_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def film_with_stills(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    film = Film(locale=Locale.objects.get(language_code="de"), live=False, title="Standbild")
    film.description = film.transcript = "x"
    film.poster = PosterFactory()
    film.sources = [FilmSource(language="de", file="films/standbild.mp4")]
    film.save()
    film.save_revision()
    stills = [ImageFactory(title=f"Still {n} of standbild") for n in (1, 2, 3)]
    # Saving the film queued its master; the worker finished it with these stills.
    FilmEncoding.objects.filter(master="films/standbild.mp4").update(
        status="ready", duration=95.4, posters=[s.pk for s in stills]
    )
    return film, stills


def edit_url(film):
    return f"/admin/snippets/home/film/edit/{film.pk}/"


def test_the_edit_view_offers_the_stills_as_labelled_radio_buttons(admin_client, film_with_stills):
    film, stills = film_with_stills
    html = admin_client.get(edit_url(film)).content.decode()
    radios = re.findall(r'<input type="radio" name="poster_still" value="(\d*)"', html)
    assert radios == ["", *(str(s.pk) for s in stills)], "keep the poster, or one of three"
    for still in stills:
        # The picture is inside the radio button's label, named by the still's title.
        radio = rf'<input type="radio" name="poster_still" value="{still.pk}"[^>]*>'
        label = re.search(rf"<label[^>]*>\s*{radio}(.*?)</label>", html, re.S)
        assert label and "<img" in label.group(1) and still.title in label.group(1)
    assert re.search(
        r'role="radiogroup" aria-label="(Poster from the video|Poster aus dem Video)"', html
    )


def test_choosing_a_still_makes_it_the_poster(admin_client, film_with_stills):
    film, stills = film_with_stills
    data = film_form(sources=[{"file": ""}], publish=False, poster=str(film.poster_id))
    source = film.sources.get()
    data.update({"sources-INITIAL_FORMS": "1", "sources-0-id": str(source.pk)})
    data["poster_still"] = str(stills[1].pk)
    response = admin_client.post(edit_url(film), data)
    assert response.status_code == 302
    assert Film.objects.get(pk=film.pk).poster_id == stills[1].pk
    assert film.sources.get().file.name == "films/standbild.mp4", "the master stays"


def test_keeping_the_poster_leaves_the_chosen_image(admin_client, film_with_stills):
    film, _stills = film_with_stills
    poster = film.poster_id
    data = film_form(sources=[{"file": ""}], publish=False, poster=str(poster), poster_still="")
    data.update({"sources-INITIAL_FORMS": "1", "sources-0-id": str(film.sources.get().pk)})
    assert admin_client.post(edit_url(film), data).status_code == 302
    assert Film.objects.get(pk=film.pk).poster_id == poster


def test_a_film_without_stills_shows_no_choice(admin_client):
    html = admin_client.get("/admin/snippets/home/film/add/?locale=de").content.decode()
    assert 'type="radio" name="poster_still"' not in html


def test_the_film_list_shows_the_length_read_from_the_video(admin_client, film_with_stills):
    """The film row was saved before the worker probed the file: its duration field is
    still empty, and the list shows the file's length all the same."""
    film, _stills = film_with_stills
    assert Film.objects.get(pk=film.pk).duration is None
    html = admin_client.get("/admin/snippets/home/film/?q=Standbild").content.decode()
    rows = re.findall(r"<tr[^>]*>(?:(?!</tr>).)*</tr>", html, re.S)
    [row] = [row for row in rows if re.search(r">\s*Standbild\s*<", row)]
    assert re.search(r"<td[^>]*>\s*1:35\s*</td>", row), "95.4 s as minutes:seconds"
