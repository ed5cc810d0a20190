"""What a bare percentage of a named thing is: the growth of a rate named as one (GDP同比增速 over 广东（3.3%）),
or the growth an amount's goal aims at (海南为9.5%左右 under 各地GDP目标); assemble.py asks before it emits."""
from __future__ import annotations

from functools import cache

from . import metric as M
from .lexicon import cues


@cache
def _growth_rate_heads() -> tuple[str, ...]:
    return tuple(cues()["metric"]["growth_rate_heads"])


def names_growth_rate(metric: str) -> bool:
    """GDP同比增速, GDP增速目标: a rate of growth, or the goal set for one."""
    goal = next((t for t in cues()["metric"]["rate_goal_tails"] if metric.endswith(t)), "")
    named = metric[:len(metric) - len(goal)]
    return named.endswith(_growth_rate_heads()) and not named.endswith(tuple(cues()["metric"]["level_rate_names"]))


def goal_of_amount(metric: str | None) -> str:
    """GDP目标, 各地GDP目标, 进出口预期目标: the goal set for an amount counted by the year (its growth), else ""."""
    goal = next((t for t in cues()["metric"]["rate_goal_tails"] if metric and metric.endswith(t)), "")
    if not goal:
        return ""
    from ..indicators.matcher import match_metric  # noqa: PLC0415  (the catalogue loads on first use)

    name = M.peel(metric[:-len(goal)])[0]
    name = next((name[len(w):] for w in cues()["metric"]["goal_scopes"] if name.startswith(w)), name).removesuffix("的")
    return goal if name and match_metric(name, kind="value", unit="CNY").indicator is not None else ""
