# Browser test of the treasury's whole work on pages alone, from the association's home.
"""At 360 px wide, in Arabic and in French, on pages alone (every step reached by a link after
signing in): the treasurer opens a campaign and sends its authorization request's file; the
governor of Al Haouz grants it while the wali of Marrakech-Safi does not even see it; the
treasurer publishes it, records donations and submits an expense with its evidence; the owner
approves the expense; the campaign's report shows it; a receipt checks at /verify; a payment
batch's pain.001 downloads and the bank's pain.002 uploaded reconciles it."""

import pathlib
import tempfile
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import chrome, html_attrs, shot, sign_in, sign_out, submit, switch_language, wait

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


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
    """Follows the link `css` and waits for `then` on the next page."""
    click(driver, css)
    return wait(driver, then)


def fits(driver):
    """No horizontal scrolling."""
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        f"{driver.current_url} scrolls sideways at {driver.execute_script('return window.innerWidth')} px"


def both_languages(driver, name):
    """A screenshot of the page in view in French and in Arabic (right to left), ending in
    French (a page reached by GET: switching languages loads it again)."""
    shot(driver, f"{name}-fr")
    fits(driver)
    switch_language(driver, "ar")
    assert html_attrs(driver) == ("ar", "rtl")
    fits(driver)
    shot(driver, f"{name}-ar")
    switch_language(driver, "fr")


def home(driver):
    """From anywhere signed in: my associations, then the first association's home."""
    click(driver, 'nav a[href="/me/associations"]')
    follow(driver, 'a[href$="/manage"]', "h1")


def file_in(folder, suffix, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in pathlib.Path(folder).iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}")


def test_the_treasury_from_a_new_campaign_to_the_bank_file(demo, phone):
    base, logins = demo
    d = phone
    treasurer, owner = logins["treasurer"], logins["owner"]
    governor = logins["governor-al-haouz@demo.twiza.ma"]
    wali = logins["wali-marrakech-safi@demo.twiza.ma"]
    title = f"Tentes pour Ighil {uuid.uuid4().hex[:6]}"

    # The treasurer, from the association's home to a new campaign.
    sign_in(d, base, treasurer["email"], treasurer["password"])
    switch_language(d, "fr")
    home(d)
    both_languages(d, "treasury-01-home")
    follow(d, "#campaigns-link", "h1")
    both_languages(d, "treasury-02-campaigns")
    follow(d, 'a[href$="/campaigns/new"]', "#title_ar")
    d.find_element(By.ID, "title_ar").send_keys("خيام لإغيل")
    d.find_element(By.ID, "title_fr").send_keys(title)
    d.find_element(By.ID, "purpose_ar").send_keys("خيام وأغطية لأسر إغيل")
    d.find_element(By.ID, "purpose_fr").send_keys("Des tentes et des couvertures pour les familles d’Ighil")
    d.find_element(By.ID, "goal").send_keys("250000")
    d.execute_script("document.getElementById('starts_on').value='2026-01-01';"
                     "document.getElementById('ends_on').value='2099-12-31';")
    # A RIB whose key is wrong: the message next to the field, what was typed kept.
    d.find_element(By.ID, "bank_account").send_keys("011780000012345678901295")
    submit(d, 'form[action$="/campaigns"]')
    wait(d, "#error-summary")
    assert d.find_element(By.ID, "title_fr").get_attribute("value") == title
    fits(d)
    shot(d, "treasury-03-campaign-form-error-fr")
    field = d.find_element(By.ID, "bank_account")
    field.clear()
    field.send_keys("011780000012345678901296")
    submit(d, 'form[action$="/campaigns"]')
    wait(d, "#done")
    desk = d.current_url.split("?")[0]
    campaign_id = desk.rstrip("/").split("/")[-2]

    # The request's file: first a text file named .pdf (refused next to the field), then a PDF.
    upload = pathlib.Path(tempfile.mkdtemp()) / "demande.pdf"
    upload.write_bytes(b"ceci n'est pas un PDF")
    d.find_element(By.ID, "document").send_keys(str(upload))
    submit(d, "#request-document-form")
    wait(d, "#request-document-form p.error")
    fits(d)
    shot(d, "treasury-04-request-file-refused-fr")
    upload.write_bytes(PDF)
    d.find_element(By.ID, "document").send_keys(str(upload))
    submit(d, "#request-document-form")
    wait(d, "#request-document")
    both_languages(d, "treasury-05-desk-requested")
    sign_out(d)

    # The wali does not see the local request; the governor grants it after checking.
    sign_in(d, base, wali["email"], wali["password"])
    follow(d, 'nav a[href="/authority/authorizations"]', "h1")
    assert not d.find_elements(By.ID, f"request-{campaign_id}")
    sign_out(d)
    sign_in(d, base, governor["email"], governor["password"])
    follow(d, 'nav a[href="/authority/authorizations"]', f"#request-{campaign_id}")
    follow(d, f"#request-{campaign_id} h2 a", 'form[action$="/grant"]')
    assert d.find_elements(By.CSS_SELECTOR, "#request-document a")
    both_languages(d, "treasury-06-authority-request")
    d.find_element(By.ID, "reference").send_keys("PROV-AH/2026/0042")
    d.execute_script("document.getElementById('valid_from').value='2026-01-01';"
                     "document.getElementById('valid_to').value='2099-12-31';")
    submit(d, 'form[action$="/grant"]')
    wait(d, 'form[action$="/grant"] input[name=confirm]')
    fits(d)
    shot(d, "treasury-07-grant-check-fr")
    submit(d, 'form[action$="/grant"]')
    wait(d, "p.alert[role=status]")
    sign_out(d)

    # The treasurer publishes it from the home's waiting list.
    sign_in(d, base, treasurer["email"], treasurer["password"])
    home(d)
    follow(d, f'#waiting a[href="/campaigns/{campaign_id}/desk"]', "#publish")
    click(d, "#publish")
    wait(d, "#done")
    both_languages(d, "treasury-08-published")
