"""Control characters never reach the database (PostgreSQL refuses NUL bytes in text)."""

from portal.requests import clean


def test_clean_keeps_tabs_and_line_breaks():
    assert clean("a\x00b\x1bc\td\ne\rf\x7f") == "abc\td\ne\rf"
    assert clean(None) is None


def test_nul_in_form_and_query(client):
    response = client.post(
        "/sign-in?next=/sta\x00ff", data={"email": "a\x00@b.test", "password": "x\x00y"}
    )
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.get_data(as_text=True)


def test_nul_in_path_is_not_found(client):
    assert client.get("/forum/boards/x%00y").status_code == 404
