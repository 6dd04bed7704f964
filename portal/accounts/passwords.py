"""The staff password policy: long enough and not a common or easily guessed password."""
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 12
_COMMON = frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password, *, user_inputs=()):
    """Return a plain-English reason the password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters"
    lowered = password.lower()
    if lowered in _COMMON or lowered.rstrip("0123456789!") in _COMMON:
        return "Password is too common. Try three or four random words together"
    if zxcvbn(password[:100], user_inputs=list(user_inputs))["score"] < 3:
        return "Password is too easy to guess. Try three or four random words together"
    return None
