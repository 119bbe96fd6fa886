"""The insight panels (fold-back, inspector, vanishing gradients, gradient check)."""
