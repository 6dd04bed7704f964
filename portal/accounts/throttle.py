"""Sign-in throttling per account, beside the per-address limit: many addresses (or a spoofed
X-Forwarded-For) cannot try one account's password more often than ACCOUNT_LOGIN_RATE_LIMIT."""

import functools
import hashlib

from flask import current_app, request
from werkzeug.security import check_password_hash, generate_password_hash


def login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def account_limit():
    return current_app.config["ACCOUNT_LOGIN_RATE_LIMIT"]


def account_key(field):
    """A key_func naming the account typed into `field` (any text, existing or not, so a 429 says
    nothing about which accounts exist)."""

    def key():
        name = (request.form.get(field) or "").strip().lower()[:254]
        return "account:" + hashlib.sha256(name.encode()).hexdigest()

    return key


def failed(response):
    """Only failed attempts count against an account, so its owner signing in is never throttled."""
    return response.status_code != 302


@functools.cache
def _dummy_hash():
    return generate_password_hash(
        "no account has this password"
    )  # same method and cost as real ones


def spend_password_check(password):
    """Take as long as checking a real password, for sign-ins that name no usable account, so the
    time taken does not tell anyone which accounts exist."""
    check_password_hash(_dummy_hash(), password or "")
