"""Grounded question answering over news articles: answers made only of exact quotes."""

__version__ = "0.1.0"
