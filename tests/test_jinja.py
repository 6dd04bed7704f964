"""Template helpers for a deployed app: templates compiled once, asset URLs built once."""

import os
import re

from portal import create_app
from portal.jinja import asset


def test_a_deployed_app_keeps_templates_and_asset_urls(monkeypatch):
    served = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert not served.debug and served.jinja_env.auto_reload is False  # templates compiled once
    with served.test_request_context("/"):
        first = asset("css/portal.css")
        assert re.fullmatch(r"/static/css/portal\.css\?v=\w+", first)

        def no_stat(path):
            raise AssertionError(f"{path} looked at again")

        monkeypatch.setattr(os.path, "getmtime", no_stat)
        monkeypatch.setattr(os.path, "exists", no_stat)
        assert asset("css/portal.css") == first
