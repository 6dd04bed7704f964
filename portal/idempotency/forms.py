"""The hidden one-time token field: a fresh token when the form is first shown, the same one when
resent."""

import re
import secrets

from wtforms import HiddenField

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token():
    return secrets.token_urlsafe(24)


class FormTokenField(HiddenField):
    """Keeps the token the browser sent back; a missing or malformed one is replaced by a fresh
    token (so that request is stored as a new form, and the page shown again carries a good
    token)."""

    def process_formdata(self, valuelist):
        sent = valuelist[0] if valuelist else ""
        self.data = sent if TOKEN.match(sent) else new_token()


def form_token_field():
    return FormTokenField(default=new_token)
