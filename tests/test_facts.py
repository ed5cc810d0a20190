"""find_facts on short sentences written for these tests (not taken from the gold articles).

Grouped as in the style guide: developed on (the mechanisms), bugs found (each a case
that once went wrong).
"""
from datetime import date

import pytest

from zjnews_extract.facts import find_facts

PUB = date(2025, 7, 20)


def facts_of(text, published=PUB):
    facts, _ = find_facts(text, published=published)
    return facts


def by_text(facts, text):
    found = [f for f in facts if f.text == text]
    assert found, f"no fact {text!r} in {[f.text for f in facts]}"
    return found[0]


def month(p):
    return None if p is None else (p.start[:7], p.end[:7])


# ------------------------------------------------------------------ developed on


def test_every_fact_points_back_at_its_characters():
    text = "江苏省今年上半年实现外贸进出口2.8万亿元，同比增长4.1%。\n全市新增市场主体12.5万户。"
    for f in facts_of(text):
        assert text[f.start:f.end] == f.text
        assert f.sentence and f.sentence in text


def test_ids_are_stable_across_runs_and_unique():
    text = "上半年，江苏外贸进出口2.8万亿元，同比增长4.1%，其中出口1.8万亿元。"
    a, b = facts_of(text), facts_of(text)
    assert [f.id for f in a] == [f.id for f in b]
    assert len({f.id for f in a}) == len(a)


def test_a_left_out_metric_is_taken_from_the_clause_before():
    text = "上半年，广东实现地区生产总值6.6万亿元，同比增长3.9%，其中出口2.1万亿元、增长6.2%，高于全国1.3个百分点。"
    facts = facts_of(text)
    assert by_text(facts, "3.9%").metric == "地区生产总值"
    assert by_text(facts, "6.2%").metric == "出口"
    pp = by_text(facts, "1.3个百分点")
    assert (pp.metric, pp.versus) == ("出口", "全国")


def test_a_share_keeps_its_whole_in_the_metric_and_as_versus():
    facts = facts_of("1—5月，深圳港集装箱吞吐量1200万标箱，占全国份额9.8%。")
    share = by_text(facts, "9.8%")
    assert share.metric == "集装箱吞吐量占全国份额"
    assert share.versus == "全国"


def test_a_rank_takes_its_field_as_versus():
    facts = facts_of("2024年，山东粮食产量1130亿斤，稳居全国第三。")
    rank = by_text(facts, "第三")
    assert rank.kind == "rank" and rank.versus == "全国"
    assert rank.metric == "粮食产量"


def test_respective_lists_give_one_metric_per_number():
    facts = facts_of("前5月，食品、服装和家电零售额分别增长8.1%、5.2%和12.4%。")
    assert [f.metric for f in facts] == ["食品零售额", "服装零售额", "家电零售额"]


def test_a_period_carries_across_sentences_until_a_new_one():
    text = "1—6月，四川社会消费品零售总额1.3万亿元。网上零售额增长9%。2024年，该指标为2.6万亿元。"
    facts = facts_of(text)
    assert month(by_text(facts, "9%").period) == ("2025-01", "2025-06")
    assert month(by_text(facts, "2.6万亿元").period) == ("2024-01", "2024-12")


def test_a_comparison_base_is_not_the_period():
    facts = facts_of("2024年，湖北粮食产量较2023年增长1.2%。")
    assert month(by_text(facts, "1.2%").period) == ("2024-01", "2024-12")


def test_relative_periods_resolve_against_the_published_date():
    facts = facts_of("去年，福建外贸进出口2.0万亿元。", published=date(2025, 1, 15))
    assert month(by_text(facts, "2.0万亿元").period) == ("2024-01", "2024-12")


def test_plan_words_make_targets_and_results_stay_actual():
    text = "2024年，成都地区生产总值2.35万亿元。2025年，成都力争地区生产总值增长6%左右，将新增就业25万人。"
    facts = facts_of(text, published=date(2025, 1, 20))
    assert by_text(facts, "2.35万亿元").status == "actual"
    assert by_text(facts, "6%左右").status == "target"
    assert by_text(facts, "25万人").status == "target"


def test_jiang_as_a_preposition_in_a_finished_year_is_not_a_plan():
    facts = facts_of("2024年，重庆将补贴范围扩大到12类商品，发放资金8亿元。", published=date(2025, 2, 1))
    assert by_text(facts, "8亿元").status == "actual"


def test_forecasts_are_targets_even_for_a_period_that_has_ended():
    facts = facts_of("公司预计一季度实现营业收入50亿元左右。", published=date(2025, 4, 25))
    assert by_text(facts, "50亿元左右").status == "target"


def test_subject_is_the_place_that_opens_the_clause_and_defaults_to_the_main_region():
    text = "1—4月，浙江进出口1.7万亿元。宁波舟山港货物吞吐量4.6亿吨。全省实际使用外资60亿美元。"
    facts = facts_of(text)
    assert by_text(facts, "1.7万亿元").subject == "浙江"
    assert by_text(facts, "4.6亿吨").subject.startswith("宁波")
    assert by_text(facts, "60亿美元").subject == "浙江"


def test_a_count_takes_the_noun_after_it_when_the_words_before_are_a_verb():
    facts = facts_of("今年以来，湖南组织1200家企业赴境外参展，签约项目85个。")
    assert by_text(facts, "1200家").metric == "企业"
    assert by_text(facts, "85个").metric.endswith("项目")


def test_an_absolute_change_keeps_the_change_in_the_metric():
    facts = facts_of("上半年，安徽新设外资企业620家，比去年同期增加45家。")
    change = by_text(facts, "45家")
    assert change.metric.endswith("比去年同期增加")


# ------------------------------------------------------------------ not facts


@pytest.mark.parametrize("text, number", [
    ("全省招引落地10亿元以上产业项目150个。", "10亿元以上"),  # a threshold inside a name
    ("会议部署了五大任务，开拓两个市场。", "五大"),  # list sizes and slogans
    ("第三届消博会上，签约金额50亿元。", "第三届"),  # an ordinal inside a name
    ("高技术制造业实现两位数增长。", "两位"),  # a figure of speech
])
def test_numbers_that_are_not_facts(text, number):
    facts = facts_of(text)
    assert not [f for f in facts if number in f.text]


def test_numbers_inside_quoted_names_are_not_facts():
    facts = facts_of("推进“千企万品”行动，带动出口12亿元。")
    assert [f.text for f in facts] == ["12亿元"]


# ------------------------------------------------------------------ bugs found


def test_a_rank_mark_inside_a_word_is_not_a_rank_field():
    # 居 of 居民 once cut 居民消费价格 into a benchmark
    facts = facts_of("2025年预期目标：居民消费价格涨幅2%左右。", published=date(2025, 1, 20))
    assert by_text(facts, "2%左右").metric == "居民消费价格"


def test_a_place_alone_before_a_count_is_the_subject_not_the_metric():
    facts = facts_of("在全国100个试点城市中，杭州排名第一。")
    assert "全国" not in (by_text(facts, "100个").metric or "")


def test_a_year_end_in_front_of_a_noun_dates_only_that_noun():
    text = "2024年，公司拟以2024年年末总股本10亿股为基数，每股派发现金红利2元，共分配利润20亿元。"
    facts = facts_of(text, published=date(2025, 3, 30))
    assert month(by_text(facts, "20亿元").period) == ("2024-01", "2024-12")


def test_a_list_of_places_gives_each_number_its_subject():
    facts = facts_of("上半年，深圳、广州分别实现网络零售额4800亿元和3900亿元。")
    assert [(f.subject, f.metric) for f in facts] == [("深圳", "网络零售额"), ("广州", "网络零售额")]


def test_a_point_gap_after_a_share_is_about_the_share():
    facts = facts_of("1—6月，实物商品网上零售额占社会消费品零售总额的比重为26.1%，比去年同期提高1.2个百分点。")
    gap = by_text(facts, "1.2个百分点")
    assert gap.metric.startswith("实物商品网上零售额占社会消费品零售总额")
    assert gap.versus == "去年同期"


def test_a_name_joining_two_measures_gives_one_to_each_number():
    facts = facts_of("2024年，城乡居民人均可支配收入分别增长4.5%和6.1%。")
    assert [f.metric for f in facts] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    facts = facts_of("1-2月，汽车产销290.35万辆和295.43万辆，同比下降4.93%和5.96%。")
    assert [f.metric for f in facts] == ["汽车产量", "汽车销量"] * 2


def test_places_written_together_are_one_subject():
    facts = facts_of("前三季度，宁波舟山港完成货物吞吐量10.2亿吨。")
    assert by_text(facts, "10.2亿吨").subject == "宁波舟山港"


def test_places_before_a_collective_share_the_words_after_it():
    facts = facts_of("2024年，江苏、浙江、广东三省进出口分别增长3.2%、7.1%和9.8%。", published=date(2025, 1, 20))
    assert [(f.subject, f.metric) for f in facts] == [("江苏", "进出口"), ("浙江", "进出口"), ("广东", "进出口")]


def test_a_period_after_bi_is_a_benchmark_not_the_period():
    facts = facts_of("2024年，全省进出口增长7.0%，增速比前三季度加快0.5个百分点。", published=date(2025, 1, 20))
    gap = by_text(facts, "0.5个百分点")
    assert month(gap.period) == ("2024-01", "2024-12")
    assert gap.versus == "前三季度"


def test_a_period_that_starts_after_publication_is_a_plan():
    facts = facts_of("2026年，全市新增市场主体10万户。", published=date(2025, 12, 20))
    assert by_text(facts, "10万户").status == "target"


def test_list_numbering_is_not_a_rank():
    facts = facts_of("第一，扩大内需，全省消费增长5%。第二，稳住外贸，浙江出口居全国第二。")
    assert [(f.text, f.kind) for f in facts] == [("5%", "growth"), ("第二", "rank")]
    assert facts[1].start > 20


def test_guonei_modifies_a_noun_and_is_not_a_subject():
    facts = facts_of("目前国内有2086个经销商。")
    assert by_text(facts, "2086个").subject != "全国"


def test_a_bare_noun_after_a_list_comma_takes_the_modifier_of_the_item_before():
    facts = facts_of("2024年，新增“绿色认证”企业120家、产品340种。", published=date(2025, 1, 20))
    assert by_text(facts, "340种").metric == "“绿色认证”产品"


def test_a_rank_followed_by_da_takes_the_noun_after_it():
    facts = facts_of("1—4月，香港仍为第一大外资来源地。", published=date(2025, 5, 20))
    (rank,) = facts
    assert rank.kind == "rank" and rank.value == 1
    assert rank.metric.startswith("外资来源") and rank.versus == rank.metric


def test_a_gap_against_an_earlier_period_names_it_as_versus():
    facts = facts_of("苏州前三季度地区生产总值同比增长5.8%，增速比上半年回落0.3个百分点。", published=date(2025, 10, 25))
    gap = by_text(facts, "0.3个百分点")
    assert gap.versus == "上半年"
    assert month(gap.period) == ("2025-01", "2025-09")


def test_whole_province_words_do_not_become_a_city():
    facts = facts_of("1—10月，我省进出口2.1万亿元。苏州市地区生产总值1.8万亿元。", published=date(2025, 11, 20))
    assert by_text(facts, "2.1万亿元").subject != "苏州"


def test_a_headline_number_without_a_name_takes_the_name_the_body_gives_it():
    text = "首次跻身全国前五\n2024年，我省外贸规模首次跻身全国前五位。"
    facts = facts_of(text, published=date(2025, 1, 20))
    assert [f.metric for f in facts] == ["外贸规模", "外贸规模"]


def test_a_contribution_in_points_has_the_thing_contributed_to_as_versus():
    facts = facts_of("上半年，工业对GDP增长贡献2.5个百分点，消费拉动经济增长2.1个百分点。")
    assert by_text(facts, "2.5个百分点").versus == "GDP增长"
    assert by_text(facts, "2.1个百分点").versus == "经济增长"


def test_a_year_with_months_to_run_is_a_plan_without_cue_words():
    facts = facts_of("新一年，全省举办招商活动500场以上。", published=date(2026, 1, 21))
    assert by_text(facts, "500场以上").status == "target"


def test_a_year_about_to_end_keeps_its_results_actual():
    facts = facts_of("2025年，全市新增就业10万人。", published=date(2025, 11, 20))
    assert by_text(facts, "10万人").status == "actual"


def test_a_bare_figure_is_a_count_when_its_metric_names_people_or_an_index():
    facts = facts_of("截至6月6日，世园会入园总人数已突破300万。7月份，景气指数为93.78。", published=date(2025, 8, 1))
    assert [(f.text, f.kind, f.unit) for f in facts] == [("突破300万", "value", "人"), ("93.78", "value", "点")]


def test_a_bare_figure_without_such_a_metric_is_not_a_fact():
    assert facts_of("该型号为3.5版，编号1.25。") == []


def test_a_dateline_city_is_not_the_main_region_of_national_data():
    text = "新华社北京1月17日电 国家统计局17日发布，2024年全国规模以上工业增加值增长5.8%。"
    facts = facts_of(text, published=date(2025, 1, 17))
    assert by_text(facts, "5.8%").subject == "全国"


def test_a_breakdown_after_qizhong_does_not_change_the_topic_of_later_sentences():
    text = ("10月份，宁波-舟山港完成旅客吞吐量33.1万人；其中，宁波港域完成15.6万人。"
            "完成货物吞吐量6484.6万吨。")
    facts = facts_of(text, published=date(2025, 11, 20))
    assert by_text(facts, "33.1万人").subject == "宁波-舟山港"
    assert by_text(facts, "15.6万人").subject == "宁波港域"
    assert by_text(facts, "15.6万人").metric == "旅客吞吐量"
    assert by_text(facts, "6484.6万吨").subject == "宁波-舟山港"


def test_national_aggregates_make_the_nation_the_default_subject():
    facts = facts_of("今年发展主要预期目标是：国内生产总值增长5%左右。", published=date(2026, 3, 5))
    assert by_text(facts, "5%左右").subject == "全国"
    assert by_text(facts, "5%左右").status == "target"


def test_a_plan_cue_in_front_of_the_name_is_not_part_of_it():
    facts = facts_of("2026年，拟发行超长期特别国债1.3万亿元，赤字率拟按4%左右安排。", published=date(2026, 3, 5))
    assert by_text(facts, "1.3万亿元").metric.endswith("超长期特别国债")
    assert by_text(facts, "4%左右").metric == "赤字率"


# ------------------------------------------------------------------ bugs found (reports of other places)


def test_the_day_a_report_is_delivered_does_not_make_last_years_months_this_years():
    text = ("政府工作报告\n——2026年1月20日在省人民代表大会上\n"
            "1—11月，全省外贸进出口3.1万亿元。全年地区生产总值增长5.4%。")
    facts = facts_of(text, published=date(2026, 1, 28))
    assert month(by_text(facts, "3.1万亿元").period) == ("2025-01", "2025-11")
    assert month(by_text(facts, "5.4%").period) == ("2025-01", "2025-12")
    assert by_text(facts, "5.4%").status == "actual"


def test_a_whole_year_without_a_year_in_an_early_report_is_the_year_just_ended():
    text = "全年港口货物吞吐量5.8亿吨。今年主要预期目标是：地区生产总值增长5%左右。"
    facts = facts_of(text, published=date(2026, 2, 10))
    assert month(by_text(facts, "5.8亿吨").period) == ("2025-01", "2025-12")
    assert by_text(facts, "5.8亿吨").unit == "吨"
    assert month(by_text(facts, "5%左右").period) == ("2026-01", "2026-12")
    assert by_text(facts, "5%左右").status == "target"


def test_an_unnamed_place_is_the_whole_region_word_in_every_paragraph():
    text = "2025年，全区实现地区生产总值1680亿元。\n新增各类市场主体1.2万户，其中新设企业4300家。"
    facts = facts_of(text, published=date(2026, 1, 15))
    assert by_text(facts, "1680亿元").subject == "全区"
    assert by_text(facts, "1.2万户").subject == "全区"
    assert by_text(facts, "4300家").subject == "全区"


def test_a_paragraph_opening_with_qizhong_keeps_the_topic_before_it():
    text = "2025年，全国港口完成货物吞吐量180亿吨，增长3.4%。\n其中，外贸货物吞吐量54亿吨。\n广州港货物吞吐量6.9亿吨。"
    facts = facts_of(text, published=date(2026, 1, 30))
    assert by_text(facts, "54亿吨").subject == "全国"
    assert by_text(facts, "54亿吨").metric == "外贸货物吞吐量"
    assert by_text(facts, "6.9亿吨").subject == "广州港"


def test_the_whole_of_a_named_city_is_that_city():
    facts = facts_of("前三季度，东莞全市进出口1.05万亿元，增长6.8%。", published=date(2025, 10, 24))
    assert by_text(facts, "1.05万亿元").subject == "东莞"


def test_a_level_verb_or_the_start_of_a_change_is_not_part_of_the_metric():
    text = "今年主要预期目标是：城镇调查失业率控制在5.5%以内。五年来，集装箱吞吐量从2870万标准箱增加到4000万标准箱。"
    facts = facts_of(text, published=date(2026, 2, 10))
    assert by_text(facts, "5.5%以内").metric == "城镇调查失业率"
    assert by_text(facts, "5.5%以内").qualifier == "under"
    assert by_text(facts, "2870万标准箱").metric == "集装箱吞吐量"
    assert by_text(facts, "2870万标准箱").value == 2.87e7


def test_a_milestone_noun_after_a_threshold_is_not_the_metric():
    text = "过去一年，粮食产量1.42万亿斤，首次站上1.4万亿斤台阶。城镇调查失业率平均5.2%。"
    facts = facts_of(text, published=date(2026, 3, 5))
    threshold = by_text(facts, "站上1.4万亿斤")
    assert (threshold.metric, threshold.qualifier) == ("粮食产量", "over")
    assert month(threshold.period) == ("2025-01", "2025-12")
    assert by_text(facts, "5.2%").metric == "城镇调查失业率"


def test_how_long_a_record_has_held_is_not_part_of_what_is_ranked():
    facts = facts_of("2025年，宁波舟山港货物吞吐量连续16年位居全球第一。", published=date(2026, 1, 10))
    rank = by_text(facts, "第一")
    assert (rank.metric, rank.versus, rank.subject) == ("货物吞吐量", "全球", "宁波舟山港")


def test_a_look_back_in_a_year_end_review_ends_with_the_year_about_to_close():
    text = "五年来，全省集装箱吞吐量年均增长6.2%。"
    assert month(by_text(facts_of(text, published=date(2025, 12, 28)), "6.2%").period) == ("2021-01", "2025-12")
    assert month(by_text(facts_of(text, published=date(2026, 2, 10)), "6.2%").period) == ("2021-01", "2025-12")


def test_a_district_named_after_its_city_is_what_quanqu_means():
    text = "成都市武侯区统计公报显示，全区实现地区生产总值1420.5亿元。\n全区常住人口达到125.6万人。"
    facts = facts_of(text, published=date(2026, 3, 20))
    assert by_text(facts, "1420.5亿元").subject == "武侯区"
    assert by_text(facts, "125.6万人").subject == "武侯区"


def test_a_district_opening_the_headline_is_the_place_of_the_report():
    text = "鼓楼区2026年政府工作报告\n2025年，全区地区生产总值1680亿元，增速居全市各区第二。"
    facts = facts_of(text, published=date(2026, 1, 15))
    assert by_text(facts, "1680亿元").subject == "鼓楼区"
    assert by_text(facts, "第二").versus == "全市各区"


def test_a_long_record_keeps_the_metric_of_the_sentence():
    facts = facts_of("1—11月，广东网络零售额2.3万亿元，总量连续多年居全国第一。", published=date(2025, 12, 18))
    assert by_text(facts, "第一").metric.endswith("总量")
    assert "连续" not in by_text(facts, "第一").metric


def test_a_forecast_year_end_is_this_years_and_a_bare_rate_after_a_share_is_that_share():
    text = "上半年，全省数字经济核心产业增加值占地区生产总值比重达到12.5%，预计年底达到13%。"
    facts = facts_of(text, published=date(2025, 7, 25))
    later = by_text(facts, "13%")
    assert month(later.period) == ("2025-12", "2025-12")
    assert later.status == "target"
    assert later.metric == by_text(facts, "12.5%").metric
    assert later.versus == "地区生产总值"


def test_a_parcel_count_keeps_its_whole_name():
    facts = facts_of("2025年，全省快递业务量达到48亿件，同比增长16.2%。", published=date(2026, 2, 12))
    assert by_text(facts, "48亿件").metric == "快递业务量"
    assert by_text(facts, "16.2%").metric == "快递业务量"


def test_list_numbering_in_front_of_a_target_is_not_part_of_its_metric():
    text = ("今年全省经济社会发展的主要预期目标是：\n1.地区生产总值增长5%以上；\n（二）城镇新增就业110万人；\n"
            "三、居民消费价格涨幅3%左右。")
    facts = facts_of(text, published=date(2026, 1, 26))
    assert [f.metric for f in facts] == ["地区生产总值", "城镇新增就业", "居民消费价格"]
    assert {f.status for f in facts} == {"target"}
    assert {month(f.period) for f in facts} == {("2026-01", "2026-12")}


def test_a_port_the_place_list_does_not_know_is_the_subject():
    text = "2025年，北部湾港完成货物吞吐量4.5亿吨。太仓港集装箱吞吐量850万标箱，增长5.1%。全省港口货物吞吐量12亿吨。"
    facts = facts_of(text, published=date(2026, 1, 20))
    assert by_text(facts, "4.5亿吨").subject == "北部湾港"
    tc = by_text(facts, "850万标箱")
    assert (tc.subject, tc.metric, tc.value, tc.unit) == ("太仓港", "集装箱吞吐量", 8.5e6, "标箱")
    assert by_text(facts, "12亿吨").metric == "港口货物吞吐量"


def test_a_city_the_place_list_does_not_know_is_the_subject_and_what_quanshi_means():
    text = "前三季度，安庆市实现地区生产总值2150亿元，增速居全省第3位。\n全市社会消费品零售总额880亿元。\n大城市消费增长9%。"
    facts = facts_of(text, published=date(2025, 10, 30))
    assert by_text(facts, "2150亿元").subject == "安庆市"
    assert by_text(facts, "第3位").versus == "全省"
    assert by_text(facts, "880亿元").subject == "安庆"


def test_an_adverb_of_continuation_before_a_rank_is_not_part_of_the_metric():
    text = "前三季度，广东省网上零售额1.9万亿元，规模继续保持全国首位。"
    rank = by_text(facts_of(text, published=date(2025, 10, 22)), "首位")
    assert (rank.metric, rank.versus, rank.value) == ("网上零售额规模", "全国", 1)


def test_an_estimate_for_the_whole_year_in_a_january_report_is_last_years_and_a_target():
    facts = facts_of("预计全年地区生产总值增长5.5%左右。", published=date(2026, 1, 22))
    f = by_text(facts, "5.5%左右")
    assert month(f.period) == ("2025-01", "2025-12")
    assert (f.status, f.qualifier) == ("target", "approx")


def test_a_rank_among_a_field_named_with_zai_zhong_takes_that_field_as_versus():
    facts = facts_of("2025年，在全省13个设区市中，南通市GDP增速排名第2。", published=date(2026, 2, 1))
    rank = by_text(facts, "第2")
    assert rank.versus == "全省13个设区市"
    assert rank.subject == "南通市"


def test_a_gap_against_last_year_end_is_against_the_year_before():
    text = "年末全省常住人口城镇化率75.2%，比上年末提高0.6个百分点。"
    facts = facts_of(text, published=date(2026, 2, 15))
    pp = by_text(facts, "0.6个百分点")
    assert (pp.metric, pp.versus) == ("常住人口城镇化率", "去年同期")
    assert month(pp.period) == ("2025-12", "2025-12")


def test_the_year_of_a_reports_title_does_not_date_the_body():
    text = "2026年浙江省政府工作报告\n各位代表：\n全年全省生产总值增长5.5%，1—11月规上工业增加值增长6.8%。"
    facts = facts_of(text, published=date(2026, 1, 25))
    gdp = by_text(facts, "5.5%")
    assert (month(gdp.period), gdp.status) == (("2025-01", "2025-12"), "actual")
    assert month(by_text(facts, "6.8%").period) == ("2025-01", "2025-11")


def test_a_level_after_a_change_in_an_earlier_clause_is_a_rate_not_a_growth():
    text = "过去一年，科技创新能力提升，研发经费投入强度达到3.3%。来自美国的外资高速增长，分别达103.4%。"
    facts = facts_of(text, published=date(2026, 1, 20))
    assert by_text(facts, "3.3%").kind == "percent"
    assert by_text(facts, "103.4%").kind == "growth"


def test_industry_names_joined_by_he_stay_whole():
    text = "2025年，批发和零售业增加值增长5.2%，租赁和商务服务业增加值增长6%。"
    facts = facts_of(text, published=date(2026, 1, 22))
    assert [f.metric for f in facts] == ["批发和零售业增加值", "租赁和商务服务业增加值"]


def test_a_fraction_is_a_share_in_percent():
    facts = facts_of("1—10月，杭州跨境电商进出口额1500亿元，占全省的三分之一。", published=date(2025, 11, 20))
    share = by_text(facts, "三分之一")
    assert (share.kind, share.unit, share.versus) == ("percent", "%", "全省")
    assert abs(share.value - 100 / 3) < 1e-6


def test_a_finished_years_goals_looked_back_on_do_not_make_its_results_targets():
    text = "过去一年，全省较好完成了年度主要目标任务，地区生产总值增长5.5%，高于预期目标0.5个百分点。"
    facts = facts_of(text, published=date(2026, 1, 20))
    assert by_text(facts, "5.5%").status == "actual"
    assert by_text(facts, "0.5个百分点").status == "actual"


def test_a_goal_is_the_benchmark_of_a_gap_above_it():
    text = "2025年，全省地区生产总值增长5.5%，高于预期目标0.5个百分点。"
    pp = by_text(facts_of(text, published=date(2026, 1, 20)), "0.5个百分点")
    assert (pp.versus, pp.status) == ("预期目标", "actual")
