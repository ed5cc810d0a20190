"""The indicator catalogue and the metric matcher: integrity, wordings of our own, the dev gold metrics."""
from __future__ import annotations

import copy
import gc
import json
import time
from pathlib import Path

import pytest

from zjnews_extract.data import load_toml
from zjnews_extract.indicators import catalogue, match_metric, normalise, problems, unit_family
from zjnews_extract.indicators.matcher import _phrase_alone

GOLD_METRICS = Path(__file__).resolve().parent.parent / "fixtures" / "dev" / "gold_metrics.jsonl"
PHRASES = Path(__file__).resolve().parent / "cases" / "indicator_phrases.jsonl"


# ---------------------------------------------------------------- catalogue integrity

def test_catalogue_is_sound_and_large_enough():
    assert problems() == []
    cat = catalogue()
    assert len(cat.indicators) >= 150
    assert all(ind.zh and ind.en for ind in cat.indicators.values())
    assert all(normalise(a) for ind in cat.indicators.values() for a in ind.aliases + ind.heads)


def test_official_codes_are_kept_as_cross_references_split_by_year():
    ports = catalogue().indicators["transport.port_throughput"].xref
    assert [(x.code, x.start, x.end) for x in ports] == [("A0905", 2005, 2018), ("A0906", 2019, None)]
    assert any(x.code == "A0801" for x in catalogue().indicators["trade.total"].xref)


def _raw() -> dict:
    return copy.deepcopy(load_toml("indicators.toml"))


def test_an_alias_of_two_indicators_is_reported():
    raw = _raw()
    exports = next(i for i in raw["indicator"] if i["id"] == "trade.exports")
    exports["aliases"].append("进口")
    assert any("alias 进口 of both" in p for p in problems(raw))


def test_an_alias_shared_with_a_context_bound_indicator_is_allowed():
    # 利用外资 is FDI, except among the funding sources of real-estate developers
    owners = [i.id for i in catalogue().indicators.values() if "利用外资" in i.aliases]
    assert sorted(owners) == ["fdi.actual", "realestate.funds.foreign_capital"]
    assert catalogue().indicators["realestate.funds.foreign_capital"].context


def test_duplicate_ids_heads_and_unknown_dimensions_are_reported():
    raw = _raw()
    raw["indicator"].append(dict(raw["indicator"][0]))
    investment = next(i for i in raw["indicator"] if i["id"] == "realestate.investment")
    investment["breakdowns"] = ["property", "industry"]  # now 投资 is ambiguous with fixed-asset investment
    raw["members"]["list"][0]["dimensions"] = ["nowhere"]
    found = "\n".join(problems(raw))
    assert "indicator id gdp twice" in found
    assert "head 投资 of" in found and "share breakdown" in found
    assert "unknown dimension nowhere" in found


def test_derived_statistics_and_same_ids_are_checked():
    raw = _raw()
    pull = next(i for i in raw["indicator"] if i["id"] == "gdp.growth_pull")
    del pull["of"]  # a derived kind without the indicator it is derived from
    raw["relations"]["same"]["agriculture.output:nowhere"] = "agriculture.grain_output"
    raw["words"]["breakdown_nouns"]["行业"] = "trades"
    fdi = next(i for i in raw["indicator"] if i["id"] == "fdi.total_investment")
    fdi["context"] = []  # a context alias needs context words
    found = "\n".join(problems(raw))
    assert "gdp.growth_pull: a derived statistic needs both" in found
    assert "relation names unknown indicator agriculture.output:nowhere" in found
    assert "breakdown noun 行业: unknown dimension trades" in found
    assert "fdi.total_investment has context aliases but no context words" in found


def test_every_derived_statistic_is_of_an_indicator_that_takes_its_breakdowns():
    cat = catalogue()
    for ind in cat.indicators.values():
        if ind.of:
            base = cat.indicators[ind.of]
            extra = set(ind.breakdowns) - set(base.breakdowns) - {"demand"}  # GDP's demand parts exist only as contributions
            assert not extra, (ind.id, extra)


# ---------------------------------------------------------------- wordings of our own (not from the gold)

SAME = {
    "trade.total": ["进出口总值", "进出口额", "外贸进出口", "货物贸易进出口", "实现进出口", "全省进出口总额",
                    "外贸进出口总值", "今年累计进出口", "进出口贸易额"],
    "trade.exports": ["出口", "出口额", "出口总值", "外贸出口", "货物出口", "全市出口"],
    "trade.imports": ["进口", "进口额", "进口总值", "外贸进口"],
    "trade.exports:high_tech_products": ["高新技术产品出口", "高新技术产品出口额", "“高新技术产品”出口"],
    "fdi.actual": ["实际使用外资", "实际利用外资", "实际外资", "实到外资", "实际使用外资金额"],
    "fdi.contracted": ["合同外资", "合同利用外资", "协议外资"],
    "retail.sales": ["社会消费品零售总额", "社零总额", "社零", "消费品零售总额", "社会消费品零售额"],
    "industry.value_added": ["工业增加值", "规上工业增加值", "规模以上工业增加值", "全省规模以上工业增加值增速"],
    "gdp": ["地区生产总值", "GDP", "国内生产总值", "经济总量", "GDP增速"],
    "prices.cpi": ["居民消费价格", "CPI", "居民消费价格指数", "全国居民消费价格指数环比"],
    "finance.m2": ["M2", "广义货币供应量", "广义货币(M2)", "广义货币供应量（M2）余额"],
    "trade.total:usa": ["对美国进出口", "对美进出口", "与美国贸易额"],
    "fdi.actual:hong_kong": ["香港实际外资", "来自香港的实际使用外资", "香港地区实际利用外资"],
    "realestate.investment:residential": ["住宅投资", "商品住宅投资"],
    "industry.output:automobiles": ["汽车产量", "汽车生产"],
    "tourism.domestic_visitors": ["国内游客", "国内旅游者", "接待国内游客"],
}


@pytest.mark.parametrize("indicator", sorted(SAME))
def test_one_indicator_in_other_words_gets_one_id(indicator):
    got = {phrase: match_metric(phrase).indicator for phrase in SAME[indicator]}
    assert set(got.values()) == {indicator}, got


def test_different_indicators_get_different_ids():
    pairs = [("出口", "高新技术产品出口"), ("出口", "进口"), ("合同外资", "实际使用外资"), ("进出口", "出口"),
             ("社会融资规模存量", "社会融资规模增量"), ("人民币贷款", "新增人民币贷款"), ("营业收入", "营业总收入"),
             ("净利润", "归母净利润"), ("国内游客", "入境游客"), ("商品房销售面积", "商品房销售额"),
             ("对美国出口", "对日本出口"), ("住宅投资", "制造业投资"), ("CPI", "核心CPI"), ("PPI", "CPI")]
    for a, b in pairs:
        ida, idb = match_metric(a).indicator, match_metric(b).indicator
        assert ida and idb and ida != idb, (a, ida, b, idb)


def test_scope_words_go_to_scope_not_to_the_id():
    for phrase, scope in [("规模以上工业增加值", "规模以上"), ("规上工业增加值", "规模以上"),
                          ("限额以上单位消费品零售额", "限额以上"), ("限上零售额", "限额以上"),
                          ("城镇居民人均可支配收入", "城镇"), ("农村居民人均可支配收入", "农村"),
                          ("全体居民人均可支配收入", "全体居民")]:
        found = match_metric(phrase)
        assert found.scope == scope and found.indicator in ("industry.value_added", "retail.sales",
                                                            "income.disposable_per_capita"), (phrase, found)
    assert match_metric("城镇新增就业").indicator == "employment.urban_new"  # a name, not a scope


def test_nothing_fits_gives_null_never_a_guess():
    for phrase in ["出口企业", "组织团组", "1亿美元以上企业合同外资", "活动", "进出口、出口和进口增速",
                   "英国、德国的实际外资", "对美国", "投资", "增加值", "美国进出口", "", "进出口、出口增长贡献率",
                   "茅台酒对营收增长的贡献率", "行业实现两位数增长", "投资总额"]:
        assert match_metric(phrase).indicator is None, phrase
    assert match_metric("拉动消费", kind="value", unit="CNY").indicator is None  # what a campaign spurred
    assert match_metric("大类行业", kind="value", unit="个").indicator is None  # the size of the classification


def test_kind_and_unit_rule_out_an_indicator():
    assert match_metric("出口", kind="value", unit="CNY").indicator == "trade.exports"
    assert match_metric("出口", kind="value", unit="家").indicator is None  # a count of exporters
    assert match_metric("居民消费价格", kind="growth", unit="%").indicator == "prices.cpi"
    assert match_metric("居民消费价格", kind="value", unit="CNY").indicator is None
    assert unit_family("USD") == "money" and unit_family("千瓦时") == "energy" and unit_family("人次") == "count"


def test_a_share_is_of_what_comes_before_the_share_word():
    assert match_metric("出口占全国份额", kind="percent", unit="%").indicator == "trade.exports"
    assert match_metric("高新技术产品出口比重", kind="percent", unit="%").indicator == "trade.exports:high_tech_products"


def test_context_bound_words_need_their_sentence():
    sentence = "房地产开发企业到位资金8万亿元，其中国内贷款1万亿元，利用外资25亿元。"
    assert match_metric("利用外资", sentence=sentence).indicator == "realestate.funds.foreign_capital"
    assert match_metric("利用外资", sentence="全省利用外资50亿美元。").indicator == "fdi.actual"
    assert match_metric("国内贷款", sentence=sentence).indicator == "realestate.funds.domestic_loans"
    assert match_metric("国内贷款").indicator is None


def test_a_bare_breakdown_takes_the_one_indicator_its_sentence_names():
    sentence = "分行业看，汽车制造业增加值增长9.5%，纺织业增长3%。"
    assert match_metric("纺织业", kind="growth", unit="%", sentence=sentence).indicator == \
        "industry.value_added:textile_industry"
    both = "汽车产量增长5%，汽车出口增长30%。"  # which one the bare 汽车 of a growth rate is: no id
    assert match_metric("汽车", kind="growth", unit="%", sentence=both).indicator is None
    assert match_metric("汽车", kind="value", unit="辆", sentence="汽车产量50万辆。").indicator == \
        "industry.output:automobiles"


@pytest.mark.parametrize(("phrase", "kind", "expected", "scope"), [
    # NBS: 贡献率 (a part's increment over the whole's, %) and 拉动 (points); the whole after 对 or 拉动
    ("第三产业对经济增长的贡献率", "percent", "gdp.contribution_rate:tertiary", None),
    ("第三产业增加值对GDP增长的贡献率", "percent", "gdp.contribution_rate:tertiary", None),
    ("第三产业拉动经济增长", "pp", "gdp.growth_pull:tertiary", None),
    ("第三产业对GDP增长的贡献", "pp", "gdp.growth_pull:tertiary", None),  # 贡献 with points is a pull
    ("第三产业对GDP增长的贡献率", "pp", "gdp.contribution_rate:tertiary", None),  # 贡献率 in points: its change
    ("第三产业贡献率", "percent", "gdp.contribution_rate:tertiary", None),  # no whole said: GDP (NBS A0207)
    ("净出口对经济增长的贡献率", "percent", "gdp.contribution_rate:net_exports", None),
    ("工业对经济增长的贡献率", "percent", "gdp.contribution_rate:industry", None),
    ("工业增加值拉动GDP增长", "pp", "gdp.growth_pull:industry", None),  # a component statistic is its part
    ("汽车制造业拉动规上工业增长", "pp", "industry.value_added.growth_pull:automobile_manufacturing", "规模以上"),
    ("外资企业对全省外贸增长的贡献率", "percent", "trade.total.contribution_rate:foreign_invested", None),
    ("出口增长贡献率", "rank", "trade.exports.contribution_rate", None),  # the part is the fact's subject
    ("限上单位拉动社零增长", "pp", "retail.sales.growth_pull", "限额以上"),
    ("制造业投资拉动全部投资增长", "pp", "investment.fixed_assets.growth_pull:manufacturing", None),
])
def test_contributions_are_statistics_of_the_whole_they_are_to(phrase, kind, expected, scope):
    found = match_metric(phrase, kind=kind, unit="pp" if kind == "pp" else "%")
    assert (found.indicator, found.scope) == (expected, scope), found


def test_a_contribution_of_what_is_no_part_of_the_whole_is_null():
    assert match_metric("进口对GDP增长的贡献率", kind="percent", unit="%").indicator is None  # 进口 is no GDP part
    assert match_metric("汽车制造业对GDP增长的贡献率", kind="percent", unit="%").indicator is None
    assert match_metric("拉动投资", kind="value", unit="CNY").indicator is None  # an amount spurred


@pytest.mark.parametrize(("phrase", "kind", "unit", "expected"), [
    ("行业增加值增长", "value", "个", "industry.value_added.growing_count"),
    ("行业增加值实现正增长", "value", "个", "industry.value_added.growing_count"),
    ("产品产量同比增加", "value", "种", "industry.output.growing_count"),
    ("行业利润增长", "value", "个", "industry.profit.growing_count"),
    ("增长面", "percent", "%", "industry.value_added.growth_breadth"),
    ("行业增加值下降", "value", "个", None),  # no count of declines is kept
    ("产品产量增长", "value", "CNY", None),  # a count is of units, not money
    ("行业", "value", "个", None),
])
def test_counts_of_breakdowns_that_grew(phrase, kind, unit, expected):
    assert match_metric(phrase, kind=kind, unit=unit).indicator == expected


def test_a_bare_breakdown_before_a_share_is_a_breakdown_of_the_whole_after_it():
    assert match_metric("第二产业占GDP比重", kind="percent", unit="%").indicator == "gdp:secondary"
    assert match_metric("新加坡占全省实际外资的比重", kind="percent", unit="%").indicator == "fdi.actual:singapore"
    assert match_metric("汽车占出口的比重", kind="percent", unit="%").indicator == "trade.exports:automobiles"
    assert match_metric("第二产业占比", kind="percent", unit="%").indicator is None  # no whole said


def test_a_word_that_is_also_a_breakdown_is_the_breakdown_before_another_indicator():
    assert match_metric("外贸").indicator == "trade.total"
    assert match_metric("外贸集装箱吞吐量").indicator == "transport.container_throughput:foreign_trade"
    assert match_metric("内贸吞吐量").indicator == "transport.port_throughput:domestic_trade"


def test_a_context_alias_is_bound_and_the_other_aliases_are_not():
    fdi = "1-6月，全省新设外商投资企业1200家，投资总额150亿美元。"
    assert match_metric("投资总额", kind="value", unit="USD", sentence=fdi).indicator == "fdi.total_investment"
    assert match_metric("投资总额", kind="value", unit="CNY", sentence="项目投资总额80亿元。").indicator is None
    assert match_metric("外商投资企业投资总额", kind="value", unit="USD").indicator == "fdi.total_investment"
    assert match_metric("住宅投资总额", kind="value", unit="CNY").indicator == "realestate.investment:residential"


def test_a_breakdown_that_is_a_statistic_of_its_own_keeps_its_id():
    for phrase in ["粮食作物种植面积", "粮食播种面积", "粮食面积"]:
        assert match_metric(phrase).indicator == "agriculture.grain_sown_area", phrase
    assert match_metric("粮食作物产量").indicator == "agriculture.grain_output"
    assert match_metric("粮食每公顷产量", kind="value", unit="公斤/公顷").indicator == "agriculture.grain_yield"
    assert match_metric("生猪出栏数").indicator == "agriculture.hogs_slaughtered"
    assert match_metric("净利润扣非后").indicator == "company.net_profit_recurring"
    assert match_metric("扣非后的加权平均净资产收益率", kind="percent", unit="%").indicator == "company.roe:recurring"


# ---------------------------------------------------------------- phrases from public news, annotated first

def _phrases() -> list[dict]:
    return [json.loads(line) for line in PHRASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_news_phrases_are_read_as_annotated():
    """tests/cases/indicator_phrases.jsonl: metric phrases from public news, each annotated with the id
    it should get before the matcher ran on it. A case that fails must say why in known_wrong (strict:
    a flagged case that passes fails too, so that a fix removes its flag)."""
    rows = _phrases()
    assert len(rows) >= 80 and all(r["source"].startswith("http") for r in rows)
    unexpected = []
    for r in rows:
        found = match_metric(r["phrase"], kind=r["kind"], unit=r["unit"])
        ok = found.indicator == r["expect"] and (r["scope"] is None or found.scope == r["scope"])
        if ok == bool(r["known_wrong"]):
            unexpected.append((r["phrase"], r["expect"], found.indicator, found.reason, r["known_wrong"]))
    assert unexpected == []


def test_news_phrases_of_different_statistics_get_different_ids():
    by_id: dict[str, set[str]] = {}
    for r in _phrases():
        if r["expect"] and not r["known_wrong"]:
            by_id.setdefault(r["expect"], set()).add(r["phrase"])
    assert len(by_id) >= 60
    many = {i: p for i, p in by_id.items() if len(p) > 1}
    assert len(many) >= 12  # several wordings of one statistic


@pytest.mark.parametrize("unit", [
    "全省规模以上工业增加值对美国高新技术产品出口占全国份额同比增长",
    "第二产业增加值对全市规上工业增长的贡献率拉动经济增长",  # the contribution path reads its parts once
    "行业增加值保持同比增长第一产业占地区生产总值的比重",  # counts, and a share of the whole after 占
])
def test_matching_time_is_linear_in_the_phrase_length(unit):
    match_metric("出口")  # build the automaton outside the clock

    def seconds(n: int) -> float:
        phrase = unit * n
        best = float("inf")
        gc.collect()
        gc.disable()  # a collection landing inside one large run doubled its time on a busy CI machine
        try:
            for _ in range(7):
                _phrase_alone.cache_clear()  # time the reading, not the cache of phrases read before
                started = time.perf_counter()
                match_metric(phrase, sentence=phrase)
                best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
        return best

    small, large = seconds(300), seconds(3000)
    assert large / small < 30, (small, large)  # 10x the text: ~10x the time, never ~100x


# ---------------------------------------------------------------- every dev gold metric

def _gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD_METRICS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_dev_gold_metric_is_mapped_or_unmapped_on_purpose():
    wrong = []
    for row in _gold_rows():
        found = match_metric(row["metric"], kind=row["kind"], unit=row["unit"])
        if (found.indicator, found.scope) != (row["indicator"], row["scope"]):
            wrong.append((row["metric"], row["kind"], found.indicator, found.scope, row["indicator"]))
        if row["indicator"] is None:
            assert row.get("why"), f"unmapped without a reason: {row['metric']}"
    assert wrong == []


def test_most_dev_gold_facts_have_an_indicator():
    rows = _gold_rows()
    facts = sum(r["facts"] for r in rows)
    mapped = sum(r["facts"] for r in rows if r["indicator"])
    assert facts > 500 and mapped / facts >= 0.8, (mapped, facts)
