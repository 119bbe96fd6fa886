"""Training schemes BPTT(h; h′) of Williams & Peng, online along the sequence.

Every h′ steps the errors of the last h′ steps are injected and propagated
back through the window of the last h copies (h ≥ h′); the copies are folded
back and the weights updated. Following Williams & Peng (and min-char-rnn's
chunks), the window is shared: an error entering at the window's last step
flows through h copies, one entering at its first scored step through
h − h′ + 1. The state entering the window, s(t − h), is the one the running
network reached when it passed that step, treated as a constant (PyTorch's
``.detach()``).
"""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n_marks import QT_TRANSLATE_NOOP


PRESETS = ("elman", "boden", "epochwise", "chunked")

PRESET_TEXT = {
    "elman": QT_TRANSLATE_NOOP("schemes", "Elman (1990), BPTT(1; 1): the error at t only, no flow into earlier copies, update every step"),
    "boden": QT_TRANSLATE_NOOP("schemes", "Bodén / the source text, BPTT(T; 1): the error at t, unfolded T copies back, update every step"),
    "epochwise": QT_TRANSLATE_NOOP("schemes", "epochwise (Werbos 1990), BPTT(L; L): the whole sequence, error at every step, one update per sequence"),
    "chunked": QT_TRANSLATE_NOOP("schemes", "chunked (min-char-rnn, Keras), BPTT(k; k): chunks of k steps, state carried over, update per chunk"),
}


@dataclass(frozen=True)
class Scheme:
    """BPTT(h; h′).

    Attributes
    ----------
    h : int or None
        Copies in the window (depth); None = unlimited (back to the sequence start).
    h_prime : int or None
        Steps between updates, whose errors are injected; None = the whole
        sequence (one update per sequence).
    """

    h: int | None
    h_prime: int | None

    def __post_init__(self):
        for what, v in (("h", self.h), ("h′", self.h_prime)):
            if v is not None and (isinstance(v, bool) or int(v) != v or v < 1):
                raise ValueError(f"{what} must be a positive integer or None (unlimited), got {v!r}")
        if self.h is not None and self.h_prime is not None and self.h < self.h_prime:
            raise ValueError(f"BPTT(h; h′) needs h ≥ h′, got h = {self.h}, h′ = {self.h_prime}")
        if self.h is not None and self.h_prime is None:
            raise ValueError("one update per sequence (h′ = L) needs unlimited depth h")

    def label(self) -> str:
        """"BPTT(h; h′)" with ∞ and L for the unlimited cases."""
        h = "∞" if self.h is None else str(self.h)
        hp = "L" if self.h_prime is None else str(self.h_prime)
        return f"BPTT({h}; {hp})"


def preset(name: str, T: int = 4, k: int = 4) -> Scheme:
    """The schemes of BPTT.md's table.

    Parameters
    ----------
    name : {"elman", "boden", "epochwise", "chunked"}
    T : int
        Bodén's window of T copies (the error flows through T copies, counting
        the one where it enters).
    k : int
        Chunk length of the chunked scheme.
    """
    if name == "elman":
        return Scheme(1, 1)
    if name == "boden":
        return Scheme(T, 1)
    if name == "epochwise":
        return Scheme(None, None)
    if name == "chunked":
        return Scheme(k, k)
    raise ValueError(f"unknown scheme {name!r}; valid choices: {', '.join(PRESETS)}")


def windows(scheme: Scheme, L: int):
    """The update windows over a sequence of L steps, in order.

    Yields
    ------
    (w0, t_end, first)
        The copies w0..t_end−1 are unfolded (0-based steps) and the errors of
        steps first..t_end−1 are injected.
    """
    hp = L if scheme.h_prime is None else scheme.h_prime
    t_end = 0
    while t_end < L:
        first = t_end
        t_end = min(t_end + hp, L)
        # The earliest injected error reaches h − h′ + 1 copies, also in a short last chunk.
        w0 = 0 if scheme.h is None else max(0, first - (scheme.h - hp))
        yield w0, t_end, first
