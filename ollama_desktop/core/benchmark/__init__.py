"""Benchmarks (no Qt): the run plan and its statistics, the runner, past results and the comparison
with them, this computer as a result describes it, and the CSV and Markdown exports."""
