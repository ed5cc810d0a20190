"""Indicators: a metric phrase as written -> one canonical indicator id and a scope.

    >>> from zjnews_extract.indicators import match_metric
    >>> match_metric("规上工业增加值", kind="growth", unit="%")
    IndicatorMatch(indicator='industry.value_added', scope='规模以上', reason='matched')

The catalogue is data (data/indicators.toml); catalogue() gives it as typed records. Nothing is
loaded at import time: the automaton is built on the first match.
"""
from __future__ import annotations

from .catalogue import Catalogue, Indicator, Member, catalogue, problems
from .fit import IndicatorMatch, unit_family
from .matcher import match_metric, normalise

__all__ = ["Catalogue", "Indicator", "IndicatorMatch", "Member", "catalogue", "match_metric", "normalise",
           "problems", "unit_family"]
