"""The company, bank or institution an article reports the results of, if any: it is then the
subject of those results, not the province or city inside its name (贵州茅台, 上海医药, 中国中铁).

A company is told by its stock code (上海医药(02607), 贵州茅台(600519.SH)), a short name defined in
brackets (中国中铁股份有限公司(以下简称“中国中铁”)), a name ending in 公司/集团/银行… that opens
its results (上港集团完成…), or a name that publishes them (中国中铁公布了2019年度业绩报告). It is
the article's own subject only when the article reports results (营业收入, 净利润, 吞吐量 …) and
names it at least as often as any place (facts/context.py). Words in data/facts_subjects.toml [company].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..data import load_toml
from .lexicon import alternation

# Why: a name is a run of Han characters (and Latin letters: TCL科技) up to this long.
_NAME_MAX = 12
# Why: results words are looked for this far after a company's publishing verb (公布了2019年度业绩报告).
_RESULTS_REACH = 16


@dataclass(frozen=True)
class Company:
    name: str
    mentions: int  # how often the article writes it (the headline counting three times)
    spans: tuple  # (start, end) of each time it is written


@cache
def _words() -> dict:
    return load_toml("facts_subjects.toml")["company"]


@cache
def _patterns() -> dict[str, regex.Pattern]:
    w = _words()
    run = rf"[\u4e00-\u9fffA-Za-z]{{2,{_NAME_MAX}}}"
    return {
        # 上海医药(02607), 贵州茅台(600519.SH), 中国中铁（601390）
        "code": regex.compile(rf"(?P<run>{run})[（(](?:[A-Za-z]{{1,3}}[:：]?\s*)?"
                              r"(?:\d{6}(?:\.[A-Za-z]{2})?|\d{4,5}(?:\.HK)?)[)）]"),
        # 中国中铁股份有限公司(以下简称“中国中铁”)
        "defined": regex.compile(rf"(?:{alternation(w['suffixes'])})[（(](?:以下)?简称[:：]?[“\"「]?"
                                 r"(?P<short>[^”\"」）)]{2,10})[”\"」]?[)）]"),
        # 上港集团完成…, 中国中铁公布了…业绩: a name where a clause opens
        "opening": regex.compile(rf"(?:^|(?<=[\n。，,；;：:！？\s]))(?P<run>{run}?)"
                                 rf"(?=(?P<verb>{alternation(w['result_verbs'])}))"),
        "publish": regex.compile(alternation(w["publish_verbs"])),
        "report": regex.compile(alternation(w["report_words"])),
        "suffixed": regex.compile(rf"(?:{alternation(w['suffixes'])})$"),
        "results": regex.compile(alternation(w["result_words"])),
        "not_start": regex.compile(rf"^(?:{alternation(w['name_not_starts'])})+"),
    }


def article_company(text: str, headline_end: int = 0) -> Company | None:
    """The company whose results the article reports, or None."""
    p = _patterns()
    if not p["results"].search(text):
        return None
    candidates: set[str] = set()
    for m in p["code"].finditer(text):
        name = _recurring_tail(text, m.group("run"))
        if name:
            candidates.add(name)
    for m in p["defined"].finditer(text):
        candidates.add(m.group("short"))
    for m in p["opening"].finditer(text):
        name = p["not_start"].sub("", m.group("run"))
        if len(name) < 2:
            continue
        if p["suffixed"].search(name):
            candidates.add(_recurring_tail(text, name) or name)
        elif p["publish"].fullmatch(m.group("verb")) and p["report"].search(text, m.end(), m.end() + _RESULTS_REACH):
            candidates.add(name)  # 中国中铁公布了2019年度业绩报告
    best = None
    for name in candidates:
        spans = tuple((m.start(), m.end()) for m in regex.finditer(regex.escape(name), text))
        count = sum(3 if s < headline_end else 1 for s, _ in spans)
        if count >= 2 and (best is None or (count, len(name)) > (best.mentions, len(best.name))):
            best = Company(name=name, mentions=count, spans=spans)
    return best


def _recurring_tail(text: str, run: str) -> str | None:
    """The longest end of `run` (two characters or more) that the text writes again elsewhere:
    A股公司贵州茅台 -> 贵州茅台, when 贵州茅台 recurs and 公司贵州茅台 does not."""
    run = _patterns()["not_start"].sub("", run)
    for i in range(0, len(run) - 1):
        tail = run[i:]
        if text.count(tail) >= 2 and not _patterns()["not_start"].match(tail):
            return tail
    return None
