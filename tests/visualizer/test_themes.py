"""Themes: WCAG contrast of every text colour, the δ map centred on the background, measuring rendered text."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from visualizer.model import themes as T

THEMES = [T.theme(n) for n in T.THEMES]


# -- WCAG arithmetic -------------------------------------------------------------------------

def test_known_wcag_values():
    assert T.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert T.contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert T.contrast_ratio((120, 30, 200), (120, 30, 200)) == pytest.approx(1.0)
    assert T.relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert T.relative_luminance((0, 0, 0)) == 0.0
    assert T.relative_luminance((255, 0, 0)) == pytest.approx(0.2126)
    # the well-known AA boundary: #777 on white just fails, #767676 just passes
    assert T.contrast_ratio((0x77,) * 3, (255,) * 3) == pytest.approx(4.48, abs=0.01)
    assert T.contrast_ratio((0x76,) * 3, (255,) * 3) == pytest.approx(4.54, abs=0.01)
    assert not T.meets_aa(4.48) and T.meets_aa(4.54) and T.meets_aa(3.0, large=True)
    # arrays broadcast; RGBA alpha is ignored
    r = T.contrast_ratio(np.array([[0, 0, 0, 255], [255, 255, 255, 0]]), (255, 255, 255))
    assert r == pytest.approx([21.0, 1.0])


def test_lab_round_trip_and_reference_values():
    rng = np.random.default_rng(0)
    rgb = rng.integers(0, 256, size=(500, 3))
    back = T.lab_to_rgb(T.rgb_to_lab(rgb))
    assert np.abs(back - rgb).max() < 1e-6
    assert T.rgb_to_lab((255, 255, 255)) == pytest.approx([100, 0, 0], abs=1e-3)
    # sRGB red in CIELAB (D65): L* 53.24, a* 80.09, b* 67.20
    assert T.rgb_to_lab((255, 0, 0)) == pytest.approx([53.24, 80.09, 67.20], abs=0.02)


# -- the themes --------------------------------------------------------------------------------

ROLES = ["foreground", "muted", "colorbar_text", "forward", "backward", "warning"]


@pytest.mark.parametrize("th", THEMES, ids=T.THEMES)
@pytest.mark.parametrize("role", ROLES)
def test_every_text_colour_meets_aa(th, role):
    ratio = T.contrast_ratio(getattr(th, role), th.background)
    assert ratio >= T.AA_TEXT, f"{th.name}.{role}: {ratio:.2f} : 1"


def test_high_contrast_meets_aaa_for_all_text():
    th = T.theme("high-contrast")
    assert all(T.contrast_ratio(c, th.background) >= 7.0 for c in th.text_colors().values())


@pytest.mark.parametrize("th", THEMES, ids=T.THEMES)
def test_delta_lut_is_centred_on_the_background_and_monotone(th):
    lut = th.delta_lut(256)
    assert lut.shape == (256, 4) and lut.dtype == np.uint8 and not lut.flags.writeable
    bg = np.array(th.background, dtype=np.uint8)
    # zero maps to entry 128 (np.rint(127.5)); entry 127 is the same colour
    assert np.array_equal(lut[127, :3], bg) and np.array_equal(lut[128, :3], bg)
    assert np.all(lut[:, 3] == 255)
    Lstar = T.lightness(lut)
    left, right = Lstar[:128], Lstar[128:]
    towards = np.sign(Lstar[127] - Lstar[0])           # the lightness runs towards the background's
    assert towards != 0
    assert np.all(towards * np.diff(left) >= -0.5)      # monotone within 8-bit rounding
    assert np.all(towards * np.diff(right) <= 0.5)
    # the ends are the theme's ends, and stand out from the background (graphics: ≥ 3 : 1)
    assert np.abs(lut[0, :3].astype(int) - th.delta_ends[0]).max() <= 1
    assert np.abs(lut[-1, :3].astype(int) - th.delta_ends[1]).max() <= 1
    for end in (lut[0], lut[-1]):
        assert T.contrast_ratio(end, th.background) >= T.AA_LARGE


def test_dark_theme_zero_is_dark_not_white():
    lut = T.theme("dark").delta_lut()
    assert T.relative_luminance(lut[128]) < 0.05
    assert T.lightness(lut[0]) > T.lightness(lut[100]) > T.lightness(lut[128])


def test_odd_table_has_one_centre_and_tiny_tables_are_refused():
    lut = T.diverging_lut((0, 0, 255), (40, 40, 40), (255, 0, 0), 5)
    assert np.array_equal(lut[2, :3], [40, 40, 40])
    assert np.array_equal(lut[0, :3], [0, 0, 255]) and np.array_equal(lut[4, :3], [255, 0, 0])
    with pytest.raises(ValueError, match="at least 3"):
        T.diverging_lut((0, 0, 0), (1, 1, 1), (2, 2, 2), 2)


def test_cet_ends_match_the_tables_pyqtgraph_ships():
    spec = importlib.util.find_spec("pyqtgraph")      # locates the package without importing Qt
    maps = Path(spec.origin).parent / "colors" / "maps"
    for name, ends in [("CET-D1", T.CET_D1_ENDS), ("CET-D4", T.CET_D4_ENDS),
                       ("CET-D1A", T.CET_D1A_ENDS)]:
        rows = np.loadtxt(maps / f"{name}.csv", delimiter=",")
        assert rows[0] == pytest.approx(ends[0], abs=1e-3)
        assert rows[-1] == pytest.approx(ends[1], abs=1e-3)


def test_light_theme_is_todays_colours(qapp):
    from visualizer.qt import colormaps as cm
    from visualizer.qt.unfolded.view import UnfoldedView

    light = T.theme("light")
    assert tuple(cm.BACKGROUND[:3]) == light.background
    v = UnfoldedView()                 # a new view draws in the light theme unless told otherwise
    assert v.theme == light and v.scale == 1.0
    assert v._color("foreground").getRgb()[:3] == light.foreground
    assert tuple(cm.UNREVEALED_GREY[:3]) == light.unrevealed
    assert cm.SEQUENTIAL_NAME == light.sequential


def test_theme_lookup():
    assert T.theme("dark").dark and not T.theme("light").dark
    assert T.DEFAULT_THEME in T.THEMES and set(T.THEMES) == set(T.THEME)
    assert T.theme("light").hex("foreground") == "#1e1e1e"
    with pytest.raises(ValueError, match="unknown theme 'sepia'; valid choices: light, dark, high-contrast"):
        T.theme("sepia")


# -- measuring rendered text -------------------------------------------------------------------

def _canvas(bg, h=40, w=120):
    img = np.empty((h, w, 4), np.uint8)
    img[..., :3] = bg
    img[..., 3] = 255
    return img


def test_text_contrast_finds_the_glyph_pixels():
    bg, fg = (30, 30, 30), (230, 230, 230)
    img = _canvas(bg)
    img[10:20, 10:14, :3] = fg                          # a stroke
    img[10:20, 14, :3] = (130, 130, 130)                # its anti-aliased edge
    assert T.text_contrast(img, bg) == pytest.approx(T.contrast_ratio(fg, bg))
    assert T.text_contrast(img, bg, region=(60, 0, 120, 40)) == pytest.approx(1.0)
    # one stray pixel does not decide: the mean of the top 3 is taken
    img2 = _canvas(bg)
    img2[5, 5, :3] = fg
    assert T.text_contrast(img2, bg) < 0.5 * T.contrast_ratio(fg, bg)
    with pytest.raises(ValueError, match="no pixels"):
        T.text_contrast(img, bg, region=(5, 5, 5, 9))
    with pytest.raises(ValueError, match="shape"):
        T.text_contrast(np.zeros((4, 4)), bg)


@pytest.mark.parametrize("th", THEMES, ids=T.THEMES)
def test_rendered_text_of_each_theme_passes(th):
    PIL = pytest.importorskip("PIL")  # noqa: F841
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.load_default(size=18)
    except TypeError:                # Pillow < 10.1: the bitmap font
        font = ImageFont.load_default()
    im = Image.new("RGB", (360, 60), th.background)
    d = ImageDraw.Draw(im)
    d.text((4, 4), "δ_j(t−1) = f′(net)", fill=th.foreground, font=font)
    d.text((4, 32), "z (copies back)", fill=th.muted, font=font)
    a = np.asarray(im)
    assert T.text_contrast(a, th.background, region=(0, 0, 360, 28)) >= T.AA_TEXT
    assert T.text_contrast(a, th.background, region=(0, 30, 360, 60)) >= T.AA_TEXT
    # and a colour that fails AA is caught
    bad = tuple(int(v) for v in (np.array(th.background) * 0.8 + np.array(th.foreground) * 0.2))
    im2 = Image.new("RGB", (360, 30), th.background)
    ImageDraw.Draw(im2).text((4, 4), "faint label", fill=bad, font=font)
    assert T.text_contrast(np.asarray(im2), th.background) < T.AA_TEXT


# -- zoom ------------------------------------------------------------------------------------

def test_zoom_vocabulary():
    assert T.ZOOM_LIMITS == (0.75, 3.0)
    assert T.ZOOM_LEVELS[0] == 0.75 and T.ZOOM_LEVELS[-1] == 3.0 and 1.0 in T.ZOOM_LEVELS
    assert list(T.ZOOM_LEVELS) == sorted(T.ZOOM_LEVELS)
    assert T.clamp_zoom(5) == 3.0 and T.clamp_zoom(0.1) == 0.75 and T.clamp_zoom(float("nan")) == 1.0
    z, ups = 1.0, []
    for _ in range(12):
        z = T.zoom_in(z)
        ups.append(z)
    assert ups[:3] == [1.1, 1.25, 1.5] and ups[-1] == 3.0
    assert T.zoom_out(1.0) == 0.9 and T.zoom_out(0.75) == 0.75 and T.zoom_in(1.3) == 1.5


@pytest.mark.parametrize("th", THEMES, ids=T.THEMES)
def test_text_drawn_by_qt_passes_in_each_theme(qapp, th):
    """The helper on Qt's own anti-aliased text, at the size of the smallest axis labels."""
    from PySide6 import QtCore, QtGui

    w, h = 320, 30
    img = QtGui.QImage(w, h, QtGui.QImage.Format.Format_RGBA8888)
    font = QtGui.QFont()
    font.setPixelSize(12)
    for role, colour in th.text_colors().items():
        img.fill(QtGui.QColor(*th.background))
        p = QtGui.QPainter(img)
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        p.setFont(font)
        p.setPen(QtGui.QColor(*colour))
        p.drawText(QtCore.QPointF(4, 20), "δ_j(t−1) = f′(net_j) · 0.125")
        p.end()
        a = np.frombuffer(img.constBits(), np.uint8).reshape(h, img.bytesPerLine() // 4, 4)[:, :w]
        ratio = T.text_contrast(a, th.background)
        assert ratio >= T.AA_TEXT, f"{th.name}.{role}: {ratio:.2f} : 1 rendered"
        assert ratio == pytest.approx(T.contrast_ratio(colour, th.background), rel=0.08)


@pytest.mark.parametrize("th", THEMES, ids=T.THEMES)
def test_sequential_map_exists_and_rises_in_lightness(th):
    import pyqtgraph as pg

    lut = np.asarray(pg.colormap.get(th.sequential, skipCache=True).getLookupTable(nPts=64))
    Lstar = T.lightness(lut)
    assert np.all(np.diff(Lstar) > 0)            # activations: low is dark, high is light
