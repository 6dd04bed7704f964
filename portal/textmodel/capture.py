"""Moderators' decisions read as training labels (issue 14: "the moderators teach it").

Each function is called inside the deciding service's transaction (which audits and commits) and
records a label only where the decision says something the analysis did not already say, so a label
is always a correction or a confirmation a person made. Only redacted text is kept (see
record_label). Staff-logged insight (text owned by an organisation, portal/walls) is never copied
into the shared label table.
"""

from portal.textmodel.services import record_label


def _usable(contribution):
    return bool(contribution.redacted_text) and contribution.owner_organisation is None


def _label(contribution, field, value):
    if _usable(contribution):
        record_label(contribution, field, value)


def escalated(contribution):
    """A moderator saw risk the analysis missed."""
    if not contribution.safeguarding_flag:
        _label(contribution, "safeguarding", True)


def cleared(contribution):
    """A safeguarding lead closed the concern as no risk of harm."""
    _label(contribution, "safeguarding", False)


def approved(contribution, *, original_text):
    """Approval says the text is not abusive, and whether it held personal data (the moderator's
    redaction changed it or not) where the analysis said otherwise."""
    if contribution.abusive_flag:
        _label(contribution, "abusive", False)
    found = bool(contribution.pii_spans) or contribution.pii_suspected
    redacted = (contribution.redacted_text or "").strip() != (original_text or "").strip()
    if found != redacted:
        _label(contribution, "pii", redacted)


def rejected(contribution, reason):
    """Rejected as unkind or abusive when the analysis did not flag it."""
    if reason == "unkind" and not contribution.abusive_flag:
        _label(contribution, "abusive", True)


def theme_confirmed(contribution, slug):
    _label(contribution, "theme", f"+{slug}")


def theme_removed(contribution, slug):
    _label(contribution, "theme", f"-{slug}")
