"""Pinyin glosses a mirror site writes after characters are dropped from the text, and logged."""
from zjnews_extract import extract
from zjnews_extract.clean.glosses import without_glosses

MIRROR = ("2024年4月社會消費(fèi)品零售總額\n"
          "| 指標(biāo) | 本月 | 比去年同月增長(%) |\n"
          "| 社會消費(fèi)品零售總額(億元) | 1446.98 | -5.5 |\n"
          "| 批發(fā)零售業(yè) | 1319.62 | -5.1 |\n"
          "全市地區生產總值絕對duì數shù為2313億元,增長5.2%。")


def test_glosses_go_and_are_logged():
    text, removed = without_glosses(MIRROR)
    assert "社會消費品零售總額" in text and "(fèi)" not in text and "絕對數為2313億元" in text
    assert removed and "pinyin" in removed[0].reason


def test_a_name_or_two_in_pinyin_stay():
    text = "记者走访了Lǐ Míng的工厂,他说(hǎo)。出口增长5%。"
    assert without_glosses(text) == (text, [])  # fewer than three: written on purpose
    assert without_glosses("CPI(consumer price index)上涨2%,PMI为50.2%")[1] == []  # no tone marks


def test_facts_of_a_glossed_page_name_their_words_plainly():
    doc = extract(MIRROR, published="2024-05-17")
    metrics = {f.text: f.metric for f in doc.facts}
    assert metrics["1319.62"] == "批發零售業零售額"
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
    assert any("pinyin" in r.reason for r in doc.removed)
