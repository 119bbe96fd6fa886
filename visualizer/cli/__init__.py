"""The ``rnn-unfold`` command: the window by default, and headless sub-commands.

Each sub-command lives in its own module ``visualizer.cli.<name>`` with
``add_arguments(parser)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import importlib
import sys
import warnings

import numpy as np

from visualizer.cli.common import Parser, UsageError, add_model_options, config_from_args, fail
from visualizer.model.config import LANGUAGE_CHOICES

SUBCOMMANDS = {
    "export": "write animation frames (PNG, GIF, MP4) without a window",
    "train": "train headless and save a workspace file",
    "gradcheck": "compare the engine's gradients with finite differences",
    "sample": "generate a sequence from a trained network's own predictions",
}


def _subcommand_modules():
    for name in SUBCOMMANDS:
        yield name, importlib.import_module(f"visualizer.cli.{name}")


def build_parser() -> Parser:
    """The argument parser of ``rnn-unfold`` and its sub-commands."""
    parser = Parser(
        prog="rnn-unfold",
        description="See backpropagation through time: an Elman network unfolded over its "
                    "time steps, stepped through the forward pass, BPTT and the weight "
                    "fold-back, with the cost plotted live. With no sub-command it opens the "
                    "window.")
    parser.add_argument("--open", metavar="FILE", help="open a workspace file at start")
    from visualizer.model.config import THEMES
    parser.add_argument("--theme", choices=THEMES, default=None,
                        help="colours of the window for this run: light, dark or high-contrast "
                             "(projectors); View ▸ Theme changes and remembers it")
    parser.add_argument("--lang", choices=LANGUAGE_CHOICES,
                        help="the window's language: zh_CN, en or system (default: the one chosen "
                             "in Preferences ▸ Language, else the system's); command-line "
                             "messages stay in English")
    add_model_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, module in _subcommand_modules():
        p = sub.add_parser(name, help=SUBCOMMANDS[name], description=module.__doc__)
        module.add_arguments(p)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``rnn-unfold`` script; returns the exit status.

    Ctrl-C ends any sub-command with one line and exit status 130 (a command
    that can keep its work, like ``train --save``, says what it kept). Python
    and numpy warnings are not printed: a diverging run is reported in words.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command:
        prog = f"rnn-unfold {args.command}"
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                module = importlib.import_module(f"visualizer.cli.{args.command}")
                return module.run(args)
        except KeyboardInterrupt:
            print(f"{prog}: interrupted", file=sys.stderr)
            return 130
    try:
        config = config_from_args(args) if args.task is not None or _any_model_option(args) else None
    except UsageError as err:
        return fail("rnn-unfold", str(err))
    from visualizer.qt import app
    return app.run(args, config)


def _any_model_option(args) -> bool:
    return any(getattr(args, k, None) not in (None, []) for k in
               ("param", "hidden", "f", "g", "cost", "scheme", "h", "h_prime", "eta", "P",
                "seed", "clip", "memory_budget"))


if __name__ == "__main__":
    sys.exit(main())
