"""The staff password policy: long enough, not published, and not a common or easily guessed
password."""

import re

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 12
_COMMON = frozenset(FREQUENCY_LISTS["passwords"])
# The demo accounts' password is printed in the README and by `make run`: never a real password,
# however it is capitalised or punctuated.
PUBLISHED = ("purplelanternotter",)
# Breached-style passwords are often a local name plus a year ("Shropshire2026!"). zxcvbn scores
# these down when it is told the words, as it is with the user's own email.
LOCAL_WORDS = (
    "shropshire",
    "shrewsbury",
    "telford",
    "oswestry",
    "sendiass",
    "send",
    "pacc",
    "council",
    "portal",
    "voice",
    "partnership",
    "forum",
    "ehcp",
    "sendvoice",
    "parentcarer",
)


def is_published(password):
    """True when the password is the published demo password, in any case or punctuation."""
    letters = re.sub(r"[^a-z]", "", password.lower())
    return any(word in letters for word in PUBLISHED)


def password_problem(password, *, user_inputs=()):
    """Return a plain-English reason the password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters"
    if is_published(password):
        return "That password is published in this service's instructions. Choose your own"
    lowered = password.lower()
    if lowered in _COMMON or lowered.rstrip("0123456789!") in _COMMON:
        return "Password is too common. Try three or four random words together"
    if zxcvbn(password[:100], user_inputs=[*user_inputs, *LOCAL_WORDS])["score"] < 3:
        return "Password is too easy to guess. Try three or four random words together"
    return None
