"""Near-duplicate texts, who published them first, and the outlet republication graph.

Texts are compared by MinHash over word 5-gram shingles (``minhash.py``): pairs found
by banded LSH and kept when their Jaccard estimate reaches ``threshold`` (and, with
``exact=True``, when the exact Jaccard of their shingle sets does). Connected pairs
form groups (union-find via ``scipy.sparse.csgraph``). In a group the earliest
article (by ``published``; undated ones last; ties by article id, then input order) is
taken as the original, and every other outlet in the group as a republisher.

Each input is one member, even when two inputs have the same article id (identical
text from two outlets has one id but two publications).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, TextIO

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError
from ..model import Analysis, Article
from .minhash import MinHasher, choose_lsh_params, exact_jaccard, pair_similarity, similar_pairs

GEXF_NS = "http://gexf.net/1.3"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """What the corpus functions keep of an article: who, when, where from."""

    article_id: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, article: Article) -> DocumentRef:
        return cls(
            article.id,
            article.outlet,
            article.published,
            article.title,
            article.url,
            article.source,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": _iso(self.published),
            "title": self.title,
            "url": self.url,
            "source": self.source,
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A member of a duplicate group with its Jaccard estimate against the original."""

    document: DocumentRef
    similarity: float


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Near-identical texts. ``members[0]`` is the original (earliest publication)."""

    group_id: int
    members: tuple[GroupMember, ...]

    @property
    def original(self) -> DocumentRef:
        return self.members[0].document

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.document.article_id for m in self.members)

    @property
    def earliest_published(self) -> dt.date | None:
        return self.original.published

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every known outlet of the group, in order of publication, each once."""
        return tuple(dict.fromkeys(m.document.outlet for m in self.members if m.document.outlet))

    @property
    def republished_by(self) -> tuple[str, ...]:
        """The outlets other than the original's that published the text later."""
        first = self.original.outlet
        return tuple(o for o in self.outlets if o != first)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the original, republishers and every member with its similarity."""
        return {
            "group": self.group_id,
            "size": len(self.members),
            "original": self.original.to_dict(),
            "earliest_published": _iso(self.earliest_published),
            "outlets": list(self.outlets),
            "republished_by": list(self.republished_by),
            "members": [
                {**m.document.to_dict(), "similarity": round(m.similarity, 4)} for m in self.members
            ],
        }


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two inputs (by position) and their Jaccard estimate; ``exact`` when it was checked."""

    left: int
    right: int
    similarity: float
    exact: float | None = None


@dataclass(frozen=True, slots=True)
class DedupResult:
    documents: tuple[DocumentRef, ...]
    pairs: tuple[DuplicatePair, ...]
    groups: tuple[DuplicateGroup, ...]


@dataclass(frozen=True, slots=True)
class RepublicationEdge:
    """``target`` republished ``weight`` texts first published by ``source``."""

    source: str
    target: str
    weight: int


def _article(item: Analysis | Article) -> Article:
    return item.article if isinstance(item, Analysis) else item


def _chunks(items: Iterable[Analysis | Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := [_article(item) for item in islice(iterator, size)]:
        yield chunk


class _Collector:
    """Signatures (and, when asked, shingle sets) of a stream of articles."""

    def __init__(self, hasher: MinHasher, keep_shingles: bool) -> None:
        self.hasher = hasher
        self.keep_shingles = keep_shingles
        self.documents: list[DocumentRef] = []
        self.signatures: list[NDArray[np.uint32]] = []
        self.shingles: list[NDArray[np.uint64]] = []

    def add(self, articles: Sequence[Article]) -> None:
        texts = [a.text for a in articles]
        self.documents.extend(DocumentRef.of(a) for a in articles)
        self.signatures.append(self.hasher.signatures(texts))
        if self.keep_shingles:
            self.shingles.extend(self.hasher.shingle_sets(texts))

    def matrix(self) -> NDArray[np.uint32]:
        if not self.signatures:
            return np.empty((0, self.hasher.num_perm), dtype=np.uint32)
        return np.concatenate(self.signatures)


def find_duplicates(
    items: Iterable[Analysis | Article],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    exact: bool = False,
    batch_size: int = 1024,
) -> DedupResult:
    """Group near-duplicate articles (Jaccard of word 5-gram sets >= ``threshold``).

    Without ``exact``, pairs are kept on the MinHash estimate alone (standard error
    about 0.035 at 0.8 with 128 permutations, so pairs just above the threshold can
    be missed and pairs just below kept). With ``exact``, candidates down to two
    standard errors below the threshold are checked against their shingle sets: a
    ``Sequence`` of items is read again for the texts of candidate pairs only; any
    other iterable is read once and every shingle set kept (about 8 bytes a word).
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], not {threshold}")
    hasher = MinHasher(num_perm)
    reread = exact and isinstance(items, Sequence)
    collector = _Collector(hasher, keep_shingles=exact and not reread)
    for chunk in _chunks(items, batch_size):
        collector.add(chunk)
    signatures = collector.matrix()
    margin = 2.0 * (threshold * (1 - threshold) / num_perm) ** 0.5 if exact else 0.0
    params = choose_lsh_params(threshold, num_perm)
    pairs, similarity = similar_pairs(signatures, threshold=threshold, params=params, margin=margin)
    found = [
        DuplicatePair(int(a), int(b), float(s)) for (a, b), s in zip(pairs, similarity, strict=True)
    ]
    if exact:
        shingles = collector.shingles or _shingles_of(hasher, items, found)  # type: ignore[arg-type]
        found = _exact_check(found, shingles, threshold)
    documents = tuple(collector.documents)
    groups = build_groups(documents, found, signatures)
    return DedupResult(documents, tuple(found), groups)


def _shingles_of(
    hasher: MinHasher, items: Sequence[Analysis | Article], pairs: Sequence[DuplicatePair]
) -> dict[int, NDArray[np.uint64]]:
    """Shingle sets of the items that appear in ``pairs`` only."""
    needed = sorted({i for p in pairs for i in (p.left, p.right)})
    sets = hasher.shingle_sets([_article(items[i]).text for i in needed])
    return dict(zip(needed, sets, strict=True))


def _exact_check(
    pairs: list[DuplicatePair],
    shingles: Sequence[NDArray[np.uint64]] | dict[int, NDArray[np.uint64]],
    threshold: float,
) -> list[DuplicatePair]:
    kept = []
    for pair in pairs:
        value = exact_jaccard(shingles[pair.left], shingles[pair.right])
        if value >= threshold:
            kept.append(DuplicatePair(pair.left, pair.right, pair.similarity, value))
    return kept


def _order_key(document: DocumentRef, index: int) -> tuple[int, dt.date, str, int]:
    """Earliest first; undated last; then article id, then input order."""
    if document.published is None:
        return (1, dt.date.max, document.article_id, index)
    return (0, document.published, document.article_id, index)


def connected_components(n: int, pairs: Sequence[tuple[int, int]]) -> NDArray[np.intp]:
    """The component label of each of ``n`` nodes linked by ``pairs`` (union-find)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components as components

    if n == 0:
        return np.empty(0, dtype=np.intp)
    rows = np.fromiter((a for a, _ in pairs), dtype=np.intp, count=len(pairs))
    cols = np.fromiter((b for _, b in pairs), dtype=np.intp, count=len(pairs))
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (rows, cols)), shape=(n, n))
    _count, labels = components(graph, directed=False)
    return np.asarray(labels, dtype=np.intp)


def build_groups(
    documents: Sequence[DocumentRef],
    pairs: Sequence[DuplicatePair],
    signatures: NDArray[np.uint32],
) -> tuple[DuplicateGroup, ...]:
    """Groups of two or more linked documents, ordered by their original's date and id."""
    labels = connected_components(len(documents), [(p.left, p.right) for p in pairs])
    members: dict[int, list[int]] = {}
    if len(labels):
        sizes = np.bincount(labels)
        for index in np.flatnonzero(sizes[labels] >= 2):
            members.setdefault(int(labels[index]), []).append(int(index))
    ordered = [sorted(m, key=lambda i: _order_key(documents[i], i)) for m in members.values()]
    ordered.sort(key=lambda m: _order_key(documents[m[0]], m[0]))
    groups = []
    for group_id, indices in enumerate(ordered, start=1):
        first = indices[0]
        links = np.array([[first, i] for i in indices], dtype=np.intp)
        similarity = pair_similarity(signatures, links)
        group_members = tuple(
            GroupMember(documents[i], float(s)) for i, s in zip(indices, similarity, strict=True)
        )
        groups.append(DuplicateGroup(group_id, group_members))
    return tuple(groups)


GROUP_CSV_COLUMNS = (
    "group", "size", "article_id", "outlet", "published", "title", "url", "source", "original",
    "similarity",
)  # fmt: skip


def write_groups_csv(groups: Iterable[DuplicateGroup], stream: TextIO) -> None:
    """One row per member: its group, whether it is the original, its similarity to it."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(GROUP_CSV_COLUMNS)
    for group in groups:
        for position, member in enumerate(group.members):
            doc = member.document
            writer.writerow(
                [group.group_id, len(group.members), doc.article_id, doc.outlet or "",
                 _iso(doc.published) or "", doc.title or "", doc.url or "", doc.source or "",
                 int(position == 0), f"{member.similarity:.4f}"]
            )  # fmt: skip


def republication_edges(groups: Iterable[DuplicateGroup]) -> list[RepublicationEdge]:
    """Original outlet -> each later republisher; weight = texts republished.

    An outlet republishing its own text is not an edge; members without an outlet
    are left out. Sorted by weight (largest first), then names.
    """
    weights: Counter[tuple[str, str]] = Counter()
    for group in groups:
        source = group.original.outlet
        if source is None:
            continue
        for target in group.republished_by:
            weights[(source, target)] += 1
    edges = [RepublicationEdge(s, t, w) for (s, t), w in weights.items()]
    edges.sort(key=lambda e: (-e.weight, e.source, e.target))
    return edges


def write_edges_csv(edges: Iterable[RepublicationEdge], stream: TextIO) -> None:
    """``source,target,weight`` rows with a header."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["source", "target", "weight"])
    for edge in edges:
        writer.writerow([edge.source, edge.target, edge.weight])


def _xml_text(value: str) -> str:
    """XML 1.0 cannot hold control characters or lone surrogates even escaped."""
    return _XML_INVALID.sub("\ufffd", value)


def _tag(name: str) -> str:
    return f"{{{GEXF_NS}}}{name}"


def _gexf_graph() -> tuple[ET.Element, ET.Element]:
    """The root with its metadata, and the empty directed graph element."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", _XSI_NS)
    location = {f"{{{_XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"}
    root = ET.Element(_tag("gexf"), {"version": "1.3", **location})
    meta = ET.SubElement(root, _tag("meta"), {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, _tag("creator")).text = "newsint"
    ET.SubElement(meta, _tag("description")).text = "outlet republication graph"
    graph = ET.SubElement(root, _tag("graph"), {"defaultedgetype": "directed", "mode": "static"})
    attributes = ET.SubElement(graph, _tag("attributes"), {"class": "node"})
    for index, title in enumerate(("originals", "republications")):
        attrs = {"id": str(index), "title": title, "type": "integer"}
        ET.SubElement(attributes, _tag("attribute"), attrs)
    return root, graph


def gexf_tree(edges: Sequence[RepublicationEdge]) -> ET.ElementTree[ET.Element]:
    """A directed GEXF 1.3 graph of outlets, with ``originals``/``republications`` counts."""
    root, graph = _gexf_graph()
    originals: Counter[str] = Counter()
    republications: Counter[str] = Counter()
    for edge in edges:
        originals[edge.source] += edge.weight
        republications[edge.target] += edge.weight
    names = sorted(set(originals) | set(republications))
    ids = {name: f"n{i}" for i, name in enumerate(names)}
    nodes = ET.SubElement(graph, _tag("nodes"))
    for name in names:
        node = ET.SubElement(nodes, _tag("node"), {"id": ids[name], "label": _xml_text(name)})
        values = ET.SubElement(node, _tag("attvalues"))
        for index, count in enumerate((originals[name], republications[name])):
            ET.SubElement(values, _tag("attvalue"), {"for": str(index), "value": str(count)})
    edge_list = ET.SubElement(graph, _tag("edges"))
    for index, edge in enumerate(edges):
        attrs = {"id": f"e{index}", "source": ids[edge.source], "target": ids[edge.target]}
        ET.SubElement(edge_list, _tag("edge"), {**attrs, "weight": str(float(edge.weight))})
    return ET.ElementTree(root)


def write_gexf(edges: Sequence[RepublicationEdge], stream: TextIO) -> None:
    """The republication graph as GEXF 1.3 (Gephi, networkx ``read_gexf``)."""
    tree = gexf_tree(edges)
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(stream, encoding="unicode", xml_declaration=False)
    stream.write("\n")


__all__ = [
    "DedupResult",
    "DocumentRef",
    "DuplicateGroup",
    "DuplicatePair",
    "GroupMember",
    "RepublicationEdge",
    "build_groups",
    "connected_components",
    "find_duplicates",
    "gexf_tree",
    "republication_edges",
    "write_edges_csv",
    "write_gexf",
    "write_groups_csv",
]
