"""Extraction: temporal expressions and the events they date, from cleaned article text.

Pure functions of their inputs; never reads files or the clock.
"""
