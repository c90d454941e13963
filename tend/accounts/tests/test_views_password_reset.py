from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from tend.accounts.models import User

NEW_PASSWORD = "a-brand-new-long-passphrase"


@override_settings(SITE_URL="https://tend.example")
def test_it_mails_a_link_that_sets_a_new_password(alice: User) -> None:
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Choose a new password for Tend"
    assert "Hello Alice," in message.body
    match = re.search(r"https://tend\.example(/accounts/password/reset/\S+/)", str(message.body))
    assert match is not None

    # Django moves the token from the URL into the session, then shows the form.
    response = client.get(match.group(1), follow=True)
    assert response.status_code == 200
    assert "Choose a new password" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_a_used_link_no_longer_works(alice: User) -> None:
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": alice.email})
    path = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", str(mail.outbox[0].body))
    assert path is not None
    form_url = client.get(path.group(1), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = Client().get(path.group(1), follow=True)
    assert "This link no longer works" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_address_gets_the_same_answer_and_no_mail() -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
