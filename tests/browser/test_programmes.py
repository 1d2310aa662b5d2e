# Browser test of a programme cycle on pages alone, from the association's home.
"""At 360 px wide, in Arabic and in French, on pages alone (every step reached by a link after
signing in): the coordinator computes a cycle of the demo's direct social aid and may not approve
it himself (the two-person rule, said next to the field); the treasurer, a second demo member,
approves it, makes its payment batch and downloads the batch's bank file, a pain.001 XML."""

import pathlib
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import chrome, html_attrs, shot, sign_in, sign_out, submit, switch_language, wait


@pytest.fixture
def phone():
    """Chromium 360 px wide (the narrowest phone the pages serve), downloads into a folder."""
    downloads = tempfile.mkdtemp(prefix="twiza-downloads-")
    driver = chrome(width=360, downloads=downloads)
    driver.downloads = pathlib.Path(downloads)
    yield driver
    driver.quit()


def click(driver, css):
    driver.find_element(By.CSS_SELECTOR, css).click()


def follow(driver, css, then):
    click(driver, css)
    return wait(driver, then)


def fits(driver):
    """No horizontal scrolling."""
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        f"{driver.current_url} scrolls sideways at {driver.execute_script('return window.innerWidth')} px"


def fill(driver, css, value):
    """Types into a field; month and date fields take their value as the browser stores it."""
    field = driver.find_element(By.CSS_SELECTOR, css)
    if field.get_attribute("type") in ("month", "date"):
        driver.execute_script("arguments[0].value = arguments[1]", field, value)
    else:
        field.clear()
        field.send_keys(value)


def to_programme(driver, lang):
    """From the sign-in: the language, my associations, the association's home, its programmes,
    the first one (the demo's direct social aid)."""
    switch_language(driver, lang)
    assert html_attrs(driver)[0] == lang
    click(driver, 'nav a[href="/me/associations"]')
    follow(driver, 'a[href$="/manage"]', "#programmes-link")
    follow(driver, "#programmes-link", "#programmes")
    fits(driver)
    follow(driver, '[id^="programme-link-"]', "#rules-version")


def file_in(folder, suffix, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in pathlib.Path(folder).iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}")


@pytest.mark.parametrize("lang,period", [("ar", "2026-12"), ("fr", "2027-01")])
def test_a_cycle_is_approved_by_a_second_person_and_its_bank_file_downloads(demo, phone, lang, period):
    base, logins = demo
    d = phone
    coordinator, treasurer = logins["coordinator"], logins["treasurer"]

    sign_in(d, base, coordinator["email"], coordinator["password"])
    to_programme(d, lang)
    assert html_attrs(d) == (lang, "rtl" if lang == "ar" else "ltr")
    fits(d)
    shot(d, f"programme-{lang}")
    fill(d, "#period", period)
    fill(d, "#reference_date", f"{period}-01")
    submit(d, "#cycle-form")
    wait(d, "#cycle-status")
    assert d.find_element(By.ID, "done").is_displayed()
    fits(d)
    shot(d, f"cycle-computed-{lang}")
    # The one who computed it cannot approve it: said next to the field, nothing approved.
    click(d, "#confirm")
    submit(d, "#approve-form")
    error = wait(d, "#confirm-error")
    assert error.text.strip()
    assert d.find_elements(By.CSS_SELECTOR, "#approve-form")
    fits(d)
    shot(d, f"cycle-two-person-rule-{lang}")
    sign_out(d)

    # The treasurer approves it, makes the batch, downloads the bank file.
    sign_in(d, base, treasurer["email"], treasurer["password"])
    to_programme(d, lang)
    follow(d, "#cycles a", "#cycle-status")
    assert period in d.find_element(By.TAG_NAME, "h1").text
    click(d, "#confirm")
    submit(d, "#approve-form")
    wait(d, "#batch-form")
    assert not d.find_elements(By.CSS_SELECTOR, "#approve-form")
    fits(d)
    shot(d, f"cycle-approved-{lang}")
    fill(d, "#debtor_name", "Association Tiwizi Asni")
    fill(d, "#debtor_account", "DE89370400440532013000")
    fill(d, "#execution_date", f"{period}-28")
    submit(d, "#batch-form")
    wait(d, "#pain001-link")
    fits(d)
    shot(d, f"batch-{lang}")
    click(d, "#pain001-link")
    xml = file_in(d.downloads, ".xml").read_text()
    assert "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09" in xml
    assert "<NbOfTxs>" in xml and "<CdtTrfTxInf>" in xml
    sign_out(d)
