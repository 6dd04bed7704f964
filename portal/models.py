"""Every feature's models in one import, for Alembic autogenerate and `flask shell`. No classes
here."""

from portal.accounts.models import User  # noqa: F401
from portal.audit.models import AuditEvent  # noqa: F401
from portal.contributions.models import Contribution  # noqa: F401
from portal.disagreements.models import DisagreementCount  # noqa: F401
from portal.feedback.models import FeedbackContact  # noqa: F401
from portal.forum.models import Board, ForumProfile, Post, Report, Topic  # noqa: F401
from portal.glossary.models import GlossaryTerm  # noqa: F401
from portal.idempotency.models import FormSubmission  # noqa: F401
from portal.insight_summaries.models import InsightSummary, SummaryVersion  # noqa: F401
from portal.mail.models import OutboxMessage  # noqa: F401
from portal.measure_actions.models import MeasureAction  # noqa: F401
from portal.measures.models import (  # noqa: F401
    Baseline,
    CoproductionActivity,
    FigureChange,
    Measure,
    MeasureFigure,
    PublishedFigure,
    Target,
)
from portal.reference.models import AgeBand, Cohort, EducationSetting, Locality  # noqa: F401
from portal.safeguarding.models import Concern, ConcernNote  # noqa: F401
from portal.surveys.models import (  # noqa: F401
    DistributionLink,
    Question,
    ResumeEmail,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyVersion,
)
from portal.textmodel.models import TextLabel, TextModelActivation  # noqa: F401
from portal.themes.models import ContributionTheme, Theme  # noqa: F401
from portal.walls.models import OrganisationWall  # noqa: F401
from portal.you_said_we_did.models import Entry, EntryEvent, Evidence, Subscriber  # noqa: F401
