"""Crisis coordination in Chromium: the incident's map and gaps (screenshots in Arabic and in
French kept as CI artifacts). A need followed from the public form to covered, on pages alone, is
in test_workspace_flows.py."""

import pathlib
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import demo_server, shot, switch_language, wait


@pytest.fixture(scope="module")
def demo():
    """A demo server, with the file where its log-only SMS gateway delivers text messages (the
    demo's stand-in for the family's phone) and its log."""
    data_dir = tempfile.mkdtemp(prefix="twiza-crisis-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


def test_the_map_and_the_gaps_at_a_glance(demo, browser):
    base, _, _ = demo
    browser.get(base + "/incidents")
    wait(browser, 'a[href^="/incidents/"]').click()
    wait(browser, "svg.map circle")
    places = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
    assert len(places) >= 15
    # Remote communes wait while the easy valleys are crowded: both show on the map.
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map path.commune.gap")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map .oversupply")
    rows = browser.find_elements(By.CSS_SELECTOR, "#coverage tbody tr")
    gaps = [int("".join(ch for ch in r.find_elements(By.TAG_NAME, "td")[6].text if ch.isdigit()) or 0)
            for r in rows]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] > 0, gaps
    assert browser.find_elements(By.CSS_SELECTOR, "#three-w tbody tr")
    shot(browser, "incident-map-ar")
    switch_language(browser, "fr")
    wait(browser, "svg.map circle")
    assert "Écarts par commune" in browser.page_source
    shot(browser, "incident-map-fr")
