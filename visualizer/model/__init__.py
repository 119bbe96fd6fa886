"""The Qt-free model: configuration, session, events, frames, explanations, workspace files."""
