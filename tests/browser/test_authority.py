# Browser tests of an authority's pages: the queue of its competence, a request, the check of a
# grant and the grant itself, reached by links from the navigation.
"""The governor of Al Haouz signs in, follows the navigation to the authorization requests,
finds the one local request of Al Haouz, grants it after checking the decision, and sees the
confirmation; the wali of Marrakech-Safi does not see that request in his queue, in Arabic
and in French."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import html_attrs, shot, sign_in, sign_out, submit, switch_language, wait


def test_the_governor_grants_a_request_the_wali_does_not_see(demo, browser):
    base, logins = demo
    d = browser
    governor = logins["governor-al-haouz@demo.twiza.ma"]
    wali = logins["wali-marrakech-safi@demo.twiza.ma"]
    assert governor["competence"]["code"] == "07.041"
    assert wali["competence"]["code"] == "07"

    # The wali's queue, in Arabic then in French: his one regional request, not Al Haouz's local one.
    sign_in(d, base, wali["email"], wali["password"])
    d.find_element(By.CSS_SELECTOR, 'nav a[href="/authority/authorizations"]').click()
    wait(d, "h1")
    assert html_attrs(d) == ("ar", "rtl")
    cards = d.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert len(cards) == 1, d.page_source[:2000]
    wali_request = cards[0].get_attribute("id")
    shot(d, "authority-01-wali-queue-ar")
    switch_language(d, "fr")
    assert html_attrs(d) == ("fr", "ltr")
    shot(d, "authority-02-wali-queue-fr")
    sign_out(d)

    # The governor's queue: one request, the local one of Al Haouz.
    sign_in(d, base, governor["email"], governor["password"])
    d.find_element(By.CSS_SELECTOR, 'nav a[href="/authority/authorizations"]').click()
    wait(d, ".cards .card")
    cards = d.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert len(cards) == 1
    request = cards[0].get_attribute("id")
    assert request != wali_request, "the wali did not see the governor's request"
    shot(d, "authority-03-governor-queue-fr")
    cards[0].find_element(By.CSS_SELECTOR, "h2 a").click()
    wait(d, 'form[action$="/grant"]')
    shot(d, "authority-04-request-fr")
    # 412 px wide without horizontal scrolling, the bank account included.
    assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")

    # A validity that ends before it starts: the message next to the field.
    d.find_element(By.ID, "reference").send_keys("PROV-AH/2026/0001")
    d.execute_script("document.getElementById('valid_from').value='2026-12-31';"
                     "document.getElementById('valid_to').value='2026-01-01';")
    submit(d, 'form[action$="/grant"]')
    wait(d, "p.error")
    shot(d, "authority-05-grant-error-fr")
    assert d.find_element(By.ID, "reference").get_attribute("value") == "PROV-AH/2026/0001"

    # Corrected, checked, then granted.
    d.execute_script("document.getElementById('valid_from').value='2026-01-01';"
                     "document.getElementById('valid_to').value='2027-12-31';")
    submit(d, 'form[action$="/grant"]')
    wait(d, 'input[name="confirm"][value="yes"]')
    shot(d, "authority-06-check-grant-fr")
    submit(d, 'form[action$="/grant"]')
    wait(d, 'p[role="status"]')
    WebDriverWait(d, 10).until(lambda drv: "done=granted" in drv.current_url)
    assert not d.find_elements(By.CSS_SELECTOR, f"#{request}")
    shot(d, "authority-07-granted-fr")
    switch_language(d, "ar")
    assert html_attrs(d) == ("ar", "rtl")
    shot(d, "authority-08-granted-ar")
