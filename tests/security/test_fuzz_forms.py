"""Property-based fuzzing of every public form: random unicode, huge values, control characters and
injection strings never cause a server error, and nothing sent comes back unescaped."""
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.demo import load_demo_data
from portal.extensions import limiter
from tests.browser.pages import rendered_pages

PAYLOADS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE users; --",
            "{{7*7}}", "\x00\x01\x1b[31m", "\u202e\u200b\ufeff", "%s%n%x", "../../etc/passwd"]
VALUES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=50),
    st.integers(min_value=1_000, max_value=200_000).map(lambda n: "x" * n),
    st.just(""),
)


class _Forms(HTMLParser):
    """Collects POST forms: their action and field names."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self._current = {"action": attrs.get("action"), "fields": set()}
            self.forms.append(self._current)
        elif tag in ("input", "textarea", "select") and self._current is not None and attrs.get("name"):
            if attrs.get("type") not in ("submit", "hidden") or attrs["name"] != "csrf_token":
                self._current["fields"].add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def public_forms(app, client, login_as):
    """(page url, action url, sorted field names) for each POST form on a public page."""
    found = []
    for endpoint, url, html in rendered_pages(app, client, login_as):
        if not getattr(app.view_functions[endpoint], "is_public", False):
            continue
        parser = _Forms()
        parser.feed(html)
        found += [(url, form["action"] or url, sorted(form["fields"])) for form in parser.forms]
    return found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_public_forms_survive_hostile_input(app, client, login_as, data):
    if not hasattr(test_public_forms_survive_hostile_input, "forms"):
        load_demo_data()
        test_public_forms_survive_hostile_input.forms = public_forms(app, client, login_as)
    forms = test_public_forms_survive_hostile_input.forms
    assert forms, "no public forms found"
    page, action, fields = data.draw(st.sampled_from(forms))
    values = {name: data.draw(VALUES, label=name) for name in fields}
    limiter.reset()
    response = client.post(action, data=values)
    assert response.status_code < 500, f"{action} gave {response.status_code} for {values!r:.300}"
    body = response.get_data(as_text=True)
    for value in values.values():
        if "<" in value and len(value) > 8:
            assert value not in body, f"{action} echoed {value!r} unescaped"
