"""The campaign demo film's title cards (its master is made by ``home.demo.film_master``)."""

from pathlib import Path

from home.demo.film_master import encode_title_card_film, title_card_captions

# German only (the English version differs in its captions, not in its pictures), each over
# a share of the film: the captions in campaign/demo/texts.py follow the same shares.
CARDS = [(0.0, 0.3, "Die Lausitz."), (0.3, 0.62, "Krasse Gegend."), (0.62, 1.0, "Hier wächst was.")]


def demo_captions(cues: list[str]) -> str:
    return title_card_captions(CARDS, cues)


def encode_demo_film(log) -> Path:
    return encode_title_card_film(CARDS, "krasse-gegend.mp4", log)
