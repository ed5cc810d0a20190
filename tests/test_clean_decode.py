"""Decoding page bytes: BOM, strict UTF-8, the declared charset widened, then detection."""
from __future__ import annotations

import codecs

import pytest

from zjnews_extract.clean import clean_page
from zjnews_extract.clean.decode import decode_bytes, declared_charset
from zjnews_extract.errors import InputError

BODY = "<p>浙江省商务厅发布数据，一季度进出口同比增长24.4%。责编吴珂珺说明——数据已核对。</p>"


def page(charset: str) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head><body>{BODY}</body></html>'


def test_gb2312_label_reads_as_gb18030_so_no_character_is_lost():
    # 珺 is outside GB2312 and — is mapped differently; a gb2312 decoder (or lxml's guess) loses them
    text, codec, method = decode_bytes(page("gb2312").encode("gb18030"))
    assert (codec, method) == ("gb18030", "declared")
    assert "吴珂珺" in text and "——" in text


def test_utf8_bytes_win_over_a_wrong_gb2312_label():
    text, codec, method = decode_bytes(page("gb2312").encode("utf-8"))
    assert (codec, method) == ("utf-8", "utf-8")
    assert "吴珂珺" in text


def test_bom_comes_first():
    text, codec, method = decode_bytes(codecs.BOM_UTF8 + page("gbk").encode("utf-8"))
    assert method == "bom" and "吴珂珺" in text
    text, codec, method = decode_bytes(page("utf-8").encode("utf-16"))
    assert method == "bom" and "吴珂珺" in text


def test_big5_page_declared_and_undeclared():
    trad = '<html><meta charset="{}"><body><p>香港特區政府今日公布數據，本港出口貨值按年上升百分之五。</p></body></html>'
    text, codec, method = decode_bytes(trad.format("big5").encode("big5"))
    assert method == "declared" and "香港特區政府" in text
    text, codec, method = decode_bytes(trad.format("utf-8").encode("big5"))  # the label lies
    assert method == "detected" and "香港特區政府" in text


def test_a_few_invalid_bytes_in_a_gbk_page_do_not_lose_it():
    data = page("gbk").encode("gb18030") + b"\xff\xff"
    text, codec, method = decode_bytes(data)
    assert codec == "gb18030" and "吴珂珺" in text


def test_declared_charset_is_read_from_meta_and_xml_prolog():
    assert declared_charset(b'<meta charset="GBK">') == "gbk"
    assert declared_charset(b'<?xml version="1.0" encoding="big5"?>') == "big5"
    assert declared_charset(b"<p>no label</p>") is None


@pytest.mark.parametrize("data", [b"", b"\x00" * 500, bytes(range(256)) * 40])
def test_unreadable_bytes_raise_input_error(data):
    with pytest.raises(InputError):
        clean_page(data)


def test_the_document_says_how_it_was_decoded():
    result = clean_page(page("gbk").encode("gb18030"))
    assert (result.encoding, result.encoding_method) == ("gb18030", "declared")
    assert "吴珂珺" in result.text


# --- pages with a few broken bytes: the right codec with a few U+FFFD beats a clean-looking wrong one ---

SIMPLIFIED = "杭州市今年一季度新开工项目一百二十个，完成投资同比增长百分之八。"
TRADITIONAL = "臺北市政府今日表示，本季新建住宅數量較去年同期增加百分之六。"


def damaged(text: str, codec: str, label: str | None) -> bytes:
    """A page of the text in codec, with a few invalid bytes in the middle and at the end."""
    head = f'<meta charset="{label}">' if label else ""
    data = f"<html><head>{head}</head><body>{('<p>' + text + '</p>') * 40}</body></html>"
    raw = data.encode(codec)
    middle = len(raw) // 2
    return raw[:middle] + b"\xff\x80\xfe" + raw[middle:] + b"\x81"


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "cp950"])
def test_declared_big5_with_a_few_bad_bytes_keeps_its_codec(codec):
    text, chosen, method = decode_bytes(damaged(TRADITIONAL, codec, codec))
    assert method == "declared-lenient" and chosen.startswith(("big5", "cp950"))
    assert text.count(TRADITIONAL) >= 38


def test_undeclared_big5_with_a_few_bad_bytes_is_not_read_as_gb18030():
    # gb18030 accepts almost every byte pair, so it "succeeds" with fewer errors than big5: plausibility decides
    text, chosen, method = decode_bytes(damaged(TRADITIONAL, "big5", None))
    assert (chosen, method) == ("big5hkscs", "detected")
    assert text.count(TRADITIONAL) >= 38


def test_undeclared_gbk_with_a_few_bad_bytes_is_read_as_gb18030():
    text, chosen, method = decode_bytes(damaged(SIMPLIFIED, "gbk", None))
    assert (chosen, method) == ("gb18030", "detected")
    assert text.count(SIMPLIFIED) >= 38


def test_declared_gbk_with_a_few_bad_bytes_stays_gb18030_and_says_so():
    text, chosen, method = decode_bytes(damaged(SIMPLIFIED, "gbk", "gbk"))
    assert (chosen, method) == ("gb18030", "declared-lenient")
    assert text.count(SIMPLIFIED) >= 38


def test_a_big5_page_labelled_gb2312_with_bad_bytes_is_read_as_big5():
    # the label lies and gb18030 reads the bytes with only a few errors, but as rare characters
    text, chosen, method = decode_bytes(damaged(TRADITIONAL, "big5", "gb2312"))
    assert (chosen, method) == ("big5hkscs", "detected")
    assert text.count(TRADITIONAL) >= 38


def test_a_gbk_page_labelled_big5_is_read_as_gb18030():
    # big5 fails on many GBK byte pairs: too much damage to keep the label
    text, chosen, method = decode_bytes(damaged(SIMPLIFIED, "gbk", "big5"))
    assert chosen == "gb18030" and text.count(SIMPLIFIED) >= 38


def test_utf8_with_a_few_bad_bytes_is_utf8_lenient():
    text, chosen, method = decode_bytes(damaged(SIMPLIFIED, "utf-8", None))
    assert (chosen, method) == ("utf-8", "utf-8-lenient")
    assert text.count(SIMPLIFIED) >= 38


def test_heavy_damage_is_not_accepted_under_the_declared_label():
    # one invalid byte every 20 bytes is not "a few": the big5 label is not trusted with that much loss
    raw = page("big5").encode("utf-8")
    noisy = b"".join(raw[i:i + 20] + b"\xff" for i in range(0, len(raw), 20))
    try:
        _, chosen, method = decode_bytes(noisy * 20)
    except InputError:
        return
    assert method != "declared-lenient"


def test_a_latin_page_with_one_undefined_byte_keeps_its_label():
    latin = "<p>Le marché était très animé à Paris, déjà avant l'été.</p>" * 50
    raw = f'<html><head><meta charset="iso-8859-1"></head><body>{latin}</body></html>'.encode("cp1252")
    text, chosen, method = decode_bytes(raw[:400] + b"\x81" + raw[400:])
    assert (chosen, method) == ("cp1252", "declared-lenient")
    assert text.count("marché était") == 50


@pytest.mark.parametrize("label", ["base64", "rot13", "zlib"])
def test_a_label_naming_a_non_text_codec_is_ignored(label):
    raw = f'<html><head><meta charset="{label}"></head><body>{BODY * 10}</body></html>'.encode("gb18030")
    text, chosen, _ = decode_bytes(raw)
    assert chosen == "gb18030" and "吴珂珺" in text
    text, chosen, _ = decode_bytes(raw, http_charset=label)
    assert chosen == "gb18030" and "吴珂珺" in text


def test_http_charset_reads_a_page_without_a_label():
    import zjnews_extract

    page = "<html><body><h1>港口吞吐量</h1><p>今年前十個月，全港貨櫃吞吐量達到一千二百萬標箱，按年增長百分之三。</p></body></html>"
    doc = zjnews_extract.extract(page.encode("big5"), charset="big5")
    assert "貨櫃吞吐量" in doc.text
    assert doc.encoding_method == "declared"
