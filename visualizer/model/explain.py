"""The one explanation module (no Qt): the number formatter, the notation, tooltips and inspector pages.

Everything a person reads about a number of the network is written here, in
BPTT.md's notation (Bodén's: x_i, s_j, y_k, v_ji, u_jh, w_kj, θ, δ, η, f, g),
with one formatter, :func:`fmt`, that never cuts an exponent:

- time: a copy is written t−z, z copies back from t, the window's last step
  (where the error enters under Bodén's scheme); the absolute step of the
  sequence (the view's "t=…" label) is given beside it. The same words in the
  tooltips, the inspector and the exported captions.
- units are numbered from 0, as the view labels them; samples l and steps from 1.

The **tooltip** of a node or an edge (:func:`tooltip`) is built from the session
and the frame on screen, so it never shows a value the picture does not show
yet. The **inspector page** (:func:`node_equation`, :func:`edge_equation`,
:func:`weight_equation`) shows the formula, the same formula with the current
update's numbers put in, and the result; everything is read from the arrays
the core computed for the current update (``session.update.pas``), nothing is
recomputed except the products printed as terms.

Rich text only: <sub>, <sup>, <b>, <i>, tables; no LaTeX. The first ``<b>`` of
every equation's HTML is its main result (what :attr:`Equation.value` holds),
so tests and tools can read it back with :func:`parse_number`.

Translation (no Qt here): text is built through
:func:`visualizer.model.i18n_marks.translate` with a literal context, which the
window points at Qt's translator; constants are marked with ``QT_TRANSLATE_NOOP``
and translated where they are used.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import activations as act
from visualizer.model.i18n_marks import QT_TRANSLATE_NOOP, translate

#: terms of a long sum that are written out; the rest are counted
MAX_TERMS = 4
MINUS = "−"

#: f(net) as text
F_TEXT = {"sigmoid": "σ", "tanh": "tanh", "relu": "max(0, ·)",
          "linear": QT_TRANSLATE_NOOP("Explain", "identity")}
#: f′(net) written with net, and how to evaluate it on a number
SLOPE_IN_NET = {"sigmoid": "σ(net) (1 − σ(net))", "tanh": "1 / cosh²(net)",
                "relu": QT_TRANSLATE_NOOP("Explain", "1 if net &gt; 0 else 0"), "linear": "1"}

MATRIX = {"V": ("v", "j", "i"), "U": ("u", "j", "h"), "W": ("w", "k", "j")}




#: what an edge shows in each edge mode (tooltips, the view's legend)
EDGE_MODE_TEXT = {"signal": QT_TRANSLATE_NOOP("Explain", "signal x·w"),
                  "error": QT_TRANSLATE_NOOP("Explain", "error δ·w"),
                  "share": QT_TRANSLATE_NOOP("Explain", "share δ·input"),
                  "weight": QT_TRANSLATE_NOOP("Explain", "weight w")}


#: words the tooltips set beside the notation, marked here because lupdate cannot read
#: calls inside f-strings; :func:`_word` translates them where they are used
TOOLTIP_WORDS = (
    QT_TRANSLATE_NOOP("Explain", "1 if s > 0 else 0"),     # core.activations.SLOPE_IN_S["relu"]
    QT_TRANSLATE_NOOP("Explain", "during this pass"),
    QT_TRANSLATE_NOOP("Explain", "from"),
    QT_TRANSLATE_NOOP("Explain", "hidden"),
    QT_TRANSLATE_NOOP("Explain", "input"),
    QT_TRANSLATE_NOOP("Explain", "now"),
    QT_TRANSLATE_NOOP("Explain", "output"),
    QT_TRANSLATE_NOOP("Explain", "sample"),
    QT_TRANSLATE_NOOP("Explain", "shown"),
    QT_TRANSLATE_NOOP("Explain", "target"),
)


def _word(text: str) -> str:
    """A marked word or phrase of this module in the language the window speaks."""
    return translate("Explain", text)


#: the relation of h to the source text's T, said in these words everywhere (parameter tooltip,
#: help, inspector, README, docs/bptt.md)
H_SENTENCE = QT_TRANSLATE_NOOP("Explain", "h counts the copies an error flows through, the one where it "
                                   "enters included, so the source's sums Σ_{z=0}^{T} run over "
                                   "h = T + 1 copies.")
#: the same sentence for rich text
H_SENTENCE_HTML = QT_TRANSLATE_NOOP("Explain", "<b>h</b> counts the copies an error flows through, the one "
                                        "where it enters included, so the source's sums "
                                        "Σ<sub>z=0</sub><sup>T</sup> run over h = T + 1 copies.")



# -- the one number formatter -----------------------------------------------------

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def fmt(v, digits: int = 4, html: bool = False) -> str:
    """A number for a person: ``digits`` significant digits, a real minus sign, the whole exponent.

    Parameters
    ----------
    v : float or None
    digits : int
        Significant digits (trailing zeros of a power of ten are dropped).
    html : bool
        Write a power of ten as ``×10<sup>e</sup>`` (rich text) instead of ``×10ᵉ``.

    Returns
    -------
    str
        "0.672", "−3×10⁻¹²", "1.92×10¹⁵⁴", "0", "∞", "NaN"; "—" for None.
    """
    if v is None:
        return "—"
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return ("" if v > 0 else MINUS) + "∞"
    if v == 0:
        return "0"
    a = abs(v)
    s = f"{v:.{digits}g}" if 1e-4 <= a < 1e5 else "e"
    if "e" in s:      # out of range, or rounded up to 1e+05: a power of ten, the exponent whole
        m, e = f"{v:.{digits - 1}e}".split("e")
        m = m.rstrip("0").rstrip(".") if "." in m else m
        e = str(int(e))
        s = f"{m}×10<sup>{e}</sup>" if html else f"{m}×10{e.translate(_SUPERSCRIPT)}"
    return s.replace("-", MINUS)


def _h(v, digits: int = 4) -> str:
    """:func:`fmt` for rich text."""
    return fmt(v, digits, html=True)


def fmt_paren(v, digits: int = 4) -> str:
    """:func:`fmt` (rich text), in parentheses when negative (for a factor in a product)."""
    s = _h(v, digits)
    return f"({s})" if s.startswith(MINUS) else s


def parse_number(text: str) -> float:
    """Read back a number :func:`fmt` wrote, plain or rich text (for tests and tools)."""
    t = text.strip()
    if t == "—":
        return math.nan
    t = (t.replace(MINUS, "-").replace("×10<sup>", "e").replace("</sup>", "").replace("×10", "e")
         .replace("∞", "inf").translate(_FROM_SUPERSCRIPT))
    return float(t)


@dataclass
class Equation:
    """One inspector page.

    Attributes
    ----------
    title : str
        Plain text, e.g. "δ_2(t−1)".
    html : str
        Qt rich text; its first <b> is the main result.
    value : float or None
        The main result as a number (None when nothing is computed yet).
    kind : str
        "node", "edge" or "weight".
    """

    title: str
    html: str
    value: float | None
    kind: str



def sub(name: str, idx) -> str:
    """name<sub>idx</sub>."""
    return f"{name}<sub>{idx}</sub>"


def when(z: int) -> str:
    """"t" or "t−z" for the copy z steps back."""
    return "t" if z == 0 else f"t{MINUS}{z}"


def product(*factors) -> str:
    """"a · b" with negative factors in parentheses."""
    return " · ".join(fmt_paren(f, 3) for f in factors)


def expand_sum(terms, max_terms: int = MAX_TERMS) -> str:
    """A long sum written with its largest terms and a count of the rest.

    Parameters
    ----------
    terms : list of (str, float)
        Each term's text (e.g. "0.42 · 0.31") and value.

    Returns
    -------
    str
        e.g. "0.42 · 0.31 + (−0.2) · 0.5 + … + 29 more terms"; "0" for no terms.
    """
    if not terms:
        return "0"
    order = sorted(range(len(terms)), key=lambda i: -abs(terms[i][1]))
    shown = sorted(order[:max_terms])
    parts = [terms[i][0] for i in shown]
    text = " + ".join(parts)
    rest = len(terms) - len(shown)
    if rest:
        more = (translate("Explain", "+ {n} more term") if rest == 1
                else translate("Explain", "+ {n} more terms")).format(n=rest)
        text += f" + … <i>{more}</i>"
    return text


def _error_of(symbol: str) -> str:
    """ "error δ_j(t)": the heading of a unit's error."""
    return translate("Explain", "error {delta}").format(delta=symbol)


def _block(*lines: str) -> str:
    return "<p style='margin:2px 0 8px 0'>" + "<br>".join(lines) + "</p>"


def _head(text: str) -> str:
    return f"<h3 style='margin:4px 0 2px 0'>{text}</h3>"


def _note(text: str) -> str:
    return f"<span style='color:#555'>{text}</span>"


def _result(v) -> str:
    return f"<b>{_h(v, 5)}</b>"


# -- the state the formulas read ------------------------------------------------------

class Context:
    """What the formulas read from a session, computed once per page.

    Attributes
    ----------
    pas, tr, rv, l, off, Lw, eta
    V, U, W, theta_h, theta_o : ndarray
        The weights the pass was computed with (before the update, also after
        it was applied).
    after : dict or None
        The weights after the update, once it is applied.
    """

    def __init__(self, session):
        upd = session.update
        self.session = session
        self.update = upd
        self.pas = upd.pas
        self.tr = upd.pas.trace
        self.rv = session.timeline.reveal(session.position)
        self.l = session.sample
        self.Lw = upd.t_end - upd.w0
        self.off = session.columns - self.Lw
        self.w0 = upd.w0
        self.eta = upd.eta
        self.hidden = session.net.hidden
        self.output = session.net.output
        self.cost = session.trainer.cost
        net = session.net
        self.weights = session.pass_weights()
        self.after = net.params() if session.applied else None
        self.V, self.U, self.W = self.weights["V"], self.weights["U"], self.weights["W"]
        self.theta_h, self.theta_o = self.weights["theta_h"], self.weights["theta_o"]

    def window_column(self, view_column: int) -> int:
        """Column of the pass for a view column (may be outside 0..Lw−1)."""
        return view_column - self.off

    def z(self, cw: int) -> int:
        """Copies back from the window's last column."""
        return self.Lw - 1 - cw

    def step(self, cw: int) -> int:
        """1-based step of the sequence of window column ``cw`` (the view's t= label)."""
        return self.w0 + cw + 1

    def where(self, cw: int) -> str:
        """One line saying which copy this is."""
        z = self.z(cw)
        return _note(translate("Explain", "copy {when}: step {step} of the sequence, z = {z} "
                               "(t = step {last}, the window's last copy); sample l = {l}").format(
            when=when(z), step=self.step(cw), z=z, last=self.step(self.Lw - 1), l=self.l + 1))


# -- hidden units --------------------------------------------------------------------

def _slope_lines(ctx: Context, net_v: float, s_v: float, tt: str, j: int) -> tuple[list, float]:
    """The two ways of writing f′ and that they agree."""
    f = ctx.hidden
    from_net = float(act.hidden_slope_from_net(f, np.array([net_v]))[0])
    from_s = float(act.hidden_slope(f, np.array([s_v]))[0])
    n = sub("net", j) + f"({tt})"
    s = sub("s", j) + f"({tt})"
    if f == "sigmoid":
        net_expr = f"σ({_h(net_v)}) (1 − σ({_h(net_v)}))"
        s_expr = f"{_h(s_v)} · (1 − {_h(s_v)})"
        wrong_v = float(act.hidden_slope("sigmoid", act.sigmoid(np.array([s_v])))[0])
        wrong = f"σ({s})(1 − σ({s}))"
    elif f == "tanh":
        net_expr = f"1 / cosh²({_h(net_v)})"
        s_expr = f"1 − {fmt_paren(s_v)}²"
        wrong_v = float(1.0 - np.tanh(s_v) ** 2)
        wrong = f"1 − tanh²({s})"
    elif f == "relu":
        net_expr = translate("Explain", "(1 if {v} &gt; 0 else 0)").format(v=_h(net_v))
        s_expr = translate("Explain", "(1 if {v} &gt; 0 else 0)").format(v=_h(s_v))
        wrong = wrong_v = None
    else:
        net_expr = s_expr = "1"
        wrong = wrong_v = None
    agree = (translate("Explain", "✓ the same number")
             if math.isclose(from_net, from_s, rel_tol=1e-9, abs_tol=1e-15)
             else translate("Explain", "✗ they differ"))
    lines = [
        f"f′({n}) = {_word(SLOPE_IN_NET[f])} = {net_expr} = {_h(from_net, 5)}",
        translate("Explain", "written with s, as Bodén does (f′({s})): {slope} = {expr} = "
                  "{value} &nbsp;{agree}").format(s=s, slope=_word(act.SLOPE_IN_S[f]), expr=s_expr,
                                                  value=_h(from_s, 5), agree=agree),
    ]
    if wrong is not None:
        lines.append(_note(translate(
            "Explain", "The slope is taken at net and expressed with s = f(net). Putting s into "
            "the formula as if it were net, {wrong} = {value}, would be wrong.").format(
                wrong=wrong, value=_h(wrong_v, 5))))
    return lines, from_s


def _hidden_forward(ctx: Context, cw: int, j: int, main: bool) -> tuple[str, float | None]:
    tt = when(ctx.z(cw))
    tp = when(ctx.z(cw) + 1)
    J = j
    sym = (f"{sub('net', J)}({tt}) = Σ<sub>i</sub> {sub('x', 'i')}({tt}) {sub('v', f'{J}i')} + "
           f"Σ<sub>h</sub> {sub('s', 'h')}({tp}) {sub('u', f'{J}h')} + {sub('θ', J)}")
    fsym = f"{sub('s', J)}({tt}) = f({sub('net', J)}({tt})),&nbsp; f = {_word(F_TEXT[ctx.hidden])}"
    if ctx.rv.s <= cw:
        return _block(sym, fsym, _note(translate("Explain", "not computed yet: step the forward pass to this copy."))), None
    l = ctx.l
    x = ctx.pas.X[cw, l]
    sp = ctx.tr.s[cw, l]
    net_v = float(ctx.tr.net_h[cw, l, j])
    s_v = float(ctx.tr.s[cw + 1, l, j])
    tx = [(product(x[i], ctx.V[j, i]), x[i] * ctx.V[j, i]) for i in range(x.size)]
    tu = [(product(sp[h], ctx.U[j, h]), sp[h] * ctx.U[j, h]) for h in range(sp.size)]
    num = f"= ({expand_sum(tx)}) + ({expand_sum(tu)}) + {fmt_paren(ctx.theta_h[j], 3)}"
    res = _result(s_v) if main else _h(s_v, 5)
    lines = [sym, num + f" = {_h(net_v, 5)}",
             f"{sub('s', J)}({tt}) = f({sub('net', J)}({tt})) = {fcall(ctx.hidden, net_v)} = {res}"]
    return _block(*lines), s_v


def fcall(f: str, v: float) -> str:
    """f applied to a number, as text: "tanh(0.53)", "σ(0.53)", "max(0, 0.53)", "0.53"."""
    return {"sigmoid": f"σ({_h(v)})", "tanh": f"tanh({_h(v)})", "relu": f"max(0, {_h(v)})",
            "linear": _h(v)}[f]


def _hidden_delta(ctx: Context, cw: int, j: int) -> tuple[str, float | None]:
    z = ctx.z(cw)
    tt, tn = when(z), when(z - 1) if z > 0 else "t+1"
    J = j
    targets = ctx.pas.deltas.targets
    has_out = bool(targets[cw].any())
    has_next = cw + 1 < ctx.Lw and bool(targets[cw + 1:].any())
    pieces = []
    if has_out:
        pieces.append(f"Σ<sub>k</sub> {sub('δ', 'k')}({tt}) {sub('w', f'k{J}')}")
    if has_next:
        pieces.append(f"Σ<sub>h</sub> {sub('δ', 'h')}({tn}) {sub('u', f'h{J}')}")
    lhs = f"{sub('δ', J)}({tt})"
    fp = f"f′({sub('net', J)}({tt}))"
    if ctx.rv.bptt_from > cw:
        return _block(f"{lhs} = {fp} · [ Σ<sub>k</sub> δ<sub>k</sub>({tt}) w<sub>k{J}</sub> + "
                      f"Σ<sub>h</sub> δ<sub>h</sub>({tn}) u<sub>h{J}</sub> ]",
                      _note(translate("Explain", "not computed yet: step BPTT back to this copy."))), None
    l = ctx.l
    d = float(ctx.pas.deltas.delta_h[cw, l, j])
    if not pieces:
        return _block(f"{lhs} = 0", _note(translate("Explain", "no error reaches this copy in this window."))), d
    sym = f"{lhs} = {fp} · " + (f"[ {' + '.join(pieces)} ]" if len(pieces) > 1 else pieces[0])
    net_v = float(ctx.tr.net_h[cw, l, j])
    s_v = float(ctx.tr.s[cw + 1, l, j])
    slope_lines, slope = _slope_lines(ctx, net_v, s_v, tt, J)
    nums = []
    inner = 0.0
    if has_out:
        do = ctx.pas.deltas.delta_o[cw, l]
        terms = [(product(do[k], ctx.W[k, j]), do[k] * ctx.W[k, j]) for k in range(do.size)]
        nums.append(expand_sum(terms))
        inner += float(do @ ctx.W[:, j])
    if has_next:
        dn = ctx.pas.deltas.delta_h[cw + 1, l]
        terms = [(product(dn[h], ctx.U[h, j]), dn[h] * ctx.U[h, j]) for h in range(dn.size)]
        nums.append(expand_sum(terms))
        inner += float(dn @ ctx.U[:, j])
    num = f"= {_h(slope, 4)} · ({' + '.join(f'({n})' if len(nums) > 1 else n for n in nums)})"
    num += f" = {_h(slope, 4)} · {fmt_paren(inner, 4)} = {_result(d)}"
    if has_out and has_next:
        why = translate("Explain", "The error enters here from the output and also arrives "
                                   "from copy {copy}.").format(copy=tn)
    elif has_out:
        why = translate("Explain", "The error enters here, from the output layer: "
                                   "δ<sub>j</sub>(t) = f′(net<sub>j</sub>(t)) Σ<sub>k</sub> "
                                   "δ<sub>k</sub>(t) w<sub>kj</sub>.")
    else:
        why = translate("Explain", "Through time, one copy back: δ<sub>j</sub>(t−1) = "
                                   "f′(net<sub>j</sub>(t−1)) Σ<sub>h</sub> δ<sub>h</sub>(t) "
                                   "u<sub>hj</sub>.")
    return _block(sym, num, _note(why)) + _block(*slope_lines), d


# -- output units --------------------------------------------------------------------

def _output_forward(ctx: Context, cw: int, k: int, main: bool) -> tuple[str, float | None]:
    tt = when(ctx.z(cw))
    K = k
    sym = f"{sub('net', K)}({tt}) = Σ<sub>j</sub> {sub('s', 'j')}({tt}) {sub('w', f'{K}j')} + {sub('θ', K)}"
    g = ctx.output
    gsym = {"sigmoid": f"{sub('y', K)}({tt}) = σ({sub('net', K)}({tt}))",
            "softmax": f"{sub('y', K)}({tt}) = e<sup>net<sub>{K}</sub></sup> / Σ<sub>q</sub> "
                       f"e<sup>net<sub>q</sub></sup>",
            "linear": f"{sub('y', K)}({tt}) = {sub('net', K)}({tt})"}[g]
    if ctx.rv.y <= cw:
        return _block(sym, gsym, _note(translate("Explain", "not computed yet: step the forward pass to this copy."))), None
    l = ctx.l
    s = ctx.tr.s[cw + 1, l]
    net_v = float(ctx.tr.net_o[cw, l, k])
    y_v = float(ctx.tr.y[cw, l, k])
    terms = [(product(s[j], ctx.W[k, j]), s[j] * ctx.W[k, j]) for j in range(s.size)]
    num = f"= {expand_sum(terms)} + {fmt_paren(ctx.theta_o[k], 3)} = {_h(net_v, 5)}"
    res = _result(y_v) if main else _h(y_v, 5)
    if g == "sigmoid":
        gnum = f"= σ({_h(net_v)}) = {res}"
    elif g == "softmax":
        no = ctx.tr.net_o[cw, l]
        gnum = (f"= e<sup>{_h(net_v)}</sup> / ({expand_sum([(f'e<sup>{_h(v)}</sup>', math.exp(min(v, 700))) for v in no])})"
                f" = {res}")
    else:
        gnum = f"= {res}"
    return _block(sym, num, gsym, gnum), y_v


def _output_delta(ctx: Context, cw: int, k: int) -> tuple[str, float | None]:
    tt = when(ctx.z(cw))
    K = k
    g, cost = ctx.output, ctx.cost
    lhs = f"{sub('δ', K)}({tt})"
    if not ctx.rv.output[cw]:
        if not ctx.pas.deltas.targets[cw].any():
            return _block(f"{lhs} = 0", _note(translate(
                "Explain", "no target at this step (the task's mask): no error enters here."))), 0.0
        return _block(lhs, _note(translate("Explain", "not computed yet: step to the output errors."))), None
    l = ctx.l
    if not ctx.pas.deltas.targets[cw, l]:
        return _block(f"{lhs} = 0", _note(translate("Explain", "sample l = {l} has no target at this step.").format(l=l + 1))), 0.0
    y = ctx.tr.y[cw, l]
    d = ctx.pas.D[cw, l]
    dv = float(ctx.pas.deltas.delta_o[cw, l, k])
    dk, yk = sub("d", K) + f"({tt})", sub("y", K) + f"({tt})"
    if cost == "ce" or g == "linear":
        pair = {"softmax": translate("Explain", "softmax + cross-entropy"),
                "sigmoid": translate("Explain", "sigmoid + binary cross-entropy"),
                "linear": translate("Explain", "linear + SSE")}[g]
        lines = [f"{lhs} = {dk} − {yk}", f"= {_h(d[k])} − {fmt_paren(y[k])} = {_result(dv)}",
                 _note(translate("Explain", "{pair} is a matched pair: δ<sub>k</sub> = "
                                            "d<sub>k</sub> − y<sub>k</sub> exactly, with no g′ "
                                            "factor.").format(pair=pair))]
    elif g == "sigmoid":
        lines = [f"{lhs} = ({dk} − {yk}) {yk} (1 − {yk})",
                 f"= ({_h(d[k])} − {fmt_paren(y[k])}) · {_h(y[k])} · (1 − {_h(y[k])}) = "
                 f"{_result(dv)}",
                 _note(translate("Explain", "SSE with a sigmoid output: the slope g′ = y(1 − y) stays in."))]
    else:
        e = d - y
        terms = [(product(e[q], y[q]), e[q] * y[q]) for q in range(y.size)]
        inner = float(np.sum(e * y))
        lines = [f"{lhs} = {yk} [ ({dk} − {yk}) − Σ<sub>q</sub> (d<sub>q</sub> − y<sub>q</sub>) "
                 f"y<sub>q</sub> ]",
                 f"= {_h(y[k])} · [ {fmt_paren(e[k])} − ({expand_sum(terms)}) ] = {_h(y[k])} · "
                 f"[ {fmt_paren(e[k])} − {fmt_paren(inner)} ] = {_result(dv)}",
                 _note(translate("Explain", "SSE with softmax needs the full Jacobian of softmax; "
                                            "the source text's diagonal y<sub>k</sub>(1 − "
                                            "y<sub>k</sub>) is wrong here."))]
    return _block(*lines), dv


# -- public: pages ---------------------------------------------------------------------

def node_equation(session, layer: str, view_column: int, unit: int) -> Equation:
    """The page of a node of the unfolded view.

    Parameters
    ----------
    layer : {"x", "s", "y"}
    view_column : int
        The view's column (−1 = s(0) at the far left).
    unit : int
        0-based unit index.
    """
    ctx = Context(session)
    cw = ctx.window_column(view_column)
    if layer == "s" and (view_column == -1 or cw == -1):
        cw = -1
    if (layer != "s" and not 0 <= cw < ctx.Lw) or (layer == "s" and not -1 <= cw < ctx.Lw):
        return Equation("—", _head(translate("Explain", "no copy here")) + _block(_note(translate(
            "Explain", "This column holds no copy in the current window (the window is still "
            "filling up)."))), None, "node")
    if layer == "x":
        I = unit
        v = float(ctx.pas.X[cw, ctx.l, unit])
        html = (_head(translate("Explain", "input {x}").format(x=f"{sub('x', I)}({when(ctx.z(cw))})"))
                + _block(ctx.where(cw)) +
                _block(f"{sub('x', I)}({when(ctx.z(cw))}) = {_result(v)}",
                       _note(translate("Explain", "It feeds every hidden unit j through "
                                                  "v<sub>j{i}</sub>: net<sub>j</sub> gets "
                                                  "x<sub>{i}</sub> v<sub>j{i}</sub>. Input units "
                                                  "carry no δ.").format(i=I))))
        return Equation(f"x_{I}", html, v, "node")
    if layer == "s":
        J = unit
        if cw == -1:
            v = float(ctx.tr.s[0, ctx.l, unit])
            lab = "s(0)" if ctx.w0 == 0 else f"s({ctx.w0})"
            html = (_head(translate("Explain", "{s} entering the window: {state}").format(
                        s=sub('s', J), state=lab)) +
                    _block(f"{sub('s', J)} = {_result(v)}",
                           _note(translate("Explain", "Held constant: no error flows into it "
                                                      "(PyTorch's .detach()). It is s(0) at the "
                                                      "sequence start, else the state the running "
                                                      "network reached."))))
            return Equation(f"s_{J}(0)", html, v, "node")
        tt = when(ctx.z(cw))
        title = translate("Explain", "hidden unit {s}").format(s=f"{sub('s', J)}({tt})")
        show_delta = ctx.rv.bptt_from <= cw
        if show_delta:
            dhtml, dv = _hidden_delta(ctx, cw, unit)
            fhtml, _ = _hidden_forward(ctx, cw, unit, main=False)
            html = (_head(title + ": " + _error_of(f"{sub('δ', J)}({tt})")) + _block(ctx.where(cw))
                    + dhtml + _head(translate("Explain", "forward")) + fhtml)
            return Equation(f"δ_{J}({tt})", html, dv, "node")
        fhtml, sv = _hidden_forward(ctx, cw, unit, main=True)
        dhtml, _ = _hidden_delta(ctx, cw, unit)
        html = (_head(title) + _block(ctx.where(cw)) + fhtml
                + _head(_error_of(f"δ<sub>{J}</sub>({tt})")) + dhtml)
        return Equation(f"s_{J}({tt})", html, sv, "node")
    if layer == "y":
        K = unit
        tt = when(ctx.z(cw))
        title = translate("Explain", "output unit {y}").format(y=f"{sub('y', K)}({tt})")
        if ctx.rv.output[cw] or (ctx.rv.y > cw and ctx.session.phase != "forward"
                                 and not ctx.pas.deltas.targets[cw].any()):
            dhtml, dv = _output_delta(ctx, cw, unit)
            fhtml, _ = _output_forward(ctx, cw, unit, main=False)
            html = (_head(title + ": " + _error_of(f"{sub('δ', K)}({tt})")) + _block(ctx.where(cw))
                    + dhtml + _block(_note(_cost_text(ctx))) + _head(translate("Explain", "forward"))
                    + fhtml)
            return Equation(f"δ_{K}({tt})", html, dv, "node")
        fhtml, yv = _output_forward(ctx, cw, unit, main=True)
        dhtml, _ = _output_delta(ctx, cw, unit)
        html = (_head(title) + _block(ctx.where(cw)) + fhtml
                + _head(_error_of(f"δ<sub>{K}</sub>({tt})")) + dhtml)
        return Equation(f"y_{K}({tt})", html, yv, "node")
    raise ValueError(f"layer must be 'x', 's' or 'y', got {layer!r}")


def _cost_text(ctx: Context) -> str:
    if ctx.cost == "sse":
        return translate("Explain", "Cost: SSE, C = ½ Σ<sub>l</sub> Σ<sub>t</sub> Σ<sub>k</sub> "
                                    "(d<sub>k</sub> − y<sub>k</sub>)².")
    if ctx.output == "softmax":
        return translate("Explain", "Cost: cross-entropy, C = −Σ<sub>l</sub> Σ<sub>t</sub> "
                                    "Σ<sub>k</sub> d<sub>k</sub> ln y<sub>k</sub>.")
    return translate("Explain", "Cost: binary cross-entropy, C = −Σ [d ln y + (1 − d) ln(1 − y)].")


def _foldback_lines(ctx: Context, matrix: str, row: int, col: int) -> tuple[list, float]:
    """Δ of one weight as η Σ_z Σ_l (terms) and its value."""
    letter, r, c = MATRIX[matrix]
    R, C = row, col
    pas = ctx.pas
    dh, do = pas.deltas.delta_h, pas.deltas.delta_o
    if matrix == "V":
        sym = (f"Δ{sub('v', f'{R},{C}')} = η Σ<sub>z</sub> Σ<sub>l</sub> {sub('δ', f'l,{R}')}(t−z) "
               f"{sub('x', f'l,{C}')}(t−z)")
        a, b = dh[:, :, row], pas.X[:, :, col]
    elif matrix == "U":
        sym = (f"Δ{sub('u', f'{R},{C}')} = η Σ<sub>z</sub> Σ<sub>l</sub> {sub('δ', f'l,{R}')}(t−z) "
               f"{sub('s', f'l,{C}')}(t−z−1)")
        a, b = dh[:, :, row], pas.trace.s[:-1, :, col]
    else:
        sym = (f"Δ{sub('w', f'{R},{C}')} = η Σ<sub>l</sub> {sub('δ', f'l,{R}')}(t) "
               f"{sub('s', f'l,{C}')}(t)" + "&nbsp; " + _note(translate(
                   "Explain", "(summed over the steps where error entered)")))
        a, b = do[:, :, row], pas.trace.s[1:, :, col]
    prods = a * b                                   # (L, P)
    terms = [(product(a[t, l], b[t, l]), prods[t, l]) for t in range(a.shape[0])
             for l in range(a.shape[1]) if a[t, l] != 0.0]
    total = float(prods.sum())
    n_all = a.shape[0] * a.shape[1]
    skipped = n_all - len(terms)
    value = ctx.eta * total
    num = f"= {_h(ctx.eta)} · ({expand_sum(terms)}) = {_h(ctx.eta)} · {fmt_paren(total, 5)} = {_result(value)}"
    lines = [sym, num]
    if skipped:
        lines.append(_note(translate("Explain", "{n} nonzero terms over {copies} copies × "
                                                "{samples} samples ({skipped} are 0: no error "
                                                "reached them).").format(
            n=len(terms), copies=a.shape[0], samples=a.shape[1], skipped=skipped)))
    if matrix in ("V", "U"):
        lines.append(_note(_word(H_SENTENCE_HTML)))
    if ctx.update.clipped:
        applied = float(ctx.update.change[matrix][row, col])
        lines.append(_note(translate("Explain", "The gradient norm was clipped: the change "
                                                "applied is {value}.").format(value=_h(applied, 5))))
    return lines, value


def weight_equation(session, matrix: str, row: int, col: int, view_column: int | None = None) -> Equation:
    """The page of a weight v_ji, u_jh or w_kj: its value, this copy's terms and the fold-back.

    Parameters
    ----------
    matrix : {"V", "U", "W"}
    row, col : int
        0-based (to-unit, from-unit), as the view's edge signals give them.
    view_column : int, optional
        The copy that was clicked (edges); None for a matrix cell.
    """
    if matrix not in MATRIX:
        raise ValueError(f"matrix must be 'V', 'U' or 'W', got {matrix!r}")
    ctx = Context(session)
    letter, r, c = MATRIX[matrix]
    R, C = row, col
    w = sub(letter, f"{R},{C}")
    val = float(ctx.weights[matrix][row, col])
    now = f"{w} = {_h(val, 5)}"
    if ctx.after is not None:
        now += translate("Explain", " before the update, {value} after it").format(
            value=_h(ctx.after[matrix][row, col], 5))
    flines, dv = _foldback_lines(ctx, matrix, row, col)
    parts = [_head(translate("Explain", "weight {w} &nbsp;({m}[{r}, {c}], shared by every "
                                        "copy)").format(w=w, m=matrix, r=R, c=C)),
             _head(translate("Explain", "fold-back: the change Δ{w}").format(w=w)),
             _block(*flines, _note(translate("Explain", "update: {w} ← {w} + Δ{w}; ").format(w=w)
                                   + now))]
    if view_column is not None:
        cw = ctx.window_column(view_column)
        if 0 <= cw < ctx.Lw:
            parts.append(_head(translate("Explain", "along this edge in copy {copy}").format(
                copy=when(ctx.z(cw)))))
            parts.append(_block(ctx.where(cw), *_copy_lines(ctx, matrix, cw, row, col)))
    return Equation(f"Δ{letter}_{R},{C}", "".join(parts), dv,
                    "edge" if view_column is not None else "weight")


def _copy_lines(ctx: Context, matrix: str, cw: int, row: int, col: int) -> list:
    l = ctx.l
    tt, tp = when(ctx.z(cw)), when(ctx.z(cw) + 1)
    R, C = row, col
    pas, tr, rv = ctx.pas, ctx.tr, ctx.rv
    lines = []
    wv = ctx.weights[matrix][row, col]
    if matrix == "V":
        src, src_v, known = f"{sub('x', C)}({tt})", pas.X[cw, l, col], True
        w = sub("v", f"{R},{C}")
    elif matrix == "U":
        src, src_v, known = f"{sub('s', C)}({tp})", tr.s[cw, l, col], rv.s >= cw
        w = sub("u", f"{R},{C}")
    else:
        src, src_v, known = f"{sub('s', C)}({tt})", tr.s[cw + 1, l, col], rv.s > cw
        w = sub("w", f"{R},{C}")
    if known:
        lines.append(translate("Explain", "signal: {terms}").format(
            terms=f"{src} {w} = {product(src_v, wv)} = {_h(src_v * wv, 5)} ")
            + _note(translate("Explain", "(one term of net<sub>{r}</sub>)").format(r=R)))
    if matrix == "U" and rv.bptt_from <= cw:
        d = pas.deltas.delta_h[cw, l, row]
        lines.append(translate("Explain", "error sent back: {terms}").format(
            terms=f"{sub('δ', R)}({tt}) {w} = {product(d, wv)} = {_h(d * wv, 5)} ")
            + _note(translate("Explain", "(one term of Σ<sub>j</sub> δ<sub>j</sub>({t}) "
                                         "u<sub>j{c}</sub> in δ<sub>{c}</sub>({tp}))").format(
                t=tt, c=C, tp=tp)))
    if matrix == "W" and rv.output[cw]:
        d = pas.deltas.delta_o[cw, l, row]
        lines.append(translate("Explain", "error sent back: {terms}").format(
            terms=f"{sub('δ', R)}({tt}) {w} = {product(d, wv)} = {_h(d * wv, 5)}"))
    fb = pas.foldback
    if fb is not None and (rv.bptt_from <= cw or (matrix == "W" and rv.output[cw])):
        share = float(getattr(fb, matrix)[cw, row, col])
        folded = " " + _note(translate("Explain", "(folded into the sum)") if rv.folded_from <= cw
                             else translate("Explain", "(not folded yet)"))
        what = {"V": f"δ<sub>l,{R}</sub>({tt}) x<sub>l,{C}</sub>({tt})",
                "U": f"δ<sub>l,{R}</sub>({tt}) s<sub>l,{C}</sub>({tp})",
                "W": f"δ<sub>l,{R}</sub>({tt}) s<sub>l,{C}</sub>({tt})"}[matrix]
        lines.append(translate("Explain", "this copy's share: {terms}").format(
            terms=f"Σ<sub>l</sub> {what} = {_h(share, 5)}") + folded)
    if not lines:
        lines.append(_note(translate("Explain", "nothing has passed along this edge yet.")))
    return lines


def edge_equation(session, matrix: str, view_column: int, row: int, col: int) -> Equation:
    """The page of an edge of the unfolded view (the weight, seen from one copy)."""
    return weight_equation(session, matrix, row, col, view_column=view_column)


# -- tooltips -----------------------------------------------------------------------

def _shown(v) -> str:
    """A value of the frame on screen: "—" while it is not revealed (NaN)."""
    return "—" if v is None or math.isnan(float(v)) else _h(v)


def _label(labels, i: int) -> str:
    try:
        lab = str(labels[i])
    except (IndexError, TypeError):
        return ""
    return f" “{_escape(lab)}”" if lab else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows) -> str:
    cells = "".join(f"<tr><td>{k}</td><td align='right'>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def _outside(c: int) -> str:
    return "<i>" + translate("Explain", "column {c}: outside the current window").format(c=c) + "</i>"


def node_tooltip(session, frame, layer: str, c: int, unit: int) -> str:
    """Rich text for the node ``unit`` of ``layer`` ('x', 's' or 'y') in view column ``c``."""
    ctx = Context(session)
    cw = ctx.window_column(c) if c != -1 else -1
    if cw < -1 or cw >= ctx.Lw or (cw == -1 and layer != "s"):
        return _outside(c)
    net = session.net
    l = ctx.l
    if cw == -1:
        lab = "s(0)" if ctx.w0 == 0 else f"s({ctx.w0})"
        return (f"<b>{_word('hidden')} {sub('s', unit)}</b> ({lab}): " +
                translate("Explain", "the state entering the window (a constant: no error flows "
                                      "further back)") + f"<br>{_word('sample')} "
                f"l = {l + 1}" + _table([(sub("s", unit), _shown(frame.s[0, unit]))]))
    tt = when(ctx.z(cw))
    where = ctx.where(cw)
    if layer == "x":
        rows = [(f"{sub('x', 'i')}({tt})", _shown(frame.x[c, unit]))]
        return (f"<b>{_word('input')} {sub('x', unit)}({tt})</b> (i = {unit})"
                f"{_label(session.task.input_labels, unit)}<br>{where}{_table(rows)}")
    if layer == "s":
        s = frame.s[c + 1, unit]
        revealed = not math.isnan(s)
        rows = [(f"{sub('net', 'j')}({tt})", _h(ctx.tr.net_h[cw, l, unit]) if revealed else "—"),
                (f"{sub('s', 'j')}({tt}) = f({sub('net', 'j')}({tt})), f = {net.hidden}", _shown(s))]
        d = frame.delta_s[c + 1, unit] if frame.delta_s is not None else math.nan
        if not math.isnan(d):
            slope = float(act.hidden_slope(net.hidden, np.array([s]))[0])
            rows.append((f"{sub('δ', 'j')}({tt})", _h(d)))
            rows.append((f"= f′({sub('net', 'j')}({tt})) = {_word(act.SLOPE_IN_S[net.hidden])}", _h(slope)))
            rows.extend(_delta_sources(ctx, cw, unit, slope, d))
        text = f"<b>{_word('hidden')} {sub('s', unit)}({tt})</b> (j = {unit})<br>{where}{_table(rows)}"
        if math.isnan(d) and revealed:
            text += "<i>" + translate("Explain", "δ not computed yet at this micro-step") + "</i>"
        elif not revealed:
            text += "<i>" + translate("Explain", "not computed yet at this micro-step") + "</i>"
        return text
    y = frame.y[c, unit]
    revealed = not math.isnan(y)
    rows = [(f"{sub('net', 'k')}({tt})", _h(ctx.tr.net_o[cw, l, unit]) if revealed else "—"),
            (f"{sub('y', 'k')}({tt}) = g({sub('net', 'k')}({tt})), g = {net.output}", _shown(y))]
    targets = ctx.pas.deltas.targets
    if targets[cw, l]:
        rows.append((f"{_word('target')} {sub('d', 'k')}({tt})",
                     _h(ctx.pas.D[cw, l, unit])))
    d = frame.delta_y[c, unit] if frame.delta_y is not None else math.nan
    if not math.isnan(d):
        rows.append((f"{sub('δ', 'k')}({tt})", _h(d)))
    text = (f"<b>{_word('output')} {sub('y', unit)}({tt})</b> (k = {unit})"
            f"{_label(session.task.output_labels, unit)}<br>{where}{_table(rows)}")
    if not targets[cw, l]:
        text += "<i>" + translate("Explain", "no target at this step: no error enters here") + "</i>"
    elif not revealed:
        text += "<i>" + translate("Explain", "not computed yet at this micro-step") + "</i>"
    return text


def _delta_sources(ctx: Context, cw: int, j: int, slope: float, d: float):
    """Rows splitting δ_j(t−z) into what y(t−z) and s(t−z+1) send back (when they add up)."""
    l = ctx.l
    dh = ctx.pas.deltas.delta_h
    from_y = float(ctx.pas.deltas.delta_o[cw, l] @ ctx.W[:, j])
    last = cw + 1 >= dh.shape[0]
    from_s = 0.0 if last else float(dh[cw + 1, l] @ ctx.U[:, j])
    if not math.isclose(slope * (from_y + from_s), d, rel_tol=1e-6, abs_tol=1e-12):
        return []
    z = ctx.z(cw)
    tt, tn = when(z), when(z - 1)
    from_y_row = (f"Σ<sub>k</sub> {sub('δ', 'k')}({tt}) {sub('w', 'kj')}  "
                  f"{_word('from')} y({tt})")
    if last:        # the last copy: only its own output sends error back
        return [(f"&nbsp;&nbsp;× {from_y_row}", _h(from_y))]
    return [(f"&nbsp;&nbsp;× ( {from_y_row}", _h(from_y)),
            (f"&nbsp;&nbsp;+ Σ<sub>h</sub> {sub('δ', 'h')}({tn}) {sub('u', 'hj')}  "
             f"{_word('from')} s({tn}) )", _h(from_s))]


_EDGE_NAMES = {
    "V": ("v", "x", "i", "s", "j", QT_TRANSLATE_NOOP("Explain", "input → hidden")),
    "U": ("u", "s", "h", "s", "j", QT_TRANSLATE_NOOP("Explain", "previous hidden → hidden")),
    "W": ("w", "s", "j", "y", "k", QT_TRANSLATE_NOOP("Explain", "hidden → output")),
}


def edge_tooltip(session, frame, matrix: str, c: int, row: int, col: int) -> str:
    """Rich text for the edge ``matrix[row, col]`` into view column ``c``."""
    ctx = Context(session)
    cw = ctx.window_column(c)
    if not 0 <= cw < ctx.Lw:
        return _outside(c)
    w_name, src, si, dst, di, what = _EDGE_NAMES[matrix]
    z = ctx.z(cw)
    tt, ts = when(z), when(z + 1 if matrix == "U" else z)
    title = (f"<b>{w_name}<sub>{di}{si}</sub></b> = {w_name}<sub>{row},{col}</sub>: "
             f"{src}<sub>{col}</sub>({ts}) → {dst}<sub>{row}</sub>({tt}) ({_word(what)})")
    now = getattr(session.net, matrix)[row, col]
    rows = [(f"{matrix}[{row}, {col}] {_word('now')}", _h(now))]
    if session.applied:
        rows.insert(0, (f"{matrix}[{row}, {col}] {_word('during this pass')}",
                        _h(ctx.weights[matrix][row, col])))
        rows.append((translate("Explain", "change −η ∂C/∂w"), _h(session.update.change[matrix][row, col])))
    value = getattr(frame, f"edge_{matrix}")[c, row, col]
    mode = frame.edge_mode
    rows.append((f"{_word('shown')}: {_word(EDGE_MODE_TEXT.get(mode, mode))}", _shown(value)))
    if mode == "share" and not math.isnan(value):
        rows.append((translate("Explain", "η × share (this copy's part of Δw)"), _h(ctx.eta * value)))
    text = f"{title}<br>{ctx.where(cw)}{_table(rows)}"
    if math.isnan(value):
        text += "<i>" + translate("Explain", "nothing flows along this edge at this micro-step") + "</i>"
    return text


def tooltip(session, frame, kind: str, *index) -> str:
    """The tooltip provider of the unfolded view: ``tooltip(session, frame, 'node'|'edge', ...)``."""
    if frame is None:
        return ""
    try:
        if kind == "node":
            return node_tooltip(session, frame, *index)
        if kind == "edge":
            return edge_tooltip(session, frame, *index)
    except (IndexError, ValueError):   # the structure changed under the mouse
        return ""
    return ""


# -- status line and caption -----------------------------------------------------------

def status_text(st: dict) -> str:
    """One line for the status bar from :meth:`Session.status`."""
    parts = [translate("Explain", "update {n}").format(n=st["update"]),
             translate("Explain", "phase: {phase}").format(phase=st["phase_text"]),
             translate("Explain", "step {i}/{n}").format(i=st["micro"], n=st["micro_total"])]
    parts.append(f"t = {st['t']}" if st.get("t") is not None else "t = —")
    parts.append(f"z = {st['z']}" if st.get("z") is not None else "z = —")
    parts.append(training_cost_text(st.get("training_cost")))
    parts.append(st.get("scheme", ""))
    return "   ·   ".join(p for p in parts if p)


def training_cost_text(cost) -> str:
    """"training cost 0.6721": the one cost the status bar, the cost plot's header and captions
    show: per scored output over the whole training sequence with the weights now
    (:meth:`Session.training_cost`)."""
    return translate("Explain", "training cost {value}").format(
        value="—" if cost is None or (isinstance(cost, float) and math.isnan(cost)) else fmt(cost))


def caption_text(task_name: str, st: dict) -> str:
    """One line under a frame's title: task, update, phase, t, z, cost (see :meth:`Session.status`)."""
    parts = [task_name, translate("Explain", "update {n}").format(n=st["update"]), st["phase_text"]]
    if st["t"] is not None:
        parts.append(f"t = {st['t']}")
    if st["z"] is not None:
        parts.append(f"z = {st['z']}")
    if st.get("training_cost") is not None:
        parts.append(training_cost_text(st["training_cost"]))
    elif not math.isnan(st["cost"]):
        parts.append(translate("Explain", "cost {value}").format(value=fmt(st["cost"])))
    return "  ·  ".join(parts)
