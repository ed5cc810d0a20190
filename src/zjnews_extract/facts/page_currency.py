"""The dollar a page names carries to its bare 元: a Taiwan page that says 新台币 once (or names the island's
own bodies: 經濟部, 主計總處), or a Macau page that says 澳门元 (or names its bodies), writes its other 亿元 in that dollar too; the
quantity reader, reading one number at a time, takes a bare 元 for 人民币. Words in facts_cues.toml [page_currency]."""
from __future__ import annotations

from functools import cache

import regex
from msgspec.structs import replace

from ..records import Fact
from .lexicon import cues


def page_currency(text: str, traditional: bool = False) -> str | None:
    """The one dollar other than 人民币 the page names, when it names no 人民币; else None. `traditional`: the page
    was written in traditional script (`text` is its simplified shadow)."""
    c = cues()["page_currency"]
    if (said := _pattern("declared").search(text)) is not None:  # 股東應佔溢利為53.8億元(港幣,以下同)
        return next((code for code, names in c["declared_codes"].items() if said.group("cur") in names), None)
    if any(w in _pattern("mainland_listed").sub("", text) for w in c["mainland"]):
        return None
    named = [code for code, names in c["named"].items() if any(w in text for w in names)]
    if not named and (_pattern("taiwan_bodies").search(text) or writes_roc_years(text)):
        return "TWD"  # 經濟部昨日發布11月零售業營業額4,459億元, 114年第3季合併營收9899.18億元: a Taiwan page that never names its dollar
    if not named and traditional and _pattern("taiwan_changes").search(text):
        return "TWD"  # 聯電2023年首季合併營收542.09億元,季減達20.09%: a Taiwan firm's page that never names its dollar
    if not named and _pattern("macau_bodies").search(text):
        return "MOP"  # 博彩監察協調局公布…第1季博彩毛收入761.5億元: a Macau page that never names its pataca
    if not named and _pattern("hong_kong_bodies").search(text) and not any(w in text for w in c["hong_kong_not"]):
        return "HKD"  # 政府统计处…零售业总销货价值的临时估计为432亿元: the government's release, in either script
    if not named and traditional and _pattern("hong_kong_marks").search(text) \
            and (not any(w in text for w in c["hong_kong_not"]) or _pattern("hong_kong_code").search(text)):
        return "HKD"  # 新鴻基地產（0016）…全年收入797.2億元: a Hong Kong firm's page in Hong Kong's script
    return named[0] if len(named) == 1 else None


def writes_roc_years(text: str) -> bool:
    """The page writes a year of the Republic's calendar in a shape no other number takes (112年度, 114年第3季,
    今(101)年): a Taiwan page, whatever else it names."""
    return _pattern("taiwan_calendar").search(text) is not None


@cache
def _pattern(key: str) -> regex.Pattern:
    return regex.compile(cues()["page_currency"][key])


def in_page_currency(text: str, facts: list[Fact], traditional: bool = False) -> list[Fact]:
    """`facts` with the bare 元 amounts (unit CNY, no currency in their own words) in the page's dollar."""
    code = page_currency(text, traditional)
    if code is None:
        return facts
    said = [w for names in cues()["page_currency"]["named"].values() for w in names]
    return [replace(f, unit=code) if f.unit == "CNY" and not any(w in f.text for w in said) else f for f in facts]
