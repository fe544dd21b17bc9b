"""Which outlet published an article, and what is publicly known about its reliability.

An outlet is recognised from three places, in this order: the article URL (its host,
normalised: scheme, ``www.``/``m.``/``amp.`` stripped, then parent domains down to the
registrable domain, so ``edition.cnn.com`` finds ``cnn.com``), the outlet name given with
the article (HTML site name or the user), and the outlet named in the byline or sign-off.
The first source that names a *rated* outlet wins, so an article republished on an unrated
site is still traced to the rated outlet its sign-off names.

Ratings come from CSV files with the columns ``domain,name,factuality,bias,notes,source``
(``source`` says where the rating comes from). ``domain`` and ``name`` may list
alternatives separated by ``|``; lines starting with ``#`` are comments. The built-in table
``data/outlets.csv`` cites a public source for every row; user files passed to
``load_ratings`` override it row by row (same domain, or same name for rows without one).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from ..errors import ConfigError
from ..model import Article, Byline, Span

Factuality = Literal["high", "mostly_factual", "mixed", "low", "very_low"]
FACTUALITY_LEVELS: tuple[Factuality, ...] = ("very_low", "low", "mixed", "mostly_factual", "high")
COLUMNS = ("domain", "name", "factuality", "bias", "notes", "source")
BUILTIN_PATH = Path(__file__).parent / "data" / "outlets.csv"

#: second-level labels under which registrations happen (a tiny public-suffix list)
_SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "ac", "edu", "gob", "nic", "mil", "ne"}
)
_COUNTRY_WITH_SECOND_LEVEL = frozenset(
    {"uk", "au", "nz", "za", "jp", "in", "br", "cn", "il", "kr", "sg", "hk", "tr", "mx", "ar"}
    | {"pk", "eg", "sa", "my", "id", "th", "ph", "ng", "ke", "ua", "ru", "tw", "vn"}
)
_MOBILE_PREFIXES = frozenset({"www", "www1", "www2", "www3", "m", "amp", "mobile", "wap"})
_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")
_PERSONAS = re.compile(r"persona bylines?:\s*(?P<names>[^.;]+)", re.IGNORECASE)
_FACTUALITY_ALIASES = {
    "very_high": "high",
    "mostly": "mostly_factual",
    "mostly_true": "mostly_factual",
}


class RatingsFileError(ConfigError):
    """A ratings file cannot be read or has a malformed row; the message names file:line."""


@dataclass(frozen=True, slots=True)
class OutletRating:
    """One outlet's rating; ``name`` is shown to users, ``origin`` is its row's ``file:line``."""

    name: str
    factuality: Factuality
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    bias: str = ""
    notes: str = ""
    source: str = ""
    personas: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True, slots=True)
class OutletMatch:
    """The outlet an article came from. ``rating`` is None when the table does not list it.

    ``via`` says where it was found (``url``, ``outlet`` given with the article, or
    ``byline``); ``evidence`` holds the byline span naming the outlet when the text names it.
    """

    name: str
    via: Literal["url", "outlet", "byline"]
    query: str
    rating: OutletRating | None = None
    domain: str | None = None
    evidence: tuple[Span, ...] = ()


# --- normalisation ------------------------------------------------------------------------


def normalise_host(url_or_domain: str) -> str | None:
    """The lower-case host of a URL or domain without ``www.``/``m.``/``amp.``; None if invalid."""
    value = url_or_domain.strip().lower()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value).lstrip("/")
    host = re.split(r"[/?#\\\s]", value, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if host.endswith(".cdn.ampproject.org"):  # Google AMP cache: www-bbc-com.cdn.ampproject.org
        encoded = host.split(".", 1)[0]
        host = encoded.replace("--", "\0").replace("-", ".").replace("\0", "-")
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if not labels[-1].isalpha() and not labels[-1].startswith("xn--"):
        return None  # an IP address or a number, not a domain
    while len(labels) > 2 and labels[0] in _MOBILE_PREFIXES:
        labels = labels[1:]
    return ".".join(labels)


def _suffix_length(labels: Sequence[str]) -> int:
    """How many trailing labels are a public suffix: 2 for ``co.uk``, else 1."""
    if labels[-1] in _COUNTRY_WITH_SECOND_LEVEL and labels[-2] in _SECOND_LEVEL:
        return 2
    return 1


def registrable_domain(url_or_domain: str) -> str | None:
    """The domain a registrant owns: ``edition.cnn.com`` -> ``cnn.com``,
    ``news.bbc.co.uk`` -> ``bbc.co.uk``; None for a bare public suffix such as ``co.uk``."""
    host = normalise_host(url_or_domain)
    if host is None:
        return None
    labels = host.split(".")
    keep = _suffix_length(labels) + 1
    return ".".join(labels[-keep:]) if len(labels) >= keep else None


def domain_candidates(url_or_domain: str) -> list[str]:
    """The host, then its parent domains down to the registrable domain (most specific first)."""
    host = normalise_host(url_or_domain)
    registrable = registrable_domain(url_or_domain)
    if host is None or registrable is None:
        return []
    labels = host.split(".")
    stop = len(registrable.split("."))
    return [".".join(labels[i:]) for i in range(0, len(labels) - stop + 1)]


def normalise_name(name: str) -> str:
    """A matching key for an outlet name: case, accents, "the", "&" and punctuation do not count.

    Words such as "News" or "Media Center" are kept, so "Sky" and "Sky News" stay apart;
    list both as aliases when both are used. "Centre" and "Center" match.
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ")
    words = re.findall(r"\w+", text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    words = ["center" if w == "centre" else w for w in words]
    return "".join(words)


def looks_like_domain(text: str) -> bool:
    """True for ``reuters.com`` or ``https://...``, not for ``Reuters`` or "Inside Syria"."""
    stripped = text.strip()
    return " " not in stripped and normalise_host(stripped) is not None and "." in stripped


# --- the ratings table --------------------------------------------------------------------


class OutletRatings:
    """Outlet ratings looked up by URL/domain, by name, and by persona byline.

    ``add`` replaces earlier entries that share a domain (or, for an entry without
    domains, its name): later files override earlier ones.
    """

    def __init__(self, ratings: Iterable[OutletRating] = ()) -> None:
        self._entries: dict[int, OutletRating] = {}
        self._by_domain: dict[str, int] = {}
        self._by_name: dict[str, int] = {}
        self._next = 0
        for rating in ratings:
            self.add(rating)

    def add(self, rating: OutletRating) -> None:
        """Insert ``rating``, replacing entries that share one of its domains (or its names)."""
        names = [normalise_name(n) for n in (rating.name, *rating.aliases)]
        names = [n for n in names if n]
        clashing = {self._by_domain[d] for d in rating.domains if d in self._by_domain}
        if not rating.domains:
            clashing |= {self._by_name[n] for n in names if n in self._by_name}
        for key in clashing:
            self._remove(key)
        key, self._next = self._next, self._next + 1
        self._entries[key] = rating
        for domain in rating.domains:
            self._by_domain[domain] = key
        for name in names:
            self._by_name[name] = key

    def _remove(self, key: int) -> None:
        self._entries.pop(key, None)
        self._by_domain = {d: k for d, k in self._by_domain.items() if k != key}
        self._by_name = {n: k for n, k in self._by_name.items() if k != key}

    def by_domain(self, url_or_domain: str) -> OutletRating | None:
        """The rating for a URL or domain: its host first, then parent domains."""
        for candidate in domain_candidates(url_or_domain):
            key = self._by_domain.get(candidate)
            if key is not None:
                return self._entries[key]
        return None

    def by_name(self, name: str) -> OutletRating | None:
        """The rating for an outlet name, alias, or a name written as a domain."""
        key = self._by_name.get(normalise_name(name))
        if key is not None:
            return self._entries[key]
        return self.by_domain(name) if looks_like_domain(name) else None

    def persona(self, author: str) -> OutletRating | None:
        """The entry whose notes list ``author`` as a persona byline, if any."""
        wanted = normalise_name(author)
        if not wanted:
            return None
        for rating in self._entries.values():
            if any(normalise_name(p) == wanted for p in rating.personas):
                return rating
        return None

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[OutletRating]:
        return iter(list(self._entries.values()))


# --- reading CSV files --------------------------------------------------------------------


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _factuality(raw: str, where: str) -> Factuality:
    value = re.sub(r"[\s-]+", "_", raw.strip().lower())
    value = _FACTUALITY_ALIASES.get(value, value)
    if value not in FACTUALITY_LEVELS:
        allowed = "|".join(reversed(FACTUALITY_LEVELS))
        raise RatingsFileError(f"{where}: factuality must be one of {allowed}, not {raw!r}")
    return cast(Factuality, value)


def _domains(cell: str | None, where: str) -> tuple[str, ...]:
    domains = []
    for raw in _split(cell):
        host = normalise_host(raw)
        if host is None:
            raise RatingsFileError(f"{where}: {raw!r} is not a domain")
        domains.append(host)
    return tuple(domains)


def personas_in(notes: str) -> tuple[str, ...]:
    """Names listed after "persona bylines:" in a notes cell."""
    names: list[str] = []
    for match in _PERSONAS.finditer(notes):
        parts = re.split(r",|\band\b", match.group("names"))
        names.extend(p.strip() for p in parts if p.strip())
    return tuple(names)


def rating_from_row(row: dict[str, str | None], where: str) -> OutletRating:
    """One ``OutletRating`` from a CSV row (a dict keyed by ``COLUMNS``)."""
    domains = _domains(row.get("domain"), where)
    names = _split(row.get("name"))
    if not names and not domains:
        raise RatingsFileError(f"{where}: a row needs a domain or a name")
    notes = (row.get("notes") or "").strip()
    return OutletRating(
        name=names[0] if names else domains[0],
        factuality=_factuality(row.get("factuality") or "", where),
        domains=domains,
        aliases=names[1:],
        bias=(row.get("bias") or "").strip(),
        notes=notes,
        source=(row.get("source") or "").strip(),
        personas=personas_in(notes),
        origin=where,
    )


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each row that is not blank or a ``#`` comment."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise RatingsFileError(f"{path}: cannot read ratings file ({exc.strerror})") from exc
    with handle:
        reader = csv.reader(handle, strict=True)
        start = 1
        try:
            for row in reader:
                if row and any(c.strip() for c in row) and not row[0].lstrip().startswith("#"):
                    yield start, row
                start = reader.line_num + 1
        except (csv.Error, UnicodeDecodeError) as exc:
            raise RatingsFileError(f"{path}:{start}: {exc}") from exc


def read_ratings_csv(path: Path) -> list[OutletRating]:
    """Every row of one ratings CSV; raises ``RatingsFileError`` naming ``file:line``."""
    rows = _rows(Path(path))
    first = next(rows, None)
    if first is None:
        raise RatingsFileError(
            f"{path}:1: empty ratings file (expected header {','.join(COLUMNS)})"
        )
    line, header = first
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RatingsFileError(f"{path}:{line}: header lacks column(s) {', '.join(missing)}")
    ratings: list[OutletRating] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        where = f"{path}:{line}"
        if len(cells) != len(header):
            raise RatingsFileError(f"{where}: expected {len(header)} fields, found {len(cells)}")
        rating = rating_from_row(dict(zip(header, cells, strict=True)), where)
        for domain in rating.domains:
            if domain in seen:
                raise RatingsFileError(
                    f"{where}: domain {domain} already listed on line {seen[domain]}"
                )
            seen[domain] = line
        ratings.append(rating)
    return ratings


@functools.lru_cache(maxsize=1)
def _builtin() -> tuple[OutletRating, ...]:
    return tuple(read_ratings_csv(BUILTIN_PATH))


def load_ratings(
    paths: Sequence[Path | str] | None = None, *, builtin: bool = True
) -> OutletRatings:
    """The built-in table (unless ``builtin=False``), overridden by each of ``paths`` in order."""
    ratings = OutletRatings(_builtin() if builtin else ())
    for path in paths or ():
        for rating in read_ratings_csv(Path(path)):
            ratings.add(rating)
    return ratings


@functools.lru_cache(maxsize=1)
def default_ratings() -> OutletRatings:
    """The built-in table, loaded once per process (treat it as read-only)."""
    return load_ratings()


_BALY_FACTUALITY: dict[str, Factuality] = {"high": "high", "mixed": "mixed", "low": "low"}


def load_baly_tsv(path: Path | str) -> OutletRatings:
    """Ratings from the Baly et al. (EMNLP 2018) TSV of Media Bias/Fact Check labels.

    Columns ``source_url, source_url_normalized, ref, fact, bias``; the outlet name is
    taken from the MBFC page slug in ``ref``. For tests and evaluation: the file is not
    shipped with newsint.
    """
    path = Path(path)
    ratings = OutletRatings()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RatingsFileError(f"{path}: cannot read ({exc.strerror})") from exc
    header = lines[0].split("\t") if lines else []
    if header[:5] != ["source_url", "source_url_normalized", "ref", "fact", "bias"]:
        raise RatingsFileError(f"{path}:1: not a Baly et al. corpus TSV header")
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        where = f"{path}:{number}"
        if len(cells) < 5 or cells[3] not in _BALY_FACTUALITY:
            raise RatingsFileError(
                f"{where}: expected 5 tab-separated fields with fact high|mixed|low"
            )
        host = normalise_host(cells[0])
        if host is None:
            raise RatingsFileError(f"{where}: {cells[0]!r} is not a URL")
        slug = cells[2].rstrip("/").rsplit("/", 1)[-1]
        name = slug.replace("-", " ").strip() or host
        source = f"Media Bias/Fact Check rating, {cells[2]} (Baly et al., EMNLP 2018)"
        factuality = _BALY_FACTUALITY[cells[3]]
        ratings.add(
            OutletRating(name, factuality, (host,), bias=cells[4], source=source, origin=where)
        )
    return ratings


# --- identification -----------------------------------------------------------------------


def _byline_outlet(byline: Byline | None) -> Span | None:
    return byline.outlet if byline is not None and byline.outlet is not None else None


def _lookup(ratings: OutletRatings, via: str, query: str) -> OutletRating | None:
    return ratings.by_domain(query) if via == "url" else ratings.by_name(query)


def identify_outlet(
    article: Article, byline: Byline | None = None, *, ratings: OutletRatings | None = None
) -> OutletMatch | None:
    """The outlet of ``article``: from its URL, its given outlet name, then its byline.

    The first of these that names a rated outlet wins; when none is rated, the first that
    names any outlet is returned with ``rating=None``. None when nothing names an outlet.
    """
    ratings = ratings if ratings is not None else default_ratings()
    byline_span = _byline_outlet(byline)
    candidates: list[tuple[Literal["url", "outlet", "byline"], str]] = []
    if article.url and normalise_host(article.url):
        candidates.append(("url", article.url))
    if article.outlet and article.outlet.strip():
        candidates.append(("outlet", article.outlet.strip()))
    if byline_span is not None and byline_span.text.strip():
        candidates.append(("byline", byline_span.text.strip()))
    if not candidates:
        return None
    found = [(via, query, _lookup(ratings, via, query)) for via, query in candidates]
    via, query, rating = next((f for f in found if f[2] is not None), found[0])
    domain = registrable_domain(query) if via == "url" or looks_like_domain(query) else None
    name = rating.name if rating is not None else (domain or query)
    evidence: tuple[Span, ...] = ()
    if byline_span is not None and _names_same(ratings, byline_span.text, query, rating):
        evidence = (byline_span,)
        if via == "outlet":  # the pipeline copies the sign-off's outlet into the article
            via, query = "byline", byline_span.text
    return OutletMatch(name, via, query, rating, domain, evidence)


def _names_same(
    ratings: OutletRatings, byline_name: str, query: str, rating: OutletRating | None
) -> bool:
    """Whether the byline's outlet is the matched outlet (so its span is evidence)."""
    if rating is not None:
        return ratings.by_name(byline_name) is rating
    return normalise_name(byline_name) == normalise_name(query)


__all__ = [
    "BUILTIN_PATH",
    "COLUMNS",
    "FACTUALITY_LEVELS",
    "Factuality",
    "OutletMatch",
    "OutletRating",
    "OutletRatings",
    "RatingsFileError",
    "default_ratings",
    "domain_candidates",
    "identify_outlet",
    "load_baly_tsv",
    "load_ratings",
    "looks_like_domain",
    "normalise_host",
    "normalise_name",
    "personas_in",
    "read_ratings_csv",
    "registrable_domain",
]
