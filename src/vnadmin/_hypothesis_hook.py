"""Hypothesis entry point: registers strategies for vnadmin's types, lazily.

Hypothesis calls :func:`_hypothesis_setup_hook` at every ``import hypothesis`` in an
environment where vnadmin is installed, so the hook must cost next to nothing: it imports
no vnadmin model module and no strategy module. For each model module already imported it
registers the strategies at once; for the others it puts a finder on ``sys.meta_path``
that registers them right after the module has run (its first import), and then removes
itself. A registered strategy is a callable that imports :mod:`vnadmin.strategies` (and
so hypothesis' heavier parts) on the first ``st.from_type(...)`` only.

Kept apart from :mod:`vnadmin.strategies` (which imports hypothesis) so that loading the
entry point while hypothesis initialises causes no import cycle.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

    from hypothesis.strategies import SearchStrategy

# module -> ((type name, strategy in vnadmin.strategies), ...): the module defining the
# type and the package re-exporting it (registering the same class twice is harmless).
# Every public attrs class of vnadmin.__all__ is here (tests/test_strategies_types.py);
# _VALUES: built field by field by vnadmin.strategies.values(cls).
_VALUES = "values"
_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "vnadmin.codes.model": (("DocumentCode", "document_codes"),),
    "vnadmin.signatures": (("SignatureBlock", "signature_blocks"),),
    "vnadmin.signatures.model": (
        ("SignatureBlock", "signature_blocks"),
        ("Authority", _VALUES),
    ),
    "vnadmin.recipients": (("RecipientList", "recipient_lists"),),
    "vnadmin.recipients.model": (
        ("RecipientList", "recipient_lists"),
        ("RecipientEntry", _VALUES),
        ("ArchiveNote", _VALUES),
    ),
    "vnadmin.dates.deadlines": (("Deadline", "deadlines"),),
    "vnadmin.dates.model": (("DateMention", _VALUES), ("PlaceDate", _VALUES)),
    "vnadmin.dates.periods": (("Period", _VALUES),),
    "vnadmin.dates.times": (("DateTimeMention", _VALUES), ("TimeMention", _VALUES)),
    "vnadmin.calendar": (("Holiday", "holidays"), ("Calendar", "calendars")),
    "vnadmin.document": (("Document", "parsed_documents"), ("Part", _VALUES)),
    "vnadmin.document.model": (("Document", "parsed_documents"),),
    "vnadmin.findings": (("Finding", _VALUES), ("Repair", _VALUES), ("Rule", _VALUES)),
    "vnadmin.meetings": (("Meeting", "meetings"),),
    "vnadmin.meetings.model": (
        ("Meeting", "meetings"),
        ("ParticipantGroup", _VALUES),
        ("Venue", _VALUES),
        ("AgendaItem", _VALUES),
    ),
    "vnadmin.reader.compose": (("FileText", _VALUES),),
    "vnadmin.reader.model": (("Block", _VALUES), ("Layout", _VALUES), ("Location", _VALUES)),
    "vnadmin.references.model": (("Reference", _VALUES), ("ShortReference", _VALUES)),
    "vnadmin.registry": (("DocumentType", _VALUES), ("Issuer", _VALUES)),
    "vnadmin.structure": (("Division", _VALUES),),
    "vnadmin.tasks": (("Task", "tasks"),),
    "vnadmin.tasks.model": (("Task", "tasks"), ("Party", _VALUES)),
    "vnadmin.tasks.recurrence": (("Recurrence", _VALUES),),
    "vnadmin.writing.draft": (("Draft", _VALUES),),
    "vnadmin.writing.fixes": (("Fix", _VALUES),),
    "vnadmin.text": (("NormalizedText", _VALUES),),
}

_lock = threading.Lock()
_pending: set[str] = set()


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis: ``st.from_type(DocumentCode)`` etc. then work."""
    with _lock:
        for name in _TYPES:
            module = sys.modules.get(name)
            if module is None:
                _pending.add(name)
            else:
                _register(module)
        if _pending and not any(isinstance(f, _Finder) for f in sys.meta_path):
            sys.meta_path.insert(0, _Finder())


def _register(module: ModuleType) -> None:
    from hypothesis import strategies as st

    for type_name, strategy_name in _TYPES.get(module.__name__, ()):
        cls = vars(module).get(type_name)
        if isinstance(cls, type):
            st.register_type_strategy(cls, _Lazy(strategy_name))


class _Lazy:
    """``cls -> vnadmin.strategies.<name>()``; imports the strategies on first use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, cls: type) -> SearchStrategy[Any]:
        from vnadmin import strategies

        make = getattr(strategies, self.name)
        result: SearchStrategy[Any] = make(cls) if self.name == _VALUES else make()
        return result

    def __repr__(self) -> str:
        return f"vnadmin.strategies.{self.name}()"


class _Finder:
    """A meta path finder that only wraps the loader of the pending model modules."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in _pending:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec: ModuleSpec | None = find(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _Loader(spec.loader)  # type: ignore[assignment]
        return spec


class _Loader:
    """Runs the real loader, then registers the module's strategies."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        module.__loader__ = self._loader  # the module keeps its own loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        with _lock:
            _pending.discard(module.__name__)
            if not _pending:
                sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _Finder)]
        _register(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_resource_reader, is_package …
        return getattr(self._loader, name)
