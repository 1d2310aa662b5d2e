"""Browser tests of the foundation, in headless Chromium: languages and direction, sign-up,
registering an association, verification by the platform admin, the public directory, and the
same pages with JavaScript disabled. Screenshots go to $TWIZA_ARTIFACTS/screenshots."""

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import chrome, html_attrs, shot, sign_in, sign_out, submit, switch_language, wait


def search_directory(driver, query):
    """Submits the directory search and waits for the results page (the page before it has
    cards too, which would go stale under the test's feet)."""
    driver.find_element(By.ID, "q").send_keys(query)
    submit(driver, "form.filters")
    WebDriverWait(driver, 10).until(lambda d: "q=" in d.current_url)


def test_languages_and_the_life_of_an_association(demo, browser):
    base, logins = demo
    d = browser

    # 1. The demo opens in Arabic, right to left.
    d.get(base + "/")
    assert html_attrs(d) == ("ar", "rtl")
    shot(d, "01-home-ar")

    # 2. French, Tamazight (Tifinagh), English.
    for n, tag in enumerate(["fr", "zgh", "en"], start=2):
        switch_language(d, tag)
        assert html_attrs(d) == (tag, "ltr")
        if tag == "zgh":
            body = d.find_element(By.TAG_NAME, "body").text
            assert any("\u2d30" <= c <= "\u2d7f" for c in body), "Tifinagh text expected"
        shot(d, f"0{n}-home-{tag}")
    switch_language(d, "fr")

    # 3. Sign up, register an association.
    email = f"fondatrice-{uuid.uuid4().hex[:8]}@example.ma"
    d.get(base + "/sign-up")
    d.find_element(By.ID, "display_name").send_keys("Fatima Zahra")
    d.find_element(By.ID, "email").send_keys(email)
    d.find_element(By.ID, "password").send_keys("une phrase de passe longue")
    submit(d, 'form[action="/sign-up"]')
    wait(d, 'form[action="/sign-out"]')
    assert d.current_url.endswith("/me/associations")

    name_fr = f"Association Tazzla {uuid.uuid4().hex[:6]}"
    d.get(base + "/associations/new")
    d.find_element(By.ID, "name_ar").send_keys("جمعية تازلا للتنمية")
    d.find_element(By.ID, "name_fr").send_keys(name_fr)
    d.find_element(By.ID, "declaration_number").send_keys(f"{uuid.uuid4().int % 900 + 100}/2021")
    d.execute_script("arguments[0].value = '2021-03-14'", d.find_element(By.ID, "declaration_date"))
    d.find_element(By.CSS_SELECTOR, '#province_code option[value="07.041"]').click()
    d.find_element(By.ID, "commune").send_keys("Asni")
    d.find_element(By.CSS_SELECTOR, 'input[name=domains][value=relief]').click()
    shot(d, "05-register-association")
    submit(d, 'form[action="/associations"]')
    wait(d, ".status-pending")
    org_path = d.current_url.split(base)[1].removesuffix("/manage")
    org_id = org_path.rsplit("/", 1)[1]
    shot(d, "06-association-pending")

    # 4. The platform admin verifies it.
    sign_out(d)
    admin = logins["platform_admin"]
    sign_in(d, base, admin["email"], admin["password"])
    d.get(base + "/admin/verification")
    card = wait(d, f"#org-{org_id}")
    shot(d, "07-verification-queue")
    card.find_element(By.CSS_SELECTOR, "button.verify").click()
    WebDriverWait(d, 10).until(lambda drv: not drv.find_elements(By.CSS_SELECTOR, f"#org-{org_id}"))
    sign_out(d)

    # 5. A visitor finds it in the public directory.
    d.get(base + "/directory")
    search_directory(d, name_fr)
    link = wait(d, f'.cards a[href="{org_path}"]')
    shot(d, "08-directory-search")
    link.click()
    WebDriverWait(d, 10).until(lambda drv: drv.current_url.endswith(org_path))
    wait(d, ".badge")
    shot(d, "09-profile-verified")

    # 6. In Arabic, the page turns right to left.
    switch_language(d, "ar")
    assert html_attrs(d) == ("ar", "rtl")
    assert d.current_url.endswith(org_path)
    shot(d, "10-profile-ar")
    d.get(base + "/directory")
    shot(d, "11-directory-ar")


def test_pages_work_without_javascript(demo):
    base, _ = demo
    d = chrome(javascript=False)
    try:
        d.get(base + "/")
        assert html_attrs(d) == ("ar", "rtl")
        switch_language(d, "en")
        d.get(base + "/directory")
        search_directory(d, "Tiwizi")
        link = wait(d, ".cards .card h2 a")
        link.click()
        WebDriverWait(d, 10).until(lambda drv: "/associations/" in drv.current_url)
        wait(d, ".badge")
        shot(d, "12-no-javascript-profile")
    finally:
        d.quit()
