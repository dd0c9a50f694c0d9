"""eventwire: sourced, deduplicated political event records from raw news pages."""

__version__ = "0.1.0"
