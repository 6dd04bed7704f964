"""The Flask class, with one lookup kept between requests."""

from flask import Flask


class PortalFlask(Flask):
    """Flask, remembering which hooks and views are plain functions.

    Flask asks `inspect.iscoroutinefunction` of every before- and after-request hook, context
    processor, teardown and view on every request (about twenty a page, a seventieth of a question
    page's time); the answer for a given function never changes. A coroutine function is still
    handed to Flask every time, so it is treated exactly as Flask treats it.
    """

    def ensure_sync(self, func):
        plain = self._plain_functions
        try:
            if func in plain:
                return func
        except TypeError:  # an unhashable callable: ask Flask
            return super().ensure_sync(func)
        wrapped = super().ensure_sync(func)
        if wrapped is func and len(plain) < 10_000:
            plain.add(func)
        return wrapped

    @property
    def _plain_functions(self):
        found = self.__dict__.get("_portal_plain_functions")
        if found is None:
            found = self.__dict__["_portal_plain_functions"] = set()
        return found
