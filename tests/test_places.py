"""China's divisions as data (facts/gazetteer.py), the place matcher, the article's own place
(facts/ownplace.py) and a site's place (facts/site.py): the data holds together, short names
are the press's, and finding places stays linear in the text whatever the number of names."""
from __future__ import annotations

import statistics
import timeit
from datetime import date

import pytest

from zjnews_extract.data import load_toml
from zjnews_extract.facts import find_facts
from zjnews_extract.facts.gazetteer import divisions, division_of, subject_form, surfaces
from zjnews_extract.facts.lexicon import match_place, place_pattern
from zjnews_extract.facts.ownplace import own_place
from zjnews_extract.facts.site import place_of_site

# Why: 10x the text is ~10x the time when linear; a quadratic step makes it ~100x. The bound
# leaves room for a busy machine's noise.
MAX_RATIO = 30


def test_every_division_has_its_level_and_its_parents():
    table = divisions()
    assert len([d for d in table.values() if d.level == "province"]) == 31
    assert len([d for d in table.values() if d.level == "prefecture"]) > 300
    assert len([d for d in table.values() if d.level == "county"]) > 2800
    for code, d in table.items():
        assert len(code) == {"province": 2, "prefecture": 4, "county": 6}[d.level]
        assert d.province in table, d
        assert d.name and d.official


def test_the_data_file_says_where_it_comes_from():
    header = "".join(line for line in _data_text("places_china.toml").splitlines(keepends=True)[:12])
    assert "modood/Administrative-divisions-of-China" in header and "WTFPL" in header and "国家统计局" in header


def _data_text(name: str) -> str:
    from importlib import resources

    return resources.files("zjnews_extract.data").joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("written", "subject"), [
    ("泉州市", "泉州"), ("运城市", "运城"), ("大理白族自治州", "大理州"), ("大理州", "大理州"),
    ("天祝藏族自治县", "天祝"), ("黔东南苗族侗族自治州", "黔东南州"), ("绵竹市", "绵竹"),
    ("柳林县", "柳林县"), ("武侯区", "武侯区"), ("阿克苏地区", "阿克苏"), ("广西壮族自治区", "广西"),
    ("长白朝鲜族自治县", "长白"), ("鄂伦春自治旗", "鄂伦春"), ("浦东新区", "浦东新区"),
])
def test_a_division_is_written_short_as_the_press_does(written, subject):
    assert subject_form(written) == subject


def test_county_names_need_their_suffix_and_common_words_are_no_places():
    strong, weak = surfaces()
    assert "柳林县" in strong and "柳林" in weak and "柳林" not in strong
    assert "秀山县" in strong  # an autonomous county as prose writes it
    for word in ("城区", "新城区", "市中区", "白银", "示范县"):
        assert word not in strong
    text = "今年新建示范县12个，城区人口增长，真金白银投向新城区，长安汽车销量上升。"
    assert [m.group() for m in place_pattern().finditer(text)] == []


@pytest.mark.parametrize(("text", "found"), [
    ("浙江省进出口", "浙江省"), ("绍兴市上虞区统计局", "绍兴市"), ("大理州肉类", "大理州"), ("宁波港域完成", "宁波港域"),
    ("天祝藏族自治县国民经济", "天祝藏族自治县"), ("泉州市场", "泉州"), ("运城日报", "运城"), ("解放碑商圈人流量", "解放碑商圈"),
])
def test_a_place_is_matched_with_its_suffix_but_not_into_another_word(text, found):
    assert match_place(text).group() == found


@pytest.mark.parametrize(("text", "found"), [("安庆市外资", "安庆市"), ("占青岛市工作目标", None), ("比潍坊市高", None),
                                            ("我县省市县重点工程项目", "我县"), ("全市区县", "全市")])
def test_an_unlisted_city_does_not_start_with_a_verb_or_preposition_and_our_place_takes_no_suffix(text, found):
    m = match_place(text)
    assert (m.group() if m else None) == found


@pytest.mark.parametrize(("url", "kind", "place"), [
    ("https://stats.tj.gov.cn/sy/jjxx/1.html", "市", "天津"),
    ("http://tjj.zj.gov.cn/art/1.html", None, "浙江"),
    ("https://cq.cri.cn/2020-10-23/1.html", None, "重庆"),
    ("https://www.shanxi.gov.cn/ywdt/1.shtml", None, "山西"),
    ("http://tjj.shaanxi.gov.cn/1.html", None, "陕西"),
    ("http://liulin.gov.cn/zjll/1.shtml", "县", "柳林县"),
    ("http://www.fl.gov.cn/bm/1.html", "区", "涪陵区"),
    ("http://www.fl.gov.cn/bm/1.html", None, None),  # initials alone name no place: 丰林县, 浮梁县, 涪陵区
    ("http://tjj.changzhou.gov.cn/1.html", None, "常州市"),
    ("http://www.yiwu.gov.cn/1.html", "市", "义乌市"),  # yiwu is also 伊吾县
    # a prefecture then its county, in initials, the county's 区 as q: one pair fits
    ("http://jmdbq.gov.cn/art/2021/7/7/1.html", "区", "东宝区"),
    ("http://fzmq.gov.cn/xjwz/1.htm", "县", "闽清县"),
    ("https://www.qdndz.gov.cn/zwgk/1.html", None, "丹寨县"),
    ("http://www.hzxh.gov.cn/1.html", None, "西湖区"),
    ("http://www.example.com/1.html", "市", None),
    (None, None, None),
])
def test_a_site_names_its_place(url, kind, place):
    assert place_of_site(url, kind) == place


def test_whole_words_resolve_to_the_own_place_and_the_places_above_it():
    own = own_place("涪陵区经济运行情况\n前三季度，全区地区生产总值1291.9亿元。")
    assert own.name == "涪陵区" and own.wholes == {"区": "涪陵区", "市": "重庆"}
    own = own_place("上半年，全县地区生产总值增长3.2%。", url="http://liulin.gov.cn/1.html")
    assert own.name == "柳林" and own.wholes["市"] == "吕梁" and own.wholes["省"] == "山西"


def test_a_text_breaking_the_nation_down_by_region_is_about_the_nation():
    broken_down = ("1-5月份，民间投资18230亿元，同比增长9.1%。分地区看，东部地区民间投资9120亿元，增长8.2%；"
                   "中部地区5010亿元，增长11.6%；西部地区3570亿元，增长7.3%。")
    assert own_place(broken_down).name == "全国"
    one_region = "1-9月份，西部地区房地产开发投资18230亿元，同比增长6.1%，其中住宅投资增长5.2%。"
    assert own_place(one_region).name == "西部地区"


def test_a_province_speaking_of_itself_on_a_city_site_stays_the_province():
    text = "今年前五月我省外贸进出口增长超三成\n记者从兰州海关获悉,前5月甘肃省进出口总值166.3亿元。我省对欧盟进出口18.6亿元。"
    assert own_place(text, url="http://lanzhou.example.com/news/1.html").name == "甘肃"
    city = "平湖市经济运行情况\n上半年，全市规上工业增加值增长8.1%，嘉兴全市增长6.2%。"
    assert own_place(city, url="http://www.pinghu.gov.cn/art/1.html").name != "嘉兴"


def test_the_page_source_line_tells_the_place():
    text = "前三季度，全市社会消费品零售总额完成574.0亿元，增长8.8%，快于全省2.2个百分点。"
    facts, _ = find_facts(text, published=date(2025, 11, 12), source="运城日报")
    assert {f.subject for f in facts} == {"运城"}
    facts, _ = find_facts(text, published=date(2025, 11, 12))
    assert "运城" not in {f.subject for f in facts}


def test_division_of_prefers_the_higher_level():
    assert division_of("吉林").level == "province"
    assert division_of("大理").level == "prefecture"
    assert division_of("上虞市").official == "上虞区"  # 上虞 was a 市 until 2013


def _article(parts: int) -> str:
    """A long page of county and city news: suffixed and bare county names, benchmarks, lists."""
    piece = ("2024年柳林县地区生产总值143.8亿元，高出吕梁平均0.5个百分点。全县原煤产量1285万吨，"
             "北京、上海、广州和深圳分别上涨0.6%。上虞区、绵竹市、天祝藏族自治县、大理州和涪陵区投资增长。"
             "解放碑商圈人流量增长，柳林经济向好，真金白银直达企业，示范县12个。\n")
    return piece * parts


def _median_time(fn) -> float:
    return statistics.median(timeit.repeat(fn, number=1, repeat=3))


def test_finding_places_is_linear_in_the_text():
    small, large = _article(200), _article(2000)
    count = len(list(place_pattern().finditer(small)))
    assert len(list(place_pattern().finditer(large))) == 10 * count
    ratio = (_median_time(lambda: list(place_pattern().finditer(large)))
             / _median_time(lambda: list(place_pattern().finditer(small))))
    assert ratio < MAX_RATIO, ratio


def test_the_own_place_is_found_in_time_linear_in_the_text():
    small, large = _article(200), _article(2000)
    assert own_place(small).name == own_place(large).name == "柳林县"
    ratio = _median_time(lambda: own_place(large)) / _median_time(lambda: own_place(small))
    assert ratio < MAX_RATIO, ratio


def test_the_pinyin_table_is_what_its_script_makes():
    pytest.importorskip("pypinyin")
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_place_pinyin.py"
    made = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert made == _data_text("place_pinyin.toml")


def test_site_labels_are_unique_and_known_places():
    labels = load_toml("facts_subjects.toml")["site"]["province_labels"]
    for label, name in labels.items():
        assert label.isascii() and label.islower()
        assert division_of(name) is not None and division_of(name).level == "province", name


def _readings(text: str) -> list[tuple]:
    facts, _ = find_facts(text, published=date(2021, 7, 20))
    return [(f.text, f.metric, f.subject, f.versus) for f in facts]


def test_a_county_confirmed_in_one_article_is_no_place_in_the_next():
    """The county short names an article confirms (宁海 beside 宁波) key the caches of the readings
    that match places: an article that confirms nothing reads the same whatever was read before."""
    from zjnews_extract.facts.metric import clear_caches

    confirming = "宁波各县(市、区)中,宁海出口增长5%,高于全市1.2个百分点、奉化2.1个百分点。"
    plain = "宁海出口增长5%,高于全市1.2个百分点、奉化2.1个百分点。"
    clear_caches()
    fresh = _readings(plain)
    clear_caches()
    confirmed = _readings(confirming)
    after = _readings(plain)
    assert after == fresh
    assert ("5%", "出口", "宁海", None) not in fresh  # 宁海 alone is no sure place
    clear_caches()
    _readings(plain)
    confirmed_after = _readings(confirming)
    assert confirmed_after == confirmed
    assert ("5%", "出口", "宁海", None) in confirmed
    assert ("2.1个百分点", "出口", "宁海", "奉化") in confirmed
