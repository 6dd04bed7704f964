"""Re-running analysis over stored contributions after the rules or the taxonomy change."""

import logging
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from portal.contributions.models import Contribution
from portal.contributions.services import apply_analysis
from portal.extensions import db
from portal.safeguarding.models import Concern
from portal.text.learned.active import active_version

log = logging.getLogger(__name__)
BATCH_SIZE = 500


@dataclass
class ReanalyseCounts:
    analysed: int = 0
    newly_flagged: int = 0
    concerns_opened: int = 0
    batches: int = 0


def reanalyse_query(*, since=None, source=None, outdated=False):
    """Ids of the contributions to re-analyse, oldest first; `since` is a date or datetime;
    `outdated`: only those not analysed with the active learned model."""
    query = select(Contribution.id)
    if outdated:
        version = active_version()
        query = query.where(
            Contribution.analysis_model_version.is_(None)
            if version is None
            else or_(
                Contribution.analysis_model_version.is_(None),
                Contribution.analysis_model_version != version,
            )
        )
    if since is not None:
        query = query.where(Contribution.created_at >= since)
    if source:
        query = query.where(Contribution.source == source)
    return query.order_by(Contribution.id)


def count_to_reanalyse(*, since=None, source=None, outdated=False):
    query = reanalyse_query(since=since, source=source, outdated=outdated)
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def _reanalyse_one(contribution, had_concern, counts):
    """Re-analyse one contribution, keeping what staff decided: its status and a handled concern's
    flag."""
    status, flagged = contribution.status, contribution.safeguarding_flag
    reasons = list(contribution.safeguarding_reasons or [])
    apply_analysis(
        contribution
    )  # runs on_analysed: safeguarding opens a concern only if none ever existed
    if had_concern:
        # A person has already handled (or is handling) safeguarding here: their decision stands.
        contribution.safeguarding_flag, contribution.safeguarding_reasons = flagged, reasons
        contribution.status = status
    elif contribution.safeguarding_flag and not flagged:
        counts.newly_flagged += 1
    counts.analysed += 1


def reanalyse(*, since=None, source=None, batch_size=BATCH_SIZE, progress=None, outdated=False):
    """Re-run analysis over contributions (all, or created since `since`, or from one source).

    Works in batches of `batch_size`, committing each. Staff-confirmed and dismissed themes are
    kept; moderation status is never changed, except that a contribution newly flagged for
    safeguarding that never had a concern opens one (through the on_analysed hook), which escalates
    it. `progress(n)` is called after each batch with how many were done. Returns ReanalyseCounts.
    """
    ids = db.session.scalars(reanalyse_query(since=since, source=source, outdated=outdated)).all()
    counts = ReanalyseCounts()
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        with_concern = set(
            db.session.scalars(
                select(Concern.contribution_id).where(Concern.contribution_id.in_(chunk))
            )
        )
        concerns_before = db.session.scalar(select(func.count(Concern.id)))
        for contribution in db.session.scalars(
            select(Contribution).where(Contribution.id.in_(chunk)).order_by(Contribution.id)
        ):
            _reanalyse_one(contribution, contribution.id in with_concern, counts)
        counts.concerns_opened += (
            db.session.scalar(select(func.count(Concern.id))) - concerns_before
        )
        db.session.commit()
        counts.batches += 1
        if progress:
            progress(len(chunk))
    log.info(
        "re-analysed %s contributions in %s batches; %s concerns opened",
        counts.analysed,
        counts.batches,
        counts.concerns_opened,
    )
    return counts
