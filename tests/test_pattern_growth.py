"""Issue 12, slow paths: every pattern of the data files and the code runs in time linear in the line.

Each regular expression the package compiles (collected by tests/collect_patterns.py) is fed
adversarial lines of 10, 100 and 1,000 repetitions of what one of its repeats accepts
(tests/pattern_attacks.py), and the search time from 100 to 1,000 repetitions may grow about
tenfold, not a hundredfold (quadratic) or without end (catastrophic backtracking: a search
running past a generous budget counts as unbounded growth). Ratios, never a wall-clock limit.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import regex

from pattern_attacks import SIZES, Attack, Growth, encode_like, growth, steady_seconds

ROOT = Path(__file__).resolve().parent.parent
# 10x more input may cost at most this much more time; linear is 10, quadratic 100.
MAX_GROWTH = 30.0
# A search still running after this long has run away (the linear ones take microseconds).
RUNAWAY_SECONDS = 1.0

# Every pattern belongs to exactly one group, by where it is written (a data file, else a module).
GROUPS = {
    "data/chrome.toml": ("data/chrome.toml",),
    "data/byline.toml": ("data/byline.toml",),
    "clean": ("clean/", "data/invisible.toml"),
    "batch and cli": ("batch", "cli", "output", "review_cli"),
    "data/tables.toml": ("data/tables.toml",),
    "indicators and store": ("indicators/", "store/", "enrich.py", "data/indicators.toml"),
    "quantity reader": ("quantity/", "quantities/", "data/quantity_"),
    "facts": ("facts/", "text.py", "data/periods.toml", "data/facts_", "data/initiatives.toml", "data/metric_",
              "data/holidays.toml"),
}


def group_of(origin: str) -> str | None:
    for name, prefixes in GROUPS.items():
        if origin.startswith(prefixes):
            return name
    return None


@pytest.fixture(scope="module")
def patterns() -> list[dict]:
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "collect_patterns.py")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _compiled(entry: dict):
    pattern = entry["pattern"].encode("latin-1") if entry["bytes"] else entry["pattern"]
    engine = re if entry["engine"] == "re" else regex
    with warnings.catch_warnings():  # FutureWarning on "[[" is the compiling module's to heed, not this test's
        warnings.simplefilter("ignore", FutureWarning)
        return engine.compile(pattern, entry["flags"])


def worst_growth(compiled) -> Growth | None:
    """The attack whose search time grows fastest from 100 to 1,000 repetitions, if any grows too fast.

    One quick search per size screens each attack; a fast-growing one is measured again carefully
    (the least of several runs) before it counts."""
    from pattern_attacks import attacks, search_seconds

    for attack in attacks(compiled.pattern, compiled.flags):
        quick = {}
        for n in SIZES[1:]:
            quick[n] = search_seconds(compiled, encode_like(compiled.pattern, attack.line(n)), budget=RUNAWAY_SECONDS)
            if quick[n] is None:
                break
        if None not in quick.values() and quick[SIZES[2]] <= MAX_GROWTH * max(quick[SIZES[1]], 1e-6):
            continue
        careful = growth(compiled, attack, budget=RUNAWAY_SECONDS, careful=True)
        if _too_fast(careful):
            return careful
    return None


def _too_fast(g: Growth) -> bool:
    small, big = g.seconds.get(SIZES[1]), g.seconds.get(SIZES[2])
    return small is None or big is None or big > MAX_GROWTH * max(small, 1e-6)


def _describe(entry: dict, g: Growth) -> str:
    times = ", ".join(f"{n}: {'runaway' if s is None else f'{s * 1e6:.0f} µs'}" for n, s in g.seconds.items())
    return f"{entry['origin']} {entry['pattern'][:80]!r}\n    line {g.attack}  ->  {times}"


def _params() -> list:
    return list(_param_list())


def _param_list():
    for name in GROUPS:
        marks = []
        if name in ("quantity reader", "facts"):
            marks = [pytest.mark.slow]  # the largest groups: their runs take the longest
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("group", _params())
def test_every_pattern_grows_at_most_linearly_on_adversarial_lines(patterns, group):
    mine = [entry for entry in patterns if group_of(entry["origin"]) == group]
    assert mine, f"no pattern found for {group}: the collector misses it"
    failures = [_describe(entry, g) for entry in mine if (g := worst_growth(_compiled(entry))) is not None]
    assert not failures, f"{len(failures)} of {len(mine)} patterns grow faster than linearly:\n" + "\n".join(failures)


def test_every_pattern_the_package_compiles_is_in_a_group(patterns):
    assert len(patterns) > 100
    assert {entry["origin"] for entry in patterns if group_of(entry["origin"]) is None} == set()
    assert {"data/chrome.toml", "data/byline.toml"} <= {entry["origin"] for entry in patterns}


# --- the cases the issue names, each on the rule it hit ------------------------------------------------

def _rule(reason: str, contains: str):
    from zjnews_extract.clean import chrome

    return next(rule.pattern for rule in chrome.rules() if rule.reason == reason and contains in rule.pattern.pattern)


def _growth_of(compiled, prefix: str, pump: str, suffix: str) -> Growth:
    return growth(compiled, Attack(prefix, pump, suffix), budget=RUNAWAY_SECONDS, careful=True)


def test_pager_like_line_of_digits_grows_linearly():
    """One line of ~40 digits in a pager took about 150 s (1- and 2-digit page numbers split every way)."""
    pager = _rule("pagination", "下一页")
    g = _growth_of(pager, "[1] ", "1", "!")
    assert not _too_fast(g), g
    assert pager.search("1 2 3 下一页") and pager.search("[1] [2] [3]") and not pager.search("1" * 40 + "!")


def test_repeated_button_words_then_another_character_grow_linearly():
    """A dozen 打印 … then one other character took 3.4 s (the spaces between them split every way)."""
    buttons = _rule("buttons", "打印本页")
    for pump in ("打印 ", "【打印】 ", "打印 | "):
        g = _growth_of(buttons, "", pump, "x")
        assert not _too_fast(g), g
    assert buttons.search("【打印本页】【关闭窗口】") and not buttons.search("打印 " * 12 + "x")


def test_breadcrumb_chain_a_gt_a_grows_linearly():
    """`a > a > … >` took more than 8 s (spaces belong to the arrow or to the item)."""
    trail = _rule("breadcrumb", "{2,}")
    for pump, suffix in ((" > a", " >"), (" > a", "。"), ("  >  a ", "，")):
        g = _growth_of(trail, "a", pump, suffix)
        assert not _too_fast(g), g
    assert trail.search("和讯网 > 股票 > 股市报道") and not trail.search("a" + " > a" * 12 + " >。")


def test_meta_date_of_32_and_64_kb_costs_time_linear_in_its_size():
    """A meta date value of 32 kB took 0.6 s and 64 kB 2.2 s; doubling the input may at most about double
    the time (here: eight times the value, at most about eight times the time, with room for noise)."""
    import zjnews_extract

    body = "<p>" + "全省进出口总额同比增长，" * 10 + "</p>"

    def page(kb: int, unit: str) -> str:
        value = unit * (kb * 1024 // len(unit))
        return (f'<html><head><meta name="pubdate" content="{value}">'
                f'<meta property="article:published_time" content="{value}"></head><body>{body}</body></html>')

    zjnews_extract.extract(page(1, "2025 Jan "))  # loads the stages once
    for unit in ("2025 Jan ", "Jan", "aA", "2025年"):
        small = min(_timed(zjnews_extract.extract, page(8, unit)) for _ in range(3))
        big = min(_timed(zjnews_extract.extract, page(64, unit)) for _ in range(3))
        assert big <= 8 * 3 * small, (unit, small, big)


def _timed(func, *args) -> float:
    import time

    started = time.perf_counter()
    func(*args)
    return time.perf_counter() - started


def test_steady_seconds_sees_a_quadratic_pattern():
    """The measurement itself can fail: a pattern known to be quadratic in search is caught."""
    quadratic = re.compile(r"\s+$")
    g = _growth_of(quadratic, "", " ", "x")
    assert _too_fast(g), g
    assert steady_seconds(re.compile("a"), "a", budget=1.0) is not None
