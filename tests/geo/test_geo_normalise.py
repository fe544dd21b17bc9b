from __future__ import annotations

import pytest

from newsint.geo.normalise import MAX_NAME_CHARS, is_noisy_alias, normalise


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["Ash Shaddadi", "ash-Shaddadi", "Ash-Shaddadi", "ASH SHADDADI"], "shaddadi"),
        (["Al Hasakah", "Al-Hasakah", "al-Hasakah", "Al Ḩasakah", "El Hasakah"], "hasakah"),
        (["Tall Tamr", "Tal Tamr", "Tel Tamr", "Tell Tamr"], "tall tamr"),
        (["Ra’s al ‘Ayn", "Ra's al-'Ayn", "Raʾs al ʿAyn", "Ras al Ayn"], "ras ayn"),
        (["Serê Kaniyê", "Sere Kaniye", "Sere-Kaniye"], "sere kaniye"),
        (["St. Louis", "Saint Louis", "St Louis", "Saint-Louis"], "st louis"),
        (["‘Āmūdā", "Amuda", "`Amuda"], "amuda"),
        (["Łódź", "Lodz"], "lodz"),
        (["Île-de-France", "Ile de France"], "ile de france"),
    ],
)
def test_variants_meet_in_one_key(variants: list[str], key: str) -> None:
    assert {normalise(v) for v in variants} == {key}


def test_articles_are_kept_when_they_are_the_whole_name() -> None:
    assert normalise("Al") == "al"
    assert normalise("As") == "as"


def test_other_scripts_survive() -> None:
    assert normalise("القامشلي") == "القامشلي"
    assert normalise("北京") == "北京"
    assert normalise("---") == ""
    assert normalise("") == ""


def test_long_names_are_cut() -> None:
    assert len(normalise("A" * 500)) <= MAX_NAME_CHARS


@pytest.mark.parametrize(
    ("alias", "noisy"),
    [
        ("KAC", True),
        ("SSX", True),
        ("EGLL", True),
        ("12", True),
        ("Ko", True),
        ("1234", True),
        ("Qamishli", False),
        ("القامشلي", False),
        ("Ulm", False),
    ],
)
def test_noisy_aliases(alias: str, noisy: bool) -> None:
    assert is_noisy_alias(alias, normalise(alias)) is noisy
