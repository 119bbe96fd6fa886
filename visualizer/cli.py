"""The ``rnn-unfold`` command: the window by default, and headless sub-commands."""
from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``rnn-unfold`` and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="rnn-unfold",
        description="See backpropagation through time: an Elman network unfolded over its "
                    "time steps, stepped through the forward pass, BPTT and the weight fold-back.")
    return parser


def main(argv=None) -> int:
    """Entry point of the ``rnn-unfold`` script."""
    parser = build_parser()
    parser.parse_args(argv)
    print("rnn-unfold: the window is not there yet; the engine is `import core`.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
