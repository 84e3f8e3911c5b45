"""The server tidies a page address before the page loads (web/canonical.py), so the app never has to
rewrite it and an anchor survives; it never costs a reader the page."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from web import canonical


async def page(request):
    return PlainTextResponse("the page")


def client() -> TestClient:
    app = Starlette(routes=[Route("/{path:path}", page)], middleware=[Middleware(canonical.CanonicalAddress)])
    return TestClient(app, follow_redirects=False)


@pytest.mark.parametrize(
    "asked, tidied",
    [
        ("/", "/?sur=Atlantis&cycle=3"),
        ("/noted?cycle=2", "/noted?sur=Atlantis&cycle=2"),
        ("/noted?cycle=2&response=any", "/noted?sur=Atlantis&cycle=2"),  # a default value written out
        ("/?state=france&cycle=1", "/?sur=Atlantis&cycle=1&state=France"),  # the known spelling
        ("/acceptance?sur=Atlantis&cycle=3&by=count", "/acceptance?sur=Atlantis&cycle=3"),
        ("/?rec=ATL-C2-20.2", "/?sur=Atlantis&cycle=3"),  # another page's own value
        ("/?embed=true&fbclid=x1", "/?sur=Atlantis&cycle=3&embed=true&fbclid=x1"),  # not ours: kept
        # An unknown value stays in the address, so the app can name it in its notice.
        ("/?state=Narnia", "/?sur=Atlantis&cycle=3&state=Narnia"),
    ],
)
def test_a_page_address_is_redirected_to_its_canonical_form(golden_db, monkeypatch, asked, tidied):
    monkeypatch.setenv("UPR_DB", str(golden_db))
    response = client().get(asked)
    assert response.status_code == 302
    assert response.headers["location"] == tidied
    assert response.headers["cache-control"] == "no-store"  # tomorrow's default cycle may differ
    assert client().get(tidied).status_code == 200  # and the canonical address is served as it is


@pytest.mark.parametrize("path", ["/static/js/index.js", "/_stcore/health", "/share/noted", "/nope"])
def test_other_addresses_pass_through(golden_db, monkeypatch, path):
    monkeypatch.setenv("UPR_DB", str(golden_db))
    assert client().get(path).status_code == 200


def test_without_a_database_or_on_any_error_the_page_is_served_unchanged(tmp_path, monkeypatch, golden_db):
    monkeypatch.setenv("UPR_DB", str(tmp_path / "none.duckdb"))  # a new server's first request
    assert client().get("/noted?cycle=2").status_code == 200
    monkeypatch.setenv("UPR_DB", str(golden_db))

    def broken(page, query):
        raise RuntimeError("a bug in the tidying")

    monkeypatch.setattr(canonical, "canonical_query", broken)
    assert client().get("/noted?cycle=2").text == "the page"
