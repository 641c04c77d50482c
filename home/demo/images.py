"""Photo-like demo images drawn locally with Pillow (nothing is downloaded).

Landscapes of layered hills, water, wind turbines and grain, with noise and blur, so that
file sizes and page-weight figures resemble real photographs rather than flat gradients.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter

from home.images.models import CustomImage
from home.images.renditions import pregenerate_renditions

WIDTH, HEIGHT = 1920, 1200


def _lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _sky(draw, top, bottom, horizon):
    for y in range(horizon):
        draw.line([(0, y), (WIDTH, y)], fill=_lerp(top, bottom, y / max(horizon, 1)))


def _ridge(rng, base_y, roughness):
    points, y = [], base_y
    for x in range(0, WIDTH + 40, 40):
        y += rng.uniform(-roughness, roughness)
        y = min(max(y, base_y - 3 * roughness), base_y + 3 * roughness)
        points.append((x, y))
    return points + [(WIDTH, HEIGHT), (0, HEIGHT)]


def _turbine(draw, rng, x, ground, height):
    top = ground - height
    draw.line([(x, ground), (x, top)], fill=(236, 238, 240), width=max(3, height // 60))
    angle = rng.uniform(0, 2 * math.pi)
    for k in range(3):
        a = angle + k * 2 * math.pi / 3
        end = (x + math.cos(a) * height * 0.45, top + math.sin(a) * height * 0.45)
        draw.line([(x, top), end], fill=(245, 246, 248), width=max(2, height // 90))
    draw.ellipse([x - 5, top - 5, x + 5, top + 5], fill=(250, 250, 250))


def draw_landscape(seed: int, palette: dict) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = int(HEIGHT * rng.uniform(0.42, 0.55))
    _sky(draw, palette["sky_top"], palette["sky_bottom"], horizon + 200)
    for _ in range(rng.randint(6, 12)):  # clouds
        cx, cy = rng.randint(0, WIDTH), rng.randint(20, horizon - 80)
        for _ in range(8):
            r = rng.randint(30, 90)
            dx, dy = rng.randint(-120, 120), rng.randint(-25, 25)
            draw.ellipse(
                [cx + dx - r, cy + dy - r // 2, cx + dx + r, cy + dy + r // 2],
                fill=_lerp(palette["sky_bottom"], (255, 255, 255), 0.7),
            )
    layers = palette["hills"]
    for i, colour in enumerate(layers):
        base = horizon + i * (HEIGHT - horizon) // (len(layers) + 1)
        draw.polygon(_ridge(rng, base, 6 + 5 * i), fill=colour)
        if i == 0:
            for _ in range(rng.randint(3, 7)):
                _turbine(draw, rng, rng.randint(40, WIDTH - 40), base + 10, rng.randint(120, 260))
    if palette.get("water"):  # a flooded former open-cast mine
        top = int(HEIGHT * 0.72)
        draw.polygon(
            [(0, top), (WIDTH * 0.6, top - 30), (WIDTH, top + 20), (WIDTH, HEIGHT), (0, HEIGHT)],
            fill=palette["water"],
        )
        for _ in range(400):
            x, y = rng.randint(0, WIDTH), rng.randint(top, HEIGHT)
            draw.line(
                [(x, y), (x + rng.randint(10, 60), y)],
                fill=_lerp(palette["water"], (255, 255, 255), 0.35),
                width=2,
            )
    for _ in range(5000):  # grass, stones, foliage
        x, y = rng.randint(0, WIDTH), rng.randint(horizon, HEIGHT)
        shade = _lerp(layers[-1], (20, 30, 15), rng.random() * 0.6)
        draw.line([(x, y), (x + rng.randint(-3, 3), y - rng.randint(4, 14))], fill=shade)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    noise = Image.effect_noise((WIDTH, HEIGHT), 28).convert("RGB")
    return Image.blend(image, noise, 0.07)


PALETTES = {
    "summer": {
        "sky_top": (70, 130, 200),
        "sky_bottom": (190, 215, 235),
        "hills": [(96, 130, 80), (70, 110, 60), (52, 88, 45)],
        "water": (48, 110, 140),
    },
    "evening": {
        "sky_top": (60, 60, 120),
        "sky_bottom": (240, 170, 110),
        "hills": [(90, 80, 90), (70, 62, 60), (45, 42, 40)],
        "water": (80, 70, 110),
    },
    "autumn": {
        "sky_top": (110, 150, 190),
        "sky_bottom": (220, 225, 230),
        "hills": [(160, 120, 60), (130, 95, 50), (95, 70, 40)],
        "water": None,
    },
}


def get_or_create_demo_image(title: str, seed: int, palette: str, description: str, credit: str):
    """Idempotent: an image with this title is reused, never drawn twice."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing, False
    picture = draw_landscape(seed, PALETTES[palette])
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84, optimize=True, progressive=True)
    filename = f"demo-{seed}.jpg"
    image = CustomImage(title=title, description=description, credit=credit)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    pregenerate_renditions(image)
    return image, True
