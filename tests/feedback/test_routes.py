"""The "tell us" form: contact details apart, honeypot, plain text, oversized input, rate limit."""

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.feedback.models import FeedbackContact


def test_feedback_saved_with_contact_apart(client):
    response = client.post(
        "/feedback/",
        data={
            "author_role": "parent_carer",
            "about": "transport",
            "message": "The bus is late every day.",
            "contact": ["reply"],
            "email": "Parent@Example.test",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/feedback/sent")
    item = db.session.query(Contribution).one()
    assert (
        item.source == "feedback"
        and item.status == "pending"
        and "parent@example.test" not in item.text
    )
    contact = db.session.query(FeedbackContact).one()
    assert (
        contact.contribution_id == item.id
        and contact.email == "parent@example.test"
        and contact.wants_reply
    )
    page = client.get("/feedback/sent").get_data(as_text=True)
    assert "What happens next" in page and "0800 1111" not in page


def test_updates_need_an_email_and_nothing_is_lost(client):
    response = client.post(
        "/feedback/",
        data={"author_role": "parent_carer", "message": "Keep this text", "contact": ["updates"]},
    )
    page = response.get_data(as_text=True)
    assert "Enter an email address so we can send you updates" in page and "Keep this text" in page
    assert db.session.query(Contribution).count() == 0


def test_honeypot_keeps_nothing(client):
    response = client.post(
        "/feedback/",
        data={
            "author_role": "parent_carer",
            "message": "Buy pills",
            "website": "http://spam.example",
        },
    )
    assert response.status_code == 302 and db.session.query(Contribution).count() == 0


def test_xss_is_stored_as_given_and_escaped(client, login_as, moderator):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    login_as(moderator)  # first: the test app context caches the signed-in user across requests
    client.post("/feedback/", data={"author_role": "young_person", "message": payload})
    item = db.session.query(Contribution).one()
    assert item.text == payload
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<img src=x" not in page


def test_oversized_message_is_refused_clearly(client):
    response = client.post(
        "/feedback/", data={"author_role": "parent_carer", "message": "a" * 5001}
    )
    assert "5,000 characters or fewer" in response.get_data(as_text=True)
    assert db.session.query(Contribution).count() == 0


def test_rate_limited(app, client):
    limit = int(app.config["PUBLIC_POST_RATE_LIMIT"].split(" ")[0])
    codes = [
        client.post(
            "/feedback/", data={"author_role": "parent_carer", "message": f"m{i}"}
        ).status_code
        for i in range(limit + 1)
    ]
    assert codes[:limit] == [302] * limit and codes[-1] == 429


def test_exit_this_page_on_feedback(client):
    assert "govuk-exit-this-page" in client.get("/feedback/").get_data(as_text=True)


def test_sanitizer_allows_only_safe_html():
    from portal.text.sanitize import clean_html, plain_text

    assert clean_html('<a href="javascript:x()">hi</a><script>x</script>') == "<a>hi</a>x"
    assert plain_text("<b>bold</b>") == "bold"
