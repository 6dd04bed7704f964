"""The glossary: terms marked up and expanded on first use, the public page, editors adding."""

from flask import g

from portal.glossary.services import mark_up, seed_glossary


def _sign_in(login_as, user):
    """Sign in after anonymous requests (the shared app context keeps the anonymous user in g)."""
    login_as(user)
    g.pop("_login_user", None)


def test_glossary_escapes_then_marks_up_and_expands_first_use(app, client, editor, login_as):
    seed_glossary()
    with app.test_request_context():
        first = str(mark_up("<b>EHCP</b> & EHCP"))
        assert first.startswith(
            '&lt;b&gt;<abbr title="education, health and care plan">EHCP</abbr> (education'
        )
        assert first.endswith('&amp; <abbr title="education, health and care plan">EHCP</abbr>')
    with app.test_request_context():
        spelled = str(
            mark_up("help for SEND (special educational needs and disabilities) and EHCP")
        )
        assert (
            spelled.count("special educational needs and disabilities") == 2
        )  # written once, plus the title
        assert "disabilities) (special" not in spelled and "</abbr> (education" in spelled
    assert "SENDIASS" in client.get("/glossary").get_data(as_text=True)
    _sign_in(login_as, editor)
    client.post("/staff/glossary/new", data={"term": "BLT", "expansion": "Big Listen team"})
    assert "Big Listen team" in client.get("/glossary").get_data(as_text=True)
