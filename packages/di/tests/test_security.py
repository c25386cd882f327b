from fastslim_di import SecurityScopes


def test_scopes_and_scope_str() -> None:
    scopes = SecurityScopes(["items", "me"])
    assert scopes.scopes == ["items", "me"]
    assert scopes.scope_str == "items me"


def test_no_scopes() -> None:
    assert SecurityScopes().scopes == []
    assert SecurityScopes(None).scope_str == ""


def test_scopes_are_copied_into_a_list() -> None:
    source = ("a", "b")
    scopes = SecurityScopes(source)
    assert scopes.scopes == ["a", "b"]
    assert isinstance(scopes.scopes, list)
    assert repr(scopes) == "SecurityScopes(scopes=['a', 'b'])"
