"""One store per form: feedback and forum posts sent again, or sent at once from many threads, store
once."""

import re

import pytest
import requests
from sqlalchemy import func, select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.forum import members, services
from portal.forum.models import Board, Post, Topic
from portal.safeguarding.models import Concern
from tests.factories import make_user
from tests.fixtures.servers import at_once, serve_portal

FORM_TOKEN = re.compile(r'name="form_token" type="hidden" value="([^"]+)"')
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
GOOD = "tiger-bus-cloud"
FEEDBACK = {
    "author_role": "parent_carer",
    "about": "transport",
    "message": "The bus is late every day.",
    "contact": ["reply"],
    "email": "parent@example.org",
    "name": "Sam",
    "phone": "01632 960 001",
}


def _count(model):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def _main(page):
    return page[page.index("<main") : page.index("</main>")]


def _token(page):
    found = FORM_TOKEN.search(page)
    assert found, "the form carries no one-time token"
    return found.group(1)


def test_feedback_sent_three_times_is_stored_once_with_the_same_confirmation(client):
    token = _token(client.get("/feedback/").get_data(as_text=True))
    pages = []
    for _ in range(3):
        response = client.post("/feedback/", data={**FEEDBACK, "form_token": token})
        assert response.status_code == 302 and response.headers["Location"].endswith(
            "/feedback/sent"
        )
        pages.append(_main(client.get("/feedback/sent").get_data(as_text=True)))
    assert _count(Contribution) == 1 and _count(FeedbackContact) == 1
    assert pages[0] == pages[1] == pages[2] and "What happens next" in pages[0]


def test_a_resent_worrying_message_still_shows_the_helplines(client):
    token = _token(client.get("/feedback/").get_data(as_text=True))
    data = {
        "author_role": "young_person",
        "message": "I want to kill myself tonight",
        "form_token": token,
    }
    first = client.post("/feedback/", data=data) and client.get("/feedback/sent").get_data(
        as_text=True
    )
    again = client.post("/feedback/", data=data) and client.get("/feedback/sent").get_data(
        as_text=True
    )
    assert "0800 1111" in first and "0800 1111" in again
    assert _count(Contribution) == 1 and _count(Concern) == 1


def test_each_new_form_is_its_own_feedback(client):
    for _ in range(2):
        token = _token(client.get("/feedback/").get_data(as_text=True))
        client.post("/feedback/", data={**FEEDBACK, "form_token": token})
    assert _count(Contribution) == 2


def test_a_form_with_errors_keeps_its_token_and_words_then_stores_once(client):
    token = _token(client.get("/feedback/").get_data(as_text=True))
    bad = client.post("/feedback/", data={**FEEDBACK, "email": "not-an-email", "form_token": token})
    page = bad.get_data(as_text=True)
    assert (
        "Enter an email address in the correct format" in page
        and "The bus is late every day." in page
    )
    assert _token(page) == token and _count(Contribution) == 0
    for _ in range(2):
        client.post("/feedback/", data={**FEEDBACK, "form_token": token})
    assert _count(Contribution) == 1


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        "short",
        "x" * 65,
        "<script>alert(1)</script>-padding-padding",
        "' OR 1=1 --aaaaaaaaaaaaaaaaaaaa",
    ],
)
def test_a_missing_or_forged_token_is_stored_as_a_new_form_and_the_page_gets_a_good_one(
    client, token
):
    data = {**FEEDBACK, "email": "wrong"}
    if token is not None:
        data["form_token"] = token
    page = client.post("/feedback/", data=data).get_data(as_text=True)
    fresh = _token(page)
    assert fresh != token and re.fullmatch(r"[A-Za-z0-9_-]{32}", fresh)
    data.update(email="parent@example.test")
    assert client.post("/feedback/", data=data).status_code == 302
    assert _count(Contribution) == 1


@pytest.fixture
def board():
    services.ensure_boards()
    return db.session.query(Board).filter_by(slug="school-and-college").one()


def _member(name="starfish9"):
    return members.register_member(
        username=name, password=GOOD, age_band="16-18", parental_consent=False, house_rules=True
    )


def test_a_new_topic_sent_three_times_makes_one_topic(client, login_as, board):
    login_as(_member())
    token = _token(client.get(f"/forum/boards/{board.slug}/new").get_data(as_text=True))
    places = {
        client.post(
            f"/forum/boards/{board.slug}/new",
            data={"title": "Buses", "text": "The bus is always late", "form_token": token},
        ).headers["Location"]
        for _ in range(3)
    }
    assert (
        len(places) == 1 and _count(Topic) == 1 and _count(Post) == 1 and _count(Contribution) == 1
    )


def test_a_reply_sent_three_times_is_one_post(client, login_as, board):
    author = _member()
    topic = services.start_topic(board, author=author, title="Hello", text="First post").topic
    login_as(author)
    token = _token(client.get(f"/forum/topics/{topic.id}").get_data(as_text=True))
    for _ in range(3):
        response = client.post(
            f"/forum/topics/{topic.id}", data={"text": "Me too", "form_token": token}
        )
        assert response.status_code == 302
    assert _count(Post) == 2


def test_someone_elses_token_never_shows_or_stores_their_post(client, login_as, board):
    first, second = (
        make_user(role="moderator"),
        _member("otterpop"),
    )  # staff posts are published at once
    topic = services.start_topic(board, author=first, title="Hello", text="First post").topic
    token = "a" * 32
    services.reply(topic, author=first, text="Mine", form_token=token)
    login_as(second)
    page = client.post(f"/forum/topics/{topic.id}", data={"text": "Theirs", "form_token": token})
    assert page.status_code == 200 and "already been sent" in page.get_data(as_text=True)
    assert _count(Post) == 2  # the first post and its reply, nothing from `second`
    assert ">Theirs</textarea>" in page.get_data(as_text=True)  # what they typed is kept


# --- at once, through the production server
# --------------------------------------------------------


@pytest.fixture
def served(app):
    with serve_portal(app, workers=2, threads=4) as base:
        yield base


def _poster(session, url, data):
    def post():
        fresh = requests.Session()  # each click its own connection, the same browser cookies
        fresh.cookies.update(session.cookies)
        fresh.headers["Connection"] = "close"
        return fresh.post(url, data=data, timeout=60, allow_redirects=False)

    return post


def _statuses(results):
    return [getattr(r, "status_code", r) for r in results]


def test_feedback_sent_six_times_at_once_is_stored_once(served):
    session = requests.Session()
    page = session.get(f"{served}/feedback/", timeout=30).text
    data = {**FEEDBACK, "csrf_token": CSRF.search(page).group(1), "form_token": _token(page)}
    results = at_once([_poster(session, f"{served}/feedback/", data)] * 6, together=True)
    assert _statuses(results) == [302] * 6
    assert all(r.headers["Location"].endswith("/feedback/sent") for r in results)
    assert _count(Contribution) == 1 and _count(FeedbackContact) == 1


def test_a_reply_sent_six_times_at_once_is_one_post(served):
    services.ensure_boards()
    board = db.session.query(Board).filter_by(slug="school-and-college").one()
    topic_id = services.start_topic(
        board, author=_member(), title="Hello", text="First post"
    ).topic_id
    db.session.remove()
    session = requests.Session()
    page = session.get(f"{served}/forum/sign-in", timeout=30).text
    session.post(
        f"{served}/forum/sign-in",
        data={"csrf_token": CSRF.search(page).group(1), "username": "starfish9", "password": GOOD},
        timeout=30,
    )
    page = session.get(f"{served}/forum/topics/{topic_id}", timeout=30).text
    data = {
        "csrf_token": CSRF.search(page).group(1),
        "form_token": _token(page),
        "text": "Me too, every day",
    }
    results = at_once(
        [_poster(session, f"{served}/forum/topics/{topic_id}", data)] * 6, together=True
    )
    assert _statuses(results) == [302] * 6
    assert len({r.headers["Location"] for r in results}) == 1
    assert _count(Post) == 2
