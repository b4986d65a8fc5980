"""The font placeholder posters are drawn with (importable without Django)."""

from pathlib import Path

# DejaVu Sans Condensed Bold (licence in LICENSE.txt): Latin with accents,
# Greek and Cyrillic. Pillow's default font lacks "é" and Cyrillic.
PLACEHOLDER_FONT = Path(__file__).resolve().parent / "DejaVuSansCondensed-Bold.ttf"
