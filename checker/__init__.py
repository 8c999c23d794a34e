"""factcheck: finds the claims in a press release that contradict each other or its own date."""

__version__ = "0.1.0"
