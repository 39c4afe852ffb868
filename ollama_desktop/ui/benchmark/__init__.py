"""The Benchmark dialog: its setup, progress, results table and chart, the baseline, and its texts."""
