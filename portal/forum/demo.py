"""Demo forum boards, a member, posts, feedback and a safeguarding concern for a newcomer's first
run."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.demo_staff import DEMO_PASSWORD, give_demo_password, setup_password
from portal.extensions import db
from portal.feedback.services import submit_feedback
from portal.forum import members, services
from portal.forum.models import Board

DEMO_MEMBER = "bluefox7"


def load_forum_demo():
    services.ensure_boards()
    if members.find_member(DEMO_MEMBER) is not None:
        return [
            f"Demo forum member: {DEMO_MEMBER} (password {DEMO_PASSWORD}), sign in at "
            "/forum/sign-in"
        ]
    member = members.register_member(
        username=DEMO_MEMBER,
        password=setup_password(),
        age_band="16-18",
        parental_consent=False,
        house_rules=True,
    )
    give_demo_password(member)
    staff = db.session.scalar(select(User).where(User.email == "moderator@example.org"))
    board = db.session.scalar(select(Board).where(Board.slug == "have-your-say"))
    if staff is not None:
        services.start_topic(
            board,
            author=staff,
            title="What would make school transport better?",
            text="Tell us what works and what does not on your way to school or college.",
        )
    school = db.session.scalar(select(Board).where(Board.slug == "school-and-college"))
    services.start_topic(
        school,
        author=member,
        title="Quiet room at lunch",
        text="Having a quiet room at lunch really helps me. My teacher Mrs Patel set it up.",
    )

    submit_feedback(
        author_role="parent_carer",
        about="waiting for an assessment",
        locality=None,
        message="We have waited nine months for an EHC needs assessment and nobody tells us why.",
    )
    submit_feedback(
        author_role="young_person",
        about="",
        locality=None,
        message="Sometimes I feel like I want to hurt myself and nobody listens.",
    )
    return [
        f"Demo forum member: {DEMO_MEMBER} (password {DEMO_PASSWORD}), sign in at /forum/sign-in"
    ]
