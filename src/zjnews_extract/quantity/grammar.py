"""The quantity grammar: one `regex` pattern built once from data/quantity_*.toml.

qualifier + currency sign + sign + numeral + scale + unit + qualifier, next to a
few fixed shapes (第N rank, 前N top, 连续N个月 streak, 翻番, N强) and to the things
that only look numeric (names with numerals, dates, clock times, phone numbers,
links, footnotes, list numbers), which are matched first and dropped. The regex
uses bounded, possessive repetition, so it runs in time linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import regex

from ..data import load_toml
from .numerals import BIG, CN_DIGITS, NUMERAL
from .scan import Branch, Scanner


def _alt(words) -> str:
    """Longest-first alternation, so 个百分点 wins over 个 and 千瓦时 over 千瓦.

    Words are grouped by their first character (个百分点|个月|个 -> 个(?:百分点|月|)): at a
    position the engine tests one character per group instead of every word.
    """
    groups: dict[str, list[str]] = {}
    ascii_words = []
    for w in sorted(set(words), key=len, reverse=True):
        if w[0].isascii() and w[0].isalpha():
            pat = regex.escape(w)
            if w[-1].isascii() and w[-1].isalpha():
                if w.islower():
                    pat = f"(?i:{pat})"  # 168CM is 168cm
                pat += r"(?![A-Za-z])"  # ASCII units end at a word boundary (5m, not 5million)
            ascii_words.append(pat)
            continue
        rest = regex.escape(w[1:])
        if w[-1].isascii() and w[-1].isalpha():
            rest += r"(?![A-Za-z])"
        groups.setdefault(w[0], []).append(rest)
    out = [regex.escape(c) + ("(?:" + "|".join(rests) + ")" if rests != [""] else "") for c, rests in groups.items()]
    out += ascii_words
    # a first-character guard lets the engine reject the whole alternation in one step
    firsts = "".join(sorted({regex.escape(w[0]) for w in words} | {regex.escape(w[0].upper()) for w in words}))
    return f"(?=[{firsts}])(?:" + "|".join(out) + ")"


_DIGITS_ONLY = regex.compile(r"(?:[0-9]|[0-9]-[0-9])+")


def _dispatch(parts) -> str:
    """Skip patterns, each behind a class of its first characters, and runs of patterns that only
    start with a digit behind one shared [0-9]: a Han position then costs one test for the run."""
    out, run = [], []
    for pat, first in parts:
        guarded = f"(?=[{first}])(?:{pat})" if first else pat
        if first and _DIGITS_ONLY.fullmatch(first):
            run.append(guarded)
            continue
        if run:
            out.append("(?=[0-9])(?:" + "|".join(run) + ")")
            run = []
        out.append(guarded)
    if run:
        out.append("(?=[0-9])(?:" + "|".join(run) + ")")
    return "|".join(out)


def _word_firsts(words) -> str:
    """The first characters of words, in both cases for letters (the grammar folds some units' case)."""
    return "".join({c for w in words if w for c in (w[0], w[0].upper(), w[0].lower())})


def _grammar_firsts(skip: dict, words: dict, units: dict, names) -> set[str]:
    """Every character a match of the grammar can start with."""
    firsts = set(skip["prefilter"]["first_chars"])
    for table in (words["qualifier_before"], units["currency_prefix"], words["rank_words"],
                  skip["weekday_prefixes"]["words"], names):
        firsts.update(w[0] for w in table)
    firsts.update(CN_DIGITS)
    firsts.update("十拾百佰千仟廿卅卌万萬亿億")
    firsts.update("0123456789０１２３４５６７８９")
    firsts.update(chr(c) for c in range(ord("A"), ord("Z") + 1))
    firsts.update(chr(c) for c in range(ord("a"), ord("z") + 1))
    return firsts


def _chars_of(body: str | None, universe: set[str]) -> frozenset[str] | None:
    """The characters of `universe` a regex class body ('0-9', 'hw', '\\[①-⑳') matches; None stays None."""
    if body is None:
        return None
    cls = regex.compile(f"[{body}]")
    return frozenset(c for c in universe if cls.fullmatch(c))


@dataclass
class Lexicon:
    """Everything the grammar and the passes look up, read once from TOML."""

    grammar: str  # the whole grammar as one pattern (`pattern`); the reader scans with `scanner`
    scanner: Scanner
    cue_pattern: re.Pattern  # growth and share cues (literal words)
    change_before: regex.Pattern
    multiple_before: regex.Pattern
    unit_kind: dict  # surface -> (category, normalised unit)
    currency_prefix: dict
    qual_before: dict
    qualifier_inside: tuple
    qualifier_inside_not_after: tuple
    qual_between: dict
    qual_after: dict
    cues: dict
    adjacent: dict
    adjacent_nouns: tuple
    threshold_heads: tuple
    threshold_before: tuple
    level_before: tuple
    money_words: tuple
    money_words_close: tuple
    money_words_not: tuple
    people_close: dict
    currency_small: dict
    scale_currency: dict  # 兆 -> TWD: 元 after such a scale is that currency
    currency_note: regex.Pattern  # (新台币，下同)
    per_share_before: regex.Pattern  # 每股基本盈利 right before a 分: fen (quantity_units.toml per_share_fen)
    currency_names: dict
    not_units: tuple
    rank_words: dict
    rate_nouns: dict  # 增速 "+", 降幅 "-": rates of change named by a noun
    cue_after: regex.Pattern  # 的增速 / 的大幅下滑 right after a rate
    cues_after: dict
    level_links: regex.Pattern  # 达到, 为 … at the end of a stretch of text
    pp_then_level: tuple
    continuations: tuple  # 比, 较: a clause that goes on with the subject before it

    @cached_property
    def pattern(self) -> regex.Pattern:
        """The grammar as one pattern: what the scanner's matches must equal (tests), compiled on demand."""
        return regex.compile(self.grammar, GRAMMAR_FLAGS)


GRAMMAR_FLAGS = regex.VERBOSE | regex.MULTILINE
_CORE_OPEN = "(?:\n            (?P<pct>"  # where the quantity's core opens in q_re
_LEX: Lexicon | None = None


def lexicon() -> Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = build()
    return _LEX


# 成 starting a word (成立, 成品, 成年人) is no tenths: 七成品, 半成品 (a class of goods in price tables)
_NOT_CHENG = r"[立为為功本交果员員就熟长長绩績型品都效]|年人"


def build(prefilter: bool = True) -> Lexicon:
    units = load_toml("quantity_units.toml")
    words = load_toml("quantity_words.toml")
    skip = load_toml("quantity_skip.toml")

    unit_kind: dict[str, tuple[str, str]] = {}
    for cat in ("time", "noun", "measure", "physical", "bp", "per_mille_points", "pp", "percent", "currency"):
        for surface, norm in units[cat].items():
            unit_kind[surface] = (cat, norm)
    for surface, (_, code) in units["currency_small"].items():
        unit_kind[surface] = ("currency_small", code)
    unit_kind["成"] = ("cheng", "%")

    n = NUMERAL
    bare = r"(?:[十拾百佰千仟万萬亿億]{1,3}+)"
    unit_words = [u for u in unit_kind if u not in ("成", "仙")]
    units_re = (
        rf"(?:{_alt(unit_words)}|(?<=[0-9０-９])仙"
        r"|成(?P<cheng>[一二三四五六七八九]|[1-9](?![0-9.])|半)?(?!{not_cheng})"  # 7成4; 200万成年人
        r")"
    ).replace("{not_cheng}", _NOT_CHENG)
    per_units = [u for u, (cat, _) in unit_kind.items() if cat in ("physical", "measure", "time", "noun")]
    physical_units = [u for u, (cat, _) in unit_kind.items() if cat == "physical"]
    vague = {w for w, q in words["qualifier_before"].items() if w in ("上", "数", "數", "几", "幾")}
    # 上万人, 数百位, 几十家: these only qualify a bare scale, never 上5万 or 数三点一
    pre = (rf"(?:{_alt(set(words['qualifier_before']) - vague)}"
           rf"|{_alt(vague)}(?=[十百千万萬亿億]{{1,3}}(?![{''.join(CN_DIGITS)}0-9])))")
    between = _alt(words["qualifier_between"])
    # a page that spaces its figures (在已公布的 28 个省区市中, 万亿之城增至 5 座): a measure word, a physical unit
    # or a currency after one space is the figure's; a time word is not (2023 年, 1 月: a date)
    spaced_re = _alt([u for u, (cat, _) in unit_kind.items() if cat in ("measure", "physical", "currency", "time")])
    after = _alt(words["qualifier_after"])
    cur_pre = _alt(units["currency_prefix"])
    # a table cell writes +2.5 for a rise: + is a sign where a cell or clause starts, before digits
    # (not in 互联网+5G, C++, 1+1), and right after a change word (同比+12.7%: a broker's shorthand)
    sign = (r"(?=[负負零\-－−+＋])(?:负的?|負的?|零下|(?<![0-9０-９A-Za-z%％+＋])[-－−]"  # the class skips most positions fast
            r"|(?:(?<![^\s|｜(（:：,，;；=])|(?<=同比|环比|同比增长|較上年|较上年))[+＋](?=[0-9０-９.]))")
    small_digit = "[0-9一二三四五六七八九两壹贰叁肆伍陆柒捌玖]"
    money_tail = (
        rf"(?:又?(?P<jiao>{small_digit})[角毛]|(?<=块)(?P<jiao_b>{small_digit})(?![\p{{Han}}0-9]))?"  # 三块五
        rf"(?:又?(?P<fen>{small_digit})美?分(?!之)|(?<=[毛角])(?P<fen_b>{small_digit})(?![\p{{Han}}0-9]))?"  # 两毛五
        rf"(?:钱|整|正)?"
    )

    streak = words["streak"]
    # 前10城市, 前20家企业: a top-N names what it counts (前3个月 is a period: skipped before this)
    counted = _alt([u for u, (cat, _) in unit_kind.items() if cat in ("measure", "noun")])
    pats = skip["patterns"]
    names = skip["names"]["words"]
    by_first: dict[str, list[str]] = {}  # names grouped by their first character: one test picks the group
    for w in sorted(names, key=len, reverse=True):
        rest = regex.escape(w[1:]) + (r"(?![0-9.])" if w[-1].isdigit() else "")
        by_first.setdefault(w[0], []).append(rest)
    name_alts = [(r"(?<![0-9.])" if c.isdigit() else "") + regex.escape(c) + "(?:" + "|".join(rests) + ")"
                 for c, rests in by_first.items()]
    non_rank = _alt(skip["non_rank_after"]["words"])
    top_not = _alt(skip["top_not_rank_after"]["words"])
    article = _alt(skip["article_measures"]["words"])
    weekday = _alt(skip["weekday_prefixes"]["words"])
    moved = _alt(skip["rank_moves"]["words"])
    # each skip pattern with the characters it can start with: the fast grammar tries it only there
    parts = [(pat, skip["pattern_starts"].get(key)) for key, pat in pats.items()] + [
        ("(?:" + "|".join(name_alts) + ")", "".join(sorted({regex.escape(w[0]) for w in names}))),
        (rf"第{n}(?={non_rank})", "第"),  # 第131届, 第一产业: ordinals of names
        (rf"前{n}(?={top_not})", "前"),  # 前三季度: a period
        (r"(?:[一二三四五六七八九十两兩]{1,3}|[0-9]{1,2})大(?=\p{Han})", "一二三四五六七八九十两兩0-9"),  # 五大任务: list sizes
        (rf"{weekday}[一二三四五六日天]",  # 周一, 星期三
         "".join(sorted({regex.escape(w[0]) for w in skip["weekday_prefixes"]["words"]}))),
        (rf"(?:(?<![\p{{Han}}0-9])|(?<=[^第前\d]\p{{Han}}?))(?<!{moved})一(?={article})(?!个[亿億万萬])", "一"),  # 一个 = "a"; 一个亿 is 1e8; not 上升一位
    ]
    skip_re = _dispatch(parts) if prefilter else "|".join(pat for pat, _ in parts)
    # the scanner's branches: each skip pattern (each name by its first character) and each fixed
    # shape with the characters it can start with (a superset is safe: it only costs time)
    skip_branches = [(pat, first) for pat, first in parts[:len(pats)]]
    skip_branches += [(alt, regex.escape(c)) for alt, c in zip(name_alts, by_first)]
    skip_branches += parts[len(pats) + 1:]

    streak_re = rf"""(?P<streak>(?:{_alt(streak["prefixes"])})(?P<st_di>第)?(?P<st_n>{n})(?P<st_u>{_alt(streak["units"])})
      |(?:{_alt(streak["short_prefixes"])})(?P<st_n>{n})(?P<st_u>{_alt(streak["short_units"])}))"""
    rank_re = rf"(?P<rank>第(?P<rk_n>{n})(?:名|位)?)"
    rankword_re = rf"(?P<rankword>{_alt(words['rank_words'])})(?!位(?!置))"  # (居首位: 首位 is the rank word; 榜首位置 is 榜首)
    top_re = rf"""(?P<top>(?<!{_alt(skip["top_not_after"]["words"])})前(?P<tp_n>{n})(?:位|名|大|强|強|(?=的|{counted})|(?!\p{{Han}}))|(?<![A-Za-z])(?:TOP|Top|top)\s?(?P<tp_n>[0-9]{{1,3}}+)(?![0-9A-Za-z.]))  # 前十位, 前五。, 排名前五的, 前20家, TOP10; not 目前一切
    """
    fan_re = r"(?P<fan>翻(?:了)?(?P<fan_q>近|约|約|超|逾)?(?P<fan_n>[一两二三四兩])?番)"
    q_re = rf"""(?P<q>
        (?P<pre>{pre}(?:了)?(?:[ ](?=[0-9]))?)?  # (近 300 项: a page that spaces its figures)
        (?P<cur>{cur_pre}\s{{0,2}})?
        (?P<sign>{sign})?
        (?:
            (?P<pct>百分百|半成(?!{_NOT_CHENG})|一半|半数|过半数?|過半數?|[两双兩雙]位[数數]|三位[数數])  # 两位数增长: 10% or more
          | (?P<halfcore>半)(?=\s?{units_re})
          | (?P<num>{n})  # the numeral is matched once; fractions hang off it
            (?:又(?P<fw_den>{n})分之(?P<fw_num>{n})  # 3又一千分之23
              | 分之(?P<fneg>[负負])?(?P<fnum>{n})  # 一百分之二, 百分之十二, 百分之负五 (the numeral is the denominator)
              | (?<=(?<![0-9０-９一二三四五六七八九十两零〇])百)分(?=[一二三四五六七八九十两])(?P<fnum>{n})  # 百分三十: spoken, no 之
              | 又(?P<sw_num>[0-9０-９]{{1,9}}+)[/／](?P<sw_den>[0-9０-９]{{1,9}}+)(?![0-9])  # 1又1/5
              | (?<![.．/／][0-9０-９]{{1,15}})[/／](?P<sden>[0-9０-９]{{1,9}}+)(?![0-9０-９.．/／万萬亿億])  # 3/5; not 1.11/0.55, 13/12/11, 1239/1284亿元
            )?
          | (?(pre)|(?=[十拾百佰千仟万萬亿億]{{1,3}}+(?:[余餘多来來几幾]|分之)))  # a bare scale needs a qualifier
            (?P<bare>{bare})(?:分之(?P<fneg>[负負])?(?P<bfnum>{n}))?  # 万分之三; or a bare scale: 上万, 千余
        )
        (?P<qiang>[强強](?![调調化大劲勁度国國势勢项項盛]))?  # 10强, 百强: top-N
        (?P<mid>个(?=[亿億万萬])|{between})?
        (?P<tail>[ ]?{BIG}{{1,2}}+)?
        (?P<ge>[个個](?={_alt(physical_units)}))?  # 1430万个标准箱: 个 is only a classifier here
        (?:(?:\s(?=[A-Za-z°℃])|[ \t](?=[%％]|个百分点|百分点)|[ ](?={spaced_re}))?(?P<unit>{units_re})(?P<per>[ ]?[/／][ ]?{_alt(per_units)})?)?  # 1 kg, 95.8 % (PDF text), 5 座 (a page that spaces its figures), not 3700 本周
        (?P<half>半)?
        (?P<mt>{money_tail})
        (?P<post>(?:[(（]含[)）]|[ ](?={after}))?{after})?  # 5% 以上, 3% 左右: a page that spaces its figures
    )
    """
    # the quantity's core (pct, halfcore, num, bare) starts with one of these; before it only a
    # qualifier, a currency and a sign may stand
    core_starts = "百半一过過双雙" + "0123456789０１２３４５６７８９.．" + "".join(CN_DIGITS) + "十拾百佰廿卅卌千仟万萬亿億"
    # the core always starts with one of core_starts: saying so first lets a position whose qualifier
    # and currency failed (将, 新, 美) fail in one step, not after every numeral form (a tenth of a µs
    # more where a number starts, half a µs less at each such position)
    core_at = q_re.index(_CORE_OPEN)
    q_re = q_re[:core_at] + f"(?=[{regex.escape(core_starts)}])" + q_re[core_at:]
    tops = [streak_re, rank_re, rankword_re, top_re, fan_re, q_re]
    grammar = f"(?P<skip>{skip_re})\n|" + "\n|".join(tops)
    firsts = _grammar_firsts(skip, words, units, names)  # every character a match can start with
    # 万/亿 start a match only as a bare scale before 余/多/分之 (万余, 万分之三) or a name
    big = "万萬亿億"
    big_names = "|".join(regex.escape(w) for w in names if w[0] in big)
    big_start = rf"[{big}][{big}十百千]{{0,2}}[余餘多来來几幾分]" + (f"|{big_names}" if big_names else "")
    if prefilter:
        # Most positions of a text cannot start a match; a one-class lookahead lets the
        # engine skip them fast (about 6x). The class is every first character of the grammar.
        cls = "".join(sorted(regex.escape(c) for c in firsts - set(big)))
        grammar = rf"(?=[{cls}]|{big_start})(?:{grammar})"
    q_starts = (_word_firsts(words["qualifier_before"]) + _word_firsts(k.strip() for k in units["currency_prefix"])
                + "负負零-－−+＋" + core_starts)
    fixed = [(streak_re, _word_firsts(list(streak["prefixes"]) + list(streak["short_prefixes"]))),
             (rank_re, "第"), (rankword_re, _word_firsts(words["rank_words"])), (top_re, "前Tt"), (fan_re, "翻")]
    branches = [Branch(pat, _chars_of(first, firsts), skip=True) for pat, first in skip_branches]
    branches += [Branch(pat, frozenset(first) & firsts) for pat, first in fixed]
    scanner = Scanner(branches, Branch(q_re, frozenset(q_starts) & firsts), GRAMMAR_FLAGS, "".join(firsts),
                      {c: big_start for c in big})

    cues = dict(words["growth_cues"])
    cue_pattern = re.compile(_alt(cues))  # literal words, searched over the whole text: stdlib re is 5x faster here
    change_words = [w for w, t in cues.items() if t in "+-"] + list(words["adjacent_verbs"])
    # (比 2018 年减少 341.3 千公顷, 增长 1 倍: a page that spaces its figures puts a space after the verb)
    change_before = regex.compile(rf"(?P<verb>{_alt(change_words)})了?[ ]?\Z")
    # (增长1.5倍; a rate noun linked to the multiple names a growth too: 增速分别达到1.8倍, 增幅为2倍)
    rated = words["growth_multiple_verbs"]
    multiple_before = regex.compile(rf"(?:{_alt(rated['words'])}了?"
                                    rf"|(?:{_alt(rated['rates'])})(?:{_alt(rated['links'])}){{0,2}})[ ]?\Z")
    names = {k.strip(): v for k, v in {**units["currency"], **units["currency_prefix"]}.items()
             if not k.strip().isascii() and len(k.strip()) > 1}  # 新台币, 人民币, 美元: names, not 元 or $
    after_cues = dict(words["growth_cues_after"])
    modifiers = after_cues.pop("modifiers")
    rates = _alt(words["rate_nouns"])
    # 以8.8%的增速, 20.7%的大幅下滑; a rate noun may close a short noun phrase (以10.9%的财政收入增速)
    cue_after = regex.compile(rf"的?(?:{_alt(modifiers)})?(?P<cue>{_alt(after_cues)})"
                              rf"|的\p{{Han}}{{1,6}}?(?P<cue>{rates})")
    return Lexicon(
        grammar=grammar, scanner=scanner, cue_pattern=cue_pattern, change_before=change_before,
        multiple_before=multiple_before, unit_kind=unit_kind,
        currency_prefix={k.strip(): v for k, v in units["currency_prefix"].items()},
        qual_before=words["qualifier_before"], qualifier_inside=tuple(words["qualifier_inside"]["words"]),
        qualifier_inside_not_after=tuple(words["qualifier_inside"]["not_after"]), qual_between=words["qualifier_between"],
        qual_after=words["qualifier_after"], cues=cues, adjacent=dict(words["adjacent_verbs"]),
        adjacent_nouns=tuple(words["adjacent_nouns"]["words"]),
        threshold_heads=tuple(words["threshold_heads"]["words"]),
        threshold_before=tuple(words["threshold_heads"]["before"]),
        level_before=tuple(words["level_before"]["words"]),
        money_words=tuple(words["money_metric_words"]["words"]),
        money_words_close=tuple(words["money_metric_words"]["close"]),
        money_words_not=tuple(words["money_metric_words"]["close_not"]),
        people_close=dict(words["people_metric_words"]),
        currency_small=dict(units["currency_small"]),
        scale_currency=dict(units["scale_currency"]),
        currency_note=regex.compile(
            rf"[(（](?P<cur>{_alt(names)})[,，．.、]\s?(?:{_alt(units['currency_note']['words'])})"),
        per_share_before=regex.compile(units["per_share_fen"]["before"]),
        currency_names=names,
        not_units=tuple(skip["not_units"]["words"]),
        rank_words=dict(words["rank_words"]),
        rate_nouns=dict(words["rate_nouns"]), cue_after=cue_after, cues_after=after_cues,
        level_links=regex.compile(rf"(?r)(?:{_alt(words['level_links']['words'])})+\Z"),  # (?r): from the end, linear
        pp_then_level=tuple(words["pp_then_level"]["words"]),
        continuations=tuple(words["clause_continuations"]["words"]),
    )
