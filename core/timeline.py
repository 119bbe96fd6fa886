"""The micro-steps of one update, as plain data.

An update (see :mod:`core.training`) is computed whole; the timeline only
says how much of it has been revealed. Its micro-steps, in order:

1. ``forward``: s(t) of column c, then y(t) of column c, for c = 0..L−1;
2. ``output``: δ_k(t) at each column that carries a target;
3. ``bptt``: δ_j of one copy, from the last column back to the first;
4. ``foldback``: one copy's contribution added into ΔV, ΔU, ΔW, Δθ, last copy first;
5. ``update``: the weights change, the cost is recorded.

Position p (0..len) counts revealed micro-steps: p = 0 shows only s(0).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.i18n_marks import QT_TRANSLATE_NOOP

PHASES = ("forward", "output", "bptt", "foldback", "update")
PHASE_TEXT = {"forward": QT_TRANSLATE_NOOP("phases", "forward pass"),
              "output": QT_TRANSLATE_NOOP("phases", "output error δ_k"),
              "bptt": QT_TRANSLATE_NOOP("phases", "BPTT δ_j(t−z)"),
              "foldback": QT_TRANSLATE_NOOP("phases", "fold-back ΔV ΔU ΔW"),
              "update": QT_TRANSLATE_NOOP("phases", "update")}


@dataclass(frozen=True)
class MicroStep:
    """One micro-step.

    Attributes
    ----------
    phase : str
        One of :data:`PHASES`.
    column : int
        Window column c (sequence step w0 + c); −1 for the update step.
    z : int
        Copies back from the window's last column (L−1−c); −1 for the update.
    layer : str
        "s" or "y" in the forward phase, "y" for output errors, "s" for BPTT
        and fold-back, "" for the update.
    """

    phase: str
    column: int
    z: int
    layer: str


@dataclass(frozen=True)
class Reveal:
    """How much of an update is visible after p micro-steps.

    Attributes
    ----------
    s : int
        Columns whose s(t) is shown (0..s-1).
    y : int
        Columns whose y(t) is shown.
    output : ndarray of bool, shape (L,)
        Columns whose δ_k is shown.
    bptt_from : int
        δ_j shown for columns ≥ bptt_from (L = none).
    folded_from : int
        Contributions folded into the sum for columns ≥ folded_from (L = none).
    updated : bool
        The weights have changed.
    """

    s: int
    y: int
    output: np.ndarray
    bptt_from: int
    folded_from: int
    updated: bool


class Timeline:
    """The micro-steps of an update over ``L`` columns with targets at ``target_columns``.

    Parameters
    ----------
    L : int
        Columns (copies) of the window.
    target_columns : sequence of int
        Columns that carry a target, i.e. where an error enters.
    """

    def __init__(self, L: int, target_columns):
        self.L = int(L)
        self.target_columns = sorted(int(c) for c in target_columns)
        steps = []
        for c in range(self.L):
            steps.append(MicroStep("forward", c, self.L - 1 - c, "s"))
            steps.append(MicroStep("forward", c, self.L - 1 - c, "y"))
        for c in self.target_columns:
            steps.append(MicroStep("output", c, self.L - 1 - c, "y"))
        last = self.target_columns[-1] if self.target_columns else -1
        for c in range(last, -1, -1):
            steps.append(MicroStep("bptt", c, self.L - 1 - c, "s"))
        for c in range(self.L - 1, -1, -1):
            steps.append(MicroStep("foldback", c, self.L - 1 - c, "s"))
        steps.append(MicroStep("update", -1, -1, ""))
        self.steps: tuple[MicroStep, ...] = tuple(steps)

    @classmethod
    def of_update(cls, update) -> "Timeline":
        """The timeline of a :class:`core.training.Update`."""
        cols = np.nonzero(update.bptt_pass.deltas.targets.any(axis=1))[0]
        return cls(update.t_end - update.w0, cols)

    def __len__(self) -> int:
        return len(self.steps)

    def step(self, p: int) -> MicroStep | None:
        """The micro-step that position p has just revealed (None at p = 0)."""
        return self.steps[p - 1] if p > 0 else None

    def phase(self, p: int) -> str:
        """The phase in progress at position p ("forward" before anything is revealed)."""
        return self.steps[p - 1].phase if p > 0 else "forward"

    def end_of_phase(self, p: int) -> int:
        """Position at the end of the phase in progress; if p already ends it, the end of the next."""
        n = len(self.steps)
        if p >= n:
            return n
        q = p + 1
        phase = self.steps[q - 1].phase
        while q < n and self.steps[q].phase == phase:
            q += 1
        return q

    def start_of_phase(self, phase: str) -> int:
        """Position just before the first micro-step of ``phase`` (len if the phase is empty).

        The lessons (visualizer/model/lesson.py) jump to the start of a phase with it.
        """
        for i, st in enumerate(self.steps):
            if st.phase == phase:
                return i
        return len(self.steps)

    def reveal(self, p: int) -> Reveal:
        """What is visible after p micro-steps (0 ≤ p ≤ len)."""
        if not 0 <= p <= len(self.steps):
            raise ValueError(f"position {p} outside 0..{len(self.steps)}")
        s = y = 0
        out = np.zeros(self.L, dtype=bool)
        bptt_from = folded_from = self.L
        updated = False
        for st in self.steps[:p]:
            if st.phase == "forward":
                if st.layer == "s":
                    s = st.column + 1
                else:
                    y = st.column + 1
            elif st.phase == "output":
                out[st.column] = True
            elif st.phase == "bptt":
                bptt_from = st.column
            elif st.phase == "foldback":
                folded_from = st.column
            else:
                updated = True
        return Reveal(s=s, y=y, output=out, bptt_from=bptt_from, folded_from=folded_from,
                      updated=updated)
