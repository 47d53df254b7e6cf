"""Accessibility: axe-core (from the npm registry, tests/a11y/) injected by Playwright into built pages."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "article": "articles/2023-01-12-viet-nam-lao-tang-cuong-ket-noi-ho-tro-nhau-xay-dung-nen-kinh-te-doc/",
    "event": "events/ky-hop-uy-ban-lien-chinh-phu-45/",
    "entity": "entities/person/nguyen-quoc-dung/",
    "search results": "search/?q=dong%20hoi",
    "search results with filters": "search/?q=L%C3%A0o&kind=B%C3%A0i+vi%E1%BA%BFt&year=2023&sort=desc",
    "chronology": "events/",
    "figures": "figures/",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_or_critical_axe_violations(page, site_url, name):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (npm ci --prefix tests/a11y)")
    page.goto(site_url + PAGES[name])
    if name.startswith("search results"):
        page.wait_for_selector(".va-search__result")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, serious
