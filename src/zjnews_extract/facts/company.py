"""The company, bank or institution an article reports the results of, if any: it is then the
subject of those results, not the province or city inside its name (贵州茅台, 上海医药, 中国中铁).

A company is told by its stock code (上海医药(02607), 贵州茅台(600519.SH)), a short name defined in
brackets (中国中铁股份有限公司(以下简称“中国中铁”)), a name ending in 公司/集团/银行… that opens
its results (上港集团完成…, 开润股份上半年实现…), a name that publishes them (中国中铁公布了2019年度业绩报告),
its year's revenue or report (金徽酒2018年实现营业收入, 万科2012年度报告), or a registered name heading
its report (…股份有限公司 2019年度业绩快报). It is the article's own subject only when the article
reports results (营业收入, 净利润, 吞吐量 …), or names it with a stock code (吉利汽车(00175.HK)…总销量:
its operating data), and names it at least as often as any place (facts/context.py). Words in
data/facts_subjects.toml [company].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..data import load_toml
from .lexicon import alternation, match_place

# Why: a name is a run of Han characters (and Latin letters: TCL科技) up to this long; a registered
# full name before a stock code up to the longer bound (无锡药明康德新药开发股份有限公司).
_NAME_MAX = 12
_FULL_NAME_MAX = 24
# Why: a page names few companies that open results; past this many names it is no company report
# (and the work per page stays bounded).
_CANDIDATES_MAX = 32
# Why: results words are looked for this far after a company's publishing verb (公布了2019年度业绩报告).
_RESULTS_REACH = 16
# Why: a stock code next to a name (美的集团(000333)) says whose results these are as surely as two more
# mentions would, against the places a results note names in passing (雅安市 in 高新发展's).
_CODE_WEIGHT = 2
# a count (六大行, 三大运营商, 百家) is a group of firms, not one (万科, 千禾味业 are names)
_COUNT = regex.compile(r"[一二两三四五六七八九十百千万几多]{1,4}[大家个类]")


@dataclass(frozen=True)
class Company:
    name: str
    mentions: int  # how often the article writes it (the headline counting three times)
    spans: tuple  # (start, end) of each time it is written


@cache
def _words() -> dict:
    return load_toml("facts_subjects.toml")["company"]


# A letter of a name: a Han character or a Latin one; not 丨 (U+4E28), the bar of a wire's headline (格隆匯2月23日丨
# 銀河娛樂(00027)), though it is a Han code point.
_NAME_CHAR = r"[\u4e00-\u4e27\u4e29-\u9fffA-Za-z]"


@cache
def _patterns() -> dict[str, regex.Pattern]:
    w = _words()
    run = rf"{_NAME_CHAR}{{2,{_NAME_MAX}}}"
    # 开润股份上半年实现…, 金徽酒2018年实现…: the time of the results between the name and its verb
    when = rf"(?:(?:19|20)\d{{2}}年度?)?(?:{alternation(w['result_times'])})|(?:19|20)\d{{2}}年度?"
    return {
        # 上海医药(02607), 贵州茅台(600519.SH), 中国中铁（601390）, 无锡药明康德新药开发股份有限公司(股份代码:
        # 603259.SH / 2359.HK): a full name may be longer than a short one
        # 长园集团股份有限公司(CHANGYUAN GROUP LTD.;证券代码:600525): its English name before the code
        "code": regex.compile(rf"(?P<run>{_NAME_CHAR}{{2,{_FULL_NAME_MAX}}})[（(]"
                              r"(?:[A-Za-z][A-Za-z .&]{0,60}[;；,，]\s*)?"
                              rf"(?:(?:{alternation(w['code_labels'])})[:：]?\s*|[A-Za-z]{{1,3}}[:：]?\s*)?"
                              r"(?:[0-9０-９]{6}(?:\.[A-Za-z]{2})?|[0-9０-９]{4,5}(?:[.-]HK)?)(?:\s*[/、,，]\s*[0-9A-Za-z.]{4,12})?[)）]"),
        # 证券代码:002678 证券简称:珠江钢琴: a listed company's announcement heads with its short name
        "labelled": regex.compile(rf"(?:{alternation(w['short_name_labels'])})\s*[:：]\s*(?P<short>{run})"),
        # 中国中铁股份有限公司(以下简称“中国中铁”)
        "defined": regex.compile(rf"(?:{alternation(w['suffixes'])})[（(](?:以下)?简称[:：]?[“\"「]?"
                                 r"(?P<short>[^”\"」）)]{2,10})[”\"」]?[)）]"),
        # 上港集团完成…, 中国中铁公布了…业绩: a name where a clause opens
        # 光莆股份2月18日晚间发布2018年度年报: the day and the time of day between name and verb
        "opening": regex.compile(rf"(?:^|(?<=[\n。，,；;：:！？\s]))(?P<run>{run}?)"
                                 rf"(?:\d{{1,2}}月\d{{1,2}}日(?:{alternation(w['publish_times'])})?|{when})?"
                                 rf"(?=(?P<verb>{alternation(w['result_verbs'])}))"),
        # 格力电器2016年业绩再度“双增长”, 药明康德2020年业绩: a name right before its year's results
        # (海螺水泥的营业收入: its own revenue, said with 的 where no year stands between)
        "year_results": regex.compile(rf"(?:^|(?<=[\n。，,；;：:！？!\s]))(?P<run>{_NAME_CHAR}{{2,8}}?)"
                                      rf"(?:(?:19|20)\d{{2}}(?:年度?)?(?:{alternation(w['result_times'])})?"
                                      rf"(?:{alternation(w['report_words'])}|(?:{alternation(w['result_verbs'])})?"
                                      rf"(?:{alternation(w['own_results'])}))|的(?:{alternation(w['own_results'])}))"),
        # 杭州中恒电气股份有限公司 2019年度业绩快报, 三只松鼠股份有限公司2020年第三季度报告: a registered
        # name heading its report
        "full_year_report": regex.compile(rf"(?:^|(?<=[\n。，,；;：:！？!\s]))(?P<run>{_NAME_CHAR}{{2,{_FULL_NAME_MAX}}}?"
                                          rf"(?:{alternation(w['suffixes'])}))\s?(?:19|20)\d{{2}}(?:年度?)?"
                                          rf"(?:{alternation(w['result_times'])})?"
                                          rf"(?:{alternation(w['report_words'] + w['heading_report_words'])})"),
        # a stock code's end (…(00175.HK), …(600029)) or an exchange's label, looked for before the patterns above
        "code_hint": regex.compile(rf"[0-9０-９]{{4}}(?:[.-][A-Za-z]{{2}})?[)）]|{alternation(w['code_labels'] + w['short_name_labels'])}"),
        "publish": regex.compile(alternation(w["publish_verbs"])),
        "report": regex.compile(alternation(w["report_words"])),
        "suffixed": regex.compile(rf"(?:{alternation(w['suffixes'])})$"),
        "legal_form": regex.compile(rf"(?:{alternation(w['legal_forms'])})$"),
        "results": regex.compile(alternation(w["result_words"])),
        "not_start": regex.compile(rf"^(?:{alternation(w['name_not_starts'])})+"),
        # 國泰金稅後純益, 北富銀(2801)獲利: a Taiwan short name right before its results
        "taiwan_short": regex.compile(rf"(?P<name>\p{{Han}}{{1,4}}?(?:{alternation(w['taiwan_short_suffixes'])}))"
                                      r"(?:[（(][0-9]{4}[)）])?"
                                      rf"(?={w['taiwan_short_times']}*(?:{alternation(w['taiwan_short_before_results'])})*"
                                      rf"(?:{alternation(w['taiwan_short_results'])}))"),
        "end_before": regex.compile(rf"(?<=^.{{2,}}?)(?:{alternation(w['name_ends_before'])}).*$"),
    }


def taiwan_short_prefix(text: str) -> int:
    """Where a Taiwan short firm name opening `text` before its results ends (國泰金稅後純益 -> after 國泰金,
    富邦金(2881)每股 -> after the code); 0 when none does."""
    m = _patterns()["taiwan_short"].match(text)
    if m is None:
        return 0
    name = m.group("name")
    w = _words()
    if any(name.endswith(x) for x in w["taiwan_short_not"]) or name.startswith(tuple(w["taiwan_short_not_starts"])):
        return 0
    return m.end()


def company_prefix(text: str) -> int:
    """Where the name of a company, bank or institution that opens `text` ends (招商银行营业收入,
    东方财富证券营收 -> after 银行, 证券), when a name of two or more characters stands before the
    suffix and the suffix ends a word there (not 银行业金融机构); 0 when none does."""
    from .words import words  # noqa: PLC0415

    pos, named = 0, False
    classes = tuple(_words()["class_words"])
    for word, tag in words(text[:24]):
        if tag.startswith(("v", "c", "b", "p", "u")) or word.startswith(classes) or word.endswith(classes) \
                or (word in _words()["generic_firms"] and not named):
            # 国有及国有控股, 上市经销商集团: a kind of firms; 归属于母公司股东: the accounts' term, no firm
            # (中石油西南油气田分公司 is one: a name stands before its 分公司)
            return 0
        named = named or tag.startswith("n")
        pos += len(word)
        if pos >= 4 and has_company_suffix(text[:pos]) and pos < len(text):
            if _bare_suffix(text[:pos]):
                return 0  # A股证券帐户: a market word and the suffix alone name no firm
            return 0 if text[pos] in "、，,和及与" else pos  # 海尔集团、美的集团…: a list of firms
    return 0


def _kind_of_firms(name: str) -> bool:
    """上市公司, 规模以上企业, 母公司: words for firms of a kind, not the name of one."""
    classes = tuple(_words()["class_words"])
    return name.startswith(classes) or name.endswith(classes) or name in _words()["generic_firms"]


def _bare_suffix(name: str) -> bool:
    """A股证券, 港股银行: words that open no name (name_not_starts) and then the suffix, with no name between."""
    p = _patterns()
    core = p["not_start"].sub("", name)
    return core != name and (m := p["suffixed"].search(core)) is not None and m.start() == 0


def has_company_suffix(name: str) -> bool:
    """上港集团, 东方财富证券, 中国银行: a name that ends as a company, bank or institution does."""
    return _patterns()["suffixed"].search(name) is not None


def article_company(text: str, headline_end: int = 0) -> Company | None:
    """The company whose results the article reports, or None."""
    p = _patterns()
    # (a page with no results words may still be a company's: 吉利汽车(00175.HK)发布…总销量, its operating
    # data; then only a stock code or an exchange's short-name label names it)
    results = p["results"].search(text) is not None
    if not results and p["code_hint"].search(text) is None:
        return None  # (no results words and no code or label: no company's page, found cheaply)
    runs: dict[str, bool] = {}  # a name as found -> whether its recurring end is the name (A股公司贵州茅台)
    for m in p["code"].finditer(text):
        run = p["not_start"].sub("", m.group("run"))
        if (len(run) > _NAME_MAX or run.endswith("有限公司")) and (short := _short_name(run, text)):
            runs.setdefault(short, False)  # 无锡药明康德新药开发股份有限公司 -> 药明康德, as the text writes it
        else:
            runs.setdefault(run[-_NAME_MAX:], True)
    for m in p["labelled"].finditer(text):
        runs.setdefault(m.group("short"), False)  # (as surely as a stock code)
    # (a registered name heading its report says it as surely: 杭州中恒电气股份有限公司 2019年度业绩快报)
    for m in p["full_year_report"].finditer(text):
        run = p["not_start"].sub("", m.group("run"))
        if run.endswith("有限公司"):
            # (written nowhere else, its name without the legal form: 杭州中恒电气)
            runs.setdefault(_short_name(run, text) or p["legal_form"].sub("", run), False)
        elif not _kind_of_firms(run):
            runs.setdefault(run[-_NAME_MAX:], True)
    coded = set(runs)  # names written with a stock code or under its exchange's short-name label
    if not results:
        return _best(text, runs, coded, headline_end)
    for m in p["defined"].finditer(text):
        runs.setdefault(m.group("short"), False)
    for m in p["year_results"].finditer(text):
        name = p["not_start"].sub("", m.group("run"))
        if len(name) >= 2 and not name[0].isdigit() and not _COUNT.match(name) and not _kind_of_firms(name) \
                and not _is_place(name):
            runs.setdefault(name, False)
    for m in p["opening"].finditer(text):
        name = p["end_before"].sub("", p["not_start"].sub("", m.group("run")))  # 万科于周一晚间 -> 万科
        if len(name) < 2:
            continue
        if p["suffixed"].search(name):
            runs.setdefault(name, True)
        elif p["publish"].fullmatch(m.group("verb")) and p["report"].search(text, m.end(), m.end() + _RESULTS_REACH):
            runs.setdefault(name, False)  # 中国中铁公布了2019年度业绩报告
        if len(runs) >= _CANDIDATES_MAX:
            break
    return _best(text, runs, coded, headline_end)


def _best(text: str, runs: dict[str, bool], coded: set[str], headline_end: int) -> Company | None:
    """The candidate written most often (the headline counting three times), if written often enough."""
    if not runs:
        return None
    counts = _counts(text, {t for run, tails in runs.items() for t in (_tails(run) if tails else [run])}, headline_end)
    best = None
    for run, tails in runs.items():
        # (a stock code says it as surely as a second mention, when it is the page's only one: 美的集团(000333))
        least = 1 if coded == {run} else 2
        name = next((t for t in _tails(run) if counts[t][0] >= least), None) if tails else run
        if name is None or len(name) < 2 or name not in counts:
            continue
        # a stock code weighs as two more mentions against the places a report names (高新发展(000628) … 雅安市)
        mentions = counts[name][1] + (_CODE_WEIGHT if run in coded else 0)
        if mentions >= least and (best is None or (mentions, len(name)) > (best[1], len(best[0]))):
            best = (name, mentions)
    if best is None:
        return None
    spans = tuple((m.start(), m.end()) for m in regex.finditer(regex.escape(best[0]), text))
    return Company(name=best[0], mentions=best[1], spans=spans)


def _is_place(name: str) -> bool:
    """浙江, 杭州市: a place's year of 营业收入 is no company's."""
    m = match_place(name)
    return m is not None and m.end() == len(name)


def _short_name(full: str, text: str) -> str | None:
    """The short name a text uses for a registered full name: the longest start of it (after a
    leading place: 无锡) of 2 to 6 characters that the text writes elsewhere (twice for two characters)."""
    starts = [0]
    if (m := match_place(full)) is not None and m.start() == 0:
        starts.append(m.end())
    best = None
    inside_full = text.count(full)  # every start of the name is written inside the full name too
    for s in starts:
        for n in range(6, 1, -1):
            name = full[s:s + n]
            elsewhere = text.count(name) - inside_full
            if len(name) == n and (elsewhere >= 2 or n >= 3 and elsewhere >= 1):
                if best is None or len(name) > len(best):
                    best = name
                break
    return best


def _tails(run: str) -> list[str]:
    """The ends of `run` of two characters or more, longest first, that start no other word
    (A股公司贵州茅台 -> 股公司贵州茅台 … 贵州茅台 … 茅台; not 公司贵州茅台, nor a bare 集团)."""
    bare = set(_words()["suffixes"])
    return [run[i:] for i in range(len(run) - 1) if not _patterns()["not_start"].match(run[i:]) and run[i:] not in bare]


def _counts(text: str, names: set[str], headline_end: int) -> dict[str, list[int]]:
    """name -> [times written, times written with the headline's counting three times], in one
    pass of an Aho-Corasick automaton over the text (overlapping matches: 贵州茅台 and 茅台)."""
    import ahocorasick_rs  # noqa: PLC0415

    patterns = sorted(names)
    counts = {n: [0, 0] for n in patterns}
    automaton = ahocorasick_rs.AhoCorasick(patterns)
    for i, start, _ in automaton.find_matches_as_indexes(text, overlapping=True):
        c = counts[patterns[i]]
        c[0] += 1
        c[1] += 3 if start < headline_end else 1
    return counts
