"""The request class: strips control characters from every form field and query argument.

PostgreSQL refuses NUL bytes in text, and no one means to send control characters; removing them
here, once, keeps every form and filter safe on both databases (tabs and line breaks are kept).
"""
import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict, iter_multi_items

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value):
    """`value` without C0 control characters (except tab, line feed and carriage return) and DEL."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


class CleanMultiDict(ImmutableMultiDict):
    def __init__(self, mapping=None):
        if mapping is not None:
            items = mapping.items(multi=True) if isinstance(mapping, MultiDict) else iter_multi_items(mapping)
            mapping = [(clean(key), clean(value)) for key, value in items]
        super().__init__(mapping)


class PortalRequest(Request):
    parameter_storage_class = CleanMultiDict
