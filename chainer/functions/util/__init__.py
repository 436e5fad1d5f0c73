"""util functions."""
