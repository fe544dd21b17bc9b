from hypothesis import given
from hypothesis import strategies as st

from newsint.pipeline.chunking import chunk_bounds


@given(st.text(alphabet="ab .\n", max_size=5000), st.integers(min_value=10, max_value=400))
def test_chunks_cover_text_exactly(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert end == start
    assert all(0 < b - a <= size for a, b in bounds[:-1])


def test_cuts_prefer_line_breaks_then_sentences() -> None:
    text = "First paragraph. " * 30 + "\n" + "Second one. " * 30
    (first, _second, *_rest) = chunk_bounds(text, 600)
    assert text[first[1] - 1] == "\n"
    text = "One sentence here. " * 100
    start, end = chunk_bounds(text, 500)[0]
    assert text[start:end].endswith(". ")
