"""What a number measures: the words before it read (window.py), the nouns around it
(nouns.py), and the choice between its own name and the one its frame carries (resolve.py)."""
from __future__ import annotations

from .nouns import (ends_open, has_verb, is_generic, leading_noun, milestone_nouns, noun_after, only_function_words,
                    share_modifier, trailing_noun)
from .bracketed import bracket_name, in_brackets_after_name
from .labelled import labelled_item
from .ranks import role_after_rank
from .contribution import contribution
from .counted_doer import doer_start
from .resolve import metric_of
from .topics import list_heading, may_state_topic, stated_topic, superlative_measure
from .window import Window, clear_caches, drop_place_group, patterns, peel, read_window

__all__ = ["Window", "bracket_name", "in_brackets_after_name", "clear_caches", "contribution", "doer_start", "drop_place_group", "ends_open", "has_verb", "is_generic", "labelled_item", "leading_noun", "list_heading", "may_state_topic", "milestone_nouns",
           "metric_of", "noun_after", "only_function_words", "patterns", "peel", "read_window", "role_after_rank", "share_modifier",
           "stated_topic", "superlative_measure", "trailing_noun"]
