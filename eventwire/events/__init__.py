"""Events: PLOVER-typed events with participants, attribution, modality and evidence."""

from eventwire.events.extract import EventExtractor
from eventwire.events.lexicon import Lexicon, load_lexicon

__all__ = ["EventExtractor", "Lexicon", "load_lexicon"]
