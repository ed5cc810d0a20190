"""Named initiatives: short sentences of our own, with the names expected."""
from __future__ import annotations

import pytest

from zjnews_extract.facts.initiatives import find_initiatives, protected_spans

# (sentence, names in order of first mention)
CASES = [
    # quoted names lose the quotes and the generic noun after them
    ("全市深化“百团千企拓市场”行动，组织团组300个。", ["百团千企拓市场"]),
    ("举办“好货进万家”等活动50场。", ["好货进万家"]),
    ("推动“直播+平台+外贸”融合发展。", ["直播+平台+外贸"]),
    ("打好“稳进提质”组合拳。", ["稳进提质"]),
    ("支持“小商品之都”品牌出海。", ["小商品之都"]),
    ("大力推动文化“新三样”出海。", ["新三样"]),
    ("落实“以早带晚”，面积增长。", ["以早带晚"]),
    ("实现工作“开局稳”“开局好”。", ["开局稳", "开局好"]),
    ("努力招引一批“高、精、尖”项目。", ["高、精、尖"]),
    ("“618”大促期间，成交额增长。", ["618"]),
    ("客服编号“714”已停用。", []),
    ("开展“415X”先进制造业集群培育。", ["415X"]),
    ("共建“一带一路”倡议走深走实。", ["一带一路"]),
    # unquoted program names
    ("深入实施好扩大内需专项行动。", ["扩大内需专项行动"]),
    ("推进宁波港口综合改革、自贸区提升战略。", ["宁波港口综合改革", "自贸区提升战略"]),
    ("全力筹备第三届国际茶叶博览会。", ["国际茶叶博览会"]),
    ("第135届广交会上，企业踊跃参展。", ["广交会"]),
    # deduplicated, an abbreviation after its full name joins it
    ("举办“好货进万家”活动。“好货进万家”覆盖全省。", ["好货进万家"]),
    ("2019杭州世园会开幕。世园会吸引游客。", ["杭州世园会"]),
    # a quoted list of events is split into names
    ("组织企业参加“进博会、服贸会、消博会”。", ["进博会", "服贸会", "消博会"]),
    # not initiatives: plans, policy documents, institutions, epithets, metaphors, emphasis, speech
    ("今年是“十五五”开局之年。", []),
    ("印发《关于促进消费的若干意见》。", []),
    ("凡注明“某某在线”的稿件，版权归其所有。", []),
    ("杭州享有“人间天堂”美誉。", []),
    ("工业发挥“压舱石”作用，消费等“三驾马车”齐发力。", []),
    ("这家公司的财报暗藏“隐忧”。", []),
    ("“今年订单明显增多，我们很有信心。”负责人说。", []),
    ("推动某市中欧班列市场化改革，深化金融改革。", []),
    # a quoted figure is a fact set off for emphasis, not a name (GUIDELINES: 双第一 is one rank-1 fact)
    ("进口和出口份额实现“双第一”。", []),
    ("两项指标实现“两个第一”，“新三样”出口增长。", ["新三样"]),
    ("乡镇覆盖率达到“三个90%”。", []),
    ("产值迈上“百亿”台阶。", []),
    # but words with a count word that are not a figure stay names
    ("打造“两个先行”示范。", ["两个先行"]),
]


@pytest.mark.parametrize(("sentence", "names"), CASES)
def test_initiative_names(sentence, names):
    assert [i.name for i in find_initiatives(sentence)] == names


def test_mentions_point_at_the_name_without_quotes():
    text = "深化“百团千企拓市场”行动。新一年继续推进“百团千企拓市场”行动。"
    (ini,) = find_initiatives(text)
    assert len(ini.mentions) == 2
    for span in ini.mentions:
        assert text[span.start:span.end] == "百团千企拓市场"


def test_a_name_inside_a_longer_name_is_not_its_mention():
    text = "推动“直播+平台”发展，推进“直播+平台+海外仓”改革。"
    found = {i.name: [(m.start, m.end) for m in i.mentions] for i in find_initiatives(text)}
    assert found["直播+平台"] == [(text.index("直播+平台"), text.index("直播+平台") + 5)]
    assert len(found["直播+平台+海外仓"]) == 1


def test_protected_spans_cover_initiatives_and_numeral_idioms():
    text = "深化“千团万企”行动，推动三位一体发展。"
    spans = protected_spans(find_initiatives(text), text)
    assert (text.index("千团万企"), text.index("千团万企") + 4) in spans
    assert (text.index("三位一体"), text.index("三位一体") + 4) in spans


def test_a_quoted_rank_is_one_rank_fact_not_a_name():
    from zjnews_extract.facts import find_facts

    facts, initiatives = find_facts("2025年，浙江进口和出口份额实现“双第一”。")
    assert initiatives == []
    (fact,) = facts
    assert (fact.kind, fact.value, fact.text) == ("rank", 1.0, "第一")
    assert fact.metric == "进口和出口份额"  # the count word and the quote are not part of the name
