"""Rendering: the chronology composed into one document tree, then written in each format.

The writers see only ``Document``; they never import each other.
"""
