"""The writers of an export: a PNG sequence, a GIF (Pillow), an MP4 (imageio-ffmpeg).

Each takes the rendered ``QImage`` frames one by one (Qt is imported only when
a frame arrives, so importing this module loads no Qt) and writes a movie
through a temporary file renamed into place when complete.
"""
from __future__ import annotations

import os
import re
import tempfile

import numpy as np

from visualizer.export.settings import PNG_QUALITY, frame_name, gif_duration_ms, require_video
from visualizer.model import colors

_FRAME_RE = re.compile(r"frame_\d{5,}\.png")
#: colours of the view that a frame may not show yet when the GIF palette is made
_UI_COLORS = ((0, 130, 70), (205, 90, 0), (230, 120, 0), (255, 241, 201), (180, 0, 0),
              (30, 30, 30), (95, 95, 95), (236, 236, 236), (170, 170, 170), (255, 255, 255),
              (0, 114, 178), (213, 94, 0), (150, 150, 150), (0, 0, 0))



def image_to_rgb(image) -> np.ndarray:
    """``(H, W, 3)`` uint8 copy of an opaque QImage."""
    from PySide6.QtGui import QImage
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return buf.reshape(h, bpl)[:, :w * 3].reshape(h, w, 3).copy()


def image_to_keys(image) -> np.ndarray:
    """``(H, W)`` uint32 colours ``0xRRGGBB`` of an opaque QImage (its RGB32 words, alpha dropped)."""
    from PySide6.QtGui import QImage
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint32, count=img.sizeInBytes() // 4)
    return buf.reshape(h, bpl // 4)[:, :w] & np.uint32(0xFFFFFF)


def _movie_temp(path: str) -> str:
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)      # mkstemp makes 0600; the movie gets the usual permissions
    return tmp


def _remove(path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


class PngSequenceWriter:
    """``frame_00001.png``, ``frame_00002.png`` … in a folder (created if missing)."""

    def __init__(self, folder: str, quality: int = PNG_QUALITY):
        self.folder = folder
        self.quality = quality
        self.count = 0
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):     # one sequence per folder: drop a previous export's frames
            if _FRAME_RE.fullmatch(name):
                _remove(os.path.join(folder, name))

    def add(self, image) -> str:
        from PySide6.QtGui import QImage
        self.count += 1
        path = os.path.join(self.folder, frame_name(self.count))
        tmp = path + ".part"
        img = image.convertToFormat(QImage.Format.Format_RGB32)   # opaque: no alpha channel in the file
        if not img.save(tmp, "PNG", self.quality):
            _remove(tmp)
            raise OSError(f"could not write {path}")
        os.replace(tmp, path)
        return path

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        """Cancelled: the frames written so far stay."""


class _PaletteMap:
    """Exact nearest-colour mapping of RGB pixels onto a fixed palette, cached per colour.

    Pillow's ``quantize(palette=...)`` looks colours up through a 6-bit cache,
    so white would come out as (252, 252, 252); this maps every colour that is
    in the palette to itself and any other to its nearest entry (Euclidean RGB,
    lowest index on ties), remembering each 24-bit colour once seen.
    """

    _UNKNOWN = np.uint16(0xFFFF)

    def __init__(self, palette: np.ndarray):
        self.palette = np.asarray(palette, dtype=np.uint8).reshape(-1, 3)
        self._pal = self.palette.astype(np.int32)
        self._lut = np.full(1 << 24, self._UNKNOWN, dtype=np.uint16)   # 0xFFFF: not seen yet

    def __call__(self, keys: np.ndarray) -> np.ndarray:
        """Palette indices of ``keys``, 24-bit colours ``0xRRGGBB`` of shape (H, W)."""
        idx = self._lut[keys]
        unknown = idx == self._UNKNOWN
        if unknown.any():
            new = np.unique(keys[unknown])
            cols = np.stack([(new >> 16) & 255, (new >> 8) & 255, new & 255], axis=1).astype(np.int32)
            for i in range(0, len(cols), 4096):
                d = ((cols[i:i + 4096, None, :] - self._pal[None, :, :]) ** 2).sum(axis=2)
                self._lut[new[i:i + 4096]] = np.argmin(d, axis=1)
            idx = self._lut[keys]
        return idx.astype(np.uint8)


class GifWriter:
    """A looping GIF written by Pillow once all frames are in (temporary file, then rename)."""

    def __init__(self, path: str, fps: float):
        self.path = path
        self.duration = gif_duration_ms(fps)
        self.frames = []
        self._map = None

    @staticmethod
    def _make_palette(rgb: np.ndarray) -> np.ndarray:
        """256 colours: the colour maps and the view's own colours, then the first frame's (median cut)."""
        from PIL import Image
        luts = [colors.diverging_lut()[::4, :3], colors.sequential_lut()[::8, :3],
                np.array(_UI_COLORS, dtype=np.uint8)]
        fixed = np.unique(np.concatenate(luts).astype(np.uint8), axis=0)
        room = 256 - len(fixed)
        own = Image.fromarray(rgb).quantize(colors=room, method=Image.Quantize.MEDIANCUT,
                                            dither=Image.Dither.NONE)
        own_pal = np.array(own.getpalette()[:3 * room], dtype=np.uint8).reshape(-1, 3)
        pal = np.concatenate([fixed, own_pal])[:256]
        return np.concatenate([pal, np.zeros((256 - len(pal), 3), np.uint8)])

    def add(self, image) -> None:
        from PIL import Image
        keys = image_to_keys(image)
        if self._map is None:
            rgb = np.stack([(keys >> 16) & 255, (keys >> 8) & 255, keys & 255], axis=2).astype(np.uint8)
            self._map = _PaletteMap(self._make_palette(rgb))
        idx = np.ascontiguousarray(self._map(keys))
        im = Image.frombytes("L", (idx.shape[1], idx.shape[0]), idx.tobytes())
        im.putpalette(self._map.palette.ravel().tobytes(), "RGB")
        self.frames.append(im)

    def finish(self) -> None:
        if not self.frames:
            return
        tmp = _movie_temp(self.path)
        try:
            with open(tmp, "wb") as fh:
                self.frames[0].save(fh, format="GIF", save_all=True, append_images=self.frames[1:],
                                    duration=self.duration, loop=0, optimize=False)
            os.replace(tmp, self.path)
        except BaseException:
            _remove(tmp)
            raise
        finally:
            self.frames = []

    def abort(self) -> None:
        self.frames = []


class Mp4Writer:
    """H.264 MP4 streamed to ffmpeg (imageio-ffmpeg) into a temporary file, renamed when complete."""

    def __init__(self, path: str, fps: float):
        require_video()
        self.path = path
        self.fps = fps
        self._gen = None
        self._tmp = None
        self._size = None

    def _open(self, w, h):
        import imageio_ffmpeg
        self._tmp = _movie_temp(self.path)
        self._size = (w + w % 2, h + h % 2)
        self._gen = imageio_ffmpeg.write_frames(
            self._tmp, self._size, pix_fmt_in="rgb24", pix_fmt_out="yuv420p", fps=self.fps,
            codec="libx264", quality=None, macro_block_size=1, ffmpeg_log_level="error",
            output_params=["-f", "mp4", "-crf", "18", "-preset", "medium", "-threads", "1",
                           "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"])
        self._gen.send(None)

    def add(self, image) -> None:
        rgb = image_to_rgb(image)
        h, w = rgb.shape[:2]
        if self._gen is None:
            self._open(w, h)
        W, H = self._size
        if (W, H) != (w, h):
            pad = np.full((H, W, 3), 255, np.uint8)     # the view's white background
            pad[:h, :w] = rgb
            rgb = pad
        self._gen.send(np.ascontiguousarray(rgb))

    def finish(self) -> None:
        if self._gen is None:
            return
        try:
            self._gen.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            _remove(self._tmp)
            raise
        finally:
            self._gen = None

    def abort(self) -> None:
        if self._gen is not None:
            try:
                self._gen.close()
            except Exception:  # noqa: BLE001 - the file is removed anyway
                pass
            self._gen = None
        if self._tmp:
            _remove(self._tmp)
