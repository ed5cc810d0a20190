"""Lists that a run of numbers reports on one by one: 'A、B和C分别为x、y和z'.

The items may be metrics (进出口、出口和进口分别增长…) or places (杭州、宁波、温州分别完成…,
each then the subject of its number); they may stand before 分别 in the same clause, in an
earlier clause of the sentence with no number, or be the list the sentence reported on
before (…分别增长x和y，占全国份额分别为…).
"""
from __future__ import annotations

from msgspec.structs import replace

import regex

from functools import cache

from ..records import Quantity
from ..text import Piece, is_list_gap, split_clauses
from . import metric as M
from .metric.heads import head_of, is_junk, measurable
from .metric.phrases import joined
from .metric.topics import clause_topic
from .frames import Frame, Group
from .lexicon import alternation, cues, match_place
from .metric.aspects import aspect_list
from .metric.pronoun import partner_for_pronoun
from .list_items import RUN_NAME_ENDS as _RUN_NAME_ENDS, comma_run, items_group, split_list
from .named_lists import copula_partners, firm_list, list_doers, partner_list, place_list, venue_list
from .period.month_list import period_list_span, without_period_list_rest

# Why: a list that numbers report on is never this far back in a sentence; the bound keeps
# a hostile sentence of thousands of clauses linear.
_LOOK_BACK = 2000


def partners_said_before(text: str, s: Piece, clause: Piece, n: int) -> Group | None:
    """东盟、香港…和台湾为广东前五大贸易伙伴，分别增长…: n places an earlier clause of the sentence calls a place's
    trade partners; each figure is that place's trade with one of them."""
    for c in reversed(split_clauses(text, Piece(max(s.start, clause.start - _LOOK_BACK), clause.start))):
        raw = text[c.start:c.end].strip()
        if (listed := _copula_list(raw)) and (g := copula_partners(listed, raw[len(listed):], n)):
            return g
    return None


def list_in_earlier_clause(text: str, s: Piece, clause: Piece, n: int) -> Group | None:
    """A list of n items in an earlier clause of the sentence that holds no number."""
    start = max(s.start, clause.start - _LOOK_BACK)
    clauses = split_clauses(text, Piece(start, clause.start))
    if start > s.start:
        clauses = clauses[1:]  # cut by the look-back limit: not a whole clause
    # 文化和旅游厅统计数据显示, 记者从市发展和改革局了解到: a clause naming where the figures come from lists nothing
    clauses = [c for c in clauses if not text[c.start:c.end].rstrip().endswith(_source_ends())]
    # (a rank after the copula is no figure of the list's: 东盟…为湖南省前4大贸易伙伴)
    # (the places peel takes off a clause's front are the list when a copula follows them: 杭州、宁波、温州为…)
    said = [t for c in reversed(clauses) for t in (_before_copula(_after_opener(M.peel(text[c.start:c.end])[0])),
                                                   _copula_list(text[c.start:c.end].strip())) if t]
    bare = [t for t in said if not any(ch.isdigit() for ch in t)]
    # a clause listing the n items with 、 alone; then one clause per item (…，橡胶和塑料制品业等: 和
    # inside an item; 电力、热力生产和供应业: 、 inside one); then a clause whose last 、 item holds
    # two joined by 和; then fewer clauses
    if g := next((g for t in bare if t.count("、") == n - 1 and (g := split_list(t, n))), None):
        return g
    run = comma_run(text, clauses)
    if len(run) >= n and (g := items_group(run[-n:])) is not None:
        return g
    if g := next((g for t in bare if t.count("、") == n - 2 and (g := split_list(t, n))), None):
        return g
    sizes = [k for k in range(min(len(run), n - 1), 1, -1)]
    return next((g for k in sizes if (g := split_list("、".join(run[-k:]), n))), None)


@cache
def _source_ends() -> tuple[str, ...]:
    return tuple(cues()["grammar"]["source_clause_ends"])


def _after_opener(clause: str) -> str:
    """游客接待量最多的是东阳、永康和市区 -> 东阳、永康和市区: the list after the words that introduce it."""
    first = clause.find("、")
    if first < 0:
        return clause
    at = max(clause.rfind(o, 0, first) + len(o) if clause.rfind(o, 0, first) >= 0 else -1
             for o in cues()["metric"]["list_openers"])
    return clause[at:] if at > 0 else clause


def _before_copula(clause: str) -> str:
    """秦州、麦积两区仍然是全市游客接待主体 -> 秦州、麦积两区: a list said as what its predicate is about, the
    items before the copula that follows the last 、 (东盟、香港…和台湾为广东前五大贸易伙伴，分别增长…)."""
    last = clause.rfind("、")
    if last < 0:
        return clause
    at = min((i for c in cues()["metric"]["list_copulas"] if (i := clause.find(c, last + 1)) > last + 1), default=-1)
    return clause[:at] if at > 0 else clause


def _copula_list(clause: str) -> str:
    """The list before a copula that follows the clause's last 、, or "" when there is no such copula."""
    cut = _before_copula(clause)
    return cut if cut != clause else ""


@cache
def _compounds() -> tuple[regex.Pattern, dict]:
    table = cues()["metric"]["compounds"]
    return regex.compile(alternation(table)), table


def split_compound(name: str, n: int) -> tuple[str, ...] | None:
    """汽车产销量 with two numbers -> (汽车产量, 汽车销量): a name joining n measures, split."""
    pattern, table = _compounds()
    m = pattern.search(name) if name else None
    if m is None or len(table[m.group()]) != n:
        return None
    return tuple(name[:m.start()] + part + name[m.end():] for part in table[m.group()])


def _benchmark_only(base: regex.Match, kind: str, year_before: str) -> bool:
    """较去年同期 before 分别 gives a gap its benchmark and a growth its default basis, and names
    nothing, and so does the year before named (比2020年同期 in a report on 2021, `year_before`);
    比2019年同期 in 2021 stays in the name (another series than year-on-year), and 与 joins names
    unless 相比 closes it (茅台酒与系列酒产品分别实现…)."""
    if base.group().startswith("与") and not base.group().endswith("相比"):
        return False
    v = base.group("v").strip()
    return kind == "pp" or M.patterns()["year_ago"].fullmatch(v) is not None \
        or bool(year_before) and v in (year_before + "年同期", year_before + "年")


def _rate_in_name(rate: str, kind: str) -> str:
    """The listed things' names take a bare rate (增幅较3月分别扩大: 进出口同比增幅) when the figure is a
    gap between rates; a growth is the thing's own (增速分别达: 禽蛋产量) unless on another basis (环比增速)."""
    if kind == "pp" or rate.startswith(tuple(cues()["metric"]["other_rate_bases"])):
        return rate
    return ""


def _clause_before(text: str, clause: Piece, q) -> str:
    """The clause's words before `q`, up to a 分别 if there is one."""
    words_ = text[clause.start:q.start]
    m = M.patterns()["respective"].search(words_)
    return words_[:m.start()] if m else words_


def _compound_members(name: str) -> tuple[str, ...]:
    """The things a compound name joins (三次产业 -> 第一产业, 第二产业, 第三产业), as data lists them."""
    pattern, table = _compounds()
    return tuple(table[pattern.search(name).group()])


_LIST_VERB = regex.compile(r"^\s*(?:为|是)")  # 分别为医疗保健、…: the verb that opens a list
# the verb between a list and a run of as many figures when no 分别 is written (…美国的贸易额为101.7亿元、…)
_UNSAID_RESPECTIVE = regex.compile(r"(?:为|达到|达|是)\s*$")


def _words_before(text: str, clause: Piece, q, *, unsaid: bool) -> str:
    """The clause's words before `q`, without the verb that stands for an unsaid 分别 (…的贸易额为)."""
    words = _clause_before(text, clause, q)
    return _UNSAID_RESPECTIVE.sub("", words) if unsaid else words


def _named_since(frame: Frame, n: int) -> bool:
    """True when n things were named outright since the list was set (财政总收入、一般公共预算收入分别
    增长…；城镇居民人均可支配收入52688元，农村居民…29544元，分别增长…: the second 分别 is the new pair's)."""
    return frame.named_since_group >= n and len(frame.bases) >= n


def respective(ctx, frame: Frame, s: Piece, clause: Piece, q, raw: str, n: int) -> tuple[Group | None, Frame]:
    """The list a run of n numbers reports on one by one (see _respective); an item's 对其 flow is with that item
    (分别为美国、欧盟…，分别对其进出口232.1亿元、…: 对美国进出口)."""
    group, frame = _respective(ctx, frame, s, clause, q, raw, n)
    if group is not None and any(name and "其" in name for name in group.names):
        group = replace(group, names=tuple(partner_for_pronoun(name, "") if name else name for name in group.names))
    return group, frame


def _respective(ctx, frame: Frame, s: Piece, clause: Piece, q, raw: str, n: int) -> tuple[Group | None, Frame]:
    """One metric (and maybe one subject) per number for 'A、B和C分别为x、y和z' and its
    follow-ups; the frame keeps the list for the sentence's later numbers."""
    # (分别为医疗保健、居住…价格分别上涨x、y: a list written between two 分别 is before the last one, its verb dropped)
    found = list(M.patterns()["respective"].finditer(raw))
    m = found[-1] if found else None
    pre, post = (raw[:m.start()], raw[m.end():]) if m else ("", raw)
    if len(found) >= 2:
        pre = _LIST_VERB.sub("", raw[found[-2].end():m.start()])
    if m is None and (said := _UNSAID_RESPECTIVE.search(raw)) and raw[:said.start()].count("、") == n - 1:
        pre, post = raw[:said.start()], ""  # A、B、C的贸易额为x、y、z: the list, then its verb (no name)
    if pre and period_list_span(ctx.text[clause.start:q.start], n):
        # 一、二、三季度GDP环比增速分别为…: the times are the figures' periods, not names; the words
        # read here have the period (三季度) taken out already, its list's first items stay (一、二、)
        pre = without_period_list_rest(pre)
    post_w = M.read_window(post, q.kind)
    own = post_w.metric
    if m is None and not pre and "、" in own and not post_w.share and not post_w.change:
        # 其中教育、科技、医疗卫生、社会保障和就业8.67亿元、0.96亿元…: the list stands right before its
        # figures, no verb between; it is the names, one per figure (and the whole's, for a 合计 after it)
        frame = frame.named(own, q.kind)
        pre, own = post, ""
    if q.kind == "pp" and (lift := M.contribution(post)):
        own = lift  # 分别拉动经济增长0.3、3.8和3.2个百分点: the pull is the name, 增长 with it
    if found := partner_list(pre, n) or partner_list(_words_before(ctx.text, clause, q, unsaid=m is None), n):
        # 对欧盟、美国和东盟进出口分别增长…: one partner per figure (对前三大贸易市场非洲…: the mark stands
        # before a top-N rank, so before this number's own words)
        partners, doer = found
        subjects = (ctx.subject_name(doer),) * n if doer else None  # 绍兴与东盟、非洲…: 绍兴's trade
        group = Group(items=partners, names=tuple(x + (own if own not in x else "") for x in partners),
                      subjects=subjects)
        return group, frame.listing(group)  # …，分别增长x、y和z: the same partners' rates
    if found := firm_list(pre, n):  # 宁波银行、杭州银行分别实现归母净利润x和y: each firm's own
        firms, shared = found
        name = M.read_window(shared, q.kind).metric if shared else ""
        group = Group(items=firms, names=(name or own or frame.base,) * n, subjects=firms)
        return group, frame.listing(group)
    found = place_list(pre, n, ctx.subject_name)
    if found:  # 深圳、广州分别实现网络零售额x和y: the list names the subjects
        places, shared = found
        name = (shared + own if own not in shared else shared) if shared else own
        group = Group(items=tuple(places), names=(name or frame.base,) * n, subjects=tuple(places))
        return group, frame.listing(group)  # …，分别排全省第3、第4、第5: the same places
    if (found := venue_list(pre, n)) and (own or found[1]):
        # 黄山、九华山、天柱山、古徽州文化旅游区、三河古镇分别接待游客x、y…: named sights are whose figures
        venues, shared = found
        # (接待旅游人次 after the last name: the words as said, the verb with them)
        group = Group(items=venues, names=(shared + own if shared and own not in shared else shared or own,) * n,
                      subjects=venues)
        return group, frame.listing(group)
    if pre and (aspects := aspect_list(pre, n, frame.last_metric)):
        return Group(items=aspects, names=aspects, inherited=True), frame  # …；总量和增速分居全市第二和第三
    pre_text = M.peel(M.patterns()["paren"].sub("", pre))[0] if pre else ""
    if pre_text and M.patterns()["rank_field_before"].match(pre_text.strip()):
        pre_text = ""  # 在副省级城市中分列第四和第五位: the field ranked among, no name
    if pre_text and (based := M.patterns()["base_tail"].sub("", pre_text).strip()) != pre_text.strip() \
            and not M.patterns()["gap_base"].search(pre_text):
        pre_text = based  # 与去年春节假期相比分别增长: the year-ago holiday is the basis, no name
    now = ctx.periods.period_at(q.start)
    year_before = str(int(now.start[:4]) - 1) if now is not None and now.start else ""
    if pre_text and (base := M.patterns()["gap_base"].search(pre_text)) and _benchmark_only(base, q.kind, year_before):
        # 较去年同期分别提升…, 比上一年分别增长…, 增幅较3月分别扩大…: the comparison is the benchmark,
        # no name; what is compared is named before it or in the clause before
        pre_text = pre_text[:base.start()].strip()
    if pre_text and is_junk(pre_text) and not M.patterns()["rate_head"].search(pre_text):
        pre_text = ""  # 前七日分别比上年同期增长…: a time, no name; the things are the ones named before
    if pre_text and M.patterns()["base_list"].match(pre_text.strip()) and (thing := own or frame.base):
        # 客运量…，比2020年同期、2019年同期分别下降14.8%和58.6%: one base per figure, the same thing
        g = cues()["grammar"]
        bases = regex.split(alternation(g["base_list_joins"]), pre_text.strip())
        versus = tuple(b.lstrip("".join(g["base_marks"])) for b in bases)
        return Group(items=versus, names=(thing,) * n, versus="、".join(versus), inherited=not own), frame
    named = pre_text or own
    if not named and not m:
        # 汽车产销量均创新高,累计完成x和y: a pair of figures with no name of their own, after a clause about a
        # name joining two measures, are its members' (the 分别 unsaid)
        named = frame.base or (clause_topic(frame.prev_clause) if frame.prev_clause else "")
    parts = split_compound(named, n)
    if parts:  # 汽车产销量分别达到x和y
        # the members are the list a later 分别 in the sentence reports on again (三次产业对经济的贡献率
        # 分别为…，分别拉动经济增长…: 第一产业, 第二产业, 第三产业)
        group = Group(items=_compound_members(named),
                      names=tuple(p + (own if pre_text and own not in p else "") for p in parts))
        return group, frame.listing(group)
    group = split_list(pre_text, n) if pre_text else None
    run = comma_run(ctx.text, split_clauses(ctx.text, Piece(s.start, clause.start))) if "、" in pre_text else []
    if m and n >= 2 and pre_text.endswith(_RUN_NAME_ENDS) and len(run) >= n - 1 \
            and all(x.endswith(_RUN_NAME_ENDS) for x in run[len(run) - (n - 1):]):
        # 酒、饮料和精制茶制造业,汽车制造业,计算机、通信和其他电子设备制造业分别增长…: named industries whose
        # names hold 、 are listed with commas, one per clause; the 、 inside the last is no list
        group = Group(items=(*run[len(run) - (n - 1):], pre_text))
    if group is None and run:
        # 住宿和餐饮业，金融业，其他营利性服务业、批发和零售业增加值分别增长…: the list began clauses before
        group = next((g for k in range(len(run), 0, -1) if (g := split_list("、".join(run[-k:] + [pre_text]), n))),
                     None)
    if group is None and m and pre_text.count("、") >= n:
        # 水果、肉类、医药材及药品分别进口29.8亿、16.2亿,12.9亿元; A、B、C、D、E分别增长x、y、z、w (the page
        # cut the last): fewer figures in the run than items, which still go in order
        items = pre_text.count("、") + 1
        found = [g for k in (items, items + 1) if (g := split_list(pre_text, k))]
        # a split that leaves no tail shared is the surer one (医药材及药品 is two items, not 医药 + 材及药品)
        longer = next((g for g in found if not g.shared), found[0] if found else None)
        if longer is not None:
            group = replace(longer, items=longer.items[:n])
    # 进出口、出口、进口同比也均好于3月，增幅较3月分别扩大…: a bare rate is each listed thing's rate
    # (…规模均大于3月，环比增速分别为…: with its basis too)
    bare_rate = next((pre_text[len(b):] for b in cues()["metric"]["change_bases"] if pre_text.startswith(b)), pre_text)
    rate_only = bool(bare_rate) and (head := M.patterns()["rate_head"].search(bare_rate)) is not None \
        and head.start() == 0
    if group is None and pre_text and not rate_only and not M.is_generic(pre_text) \
            and not (frame.group and len(frame.group.items) == n):
        # one name for all the numbers (城乡居民人均可支配收入分别增长x和y), the thing later figures are of
        name = pre_text + (own if own not in pre_text else "")
        return Group(items=(pre_text,) * n, names=(name,) * n), frame.named(pre_text, q.kind)
    if group is None and (not pre_text or rate_only) and frame.prev_clause:
        # 水产品和鲜果价格由涨转降，降幅分别为1.5%和0.3%: the list the clause before opens with
        lead = M.leading_noun(_before_copula(M.peel(frame.prev_clause)[0]), lists=True)
        group = split_list(lead, n) if lead else None
        if group is not None:
            group = replace(group, inherited=True, shared=group.shared + _rate_in_name(pre_text, q.kind))
    if group is None and not pre_text and (partners := partners_said_before(ctx.text, s, clause, n)):
        subjects = tuple(ctx.subject_name(x) for x in partners.subjects) if partners.subjects else None
        return replace(partners, subjects=subjects, inherited=True), frame.listing(partners)
    if group is None:
        if frame.group and len(frame.group.items) == n and not _named_since(frame, n):
            prev = frame.group
            whole = M.read_window(raw, q.kind)
            if prev.names and not whole.metric and not whole.share and not whole.change:
                # 涨幅比上月分别扩大0.2和0.1个百分点: nothing named anew, the same things' rates
                names = tuple(x if not whole.rate_head or whole.rate_head in x else x + whole.rate_head
                              for x in prev.names)
                return Group(items=prev.items, names=names, versus=whole.versus or prev.versus, inherited=True,
                             subjects=prev.subjects), frame
            if prev.subjects and not all(match_place(x) for x in prev.subjects) \
                    and (said := M.read_window(pre_text, q.kind).metric if pre_text else own):
                # 五区接待旅游人次分别增长…，实现旅游收入分别增长…: the same bodies' new measure (places and
                # firms keep the ways below)
                said += own if own and own not in said else ""
                return Group(items=prev.items, names=(said,) * n, subjects=prev.subjects, inherited=True), frame
            group = Group(items=prev.items, shared=pre_text, versus=prev.versus,
                          names=prev.names if not pre_text and not own else (), inherited=True)
        else:
            group = list_in_earlier_clause(ctx.text, s, clause, n)
            last = frame.share_metric if q.kind == "pp" and frame.share_metric else frame.last_metric
            if group is None and not pre_text and "、" in last:
                # 进出口、出口、进口值占全省份额均为9.4%，较去年同期分别提升…: the things the figure
                # before was given for, all at once (a gap in points is of the share)
                if (group := split_list(last, n)) is not None:
                    group = replace(group, names=tuple(x + group.shared for x in group.items))
            if group is None and len(frame.bases) >= n:
                group = Group(items=frame.bases[-n:], shared=pre_text)
            if group is not None:
                group = replace(group, inherited=True)
    if group is None:
        return None, frame
    if group.inherited and not group.subjects and (doers := list_doers(group)):
        # 永康、武义、婺城、东阳限上社零…增长，分别拉高全市限上社零1.75个、0.3个…; 紧随其后的是宁波银行、
        # 均胜电子、韵达股份，上半年营收均超200亿元，分别为…: the places or firms listed before are
        # whose figures these are; what the figures are is said here or in the frame
        # (仅招商银行和平安银行不良贷款率上升，分别…: what they share is named after them)
        said = M.read_window(group.shared, q.kind).metric if group.shared and measurable(group.shared) else ""
        return Group(items=doers, names=(own or said or frame.base,) * n, subjects=doers, inherited=not own), frame
    if not group.names:
        shared_w = M.read_window(group.shared, q.kind) if group.shared else M.Window(metric="")
        shared = shared_w.metric if shared_w.share or shared_w.versus else group.shared
        names = []
        for item in group.items:
            name = item + shared + (own if own not in shared else "")
            if shared_w.share:
                name += shared_w.share.rstrip("的")
            if shared_w.rate_head and shared_w.rate_head not in name:
                name += shared_w.rate_head  # 增速较上年同期分别加快: each item's growth rate
            names.append(name)
        if not group.inherited and not shared and not own and all(not measurable(x) for x in names) \
                and not any(_names_sector(x) for x in names) \
                and frame.base and measurable(frame.base) and (head := head_of(frame.base)):
            # 规模以上工业增加值增长8%，国有控股企业、股份制企业和私营企业分别增长5%、6%和7%: kinds of the
            # thing just measured, each measured by its head (国有控股企业增加值); industries stay bare, as
            # releases and the gold name them (汽车制造业、电气机械制造业分别增长…)
            names = [joined(x, head) for x in names]
        group = replace(group, names=tuple(names), versus=group.versus or shared_w.versus)
    if not (frame.group and frame.group.items == group.items and not post_w.change and not post_w.share):
        frame = frame.listing(group)
    names = group.names
    versus = group.versus
    if post_w.share:
        names = tuple(x + post_w.share.rstrip("的") for x in names)
        versus = post_w.versus
    if post_w.change:
        names = tuple(x + post_w.change for x in names)
    if post_w.rate_head:
        names = tuple(x if post_w.rate_head in x else x + post_w.rate_head for x in names)
    return replace(group, names=names, versus=versus), frame


def _names_sector(name: str) -> bool:
    """制造业, 服务业: a sector (not 私营企业, a kind of firms), named bare in a 分别 list."""
    g = cues()["grammar"]
    return name.endswith(g["sector_ending"]) and not name.endswith(g["firms_ending"])


def numbers_list_ends(text: str, cq: list[Quantity]) -> list[int]:
    """For each number, where the list of numbers it belongs to ends (read right to left once:
    a list of thousands of numbers stays linear)."""
    ends = [q.end for q in cq]
    for j in range(len(cq) - 2, -1, -1):
        if is_list_gap(text[cq[j].end:cq[j + 1].start]):
            ends[j] = ends[j + 1]
    return ends
