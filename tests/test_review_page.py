"""The review page as HTML: every fact marked with its exact text, nothing lost, nothing live.

Read with the standard library's HTML parser, the way a browser tokenises: these tests
run everywhere; test_review_browser.py opens the same pages in Chromium.
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zjnews_extract
from zjnews_extract.cli import main
from zjnews_extract.records import Document, Fact, Initiative, Period, Removed, Span
from zjnews_extract.review import ReviewDir, document_html, write_review_dir
from zjnews_extract.review.marks import FACT, INITIATIVE, Mark, paragraphs_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "zj_commerce_2026_plan.txt"
HOSTILE = '<script>window.__pwned=1</script>"\'><img src=x onerror="window.__pwned=2">&amp;</textarea>'
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}


class Page(HTMLParser):
    """What a reader of the page sees: paragraphs of the article, marks by id, scripts, elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.paragraphs: list[str] = []
        self.fact_marks: dict[str, list[str]] = defaultdict(list)  # id -> text of each mark piece
        self.initiative_marks: dict[str, list[str]] = defaultdict(list)
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[str] = []
        self.text_by_id: dict[str, str] = defaultdict(str)
        self._open_marks: list[list] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        if tag == "p" and self._inside("article"):
            self.paragraphs.append("")
        if tag == "mark":
            self._open_marks.append([attrs, ""])
        if tag == "script":
            self.scripts.append((attrs, ""))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}: not well nested"
        self.stack.pop()
        if tag == "mark":
            attrs, text = self._open_marks.pop()
            if "data-fact" in attrs:
                self.fact_marks[attrs["data-fact"]].append(text)
            else:
                self.initiative_marks[attrs["data-initiative"]].append(text)

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
            return
        if self._inside("article") and self._inside("p"):
            self.paragraphs[-1] += data
        for mark in self._open_marks:
            mark[1] += data
        for tag, attrs in self.stack:
            if "id" in attrs:
                self.text_by_id[attrs["id"]] += data

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def data(self) -> dict:
        (block,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(block)


@pytest.fixture(scope="module")
def seed() -> Document:
    return zjnews_extract.extract(SEED.read_bytes(), published="2026-01-21")


def check_marks(doc: Document, page: Page) -> None:
    """Every fact has marks whose text, joined, is the fact's text (a line break may cut it in two)."""
    assert set(page.fact_marks) == {f.id for f in doc.facts}
    for fact in doc.facts:
        assert "".join(page.fact_marks[fact.id]) == fact.text.replace("\n", ""), fact
    for number, initiative in enumerate(doc.initiatives):
        pieces = "".join(page.initiative_marks[str(number)])
        assert pieces == "".join(doc.text[m.start:m.end].replace("\n", "") for m in initiative.mentions)


def test_seed_page_marks_every_fact_with_its_exact_text(seed):
    page = Page(seed.to_html())
    assert len(page.fact_marks) == len(seed.facts) > 0
    check_marks(seed, page)
    assert "\n".join(page.paragraphs) == seed.text  # the whole text, nothing lost or added
    assert all(len(pieces) == 1 for pieces in page.fact_marks.values())  # no seed fact is cut
    data = page.data()
    assert data["order"] == [f.id for f in seed.facts]
    record = dict(data["facts"][seed.facts[0].id]["record"])
    assert record["metric"] == seed.facts[0].metric and record["text"] == seed.facts[0].text


def test_seed_page_has_header_table_and_removed_log(seed):
    html = seed.to_html()
    page = Page(html)
    assert page.text_by_id["doc-title"] == seed.title
    assert "浙江在线" in html and "陈雷" in html and "吴珂珺" in html and "utf-8" in html
    assert html.count("<tr data-fact=") == len(seed.facts)
    assert html.count('<span class="reason">') == len(seed.removed)
    for removed in seed.removed:
        assert removed.reason in html
    assert '<details class="removed"' in html and "<details class=\"removed\" open" not in html


def test_page_is_self_contained_and_forbids_requests(seed):
    html = seed.to_html()
    page = Page(html)
    assert 'http-equiv="Content-Security-Policy"' in html and "default-src &#x27;none&#x27;" in html
    assert [t for t in page.tags if t in ("link", "img", "iframe", "object", "embed", "audio", "video")] == []
    assert all("src" not in attrs for attrs, _ in page.scripts)
    assert "http://" not in html and "https://" not in html  # the seed has no url: no address at all
    assert "@import" not in html and "url(" not in html


def test_hostile_title_and_text_render_as_text():
    text = f"标题{HOSTILE}\n2025年出口增长7.2%,{HOSTILE}</script>“稳拓调优”"
    start = text.index("7.2%")
    fact = Fact(id='x"><script>1</script>', text="7.2%", start=start, end=start + 4, kind="growth", value=7.2,
                unit="%", metric=HOSTILE, subject='"浙江"', status="actual")
    quoted = text.index("稳拓调优")
    doc = Document(title=HOSTILE, text=text, url="javascript:alert(1)", doc_id=HOSTILE, source=HOSTILE,
                   authors=[HOSTILE], facts=[fact],
                   initiatives=[Initiative(name=HOSTILE, mentions=[Span(start=quoted, end=quoted + 4)])],
                   removed=[Removed(text=HOSTILE, reason=HOSTILE)])
    html = doc.to_html()
    page = Page(html)
    assert [attrs.get("type") for attrs, _ in page.scripts] == ["application/json", None]  # ours only
    assert "img" not in page.tags and "textarea" not in page.tags
    assert page.text_by_id["doc-title"] == HOSTILE
    assert "\n".join(page.paragraphs) == text
    check_marks(doc, page)
    record = dict(page.data()["facts"][fact.id]["record"])
    assert record["metric"] == HOSTILE and record["subject"] == '"浙江"'
    assert 'href="javascript:' not in html


def test_zero_facts_page():
    doc = zjnews_extract.extract("今天天气很好,大家出门散步。", published="2026-01-21")
    assert doc.facts == []
    page = Page(doc.to_html())
    assert page.fact_marks == {} and page.data()["facts"] == {}
    assert "No facts were found" in doc.to_html()


def many_facts_text(n: int) -> str:
    return "\n".join(f"2025年,第{k}开发区进出口额{k}.5亿元,同比增长{k % 9}.2%,占全省{k % 7}.1%。" for k in range(1, n))


def test_a_hundred_facts_page():
    doc = zjnews_extract.extract(many_facts_text(40), published="2026-01-21")
    assert len(doc.facts) >= 100
    page = Page(doc.to_html())
    check_marks(doc, page)
    assert "\n".join(page.paragraphs) == doc.text


def test_newer_fact_fields_show_when_present():
    """Fields another version of Fact may carry (indicator, scope, basis, a period type) are shown."""

    class PeriodV2(Period, frozen=True, kw_only=True):
        type: str | None = None

    class FactV2(Fact, frozen=True, kw_only=True):
        indicator: str | None = None
        scope: str | None = None
        basis: str | None = None

    text = "2025年全省出口增长7.2%。"
    fact = FactV2(id="f1", text="7.2%", start=text.index("7.2%"), end=text.index("7.2%") + 4, kind="growth",
                  value=7.2, unit="%", metric="出口", indicator="export_growth", scope="全省", basis="同比",
                  period=PeriodV2(start="2025-01-01", end="2025-12-31", text="2025年", type="year"))
    html = document_html(Document(text=text, facts=[fact]))
    record = dict(Page(html).data()["facts"]["f1"]["record"])
    assert record["indicator"] == "export_growth" and record["scope"] == "全省" and record["basis"] == "同比"
    assert "type: year" in record["period"]
    assert ">indicator</button>" in html and ">export_growth</td>" in html
    plain = document_html(Document(text=text, facts=[Fact(**{k: getattr(fact, k) for k in Fact.__struct_fields__
                                                              if k not in ("period", "indicator", "scope", "basis")})]))
    assert ">indicator</button>" not in plain  # no column for a field no fact has


def _doc_with_spans(text: str, facts: list[tuple[int, int]], initiatives: list[tuple[int, int]]) -> Document:
    return Document(
        text=text,
        facts=[Fact(id=f"f{n}", text=text[s:e], start=s, end=e, kind="value", value=1.0, unit=None)
               for n, (s, e) in enumerate(facts)],
        initiatives=[Initiative(name=text[s:e], mentions=[Span(start=s, end=e)]) for s, e in initiatives])


@pytest.mark.parametrize("facts, initiatives", [
    ([(2, 6)], [(0, 10)]),  # a fact inside an initiative
    ([(0, 10)], [(2, 6)]),  # an initiative inside a fact
    ([(2, 8)], [(0, 5)]),  # crossing: the initiative is cut, the fact stays whole
    ([(0, 5)], [(3, 9)]),
    ([(3, 7)], [(3, 7)]),  # the same span
    ([(0, 4), (4, 8)], [(2, 6)]),  # an initiative across two facts
])
def test_nested_and_crossing_spans_stay_well_formed_and_facts_whole(facts, initiatives):
    doc = _doc_with_spans("十四五规划第3个百分点和5.5%增长", facts, initiatives)
    page = Page(document_html(doc))
    check_marks(doc, page)
    assert all(len(pieces) == 1 for pieces in page.fact_marks.values())


def test_a_span_over_a_line_break_is_two_marks_with_one_id():
    text = "出口4.18万\n亿元,增长"
    doc = _doc_with_spans(text, [(2, 10)], [])
    page = Page(document_html(doc))
    assert page.fact_marks["f0"] == ["4.18万", "亿元"]
    assert page.paragraphs == ["出口4.18万", "亿元,增长"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n<&\"'", min_size=1, max_size=30).flatmap(
    lambda text: st.tuples(st.just(text), st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)),
                                                             st.booleans()), max_size=8))))
def test_any_spans_give_well_formed_html_that_keeps_the_text(case):
    text, spans = case
    marks = [Mark(min(a, b), max(a, b), f'<mark data-fact="{n}">' if is_fact else f'<mark data-initiative="{n}">',
                  FACT if is_fact else INITIATIVE)
             for n, (a, b, is_fact) in enumerate(spans)]
    page = Page("<article>" + paragraphs_html(text, marks) + "</article>")
    assert "\n".join(page.paragraphs) == text
    for n, mark in enumerate(marks):
        pieces = page.fact_marks.get(str(n)) or page.initiative_marks.get(str(n)) or []
        assert "".join(pieces) == text[mark.start:mark.end].replace("\n", "")


def test_rendering_time_grows_linearly():
    import time

    def median_time(doc: Document) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            document_html(doc)
            times.append(time.perf_counter() - started)
        return sorted(times)[2]

    line = "2025年出口4.18万亿元、增长7.2%,“千团万企”行动。"
    def doc_of(n: int) -> Document:
        text = line * n
        facts, initiatives = [], []
        for k in range(n):
            base = k * len(line)
            facts += [(base + 7, base + 14), (base + 17, base + 21)]
            initiatives.append((base + 23, base + 27))
        return _doc_with_spans(text, facts, initiatives)

    small, large = median_time(doc_of(100)), median_time(doc_of(1000))
    assert large / small < 25, (small, large)  # 10x the input: about 10x the time, far from 100x


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "zjnews_extract", *args], capture_output=True, timeout=180, cwd=cwd)


def test_review_command_writes_the_page(tmp_path, seed, capsys):
    out = tmp_path / "seed.html"
    res = run("review", str(SEED), "--published", "2026-01-21", "-o", str(out))
    assert res.returncode == 0, res.stderr.decode()
    assert f"({len(seed.facts)} facts)" in res.stderr.decode()
    page = Page(out.read_text(encoding="utf-8"))
    assert len(page.fact_marks) == len(seed.facts)
    assert main(["review", str(SEED), "--published", "2026-01-21", "-o", "-"]) == 0  # in process: jieba is warm
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")
    res = run("review", str(tmp_path / "missing.html"), "-o", str(tmp_path / "x.html"))
    assert res.returncode == 2 and "no such file" in res.stderr.decode() and not (tmp_path / "x.html").exists()


def test_batch_review_dir_writes_a_page_per_document_and_an_index(tmp_path, batch_folder, capsys):
    out, folder = tmp_path / "out.jsonl", tmp_path / "review"
    missing = tmp_path / "empty.html"  # an item that ends as an error record (a missing INPUT is refused up front)
    missing.write_bytes(b"")
    code = main(["batch", str(batch_folder), str(missing), "-o", str(out), "--workers", "0", "--review-dir",
                 str(folder), "--published", "2026-01-21", "--quiet"])  # in process: jieba is warm
    assert code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = [line for line in lines if "error" not in line]
    pages = sorted(p.name for p in folder.glob("*.html") if p.name != "index.html")
    assert len(docs) == len(lines) - 1 and len(pages) == len(docs)
    index = (folder / "index.html").read_text(encoding="utf-8")
    for doc in docs:
        assert doc["title"] in index
    assert "InputError" in index
    assert index.count("<tr>") == len(lines) + 1  # the header row and one row per item
    for page_name in pages:
        assert f'href="{page_name}"' in index
        Page((folder / page_name).read_text(encoding="utf-8"))  # each one well formed
    capsys.readouterr()
    assert main(["batch", str(batch_folder), "-o", str(tmp_path / "o.csv"), "--review-dir", str(folder)]) == 2
    assert "--review-dir" in capsys.readouterr().err


def test_review_dir_from_lines_keeps_errors_and_unreadable_lines(tmp_path, seed):
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as fh:
        fh.write(msgspec.json.encode(msgspec.structs.replace(seed, doc_id="a/b/seed.txt")) + b"\n")
        fh.write(b'{"doc_id": "bad.html", "url": null, "error": {"type": "InputError", "message": "<b>no</b>"}}\n')
        fh.write(b'{"doc_id": "torn\n')
    rows = write_review_dir(out, tmp_path / "r")
    assert [r.doc_id for r in rows][:2] == ["a/b/seed.txt", "bad.html"] and len(rows) == 3
    assert rows[0].page and rows[0].facts == len(seed.facts) and rows[1].error and rows[2].error.startswith("UnreadableLine")
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;no&lt;/b&gt;" in index and "<b>no</b>" not in index


def test_review_dir_page_names_are_safe_and_distinct(tmp_path):
    with ReviewDir(tmp_path / "r") as review:
        ids = ["../../etc/passwd", "a/x.html", "b/x.html", "<urn:uuid:1>", "页面.html:3", "index.html"]
        rows = [review.add(doc_id, Document(text="无数字", doc_id=doc_id)) for doc_id in ids]
    names = [row.page for row in rows]
    assert len(set(names)) == len(ids) and "index.html" not in names
    assert all("/" not in n and ".." not in n.replace("..html", "") for n in names)
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == sorted([*names, "index.html"])
