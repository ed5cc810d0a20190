"""Periods: the words that say when (grammar.py, mentions.py, holidays.py) and the one path
that gives each number its period (reach.py)."""
from __future__ import annotations

from .mentions import PeriodMention, find_periods, has_months
from .measures import period_of_measure
from .index import PeriodIndex

__all__ = ["PeriodIndex", "PeriodMention", "find_periods", "has_months", "period_of_measure"]
