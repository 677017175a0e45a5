"""Figures across articles: corroboration and contradiction, on the example corpus analysed by the
real pipeline (expectations from examples/README.md, "Figures per source per article") and on
hand-written articles for the place, time and syndication rules."""

from __future__ import annotations

from corpus_builders import entity, figure_article

from newsint.corpus.figures import FigureGroup, compare_figures


def _group_with(groups: list[FigureGroup], source: str, text_part: str) -> FigureGroup:
    (found,) = [g for g in groups if any(f.source == source and text_part in f.quantity.text for f in g.figures)]
    return found


def test_stoltenberg_30000_is_corroborated_by_three_independent_outlets(example_corpus) -> None:
    report = compare_figures(example_corpus)
    group = _group_with(report.groups, "Jens Stoltenberg", "30,000")
    stoltenberg = [f for f in group.figures if f.source == "Jens Stoltenberg"]
    # A (The Borderland Monitor), B (Eastern Marches Daily), D3 (Meridian Wire).
    assert {f.outlet for f in stoltenberg} == {"The Borderland Monitor", "Eastern Marches Daily", "Meridian Wire"}
    assert group.independent_outlets >= 3 and group.corroborated
    assert group in report.corroborated


def test_demchenko_and_reznikov_agree_on_about_9000(example_corpus) -> None:
    group = _group_with(compare_figures(example_corpus).groups, "Oleksii Reznikov", "9,000")
    assert {"Andriy Demchenko", "Oleksii Reznikov"} <= set(group.sources)
    assert group.interval == (8100.0, 9900.0)  # about 9,000 = 9,000 ± 10 %


def test_nato_30000_contradicts_ukraine_9000_with_sources_on_each_side(example_corpus) -> None:
    report = compare_figures(example_corpus)
    nato = _group_with(report.groups, "Jens Stoltenberg", "30,000")
    ukraine = _group_with(report.groups, "Oleksii Reznikov", "9,000")
    (found,) = [c for c in report.contradictions if {id(c.first), id(c.second)} == {id(nato), id(ukraine)}]
    assert found.ratio is not None and 3.0 < found.ratio < 3.6  # ~30,000 vs ~9,000
    sides = {s.source for s in found.first.by_source()} | {s.source for s in found.second.by_source()}
    assert {"Jens Stoltenberg", "Andriy Demchenko", "Oleksii Reznikov"} <= sides


def test_zapad_2021_is_not_compared_with_february_2022_figures(example_corpus) -> None:
    report = compare_figures(example_corpus)
    # C (17 Sept 2021): about 200,000 personnel; D3 (21 Feb 2022): 169,000-190,000 personnel.
    zapad = _group_with(report.groups, "defence ministry", "200,000")
    assert all(f.article.analysis.document.published.startswith("2021") for f in zapad.figures)
    assert not [c for c in report.contradictions if zapad in (c.first, c.second)]


def test_figures_about_different_countries_are_not_compared() -> None:
    text_a = "A spokesman said about 30,000 troops in Poland were ready."
    text_b = "An official said about 9,000 troops in Belarus were ready."
    poland = entity("E1", "Poland", "PLACE", text_a, iso="POL")
    belarus = entity("E1", "Belarus", "PLACE", text_b, iso="BLR")
    a = figure_article("a", text_a, "A spokesman", "about 30,000 troops", 30000, of="troops in Poland", places=[poland])
    b = figure_article("b", text_b, "An official", "about 9,000 troops", 9000, of="troops in Belarus", places=[belarus])
    assert compare_figures([a, b]).contradictions == []
    # The same two figures about one country contradict.
    belarus_a = entity("E1", "Belarus", "PLACE", text_a.replace("Poland", "Belarus"), iso="BLR")
    a2 = figure_article(
        "a", text_a.replace("Poland", "Belarus"), "A spokesman", "about 30,000 troops", 30000,
        of="troops in Belarus", places=[belarus_a],
    )  # fmt: skip
    assert len(compare_figures([a2, b]).contradictions) == 1


def _belarus(article_id: str, source: str, figure: str, value: float, **kwargs):  # type: ignore[no-untyped-def]
    """An article in which ``source`` gives ``figure`` of troops in Belarus."""
    text = f"{source} said {figure} in Belarus took part."
    place = entity("E1", "Belarus", "PLACE", text, kb_id="country:BLR", iso="BLR")
    of = figure.split(" ", 2)[-1] + " in Belarus"  # "about 9,000 troops" -> "troops in Belarus"
    return figure_article(article_id, text, source, figure, value, of=of, places=[place], **kwargs)


def test_figures_months_apart_or_undated_are_not_compared() -> None:
    a = _belarus("a", "A spokesman", "about 30,000 troops", 30000, published="2021-09-17")
    b = _belarus("b", "An official", "about 9,000 troops", 9000, published="2022-02-21")
    assert compare_figures([a, b]).contradictions == []
    undated = _belarus("b", "An official", "about 9,000 troops", 9000, published=None)
    assert compare_figures([a, undated]).contradictions == []
    near = _belarus("b", "An official", "about 9,000 troops", 9000, published="2021-09-30")
    assert len(compare_figures([a, near]).contradictions) == 1


def test_figures_must_say_what_they_count_and_name_a_same_place() -> None:
    a = _belarus("a", "A spokesman", "about 30,000 troops", 30000)
    b = _belarus("b", "An official", "about 9,000 troops", 9000)
    assert len(compare_figures([a, b]).contradictions) == 1
    # The same figures from claims that name no place, or do not say what they count: not compared.
    bare = figure_article("b", "An official said about 9,000 troops took part.", "An official",
                          "about 9,000 troops", 9000, of="troops")  # fmt: skip
    assert compare_figures([a, bare]).contradictions == []
    b.analysis.quantities[0].of = None
    assert compare_figures([a, b]).contradictions == []


def test_a_syndicated_copy_counts_once() -> None:
    original = _belarus("a", "A spokesman", "about 9,000 troops", 9000, site="Wire One")
    copy = _belarus("b", "A spokesman", "about 9,000 troops", 9000, site="Paper Two", duplicate_of="a")
    other = _belarus("c", "A spokesman", "about 9,000 troops", 9000, site="Paper Three")
    (group,) = compare_figures([original, copy]).groups
    assert group.independent_outlets == 1 and not group.corroborated  # one source, one origin
    (group,) = compare_figures([original, copy, other]).groups
    assert group.independent_outlets == 2 and group.corroborated


def test_a_source_revising_its_own_figure_is_no_contradiction() -> None:
    a = _belarus("a", "Kyiv", "about 30,000 troops", 30000)
    b = _belarus("b", "Kyiv", "about 9,000 troops", 9000)
    report = compare_figures([a, b])
    assert len(report.groups) == 2 and report.contradictions == []
