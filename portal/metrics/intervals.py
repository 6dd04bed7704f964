"""Proportions and their uncertainty: Wilson score intervals and Newcombe's difference interval.

References:
    Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
    methods. Statistics in Medicine 1998;17:857-872 (method 3, the Wilson score interval).
    Newcombe RG. Interval estimation for the difference between independent proportions:
    comparison of eleven methods. Statistics in Medicine 1998;17:873-890 (method 10, the
    hybrid score interval).
"""

from __future__ import annotations

import math

#: The two-sided 95% point of the standard normal distribution.
Z_95 = 1.959963984540054

HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
POLARITIES = (HIGHER_IS_BETTER, LOWER_IS_BETTER)

IMPROVED = "improved"
WORSE = "worse"
NO_CLEAR_CHANGE = "no clear change"


def check_polarity(polarity: str) -> None:
    """Raise ValueError unless polarity is "higher_is_better" or "lower_is_better"."""
    if polarity not in POLARITIES:
        raise ValueError(f"polarity must be one of {POLARITIES}, not {polarity!r}")


def check_counts(favourable: int, n: int) -> None:
    """Check a favourable count against its number of valid answers.

    Raises:
        TypeError: either count is not an int (bool is refused too).
        ValueError: either count is negative, or favourable is greater than n.
    """
    for name, count in (("favourable", favourable), ("n", n)):
        if isinstance(count, bool) or not isinstance(count, int):
            raise TypeError(f"{name} must be an int, not {type(count).__name__}")
        if count < 0:
            raise ValueError(f"{name} must not be negative, got {count}")
    if favourable > n:
        raise ValueError(f"favourable ({favourable}) cannot be greater than n ({n})")


def proportion(favourable: int, n: int) -> float | None:
    """Return favourable / n, the share of valid answers that were favourable.

    Args:
        favourable: number of favourable answers.
        n: number of valid answers.

    Returns:
        The proportion in [0, 1], or None when n is 0 (no data).

    Raises:
        TypeError, ValueError: as check_counts.
    """
    check_counts(favourable, n)
    if n == 0:
        return None
    return favourable / n


def wilson_interval(favourable: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """Return the Wilson score interval (no continuity correction) for favourable / n.

    With p = favourable / n the limits are
        (p + z^2 / 2n  -/+  z * sqrt(p(1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n).
    The limits are set exactly to 0.0 when nothing was favourable and exactly to 1.0 when
    everything was, where floating-point rounding could otherwise leave a tiny residue.

    Args:
        favourable: number of favourable answers.
        n: number of valid answers.
        z: the normal quantile; the default gives a 95% interval.

    Returns:
        (low, high), or None when n is 0.

    Raises:
        TypeError, ValueError: as check_counts; ValueError also when z is not positive.
    """
    check_counts(favourable, n)
    if not z > 0:
        raise ValueError(f"z must be positive, got {z}")
    if n == 0:
        return None
    p = favourable / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half_width = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = 0.0 if favourable == 0 else max(0.0, centre - half_width)
    high = 1.0 if favourable == n else min(1.0, centre + half_width)
    return low, high


def newcombe_difference(
    f1: int, n1: int, f2: int, n2: int, z: float = Z_95
) -> tuple[float, float, float] | None:
    """Return p1 - p2 with Newcombe's hybrid score interval (method 10, Newcombe 1998).

    With Wilson limits (l1, u1) for p1 and (l2, u2) for p2:
        low  = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
        high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
    For a change against a baseline, pass the current period first: d = current - baseline.

    Args:
        f1, n1: favourable and valid answers in the first group (for example, now).
        f2, n2: favourable and valid answers in the second group (for example, the baseline).
        z: the normal quantile; the default gives a 95% interval.

    Returns:
        (difference, low, high), or None when n1 or n2 is 0.

    Raises:
        TypeError, ValueError: as check_counts, for either group.
    """
    first = wilson_interval(f1, n1, z)
    second = wilson_interval(f2, n2, z)
    if first is None or second is None:
        return None
    p1, p2 = f1 / n1, f2 / n2
    (l1, u1), (l2, u2) = first, second
    difference = p1 - p2
    low = difference - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = difference + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return difference, low, high


def change_verdict(
    difference_interval: tuple[float, ...] | None, polarity: str = HIGHER_IS_BETTER
) -> str | None:
    """Say whether a measure improved, got worse, or showed no clear change.

    A verdict other than "no clear change" needs the interval to exclude zero strictly: an
    interval whose limit is exactly 0 does not exclude it.

    Args:
        difference_interval: (low, high) or (difference, low, high) for current - baseline,
            as returned by newcombe_difference; only the last two values are read.
        polarity: "higher_is_better" (a rise is an improvement) or "lower_is_better".

    Returns:
        "improved", "worse" or "no clear change"; None when difference_interval is None.

    Raises:
        ValueError: unknown polarity, a tuple not of length 2 or 3, or low greater than high.
    """
    check_polarity(polarity)
    if difference_interval is None:
        return None
    if len(difference_interval) not in (2, 3):
        raise ValueError("difference_interval must be (low, high) or (difference, low, high)")
    low, high = difference_interval[-2], difference_interval[-1]
    if low > high:
        raise ValueError(f"interval low ({low}) is greater than high ({high})")
    if low > 0:
        rose = True
    elif high < 0:
        rose = False
    else:
        return NO_CLEAR_CHANGE
    return IMPROVED if rose == (polarity == HIGHER_IS_BETTER) else WORSE
