"""rnn-unfold visualizer: PySide6 + pyqtgraph views of the core engine."""
