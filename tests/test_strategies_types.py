"""``st.from_type(T)`` for every public value type of ``vnadmin.__all__``: registered by the
lazy hypothesis plugin, drawing values that write as JSON, read back equal, and validate
against the strict JSON Schema of their type."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnadmin
from vnadmin import _hypothesis_hook
from vnadmin.serialization import SCHEMA_VERSION, json_schema


def _public_types() -> list[type[Any]]:
    out = []
    for name in vnadmin.__all__:
        value = getattr(vnadmin, name)
        if isinstance(value, type) and attrs.has(value):
            out.append(value)
    return out


TYPES = _public_types()


def test_the_hook_lists_every_public_type_where_it_is_defined() -> None:
    assert len(TYPES) >= 30
    registered = {
        (module, name) for module, pairs in _hypothesis_hook._TYPES.items() for name, _ in pairs
    }
    missing = [t.__name__ for t in TYPES if (t.__module__, t.__name__) not in registered]
    assert not missing
    from vnadmin import strategies

    for pairs in _hypothesis_hook._TYPES.values():
        for _, strategy in pairs:
            assert callable(getattr(strategies, strategy))


@pytest.mark.parametrize("tp", TYPES, ids=lambda t: t.__name__)
def test_from_type_values_round_trip_and_validate(tp: type[Any]) -> None:
    validator = jsonschema.Draft202012Validator(
        json_schema(tp), format_checker=jsonschema.FormatChecker()
    )

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.from_type(tp))
    def check(value: Any) -> None:
        assert type(value) is tp
        text = vnadmin.to_json(value)
        data = json.loads(text)
        assert data["schema_version"] == SCHEMA_VERSION
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors[:3]
        assert vnadmin.from_json(text, tp) == value
        assert pickle.loads(pickle.dumps(value)) == value
        hash(value)

    check()


def test_values_refuses_a_foreign_type() -> None:
    from vnadmin.strategies import values

    with pytest.raises(TypeError):
        values(int)


_LAZY = """
import json, sys
import hypothesis
from hypothesis import strategies as st
import vnadmin
from vnadmin.references.model import Reference
from vnadmin.structure import Division
from vnadmin.calendar import Calendar
before = "vnadmin.strategies" in sys.modules
st.from_type(Reference)  # registered, still lazy: from_type defers the strategy
after_from_type = "vnadmin.strategies" in sys.modules
drawn = [type(st.from_type(t).example()).__name__ for t in (Reference, Division, Calendar)]
print(json.dumps([before, after_from_type, drawn, "vnadmin.strategies" in sys.modules]))
"""


def test_the_plugin_stays_lazy_for_the_new_types() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _LAZY], capture_output=True, text=True, check=True, timeout=120
    )
    before, _after_from_type, drawn, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert before is False
    assert drawn == ["Reference", "Division", "Calendar"]
    assert after is True
