"""Scripts that measure speed and accuracy; a package so tests can import their helpers."""
