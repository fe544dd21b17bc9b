from newsint.pipeline.sections import find_byline, find_sections


def test_reference_sections(reference_text: str) -> None:
    byline = find_byline(reference_text)
    assert byline is not None
    assert byline.author is not None and byline.author.text == "Sophie Mangal"
    assert byline.outlet is not None and byline.outlet.text == "Inside Syria Media Center"
    sections = find_sections(reference_text, byline=byline)
    kinds = [s.kind for s in sections]
    assert kinds[0] == "title" and kinds[-1] == "signoff"
    captions = [s.text for s in sections if s.kind == "caption"]
    assert "Turkish security forces escort detained suspects" in captions
    assert any(c.startswith("Islamists with their families") for c in captions)
    for section in sections:
        assert reference_text[section.start : section.end] == section.text


def test_by_line_at_top() -> None:
    text = "Flood hits town\nBy Jane Doe, Reuters\nThe river rose by two metres on Monday.\n"
    byline = find_byline(text)
    assert byline is not None and byline.author is not None and byline.outlet is not None
    assert (byline.author.text, byline.outlet.text) == ("Jane Doe", "Reuters")


def test_no_byline_and_single_line() -> None:
    assert find_byline("Just one sentence about nothing in particular.") is None
    (section,) = find_sections("Just one sentence about nothing in particular.")
    assert section.kind == "body"


def test_sentences_are_not_captions() -> None:
    text = (
        "Headline here\nThe army said it took the town.\n"
        "Short line without stop\nMore text follows here."
    )
    kinds = [s.kind for s in find_sections(text)]
    assert kinds == ["title", "body", "caption", "body"]


def test_empty_and_whitespace() -> None:
    assert find_sections("") == []
    assert find_sections("   \n\n  ") == []
    assert find_byline("") is None


def test_one_line_wire_copy_is_body_not_signoff() -> None:
    text = (
        "By Nate Raymond. BOSTON (Reuters) - A federal judge on Tuesday ruled that the city "
        "of Boston must release records about police shootings, the court said. " * 3
    ).strip()
    assert [s.kind for s in find_sections(text, byline=find_byline(text))] == ["body"]
