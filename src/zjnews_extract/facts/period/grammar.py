"""The grammar of period mentions: one `regex` pattern built once from data/periods.toml.

The shape: [截至|自] [year] [截至] [months, a quarter, a half, 全年, a holiday, a day or
a day range] [以来], next to a few fixed shapes (timestamps, months across years,
several years, five-year plans used as a time, 目前, 过去五年, 今后五年, N年内, 每年,
a bare 月底). Which words fill each slot is data; how they combine is here.
"""
from __future__ import annotations

from functools import cache
from typing import Any

import regex

from ...data import load_toml
from ..lexicon import alternation, cues

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def lexicon() -> dict[str, Any]:
    return load_toml("periods.toml")


@cache
def this_year_words() -> frozenset[str]:
    """今年, 本年…: the relative years that name the published year itself."""
    return frozenset(w for w, offset in lexicon()["relative_years"].items() if offset == 0)


def is_since(mention: str) -> bool:
    """自2020年3月以来, 从今年4月份起: a span said to run from its first month."""
    w = lexicon()["words"]
    return mention.startswith(tuple(w["since_prefixes"])) and mention.endswith(tuple(w["since_suffixes"]))


def _relative_years(years, not_first_n: str, full_year=()) -> str:
    """今年|去年|前年…: a word opening with 前 only where 前 opens a word (以前年度会计数据 is 以前 + 年度, not the
    year before last), as 前N个月 is; one that with 度 is a word of the whole year (本年度: the report's year, as
    全年 is) stops before 度."""
    return "|".join((rf"(?<!{not_first_n}){regex.escape(w)}" if w.startswith("前") else regex.escape(w))
                    + ("(?!度)" if w + "度" in full_year else "")
                    for w in sorted(years, key=len, reverse=True))


@cache
def grammar() -> regex.Pattern:
    lex = lexicon()
    words = lex["words"]
    year = r"(?:19|20)\d{2}"
    # 元 is January (元月, 元至7月), never after an amount (1000元月薪) or a currency (美元)
    month = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|(?<![\d万亿千百十美欧日港])元)"
    day = r"(?:3[01]|[12]\d|0?[1-9])"
    # a day in Chinese numerals (二零一八年十二月三十一日, a Hong Kong filing's year end): only before 日
    cn_day = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
    sep = alternation(words["range_separators"])
    msuffix = alternation(words["month_suffixes"])
    quarter = alternation(lex["quarters"])
    no_digit_before = r"(?<![\d.])"
    cn_year_digits = "".join(words["chinese_year_digits"])
    count = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
    not_first_n = alternation(words["first_n_not_after"])
    counted_after_month = alternation(words["counted_after_month"])
    # 2022上半年, 2023一季度: a year written without 年 before a half or a quarter
    bare_year_before = alternation(words["bare_year_before"])
    # 2019中国百强镇, “2015中国外贸百强城市”, 2022赛迪百强县榜单: a year without 年 naming a ranking's edition
    ranking_edition = rf"[\p{{Han}}]{{0,12}}?(?:{alternation(words['ranking_edition_words'])})"
    # 25H1, 25Q2: a broker's two-digit year before a half or a quarter
    # 今(2025)年, 去( 2016 )年, 前(2023)年: Taiwan's papers write the relative year with its number in brackets
    # inside it (TZ, UO, VN, WW, XJ): the number is the year
    glossed = rf"(?P<gl>[{''.join(words['glossed_year_openers'])}]\s*[（(]\s*)"
    year_word = (rf"(?:(?:(?:{glossed}|{no_digit_before})(?P<y>{year})(?(gl)\s*[)）])|(?P<ycn>[一二][{cn_year_digits}]{{3}})"
                 rf"|(?<![\dA-Za-z.])(?P<y2>\d{{2}})(?=[QqHh][1-4](?![\dA-Za-z]))"
                 # 09年3月份客运量, 较08年降低20%, 破07年記錄: a year of this century in two digits (12 held-out pages); only
                 # with its 0 (10年 is as often ten years)
                 rf"|(?<![\dA-Za-z.])(?P<y2>0\d)(?=\s*年(?!代|前|后|後|内|內|间|間|来|來))"
                 # ○九年全年純利, 較○八年上升, 與一五年同月持平, 二四年上半年: two digits of this century in Chinese numerals,
                 # as Hong Kong's and Macau's papers write them (FG, XW, DS, DJ, ES); not inside a longer numeral
                 # (二○○八年, 一百零八年, 第一二年)
                 rf"|(?<![一二三四五六七八九十百千万两第{cn_year_digits}])(?P<y2cn>[○〇零一二][{cn_year_digits}])(?=\s*年(?!代|前|后|後|内|內|间|間|来|來))"
                 # 103年度, 104年第一季, 113年五月: a year of the Republic's calendar (mentions.py keeps it on Taiwan's pages only,
                 # and a bare 113年 only on pages that name the island's own bodies: rocfull is the safer shape, a month
                 # range as much as a month: 114年1至8月)
                 rf"|(?:{alternation(words['roc_prefixes'])})?(?<![\d.])(?P<yroc>(?:[89]\d|1[0-2]\d))(?=\s*年(?P<rocfull>度|底|末|第|[上下]半年|[一二三四1-4]季|{month}\s*(?:[至到~～\-—－]\s*{month}\s*)?月)?))"
                 # (2023年年度: a company's fiscal year said with 年 twice, 合众思壮2023年年度净利润)
                 # (2015财政年度, 2014年财政年度: a fiscal year, its months set in fiscal.py)
                 rf"(?:\s*年?\s*(?P<fy>{alternation(words['fiscal_year_after'])})|\s*年(?:年?度)?|(?=(?:{bare_year_before})|{ranking_edition}|[Qq][1-4](?![\dA-Za-z])|[Hh][12](?![\dA-Za-z])))"
                 rf"|(?P<rel>{_relative_years(lex['relative_years'], not_first_n, words['full_year'])})(?:度)?)"
                 rf"(?:(?P<yend2>{alternation(words['year_end_after_year'])})(?!期))?")
    # a clock time after a range's day (9月29日上午8时至10月5日上午8时): part of that end
    clock = rf"(?:\s*(?:{alternation(words['day_parts'])})?\s*(?:[01]?\d|2[0-4])\s*[时点](?:\s*\d{{1,2}}\s*分)?)?"
    holidays = lex["holidays"]
    needing = holidays["names_needing_suffix"]
    free_names = [n for n in holidays["names"] if n not in needing]
    spec = "|".join([
        rf"(?P<ytd>{alternation(words['year_to_date'])})",
        rf"{no_digit_before}(?P<m1>{month})\s*月?(?:份)?\s*(?:{sep})\s*(?P<m2>{month})\s*月(?:份)?",
        # (首8个月, as Hong Kong filings and news write 前8个月: with 个 only, 首月 is another word)
        rf"(?:(?<!{not_first_n})前\s*|(?:{alternation(words['first_n_with_ge'])})(?=\s*(?:{month}|\d{{1,2}}|两)\s*个))"
        rf"(?P<firstn>{month}|\d{{1,2}}|两)\s*个?\s*月(?:份)?",
        # (前三季GDP, 前三季西部地区进出口: headlines shorten 前三季度; not 前三季报)
        # (首三季純利, 首三季零售業銷售額: Hong Kong's and Macau's papers write 首 for 前: EJ, EY, LG, MV)
        rf"(?:(?<!{not_first_n})前|首(?=[二两三23]))(?P<firstq>[一二两三123])个?季(?:度|(?![节报]))",
        # 1-3季度, 一至三季度: the quarters from the first on, like 前三季度
        rf"{no_digit_before}[1一]\s*(?:{sep})\s*(?P<firstq>[2-4二三四])\s*季度",
        # 2023一季度; 2025年第1季 (Hong Kong's quarter, 第 before it: not 四季 nor a 一季报)
        # (上一季度, 下一季度: the quarter before or after the one reported, no first quarter)
        # (单三季度营收, 单四季度完成发电量: 单 says the quarter alone, part of the time's words)
        rf"(?:{no_digit_before}|(?=[第一二三四单]))(?<![上下])(?:单(?=第?[一二三四1-4]季))?第?(?P<q>{quarter})季(?:度|(?<=第[一二三四1-4]季)(?![节报度])|(?<=首季)(?![节报]))"
        rf"(?P<qend>末)?",
        # 2018年第04周: a week of the year by its number (weekly market reports)
        r"第\s*(?P<weekn>\d{1,2})\s*周(?![年岁])",
        # 2025Q1, 2024年Q4, Q1: a quarter as financial reports write it
        r"(?<![A-Za-z])[Qq](?P<ql>[1-4])(?![\dA-Za-z])",
        # 2025H1, H2: a half as financial reports write it
        r"(?<![A-Za-z])[Hh](?P<hl>[12])(?![\dA-Za-z])",
        rf"(?P<half>{alternation(lex['halves'])})",
        rf"(?P<full>{alternation(words['full_year'])})",
        # 披露年报, 年报显示: the year an annual report covers (resolve.py takes the year before the page's)
        rf"(?<![{''.join(words['annual_reports_not_after'])}])(?P<annual>{alternation(words['annual_reports'])})"
        rf"(?![{''.join(words['annual_reports_not_before'])}])",
        rf"(?P<yend>{alternation(words['year_end'])})",
        # a holiday: 春节假期, 国庆黄金周, 2016年春节 (a name alone needs a year or a suffix)
        # …黄金周第二天: one day of the holiday
        # (十一“黄金周”期间: the suffix may be quoted on its own, and another follow it)
        rf"[“\"「‘]?(?P<hol>{alternation(free_names)})[”\"」’]?"
        rf"(?:[“\"「‘]?(?P<holsuf>{alternation(holidays['suffixes'])})(?:[”\"」’](?:{alternation(holidays['suffixes'])})?)?)?"
        rf"(?:第(?P<holday>[一二三四五六七八九十]|\d{{1,2}})[天日]|(?P<holone>{alternation(holidays['first_day'])})"
        # 春运前20天: the holiday's first days
        rf"|前(?P<holfirst>[一二三四五六七八九十]|\d{{1,2}})天"
        # 春节7天, 国庆七天假期, 春节黄金周7天: the holiday's length says it is the whole holiday
        rf"|(?P<hollen>(?:[一二三四五六七八九十]|\d{{1,2}})天)(?:{alternation(holidays['length_suffixes'])})?(?![\d一二三四五六七八九十])"
        rf")?"
        rf"|[“\"「‘]?(?P<hol2>{alternation(needing)})[”\"」’]?[“\"「‘]?(?P<holsuf2>{alternation(holidays['suffixes'])})"
        rf"(?:[”\"」’](?:{alternation(holidays['suffixes'])})?)?"
        rf"(?:第(?P<holday2>[一二三四五六七八九十]|\d{{1,2}})[天日]|(?P<holone2>{alternation(holidays['first_day'])}))?",
        # a day named by the lunar calendar around the new year: 大年初一, 除夕, 正月十五
        rf"(?P<lunar>{alternation(list(holidays['lunar_days']))})",
        # a holiday named by its kind alone (黄金周,洛城待客…; 小长假期间): the one the page was written just after
        rf"(?P<holkind>{alternation(list(holidays['kinds']))})(?:期间)?",
        # a day range: 10月1日至7日, 11月1日至2024年1月4日
        rf"{no_digit_before}(?P<rm1>{month})\s*月\s*(?P<rd1>{day})\s*[日号]?{clock}\s*(?:{sep})\s*"
        rf"(?:(?P<ry2>{year})\s*年\s*)?(?:(?P<rm2>{month})\s*月\s*)?(?P<rd2>{day})\s*[日号]{clock}",
        rf"{no_digit_before}(?P<dm>{month})\s*月\s*(?P<d>{day}|{cn_day}(?=日))\s*[日号]",
        # a numeral after 月 is a day unless it starts a name (6月四川实现, 5月三亚接待)
        # (2019年4月70个大中城市: a count after the month, not its day)
        rf"{no_digit_before}(?P<m>{month})\s*月(?:{msuffix})?"
        rf"(?!\d(?!\d{{0,3}}\s*(?:{counted_after_month}))|[一二三四五六七八九十]{{1,3}}[日号])",
    ])
    plans = alternation(lex["five_year_plans"])
    parts = alternation(lex["five_year_plan_parts"])
    alternatives = [
        # page timestamps and ISO dates: 2026-01-21 20:27:38
        rf"(?<!\d)(?P<ts_y>{year})[-/.](?P<ts_m>[01]?\d)[-/.](?P<ts_d>[0-3]?\d)(?!\d)(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?",
        # months across years: 2020年3月至2022年4月
        rf"(?<!\d)(?P<cy1>{year})\s*年\s*(?P<cm1>{month})\s*月(?:份)?\s*(?:{sep})\s*(?P<cy2>{year})\s*年\s*(?P<cm2>{month})\s*月(?:份)?",
        # the end of the period reported on (截至报告期末, 期末，…): its month comes from the running period (index.py)
        rf"(?:(?<=(?:{alternation(words['as_of'])})\s*)|(?<=^|[\s，,。；;：:（(]))(?P<rend>{alternation(words['report_end'])})(?![期初比])",
        # within the period reported on (期内，营业额…): the report's own period (index.py)
        rf"(?<=^|[\s，,。；;：:（(])(?P<rspan>{alternation(words['report_span'])})(?=[，,\s])",
        # several years: 2001—2021年, 2001年至2021年, 从2010年到2020年
        rf"(?:(?:{alternation(words['since_prefixes'])})\s*)?(?<!\d)(?P<yr1>{year})\s*年?\s*(?:{sep})\s*(?P<yr2>{year})\s*年(?:度)?",
        # five-year plans used as a time: “十四五”期间, 十三五时期, “十四五”开局之年
        rf"[“\"「‘]?(?P<plan>{plans})[”“\"」’]?(?:规划)?(?P<part>{parts})",  # (“十四五“: a quote typed twice the same)
        # (not the end of a word: 项目前期工作 is 项目 + 前期, no 目前)
        rf"(?<![{''.join(words['now_not_after'])}])(?P<now>{alternation(words['now'])})",
        # the last N years up to the published year: 过去五年, 十年来, 近3年来
        rf"(?:过去\s*(?P<pastn>{count})\s*年|(?:近\s*)?(?P<pastn2>{count})\s*(?:多)?年(?:以)?来)",
        # the next N years from the published year: 今后五年, 未来3年
        rf"(?:今后|未来)\s*(?P<nextn>{count})\s*年",
        # a deadline N years ahead: 5年内 (by the published year + N)
        rf"{no_digit_before}(?P<within>{count})\s*年(?:之)?内",
        # every year, every month: what recurs has no period of its own
        # (not the 年年 of 三年年均, 2021年年末: a count of years or a year, then 年均 or 年末)
        rf"(?<![0-9一二三四五六七八九十两])(?P<every>{alternation(words['recurring'])})",
        # 月底 with no month: the end of the month the text is speaking of
        rf"(?<![\d一二三四五六七八九十上下本当每])(?P<mend>{alternation(words['bare_month_end'])})",
        rf"(?P<prevm>{alternation(words['previous_month'])})(?![底末初])",
        rf"(?<!对)(?P<prevq>{alternation(words['previous_quarter'])})(?![底末初])",
        rf"(?P<prevw>{alternation(words['previous_week'])})(?![末])|(?P<thisw>{alternation(words['this_week'])})(?![末])",
        # a day of the published month with no month before it (3日全国接待国内游客…), and 当天
        # (第1日 after a holiday is its first day, no date: 中秋假期第1日)
        rf"(?<![\d月.年/第-])(?P<bd>{day})\s*日(?!\d(?!\d?[时点]))",  # (3日13时25分: a clock time may follow)
        rf"(?P<theday>{alternation(words['same_day'])})",
        # (opening a clause: 当月增速 inside a name is the monthly rate, not a time)
        rf"(?<![^\s。；;，,！？!?])(?P<themonth>{alternation(words['same_month'])})",
        # the general shape: [截至|自] [year] [截至] [spec] [以来]
        rf"(?:(?P<asof>{alternation(words['as_of'])})\s*)?(?:(?P<since>{alternation(words['since_prefixes'])})\s*)?"
        rf"(?:{year_word}\s*(?:(?P<asof2>{alternation(words['as_of'])})\s*)?(?:{spec})?|(?:{spec}))"
        # 截至2022年6月30日止6个月, …止年度: the span that ends there
        # (截至2016年6月30日6个月之业绩: a write-up may drop the 止)
        # (截至2021年6月30日止的6个月 in NK's 华能 notice: 的 between)
        # (至今年8月為止的十二個月: Macau's CPI releases write 為止 for 止: EI, FP, XP)
        rf"(?:(?:为止|止)?的?(?P<endn>\d{{1,2}}|十二|[一二三四五六七八九十])个月|止(?P<endyr>{alternation(words['ended_year'])})|止[，,]?(?P<endhalf>{alternation(words['ended_half'])}))?"
        # 自2007年夏季以来, 自2005年5月上市以来: a season or an event between the time and 以来 (the since runs from it)
        rf"(?:(?:{alternation(words['seasons'] + words['since_events'])})?(?P<since2>{alternation(words['since_suffixes'])})"
        rf"(?!{alternation(words['since_suffix_not_before'])}))?",
    ]
    # Every mention starts with a digit or one of a few characters: checking that first
    # lets the scanner skip most positions at once (10x faster on a 7 kB article).
    starts = {w[0] for table in (lex["relative_years"], lex["halves"], lex["five_year_plans"], holidays["names"],
                                 holidays["lunar_days"], holidays["kinds"]) for w in table}
    starts |= {w[0] for key in ("full_year", "annual_reports", "year_end", "report_end", "report_span", "as_of", "since_prefixes", "year_to_date", "now",
                                "recurring", "bare_month_end", "first_n_with_ge") for w in words[key]}
    starts |= {w[0] for w in words["same_day"] + words["same_month"] + words["previous_week"] + words["this_week"]
               + words["previous_quarter"]
               + words["roc_prefixes"]}
    starts |= set("前第单“\"「‘十过近未今QqHh") | set(CN_DIGITS) | set(lex["quarters"]) | set(cn_year_digits)
    first = "[\\d" + "".join(regex.escape(c) for c in sorted(starts) if not c.isdigit()) + "]"
    return regex.compile(f"(?={first})(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")")


@cache
def group_names() -> tuple[str, ...]:
    """Group names in group-number order: m.groups() is far cheaper than m.groupdict()."""
    index = grammar().groupindex
    names = [""] * grammar().groups
    for name, number in index.items():
        names[number - 1] = name
    return tuple(names)


@cache
def _keys() -> regex.Pattern:
    """Characters every mention contains (年, 月, 季度, 期间, 以来, 近日, 目前, 春节, 2026-01-21)."""
    holidays = alternation(list(lexicon()["holidays"]["names"]) + list(lexicon()["holidays"]["lunar_days"])
                           + list(lexicon()["holidays"]["kinds"]))
    # (a ranking's name after a year without 年: 2019中国百强镇)
    return regex.compile(lexicon()["scan"]["key_pattern"] + "|" + holidays + "|"
                         + alternation(lexicon()["words"]["ranking_edition_words"]))


def windows(text: str, before: int = 12, after: int = 12) -> list[tuple[int, int]]:
    """Stretches of text around the key characters, merged: the full grammar runs only there."""
    out: list[tuple[int, int]] = []
    for k in _keys().finditer(text):
        s, e = max(0, k.start() - before), min(len(text), k.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@cache
def after_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """Words after a mention that change what it is: a record's base, a calendar widget."""
    words = lexicon()["words"]
    record = regex.compile(rf"(?<!\s)\s*+(?:{alternation(words['since_record_after'])})")
    weekday = regex.compile(rf"(?<!\s)\s*+(?:{alternation(words['weekday_after'])})")
    return record, weekday


@cache
def trend_before() -> regex.Pattern:
    """A verb of continuing right before a since (延续了今年以来…态势), allowing 了 and 自 between."""
    return regex.compile(rf"(?:{alternation(lexicon()['words']['since_trend_before'])})了?自?$")


@cache
def report_after() -> regex.Pattern:
    return regex.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{alternation(lexicon()['words']['report_after_year'])})")


@cache
def plan_before() -> regex.Pattern:
    words = lexicon()["words"]
    # (专家预计，下半年…; not 了解到，今年上半年…: a verb's 到)
    return regex.compile(rf"(?<!{alternation(words['plan_to_not_after'])})(?:{alternation(words['plan_before'])})[\s，,：:]*$")


@cache
def base_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    words = lexicon()["words"]
    # (对比疫情前的2019年, 比疫情前的2019年同期: what the base year was can stand between; so can the
    # 截至 of a year's end, 较截至二零一七年十二月三十一日止年度)
    before = regex.compile(rf"(?:{alternation(words['base_before'])})"
                           rf"(?:[\u4e00-\u9fff]{{1,6}}?的|{alternation(words['base_time_openers'])})?\s*$")
    before_if_after = regex.compile(rf"(?:{alternation(words['base_before_if_after'])})\s*$")
    after = regex.compile(rf"(?<!\s)\s*+[(（]?(?:下同)?[)）]?\s*+(?:{alternation(words['base_after'])})")
    return before, before_if_after, after


@cache
def multi_year_cue() -> regex.Pattern:
    """Words that make growth over a base year cumulative over the years (年均, 增长14.3倍)."""
    return regex.compile(alternation(lexicon()["words"]["multi_year_cues"]))


@cache
def in_year_harvest() -> regex.Pattern:
    """A harvest reported within its year (夏粮, 早稻): see speaking.looks_back."""
    return regex.compile(alternation(lexicon()["words"]["in_year_harvests"]))


@cache
def whole_year_plan() -> regex.Pattern:
    """The year's plan named in a measure (年度计划投资): see measures.period_of_measure."""
    return regex.compile(alternation(lexicon()["words"]["whole_year_plans"]))


@cache
def in_year_written() -> regex.Pattern:
    """A harvest or a part of a year's report (夏粮, 三季报): named with a year, written within it."""
    words = lexicon()["words"]
    return regex.compile(alternation(words["in_year_harvests"] + words["in_year_reports"]))


@cache
def plan_cue() -> regex.Pattern:
    """The words of a plan or goal (facts_cues.toml [status]): a year they speak of is still to come."""
    status = cues()["status"]
    return regex.compile(alternation(list(status["strong"]) + list(status["weak"])))


@cache
def far_base() -> regex.Pattern:
    """The end of 与 … 相比 a few words after a time (与2018年国庆假期全国各省份旅游收入的情况相比)."""
    words = lexicon()["words"]
    return regex.compile(rf"[^，,。；;！？!?\n]{{1,24}}?(?:{alternation(words['base_after_far'])})")


@cache
def record_in_clause() -> regex.Pattern:
    """A record word a few words on in the clause (…年来发电量首次, …年来的新低)."""
    return regex.compile(rf"[^，,。；;！？!?\n\d]{{0,10}}?(?:{alternation(lexicon()['words']['since_record_after'])})")


@cache
def age_after() -> regex.Pattern:
    """今年30岁的市民小杨: a relative year before an age."""
    return regex.compile(lexicon()["words"]["age_after"])
