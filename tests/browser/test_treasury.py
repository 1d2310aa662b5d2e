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

    # Donations: one in cash, recorded from the desk; its receipt checks at /verify.
    follow(d, "#record-donation-link", "#donation-form")
    both_languages(d, "treasury-09-record-donation")
    d.find_element(By.ID, "amount").send_keys("1500")
    d.find_element(By.CSS_SELECTOR, '#method option[value="cash"]').click()
    click(d, "#record")
    wait(d, "#recorded-receipt")
    both_languages(d, "treasury-10-donations")
    follow(d, "#recorded-receipt", "article.receipt")
    both_languages(d, "treasury-11-receipt")
    receipt_json = d.find_element(By.CSS_SELECTOR, 'a[href$="/receipt.json"]').get_attribute("href")
    text = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('error: ' + e));", receipt_json)
    click(d, 'footer a[href="/verify"]')
    area = wait(d, "#donation-verify-form textarea#receipt")
    area.send_keys(text)
    click(d, "#donation-verify-form button[type=submit]")
    assert wait(d, "#server-result").get_attribute("data-verdict") == "ok"
    shot(d, "treasury-12-receipt-verified-fr")

    # An expense with its evidence, from the desk.
    home(d)
    follow(d, "#campaigns-link", f'a[href="/campaigns/{campaign_id}/desk"]')
    follow(d, f'a[href="/campaigns/{campaign_id}/desk"]', "#expenses-link")
    follow(d, "#expenses-link", "#expense-form")
    d.find_element(By.ID, "amount").send_keys("400")
    d.find_element(By.ID, "description_ar").send_keys("شراء عشر خيام")
    d.find_element(By.ID, "description_fr").send_keys("Achat de dix tentes")
    evidence = pathlib.Path(tempfile.mkdtemp()) / "facture.pdf"
    evidence.write_text("pas une facture")
    d.find_element(By.ID, "evidence").send_keys(str(evidence))
    click(d, "#submit-expense")
    wait(d, "#evidence-error")
    fits(d)
    shot(d, "treasury-13-evidence-refused-fr")
    evidence.write_bytes(PDF)
    d.find_element(By.ID, "evidence").send_keys(str(evidence))
    click(d, "#submit-expense")
    wait(d, "#done")
    assert not d.find_elements(By.CSS_SELECTOR, '[id^="approve-"]'), "the author sees no approve button"
    both_languages(d, "treasury-14-expense-waiting")
    sign_out(d)

    # The owner approves it from the home's waiting list, after the check.
    sign_in(d, base, owner["email"], owner["password"])
    home(d)
    follow(d, '[id^="waiting-expense-"] a', "#confirm-approve")
    both_languages(d, "treasury-15-approve-check")
    click(d, "#confirm-approve")
    wait(d, "#done")
    shot(d, "treasury-16-approved-fr")

    # The campaign's report shows the expense; the books balance.
    home(d)
    follow(d, "#books-link", "#trial-balance")
    both_languages(d, "treasury-17-books")
    follow(d, f"#report-{campaign_id}", "h1")
    assert "400" in d.find_element(By.TAG_NAME, "main").text
    both_languages(d, "treasury-18-report")
    sign_out(d)

    # The treasurer downloads a payment batch's pain.001 and uploads the bank's pain.002.
    sign_in(d, base, treasurer["email"], treasurer["password"])
    home(d)
    follow(d, "#payment-batches-link", "#batches")
    both_languages(d, "treasury-19-batches")
    follow(d, '[id^="batch-link-"]', "#pain001-link")
    both_languages(d, "treasury-20-batch")
    click(d, "#pain001-link")
    pain001 = file_in(d.downloads, ".xml")
    report = pathlib.Path(tempfile.mkdtemp()) / "pain002.xml"
    report.write_text(pain002_for(pain001.read_text()))
    d.find_element(By.ID, "report").send_keys(str(report))
    click(d, "#upload-report")
    wait(d, "#reconciliation")
    # The demo's bank already reported on most lines: those stay as they were; the others
    # change now, and every line of the report matches a payment of the batch.
    summary = d.find_element(By.ID, "reconciliation").text
    assert count(d, "reconciled-paid") + count(d, "reconciled-rejected") >= 1, summary
    assert count(d, "reconciled-unmatched") == 0, summary
    fits(d)
    shot(d, "treasury-21-reconciled-fr")


def pain002_for(pain001):
    """The bank's status report on a pain.001: every payment settled but the last, rejected for
    a closed account (AC04). Lines the bank reported on before keep their first status."""
    import xml.etree.ElementTree as ET
    ns = {"p": pain001.split('xmlns="', 1)[1].split('"', 1)[0]}
    root = ET.fromstring(pain001.encode())
    message_id = root.find(".//p:GrpHdr/p:MsgId", ns).text
    blocks = []
    for info in root.findall(".//p:PmtInf", ns):
        info_id = info.find("p:PmtInfId", ns).text
        ids = [t.find("p:PmtId/p:EndToEndId", ns).text for t in info.findall("p:CdtTrfTxInf", ns)]
        lines = [f"<TxInfAndSts><OrgnlEndToEndId>{i}</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>"
                 for i in ids[:-1]]
        lines.append(f"<TxInfAndSts><OrgnlEndToEndId>{ids[-1]}</OrgnlEndToEndId><TxSts>RJCT</TxSts>"
                     "<StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>")
        blocks.append(f"<OrgnlPmtInfAndSts><OrgnlPmtInfId>{info_id}</OrgnlPmtInfId>{''.join(lines)}</OrgnlPmtInfAndSts>")
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>'
            '<GrpHdr><MsgId>BANK-BROWSER-1</MsgId><CreDtTm>2026-12-01T10:00:00</CreDtTm></GrpHdr>'
            f'<OrgnlGrpInfAndSts><OrgnlMsgId>{message_id}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>'
            f'</OrgnlGrpInfAndSts>{"".join(blocks)}</CstmrPmtStsRpt></Document>')


def count(driver, element_id):
    """The number in an element's text ("1 rejected", "Rejetés : 1")."""
    import re
    return int(re.findall(r"\d+", driver.find_element(By.ID, element_id).text)[0])
