"""Data files shipped with rnn-unfold (installed as ``visualizer.assets``)."""
