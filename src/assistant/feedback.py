"""Thumbs up/down on answers (a thumbs-down may carry a comment), kept in a local JSON Lines log.

The log is ``ASSISTANT_FEEDBACK_LOG`` when set, else ``<index dir>/feedback.jsonl``. One object
per vote: ``{"timestamp", "question", "vote", "hit_ids"}`` with ``vote`` ``up`` or ``down``. A thumbs-down's
optional comment is a line of its own for the same answer: ``vote`` is ``comment`` and ``comment`` holds it
(so counting ``up``/``down`` lines counts votes).

Limits (values in :mod:`assistant.settings`, listed in the README's "Limits"):

* **rate**: at most ``FEEDBACK_PER_SESSION`` votes per browser session and ``FEEDBACK_PER_APP`` from
  all sessions together per ``FEEDBACK_WINDOW_SECONDS``; more are refused with a message.
* **size**: before a line would take the log past ``FEEDBACK_MAX_BYTES`` the log is rotated
  (``feedback.jsonl`` → ``.1`` → ``.2``; ``FEEDBACK_BACKUPS`` files are kept, the oldest is deleted).
* **retention**: votes older than ``FEEDBACK_RETENTION_DAYS`` are deleted when the app starts and
  then at most once an hour (:meth:`FeedbackLog.prune`).
* **encoding**: each line is written by :func:`assistant.jsontext.dumps`, so U+2028, U+0085, other
  C1 controls, bidi marks and lone surrogates are ``\\uXXXX`` escapes and a line is always one line.

**What is kept of the question** (the minimising rule, :func:`minimise`), applied to comments too:

1. e-mail addresses become ``[e-mail]``, web addresses ``[url]``, and numbers of 6 or more digits
   (phone, student or citizen numbers; spaces and dashes between digits allowed, dates like
   ``2015-08-01`` and 5-digit crebo numbers kept) ``[nummer]``;
2. a capitalised word that does not start a sentence and is not a known term (a word of a dossier,
   profile, competence or title name in the index, or an all-capitals abbreviation) becomes ``[naam]``,
   and so does a capitalised word right before such a name (``Jan Jansen`` → ``[naam] [naam]``). A
   lone first name at the start of a sentence is kept: the rule has no list of names;
3. the result is cut to ``FEEDBACK_QUESTION_CHARS`` (comments: ``FEEDBACK_COMMENT_CHARS``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.jsontext import dumps
from assistant.settings import (
    FEEDBACK_BACKUPS,
    FEEDBACK_COMMENT_CHARS,
    FEEDBACK_MAX_BYTES,
    FEEDBACK_PER_APP,
    FEEDBACK_PER_SESSION,
    FEEDBACK_QUESTION_CHARS,
    FEEDBACK_RETENTION_DAYS,
    FEEDBACK_WINDOW_SECONDS,
)

LOG_NAME = "feedback.jsonl"
MAX_QUESTION_CHARS = FEEDBACK_QUESTION_CHARS
PRUNE_EVERY_SECONDS = 3600
_LOCK = threading.Lock()
logger = logging.getLogger(__name__)

SAVED, RATE_LIMITED, FAILED, INVALID = "saved", "rate_limited", "failed", "invalid"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))", re.IGNORECASE)
_NUMBER = re.compile(r"\+?\d(?:[ -]?\d)+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")
_BEFORE_NAME = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]+ (?=\[naam\])")


@dataclass(frozen=True)
class Vote:
    """One vote on one answer."""

    timestamp: str
    question: str
    vote: str
    hit_ids: tuple[str, ...]
    comment: str = ""

    def as_json(self) -> dict:
        """The log record (``comment`` only when there is one)."""
        record = {"timestamp": self.timestamp, "question": self.question, "vote": self.vote,
                  "hit_ids": list(self.hit_ids)}
        if self.comment:
            record["comment"] = self.comment
        return record


@dataclass(frozen=True)
class Limits:
    """The feedback log's limits (defaults from :mod:`assistant.settings`)."""

    max_bytes: int = FEEDBACK_MAX_BYTES
    backups: int = FEEDBACK_BACKUPS
    retention_days: int = FEEDBACK_RETENTION_DAYS
    per_session: int = FEEDBACK_PER_SESSION
    per_app: int = FEEDBACK_PER_APP
    window_seconds: float = FEEDBACK_WINDOW_SECONDS


def log_path(index_dir: Path, environ: dict[str, str] | None = None) -> Path:
    """Where votes go: ``ASSISTANT_FEEDBACK_LOG`` or ``<index dir>/feedback.jsonl``."""
    env = os.environ if environ is None else environ
    chosen = env.get("ASSISTANT_FEEDBACK_LOG")
    return Path(chosen) if chosen else Path(index_dir) / LOG_NAME


def vote_name(liked: object) -> str | None:
    """``up`` or ``down`` for Gradio's like data (True/False or "Like"/"Dislike"); None for anything else."""
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return None


# --------------------------------------------------------------------------- minimising


def known_terms(chunks: Iterable) -> frozenset[str]:
    """The lower-cased words of the names in an index (dossiers, profiles, competences, titles)."""
    words: set[str] = set()
    seen: set[str] = set()
    for c in chunks:
        for name in (c.dossier, c.profile, c.competence, c.title, c.kerntaak_title):
            if name and name not in seen:
                seen.add(name)
                words.update(w.lower() for w in _WORD.findall(name))
    return frozenset(words)


def _numbers(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        digits = sum(ch.isdigit() for ch in found)
        return "[nummer]" if digits >= 6 and not _DATE.fullmatch(found) else found

    return _NUMBER.sub(replace, text)


def _names(text: str, known: frozenset[str]) -> str:
    parts: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        before = text[:match.start()]
        starts_sentence = not before.strip() or _SENTENCE_END.search(before) is not None
        title_case = len(word) >= 2 and word[0].isupper() and not word.isupper()
        if title_case and not starts_sentence and word.lower() not in known:
            parts += [text[last:match.start()], "[naam]"]
            last = match.end()
    text = "".join(parts) + text[last:]
    return _BEFORE_NAME.sub("[naam] ", text)


def minimise(text: str, known: frozenset[str] = frozenset(), limit: int = FEEDBACK_QUESTION_CHARS) -> str:
    """Text reduced to what feedback needs (the module docstring gives the rule)."""
    text = _EMAIL.sub("[e-mail]", str(text or ""))
    text = _URL.sub("[url]", text)
    text = _numbers(text)
    text = _names(text, known)
    return " ".join(text.split())[:limit]


class BadVote(ValueError):
    """A like payload that is not a thumbs up or down."""


def make_vote(question: str, liked: object, hit_ids: Sequence[str], now: datetime | None = None,
              comment: str = "", known: frozenset[str] = frozenset()) -> Vote:
    """A vote stamped with the current UTC time; question and comment minimised.

    ``liked="comment"`` makes the comment line of a thumbs-down.

    Raises:
        BadVote: ``liked`` is not True/False/"Like"/"Dislike"/"comment", or a comment line without text.
    """
    name = "comment" if liked == "comment" else vote_name(liked)
    if name == "comment" and not (isinstance(comment, str) and comment.strip()):
        raise BadVote("empty comment")
    if name is None:
        raise BadVote("unknown vote")
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    note = minimise(comment, known, FEEDBACK_COMMENT_CHARS) if isinstance(comment, str) else ""
    return Vote(stamp, minimise(question, known), name, tuple(str(i) for i in hit_ids), note)


# --------------------------------------------------------------------------- the file


def backups(path: Path, count: int = FEEDBACK_BACKUPS) -> list[Path]:
    """The rotated logs of ``path``, newest first (``.1``, ``.2``, ...)."""
    return [path.with_name(f"{path.name}.{n}") for n in range(1, count + 1)]


def rotate(path: Path, count: int = FEEDBACK_BACKUPS) -> None:
    """``path`` → ``.1`` → ``.2`` ...; the oldest backup is deleted (no backups: the log is emptied)."""
    olds = backups(path, count)
    if not olds:
        path.unlink(missing_ok=True)
        return
    olds[-1].unlink(missing_ok=True)
    for newer, older in zip(reversed(olds[:-1]), reversed(olds[1:]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    if path.exists():
        os.replace(path, olds[0])


def append(path: Path, vote: Vote, limits: Limits = Limits()) -> bool:
    """Append one vote as a JSON line (rotating first when the log would grow past its cap).

    Returns:
        False (and a log warning) when the file cannot be written.
    """
    line = dumps(vote.as_json()) + "\n"
    size = len(line.encode("utf-8"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _LOCK:
            current = path.stat().st_size if path.exists() else 0
            if current and current + size > limits.max_bytes:
                rotate(path, limits.backups)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(line)
    except OSError as exc:
        logger.warning("feedback not written to %s: %s", path, exc)
        return False
    return True


def _expired(line: str, cutoff: datetime) -> bool:
    try:
        stamp = datetime.fromisoformat(json.loads(line)["timestamp"])
    except (ValueError, KeyError, TypeError):
        return False  # an unreadable line is kept; rotation bounds it
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp < cutoff


def prune(path: Path, now: datetime | None = None, limits: Limits = Limits()) -> int:
    """Delete votes older than the retention period from the log and its backups; the number deleted."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=limits.retention_days)
    removed = 0
    with _LOCK:
        for old in backups(path, limits.backups):
            try:
                if old.exists() and datetime.fromtimestamp(old.stat().st_mtime, UTC) < cutoff:
                    removed += sum(1 for line in old.read_text(encoding="utf-8", errors="replace").splitlines()
                                   if line.strip())
                    old.unlink()
            except OSError as exc:
                logger.warning("feedback backup %s not pruned: %s", old, exc)
        for target in (path, *backups(path, limits.backups)):
            removed += _prune_file(target, cutoff)
    return removed


def _prune_file(path: Path, cutoff: datetime) -> int:
    try:
        if not path.is_file():
            return 0
        with open(path, encoding="utf-8", errors="replace", newline="\n") as handle:
            lines = handle.read().split("\n")
        kept = [line for line in lines if line.strip() and not _expired(line, cutoff)]
        dropped = sum(1 for line in lines if line.strip()) - len(kept)
        if dropped:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(tmp, path)
        return dropped
    except OSError as exc:
        logger.warning("feedback log %s not pruned: %s", path, exc)
        return 0


def read(path: Path) -> list[dict]:
    """All votes in a log (for tests and reports)."""
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [json.loads(line) for line in handle.read().split("\n") if line.strip()]


# --------------------------------------------------------------------------- the app's log


class RateLimit:
    """At most ``per_key`` events per key and ``total`` events overall in a sliding window.

    Keys are bounded too: past ``max_keys`` the least recently seen key is forgotten.
    """

    def __init__(self, per_key: int, total: int, window: float, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic):
        self.per_key, self.total, self.window, self.max_keys, self.clock = per_key, total, window, max_keys, clock
        self._keys: OrderedDict[str, deque[float]] = OrderedDict()
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one event for ``key``; False (and not counted) when a limit is reached."""
        now = self.clock()
        with self._lock:
            for stamps in (self._all, self._keys.get(key, deque())):
                while stamps and stamps[0] <= now - self.window:
                    stamps.popleft()
            mine = self._keys.setdefault(key, deque())
            self._keys.move_to_end(key)
            while len(self._keys) > self.max_keys:
                self._keys.popitem(last=False)
            if len(mine) >= self.per_key or len(self._all) >= self.total:
                return False
            mine.append(now)
            self._all.append(now)
            return True


class FeedbackLog:
    """The app's feedback log: rate limited, size capped with rotation, pruned to the retention period."""

    def __init__(self, path: Path, limits: Limits = Limits(), known: frozenset[str] = frozenset(),
                 clock: Callable[[], float] = time.monotonic):
        self.path = Path(path)
        self.limits = limits
        self.known = known
        self.rate = RateLimit(limits.per_session, limits.per_app, limits.window_seconds, clock=clock)
        self._clock = clock
        self._pruned_at: float | None = None

    def prune_if_due(self, now: datetime | None = None) -> None:
        """Prune at the first call and then at most once per :data:`PRUNE_EVERY_SECONDS`."""
        tick = self._clock()
        if self._pruned_at is None or tick - self._pruned_at >= PRUNE_EVERY_SECONDS:
            self._pruned_at = tick
            prune(self.path, now, self.limits)

    def add(self, question: str, liked: object, hit_ids: Sequence[str], client: str = "",
            comment: object = "") -> str:
        """Store one vote for ``client`` (a session id); :data:`SAVED`, :data:`RATE_LIMITED`, :data:`INVALID`
        or :data:`FAILED`."""
        try:
            vote = make_vote(question, liked, hit_ids, comment=comment if isinstance(comment, str) else "",
                             known=self.known)
        except BadVote:
            return INVALID
        if not self.rate.allow(client or "-"):
            return RATE_LIMITED
        self.prune_if_due()
        return SAVED if append(self.path, vote, self.limits) else FAILED
