"""Benchmarks: scripts that print the figures of README's Performance table (not tests)."""
