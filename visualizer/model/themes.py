"""Themes: the colours of each look (light, dark, high-contrast), their colour maps, and WCAG contrast. No Qt.

A :class:`Theme` names every colour the window and the exported frames draw
with: background, text, muted text, grid and axes, the highlight, node
outlines, the direction banners, and the colour maps (a sequential one for
activations, a diverging one for δ). The diverging δ map is built here from
two end colours *through the theme's background colour* in CIELAB, so zero
error always looks like "nothing" (white is not zero on a dark background), and
the lightness changes monotonically on each side of zero.

The contrast functions follow WCAG 2.x: :func:`relative_luminance`,
:func:`contrast_ratio` (1 to 21), and :func:`text_contrast`, which measures the
contrast of the text drawn in a region of a rendered image (for tests on the
rendered pixels). AA asks for :data:`AA_TEXT` = 4.5 : 1 for normal text.

The vocabularies (:data:`THEMES`, :data:`DEFAULT_THEME`, :data:`ZOOM_LIMITS`,
:data:`ZOOM_LEVELS`) live in :mod:`visualizer.model.config` and are re-exported
here beside the zoom helpers (:func:`zoom_in`, :func:`zoom_out`, :func:`clamp_zoom`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from visualizer.model.config import DEFAULT_THEME, THEMES, ZOOM_LEVELS, ZOOM_LIMITS  # noqa: F401

#: WCAG 2.x AA minimum contrast for normal text, and for large text / graphics
AA_TEXT = 4.5
AA_LARGE = 3.0
#: entries of every lookup table
LUT_SIZE = 256

# CET-D1 (diverging_bwr_40-95_c42, Kovesi) and CET-D4 (diverging_bkr_55-10_c35, for dark
# backgrounds) end colours, and CET-D1A (diverging_bwr_20-95_c54) for high contrast: the
# first and last rows of the tables pyqtgraph ships (a test reads them and compares).
CET_D1_ENDS = ((0.128, 0.316, 0.858), (0.752, 0.008, 0.022))
CET_D4_ENDS = ((0.097, 0.507, 0.982), (0.902, 0.313, 0.257))
CET_D1A_ENDS = ((0.092, 0.161, 0.447), (0.400, 0.028, 0.009))


def _rgb8(c) -> tuple:
    return tuple(int(round(255 * v)) for v in c)


@dataclass(frozen=True)
class Theme:
    """The colours of one look. Colours are (r, g, b) tuples of ints 0..255 (sRGB).

    Attributes
    ----------
    name : str
        One of :data:`THEMES`.
    background : tuple
        The view's, panels' and exported frames' background.
    foreground : tuple
        Text: labels, captions, axis tick labels and colour-bar labels.
    muted : tuple
        Secondary text (unit indices, notes, hints).
    grid : tuple
        Grid lines, rules and axis lines (not text: no contrast requirement beyond visibility).
    highlight : tuple
        The active layer's outline and lesson highlights.
    highlight_fill : tuple
        (r, g, b, a) band behind the active copy.
    node_outline : tuple
        Outline of a node that carries no δ.
    unrevealed : tuple
        Outline of a node not revealed yet; ``unrevealed_fill`` its fill.
    unrevealed_fill : tuple
    forward, backward : tuple
        Colours of the "forward pass" and "backward (BPTT)" banners and arrows (text).
    warning : tuple
        Warning text (e.g. "showing strongest k of n edges").
    sequential : str
        pyqtgraph colour map name for activations (sequential).
    delta_ends : tuple of two tuples
        (negative end, positive end) of the diverging δ map; its centre is ``background``.
    """

    name: str
    background: tuple
    foreground: tuple
    muted: tuple
    grid: tuple
    highlight: tuple
    highlight_fill: tuple
    node_outline: tuple
    unrevealed: tuple
    unrevealed_fill: tuple
    forward: tuple
    backward: tuple
    warning: tuple
    sequential: str
    delta_ends: tuple

    @property
    def colorbar_text(self) -> tuple:
        """Colour of colour-bar tick labels (the text colour)."""
        return self.foreground

    @property
    def dark(self) -> bool:
        """The background is darker than mid-grey (icons and stylesheets follow)."""
        return relative_luminance(self.background) < 0.18

    def text_colors(self) -> dict:
        """Every colour drawn as text on :attr:`background`, by role (for contrast checks)."""
        return {"foreground": self.foreground, "muted": self.muted,
                "colorbar_text": self.colorbar_text, "forward": self.forward,
                "backward": self.backward, "warning": self.warning}

    def delta_lut(self, n: int = LUT_SIZE) -> np.ndarray:
        """The diverging δ lookup table, centred on this theme's background.

        See :func:`diverging_lut`.

        Returns
        -------
        ndarray of uint8, shape (n, 4)
        """
        return diverging_lut(self.delta_ends[0], self.background, self.delta_ends[1], n)

    def hex(self, role: str) -> str:
        """``"#rrggbb"`` of a colour attribute, for stylesheets and rich text."""
        r, g, b = getattr(self, role)[:3]
        return f"#{r:02x}{g:02x}{b:02x}"


#: the themes by name
THEME = {
    # today's colours (visualizer/qt: unfolded/view.py, panels/foldback.py, colormaps.py), with
    # the backward banner darkened from (205, 90, 0) (4.1 : 1 on white) to (180, 75, 0) (5.3 : 1)
    "light": Theme(
        name="light", background=(255, 255, 255), foreground=(30, 30, 30), muted=(95, 95, 95),
        grid=(210, 210, 210), highlight=(230, 120, 0), highlight_fill=(255, 205, 60, 70),
        node_outline=(60, 60, 60), unrevealed=(170, 170, 170), unrevealed_fill=(236, 236, 236),
        forward=(0, 130, 70), backward=(180, 75, 0), warning=(180, 0, 0),
        sequential="viridis", delta_ends=(_rgb8(CET_D1_ENDS[0]), _rgb8(CET_D1_ENDS[1]))),
    "dark": Theme(
        name="dark", background=(30, 30, 30), foreground=(230, 230, 230), muted=(168, 168, 168),
        grid=(70, 70, 70), highlight=(255, 170, 40), highlight_fill=(255, 200, 60, 55),
        node_outline=(200, 200, 200), unrevealed=(110, 110, 110), unrevealed_fill=(58, 58, 58),
        forward=(80, 210, 140), backward=(255, 150, 60), warning=(255, 110, 100),
        sequential="viridis", delta_ends=(_rgb8(CET_D4_ENDS[0]), _rgb8(CET_D4_ENDS[1]))),
    # projectors wash out mid-tones: black on white, everything at ≥ 7 : 1 (AAA), stronger δ ends
    "high-contrast": Theme(
        name="high-contrast", background=(255, 255, 255), foreground=(0, 0, 0),
        muted=(50, 50, 50), grid=(120, 120, 120), highlight=(200, 70, 0),
        highlight_fill=(255, 200, 0, 90), node_outline=(0, 0, 0), unrevealed=(120, 120, 120),
        unrevealed_fill=(225, 225, 225), forward=(0, 95, 40), backward=(150, 50, 0),
        warning=(160, 0, 0), sequential="cividis",
        delta_ends=(_rgb8(CET_D1A_ENDS[0]), _rgb8(CET_D1A_ENDS[1]))),
}


def theme(name: str) -> Theme:
    """The theme called ``name``.

    Raises
    ------
    ValueError
        For an unknown name (the message lists :data:`THEMES`).
    """
    if name not in THEME:
        raise ValueError(f"unknown theme {name!r}; valid choices: {', '.join(THEMES)}")
    return THEME[name]


# -- colour science ------------------------------------------------------------------------

def _as_rgb01(rgb) -> np.ndarray:
    a = np.asarray(rgb, dtype=np.float64)
    if a.shape[-1] == 4:
        a = a[..., :3]
    if a.shape[-1] != 3:
        raise ValueError(f"a colour has 3 (or 4) components, got shape {a.shape}")
    return a / 255.0


def srgb_to_linear(c) -> np.ndarray:
    """sRGB components in [0, 1] to linear light (IEC 61966-2-1, WCAG's formula).

    Parameters
    ----------
    c : array_like, any shape

    Returns
    -------
    ndarray, same shape
    """
    c = np.asarray(c, dtype=np.float64)
    # WCAG 2.x writes 0.03928; the sRGB standard 0.04045 — no 8-bit value lies between them
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(c) -> np.ndarray:
    """Linear light in [0, 1] to sRGB components in [0, 1] (the inverse of :func:`srgb_to_linear`)."""
    c = np.clip(np.asarray(c, dtype=np.float64), 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def relative_luminance(rgb) -> np.ndarray | float:
    """WCAG relative luminance of sRGB colours.

    Parameters
    ----------
    rgb : array_like, shape (..., 3) or (..., 4)
        Components 0..255 (alpha ignored).

    Returns
    -------
    float or ndarray, shape (...)
        0 (black) .. 1 (white).
    """
    lin = srgb_to_linear(_as_rgb01(rgb))
    y = lin @ np.array([0.2126, 0.7152, 0.0722])
    return float(y) if np.ndim(y) == 0 else y


def contrast_ratio(a, b) -> np.ndarray | float:
    """WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05) of two sRGB colours, L1 the lighter.

    Parameters
    ----------
    a, b : array_like, shape (..., 3) or (..., 4)
        Components 0..255; broadcast against each other.

    Returns
    -------
    float or ndarray
        1 (same luminance) .. 21 (black on white).
    """
    la, lb = np.asarray(relative_luminance(a)), np.asarray(relative_luminance(b))
    r = (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)
    return float(r) if np.ndim(r) == 0 else r


_WHITE = np.array([0.95047, 1.0, 1.08883])    # D65
_M = np.array([[0.4124564, 0.3575761, 0.1804375],
               [0.2126729, 0.7151522, 0.0721750],
               [0.0193339, 0.1191920, 0.9503041]])
_MINV = np.linalg.inv(_M)
_EPS, _KAPPA = 216 / 24389, 24389 / 27


def rgb_to_lab(rgb) -> np.ndarray:
    """CIELAB (D65) of sRGB colours.

    Parameters
    ----------
    rgb : array_like, shape (..., 3) or (..., 4)
        Components 0..255.

    Returns
    -------
    ndarray, shape (..., 3)
        L* (0..100), a*, b*.
    """
    xyz = srgb_to_linear(_as_rgb01(rgb)) @ _M.T / _WHITE
    f = np.where(xyz > _EPS, np.cbrt(xyz), (_KAPPA * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def lab_to_rgb(lab) -> np.ndarray:
    """sRGB components 0..255 (float, clipped to the gamut) of CIELAB (D65) colours.

    Parameters
    ----------
    lab : array_like, shape (..., 3)

    Returns
    -------
    ndarray, shape (..., 3)
    """
    lab = np.asarray(lab, dtype=np.float64)
    fy = (lab[..., 0] + 16) / 116
    fx = fy + lab[..., 1] / 500
    fz = fy - lab[..., 2] / 200
    f = np.stack([fx, fy, fz], axis=-1)
    xyz = np.where(f ** 3 > _EPS, f ** 3, (116 * f - 16) / _KAPPA) * _WHITE
    return 255.0 * linear_to_srgb(xyz @ _MINV.T)


def lightness(rgb) -> np.ndarray:
    """CIELAB L* (0..100) of sRGB colours 0..255, shape (..., 3|4) → (...)."""
    return rgb_to_lab(rgb)[..., 0]


def diverging_lut(low, centre, high, n: int = LUT_SIZE) -> np.ndarray:
    """A diverging lookup table from ``low`` through ``centre`` to ``high``, interpolated in CIELAB.

    Straight lines in CIELAB change L* linearly, so each half is monotone in
    lightness (and roughly even in perceived steps); the middle entry (both
    middle entries for even ``n``) is ``centre`` exactly, which is what zero maps
    to (:func:`visualizer.qt.colormaps.signed_to_index` rounds the centre of an
    even table to ``n // 2``; ``n // 2 − 1`` is the same colour, so either
    rounding shows the background).

    Parameters
    ----------
    low, centre, high : sequence of 3 ints
        sRGB colours 0..255: the most negative value, zero, the most positive.
    n : int
        Entries (≥ 3).

    Returns
    -------
    ndarray of uint8, shape (n, 4)
        RGBA, alpha 255, read-only.
    """
    n = int(n)
    if n < 3:
        raise ValueError(f"a diverging table needs at least 3 entries, got {n}")
    lo, c, hi = (rgb_to_lab(np.asarray(v, dtype=np.float64)[:3]) for v in (low, centre, high))
    a, b = (n - 1) // 2, n // 2        # the middle entries (equal for odd n)
    left = np.linspace(0.0, 1.0, a + 1)[:, None]
    right = np.linspace(0.0, 1.0, n - b)[:, None]
    lab = np.concatenate([lo + (c - lo) * left, (c + (hi - c) * right)[1 if a == b else 0:]])
    rgb = np.rint(lab_to_rgb(lab)).astype(np.uint8)
    rgb[a] = rgb[b] = np.asarray(centre, dtype=np.int64)[:3]     # exact, not a rounded round trip
    out = np.concatenate([rgb, np.full((n, 1), 255, np.uint8)], axis=1)
    out.setflags(write=False)
    return out


# -- measuring rendered text --------------------------------------------------------------

def text_contrast(image, background, region=None, top: int = 3) -> float:
    """Contrast ratio of the text in a region of a rendered image against the background colour.

    Text is taken to be the pixels that differ most from ``background``: the
    mean luminance of the ``top`` pixels of highest contrast (more than one, so
    a single stray pixel does not decide; anti-aliased edges are never among
    them for text of a readable size). For a region with no text the result is 1.

    Parameters
    ----------
    image : array_like of uint8, shape (H, W, 3) or (H, W, 4)
        The rendered pixels, RGB(A) (e.g. a QImage converted with
        ``Format_RGBA8888``; alpha ignored, the image is assumed opaque).
    background : sequence of 3 ints
        The background colour 0..255.
    region : tuple (x0, y0, x1, y1), optional
        Pixel box, end exclusive (default: the whole image).
    top : int
        How many of the most contrasting pixels are averaged.

    Returns
    -------
    float
        The WCAG contrast ratio, 1..21.
    """
    img = np.asarray(image)
    if img.ndim != 3 or img.shape[2] not in (3, 4):
        raise ValueError(f"image must have shape (H, W, 3|4), got {img.shape}")
    if region is not None:
        x0, y0, x1, y1 = (int(v) for v in region)
        img = img[max(y0, 0):y1, max(x0, 0):x1]
    if img.size == 0:
        raise ValueError("the region holds no pixels")
    lum = np.asarray(relative_luminance(img[..., :3].reshape(-1, 3)))
    lb = relative_luminance(background)
    ratio = (np.maximum(lum, lb) + 0.05) / (np.minimum(lum, lb) + 0.05)
    k = max(1, min(int(top), ratio.size))
    pick = np.argpartition(ratio, ratio.size - k)[-k:]
    lt = float(lum[pick].mean())
    return (max(lt, lb) + 0.05) / (min(lt, lb) + 0.05)


def meets_aa(ratio: float, large: bool = False) -> bool:
    """True when ``ratio`` meets WCAG AA (4.5 : 1, or 3 : 1 for large text and graphics)."""
    return ratio >= (AA_LARGE if large else AA_TEXT)


# -- zoom -----------------------------------------------------------------------------

def clamp_zoom(z: float) -> float:
    """``z`` limited to :data:`ZOOM_LIMITS` (NaN and infinities give 1.0)."""
    z = float(z)
    if not np.isfinite(z):
        return 1.0
    return min(max(z, ZOOM_LIMITS[0]), ZOOM_LIMITS[1])


def zoom_in(z: float) -> float:
    """The next level of :data:`ZOOM_LEVELS` above ``z`` (the top level stays)."""
    z = clamp_zoom(z)
    return next((v for v in ZOOM_LEVELS if v > z + 1e-9), ZOOM_LEVELS[-1])


def zoom_out(z: float) -> float:
    """The next level of :data:`ZOOM_LEVELS` below ``z`` (the bottom level stays)."""
    z = clamp_zoom(z)
    return next((v for v in reversed(ZOOM_LEVELS) if v < z - 1e-9), ZOOM_LEVELS[0])
