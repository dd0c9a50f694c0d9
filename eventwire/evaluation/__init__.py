"""Scorers for `eventwire eval`: measured accuracy against labelled data."""
