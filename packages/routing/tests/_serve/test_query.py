"""`_query`: the same pairs as Starlette's `QueryParams`, for any query string."""

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from fastslim_routing._serve._query import Query


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab=&%+;2Fé x", max_size=16))
def test_same_as_starlette(text: str) -> None:
    raw = text.encode("utf-8")
    ours, theirs = Query(raw), QueryParams(raw)
    assert list(ours) == list(dict.fromkeys(key for key, _ in theirs.multi_items()))
    for key in ours:
        assert ours.get(key) == theirs.get(key)
        assert ours.getlist(key) == theirs.getlist(key)
        assert key in ours


def test_last_value_every_value_blank_values() -> None:
    query = Query(b"a=1&a=2&b=&c&&d=x%20y+z")
    assert (query.get("a"), query.getlist("a")) == ("2", ["1", "2"])
    assert (query.get("b"), query.get("c"), query.get("d")) == ("", "", "x y z")
    assert (query.get("missing"), query.getlist("missing")) == (None, [])
