"""The app class remembers which hooks are plain functions, and still hands coroutines to Flask."""

import pytest
from flask import Flask

from portal.flask_app import PortalFlask


def test_a_plain_function_is_used_as_it_is_and_remembered():
    app = PortalFlask(__name__)

    def hook():
        return "plain"

    assert app.ensure_sync(hook) is hook
    assert app.ensure_sync(hook) is hook
    assert hook in app._plain_functions


def test_a_coroutine_function_is_never_taken_for_a_plain_one():
    app, flask_app = PortalFlask(__name__), Flask(__name__)

    async def hook():
        return "coroutine"

    for _ in range(2):  # the second time too: nothing was remembered
        try:
            expected = flask_app.ensure_sync(hook)
        except RuntimeError as error:  # Flask without its async extra refuses coroutines
            with pytest.raises(RuntimeError, match=str(error)[:20]):
                app.ensure_sync(hook)
        else:
            assert app.ensure_sync(hook) is not hook and expected is not hook
    assert hook not in app._plain_functions


def test_the_portal_is_built_with_it(app):
    assert isinstance(app, PortalFlask)
    app.test_client().get("/")
    assert len(app._plain_functions) > 5  # its hooks, context processors and the home view
