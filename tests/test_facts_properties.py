"""Properties of find_facts on generated text: it never fails, and every fact points at its characters."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from zjnews_extract.facts import find_facts

PIECES = ["2025年", "去年", "1—11月", "上半年", "今年以来", "截至4月底", "浙江", "全省", "全国", "其中", "分别",
          "、", "和", "，", "。", "；", "：", "\n", "“", "”", "（", "）", "进出口", "出口", "增长", "下降", "5.4%",
          "1.1个百分点", "第二", "首位", "前三", "占全国份额", "占", "4.18万亿元", "3292个", "以上", "超", "约",
          "高于", "比去年同期增加", "14家", "力争", "将", "预计", "居", "比", "年均", "1.5倍", "其", "的", "等",
          "活动", "120场", "宁波舟山港", "港域", "-", "连续", "26个月", "逾30万", "93.78", "第一大"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=50),
       st.sampled_from([None, date(2025, 7, 1), date(2026, 1, 21)]))
def test_facts_are_slices_of_the_text_with_known_fields(pieces, published):
    text = "".join(pieces)
    facts, initiatives = find_facts(text, published=published)
    for f in facts:
        assert text[f.start:f.end] == f.text
        assert f.kind in ("value", "percent", "growth", "pp", "rank")
        assert f.status in ("actual", "target")
        assert f.sentence and f.text in f.sentence
    assert len({f.id for f in facts}) == len(facts)
