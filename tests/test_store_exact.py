"""Dense search is exact and deterministic for a collection of the bundled corpus's size (store.Store.query):
every unfiltered query ranks all vectors by cosine, ties by id, so the same question always gets the same
ranking; a filtered query still goes to Chroma. Real chromadb, the session index of the bundled corpus."""

from __future__ import annotations

import numpy as np
from conftest import Built, opened

from assistant import store as store_module


def _no_hnsw(*args, **kwargs):
    raise AssertionError("an unfiltered query of a small collection must not use Chroma's approximate search")


def test_an_unfiltered_query_is_the_exact_cosine_ranking(built_index: Built, monkeypatch):
    index = opened(built_index.index_dir)
    monkeypatch.setattr(type(index.store._collection), "query", _no_hnsw)  # exact: Chroma's search is not asked
    got = index.store._collection.get(include=["embeddings"])
    ids, matrix = list(got["ids"]), np.asarray(got["embeddings"], dtype=np.float32)
    vector = matrix[7] + 0.5 * matrix[300]
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    cosines = unit @ (vector / np.linalg.norm(vector))
    expected = sorted(range(len(ids)), key=lambda i: (-cosines[i], ids[i]))[:40]
    hits = index.store.query(vector, 40)
    assert [h.id for h in hits] == [ids[i] for i in expected]
    assert np.allclose([h.similarity for h in hits], [cosines[i] for i in expected], atol=1e-5)
    again = opened(built_index.index_dir).store.query(vector, 40)  # another Store, read anew
    assert [(h.id, h.similarity) for h in again] == [(h.id, h.similarity) for h in hits]


def test_a_filtered_or_large_query_goes_to_chroma(built_index: Built, monkeypatch):
    index = opened(built_index.index_dir)
    vector = np.asarray(index.store._collection.get(include=["embeddings"], limit=1)["embeddings"][0])
    where = {"kind": {"$in": ["werkproces"]}}
    filtered = index.store.query(vector, 10, where)
    assert filtered and all(index.by_id[h.id].kind == "werkproces" for h in filtered)
    monkeypatch.setattr(store_module, "EXACT_MAX", 10)
    approximate = opened(built_index.index_dir).store.query(vector, 5)
    assert len(approximate) == 5 and approximate[0].similarity > 0.99  # the vector itself, through HNSW
