"""The unfolded network view."""
