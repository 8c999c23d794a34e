"""Renderers: one pure function per format, from a Report to text."""
