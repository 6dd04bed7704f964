"""The request class: strips control characters from every form field and query argument.

PostgreSQL refuses NUL bytes in text, and no one means to send control characters; removing them
here, once, keeps every form and filter safe on both databases (tabs and line breaks are kept).
Multipart parts without a name are dropped (CSRF and forms would fail on a key of None).
"""

import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict, iter_multi_items

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value):
    """`value` without C0 control characters (except tab, line feed and carriage return) and DEL."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def _named(items):
    """Items with a name: a multipart part without one arrives with the key None, which nothing can
    use (CSRF and forms fail on it), so it is dropped, and an unnamed file closed."""
    for key, value in items:
        if key is not None:
            yield key, value
        elif hasattr(value, "close"):
            value.close()


class CleanMultiDict(ImmutableMultiDict):
    def __init__(self, mapping=None):
        if mapping is not None:
            items = (
                mapping.items(multi=True)
                if isinstance(mapping, MultiDict)
                else iter_multi_items(mapping)
            )
            mapping = [(clean(key), clean(value)) for key, value in _named(items)]
        super().__init__(mapping)


class PortalRequest(Request):
    parameter_storage_class = CleanMultiDict
