"""``python -m visualizer``: the same as the ``rnn-unfold`` command (a checkout runs as it is)."""
import sys

from visualizer.cli import main

sys.exit(main())
