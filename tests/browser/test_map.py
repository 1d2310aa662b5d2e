"""The incident map on a phone: the demo incident's communes drawn as coloured boundaries with
the douars on top, a legend that reads as a list, and no sideways scrolling at 360 px, in Arabic
and in French (screenshots kept as artifacts)."""
import pytest
from selenium.webdriver.common.by import By

from conftest import chrome, shot, switch_language, wait


@pytest.fixture
def phone():
    driver = chrome(width=360)
    yield driver
    driver.quit()


def no_sideways_scroll(driver):
    width = driver.execute_script("return document.documentElement.clientWidth")
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"{driver.current_url} scrolls sideways: {scroll} > {width}"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_incident_map_reads_on_a_360_px_phone(demo, phone, lang):
    base = demo[0]
    phone.get(base + "/incidents")
    wait(phone, 'a[href^="/incidents/"]').click()
    if lang != "ar":
        switch_language(phone, lang)
    wait(phone, "svg.map path.commune")
    # Every commune of the demo incident has its boundary, coloured by its coverage class.
    communes = phone.find_elements(By.CSS_SELECTOR, "svg.map path.commune")
    assert len(communes) == 15
    classes = {c.get_attribute("class").split()[1] for c in communes}
    assert classes <= {"gap", "partial", "covered", "oversupply", "quiet"} and "gap" in classes
    assert phone.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
    # The map fills the width, and the legend's entries stack in one column beside their swatch.
    svg = phone.find_element(By.CSS_SELECTOR, "figure.map > svg").rect
    assert svg["width"] >= 300
    entries = phone.find_elements(By.CSS_SELECTOR, ".map-legend li")
    assert len(entries) == 6
    lefts = {round(e.rect["x"]) for e in entries}
    assert len(lefts) == 1, f"legend entries in one column: {lefts}"
    for e in entries:
        assert e.rect["height"] < 80 and e.text.strip()
    no_sideways_scroll(phone)
    phone.find_element(By.ID, "coverage").location_once_scrolled_into_view
    no_sideways_scroll(phone)
    phone.execute_script("window.scrollTo(0, 0)")
    shot(phone, f"incident-map-360-{lang}")
