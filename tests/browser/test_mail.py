"""E-mail that is really sent: `twiza demo --smtp` delivers to an SMTP server on this machine
(aiosmtpd). An owner invites someone from the association's page; the invitation arrives; the
invitee follows the link in the message, creates an account and joins — by pages alone."""

import re
import tempfile
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import demo_server, shot, sign_in, sign_out, smtp_server, submit, switch_language, wait


@pytest.fixture(scope="module")
def demo_with_mail():
    with smtp_server() as (port, mailbox):
        with demo_server(tempfile.mkdtemp(prefix="twiza-mail-"), smtp_port=port) as (base, logins):
            yield base, logins, mailbox


def test_an_invitation_is_accepted_from_the_link_in_the_message(demo_with_mail, browser):
    base, logins, mailbox = demo_with_mail
    d = browser
    owner = logins["owner"]
    invitee = f"invitee-{uuid.uuid4().hex[:8]}@example.ma"

    # The owner invites from the association's page, in French.
    sign_in(d, base, owner["email"], owner["password"])
    switch_language(d, "fr")
    d.get(base + "/me/associations")
    d.find_element(By.CSS_SELECTOR, f'a[href="/associations/{owner["organization_id"]}/manage"]').click()
    wait(d, "#invite-form")
    assert d.find_elements(By.ID, "invite-mail-hint")
    d.find_element(By.ID, "invite-email").send_keys(invitee)
    Select(d.find_element(By.ID, "invite-role")).select_by_value("volunteer")
    shot(d, "mail-01-invite-fr")
    submit(d, "#invite-form")
    wait(d, "#invite-form")
    sign_out(d)

    # The message arrives at the SMTP server, in the inviter's language, with its link.
    message = mailbox.wait_for(invitee)
    assert "Invitation" in str(message["Subject"])
    body = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(r"https?://[^\s]+/invitations/[A-Za-z0-9_-]+", body)
    assert len(links) == 1, body
    link = links[0]
    assert link.startswith(base), (link, base)

    # The invitee follows the link, creates an account, comes back and accepts.
    d.get(link)
    wait(d, "#invitation-association")
    shot(d, "mail-02-invitation-signed-out")
    d.find_element(By.ID, "invitation-sign-up-link").click()
    wait(d, 'form[action="/sign-up"]')
    d.find_element(By.ID, "display_name").send_keys("Invitée")
    d.find_element(By.ID, "email").send_keys(invitee)
    d.find_element(By.ID, "password").send_keys("une phrase de passe longue")
    submit(d, 'form[action="/sign-up"]')
    wait(d, "#accept-invitation-form")
    shot(d, "mail-03-invitation-signed-in")
    submit(d, "#accept-invitation-form")
    wait(d, "#done")
    assert d.current_url.endswith("/me/associations?done=invitation-accepted")
    assert d.find_elements(By.CSS_SELECTOR, f'a[href="/associations/{owner["organization_id"]}/manage"]')
    shot(d, "mail-04-joined")

    # The link works once.
    d.get(link)
    wait(d, "h1")
    assert not d.find_elements(By.ID, "accept-invitation-form")
