"""Evaluation functions (metrics)."""
