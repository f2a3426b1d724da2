"""The benchmarks' own logic: timeline-summarisation metrics and selection."""
