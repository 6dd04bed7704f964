"""Property-based fuzzing of every public form: random unicode, huge values, control characters and
injection strings never cause a server error, and nothing sent comes back unescaped."""

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.demo import load_demo_data
from portal.extensions import limiter
from tests.fixtures.pages import rendered_pages

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE users; --",
    "{{7*7}}",
    "\x00\x01\x1b[31m",
    "\u202e\u200b\ufeff",
    "%s%n%x",
    "../../etc/passwd",
]
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
        elif (
            tag in ("input", "textarea", "select")
            and self._current is not None
            and attrs.get("name")
        ):
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


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
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


# Shapes that once gave 500s: page numbers of any size or kind, query keys named like url_for's
# own arguments (pages whose links copy the query into url_for), and multipart parts without a name.
PAGE_VALUES = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.sampled_from(
        ["", "abc", "1e9", "0x10", "\u00b2", "\u0661\u0662", " 3", "-0", "9" * 5000, "1.5"]
    ),
    st.text(max_size=20),
)
URL_FOR_KEYS = [
    "_method",
    "_external",
    "_anchor",
    "_scheme",
    "endpoint",
    "values",
    "_external_host",
    "slug",
    "survey_id",
    "entry_id",
    "token",
    "code",
    "page",
    "version",
    "locality",
    "theme",
]
# Pages whose pager or filter links copy the query into url_for get half the examples.
COPYING_PAGES = ["/you-said-we-did", "/staff/audit/", "/staff/moderation", "/staff/themes/tagging"]
QUERIES = st.dictionaries(
    st.sampled_from(URL_FOR_KEYS),
    st.one_of(PAGE_VALUES, st.sampled_from(PAYLOADS)),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_page_survives_odd_query_arguments(app, client, login_as, data):
    if not hasattr(test_every_page_survives_odd_query_arguments, "urls"):
        load_demo_data()
        test_every_page_survives_odd_query_arguments.urls = sorted(
            {url for _, url, _ in rendered_pages(app, client, login_as)}
        )
    from tests.factories import make_user

    url = data.draw(
        st.one_of(
            st.sampled_from(COPYING_PAGES),
            st.sampled_from(test_every_page_survives_odd_query_arguments.urls),
        )
    )
    query = data.draw(QUERIES, label="query")
    with client.session_transaction() as session:
        session.clear()
    if url.startswith("/staff"):
        login_as(make_user(role="admin"))
    limiter.reset()
    response = client.get(url, query_string=query)
    assert response.status_code < 500, f"{url} gave {response.status_code} for {query!r:.300}"


def _multipart(parts, boundary="fuzzboundary"):
    """A raw multipart body; a part whose name is None has no name at all."""
    chunks = []
    for name, filename, value in parts:
        disposition = "form-data" + (f'; name="{name}"' if name is not None else "")
        disposition += f'; filename="{filename}"' if filename is not None else ""
        chunks.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n{value}\r\n")
    return ("".join(chunks) + f"--{boundary}--\r\n").encode("utf-8", "surrogatepass"), boundary


NAMELESS_PARTS = st.lists(
    st.tuples(st.none(), st.one_of(st.none(), st.just("a.txt"), st.just("")), st.text(max_size=50)),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_public_forms_survive_multipart_parts_without_names(app, client, login_as, data):
    fuzz = test_public_forms_survive_multipart_parts_without_names
    if not hasattr(fuzz, "forms"):
        from portal import create_app

        load_demo_data()
        fuzz.forms = public_forms(app, client, login_as)
        fuzz.csrf_app = create_app(
            {
                "TESTING": True,
                "WTF_CSRF_ENABLED": True,
                "PROPAGATE_EXCEPTIONS": False,
                "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            }
        )
    _, action, fields = data.draw(st.sampled_from(fuzz.forms))
    named = [
        (name, None, data.draw(st.text(max_size=50), label=name))
        for name in fields
        if data.draw(st.booleans(), label=f"send {name}")
    ]
    parts = data.draw(st.permutations(named + data.draw(NAMELESS_PARTS, label="nameless")))
    body, boundary = _multipart(parts)
    target = fuzz.csrf_app.test_client() if data.draw(st.booleans(), label="csrf on") else client
    limiter.reset()
    response = target.post(
        action, data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code < 500, f"{action} gave {response.status_code} for {parts!r:.300}"
