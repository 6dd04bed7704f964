"""The young people's forum: join, sign in, boards, topics, replies, reports; suspension for
moderators."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user

from portal.accounts import throttle
from portal.accounts.models import User
from portal.contributions.models import REJECTION_REASONS, Contribution
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db, limiter, login_manager
from portal.forms_util import ConfirmForm, apply_errors
from portal.forum import members, services
from portal.forum.forms import (
    JoinForm,
    MemberSignInForm,
    PostForm,
    ReportForm,
    SuspendForm,
    TopicForm,
)
from portal.forum.models import Board, Post, Report, Topic
from portal.permissions import Role, can_moderate, has_role, public, role_required
from portal.urls import safe_next

bp = Blueprint("forum", __name__, url_prefix="/forum")
login_manager.blueprint_login_views["forum"] = "forum.sign_in"
READERS = (Role.YOUNG_PERSON, Role.MODERATOR)  # viewers do not read young people's posts


def can_read_forum(user):
    """Young people and moderators read the forum (its menu entry shows for them)."""
    return has_role(user, *READERS)


def _limit():
    return current_app.config["PUBLIC_POST_RATE_LIMIT"]


@bp.route("/")
@role_required(*READERS)
def index():
    return render_template(
        "forum/index.html", boards=services.boards(), profile=members.profile_for(current_user)
    )


@bp.route("/house-rules")
@public
def house_rules():
    return render_template("forum/house_rules.html")


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@public
def join():
    form = JoinForm()
    if form.validate_on_submit():
        try:
            user = members.register_member(
                username=form.username.data,
                password=form.password.data,
                age_band=form.age_band.data,
                parental_consent=form.parental_consent.data,
                house_rules=form.house_rules.data,
                keep_name=form.keep_name.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            session.clear()
            login_user(user)
            flash("Welcome to the forum. You are signed in.", "success")
            return redirect(url_for("forum.index"))
    return render_template("forum/join.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(throttle.login_limit, methods=["POST"])
@limiter.limit(
    throttle.account_limit,
    key_func=throttle.account_key("username"),
    methods=["POST"],
    deduct_when=throttle.failed,
)
@public
def sign_in():
    form = MemberSignInForm()
    if form.validate_on_submit():
        user = members.authenticate_member(form.username.data, form.password.data)
        if user is not None:
            session.clear()
            login_user(user)
            session.permanent = True
            return redirect(safe_next(request.args.get("next")) or url_for("forum.index"))
        form.username.errors.append("Enter a correct username and password")
    return render_template("forum/sign_in.html", form=form)


@bp.route("/boards/<slug>")
@role_required(*READERS)
def board(slug):
    board = db.one_or_404(db.select(Board).filter_by(slug=slug))
    return render_template(
        "forum/board.html",
        board=board,
        topics=services.visible_topics(board, current_user),
        title_for=services.topic_title_for,
    )


@bp.route("/boards/<slug>/new", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@role_required(*READERS)
def new_topic(slug):
    board = db.one_or_404(db.select(Board).filter_by(slug=slug))
    form = TopicForm()
    if form.validate_on_submit():
        try:
            post = services.start_topic(
                board,
                author=current_user,
                title=form.title.data,
                text=form.text.data,
                form_token=form.form_token.data,
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            return _after_post(post)
    return render_template(
        "forum/new_topic.html", board=board, form=form, can_post=services.can_post(current_user)
    )


def _after_post(post):
    if post.contribution.needs_signposting and not current_user.is_staff:
        session["forum_signpost"] = True
    else:
        flash(
            "Thank you. A moderator will check your post soon." if not post.by_staff else "Posted.",
            "success",
        )
    return redirect(url_for("forum.topic", topic_id=post.topic_id, _anchor=f"post-{post.id}"))


def _topic_or_404(topic_id):
    topic = db.get_or_404(Topic, topic_id)
    if (
        not services.visible_posts(topic, current_user)
        or services.visible_posts(topic, current_user)[0].id != topic.posts[0].id
    ):
        abort(404)
    return topic


@bp.route("/topics/<int:topic_id>", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@role_required(*READERS)
def topic(topic_id):
    topic = _topic_or_404(topic_id)
    form = PostForm()
    if form.validate_on_submit():
        try:
            return _after_post(
                services.reply(
                    topic, author=current_user, text=form.text.data, form_token=form.form_token.data
                )
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
    return render_template(
        "forum/topic.html",
        topic=topic,
        title=services.topic_title_for(topic, current_user),
        posts=services.visible_posts(topic, current_user),
        form=form,
        can_post=services.can_post(current_user),
        delete_form=ConfirmForm(),
        signpost=session.pop("forum_signpost", False),
    )


def _post_or_404(post_id):
    post = db.get_or_404(Post, post_id)
    if post not in services.visible_posts(post.topic, current_user):
        abort(404)
    return post


@bp.route("/posts/<int:post_id>/report", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@role_required(*READERS)
def report(post_id):
    post, form = _post_or_404(post_id), ReportForm()
    if form.validate_on_submit():
        try:
            services.report_post(
                post, reporter=current_user, reason=form.reason.data, details=form.details.data
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash("Thank you for telling us. A moderator will look at it.", "success")
            if form.reason.data == "worried":
                session["forum_signpost"] = True
            return redirect(url_for("forum.topic", topic_id=post.topic_id))
    return render_template("forum/report.html", post=post, form=form)


@bp.route("/posts/<int:post_id>/delete", methods=["POST"])
@role_required(*READERS)
def delete_post(post_id):
    post = _post_or_404(post_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.delete_own_post(post, user=current_user)
    except NotAllowed:
        abort(403)
    flash("Your post has been deleted.", "success")
    return redirect(url_for("forum.board", slug=post.topic.board.slug))


@bp.route("/members/<int:user_id>/suspend", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def suspend(user_id):
    member = db.get_or_404(User, user_id)
    if member.role != Role.YOUNG_PERSON:
        abort(404)
    form, item = SuspendForm(), _suspend_item(member)
    if form.validate_on_submit():
        try:
            members.suspend(
                member,
                moderator=current_user,
                reason=form.reason.data,
                item_id=getattr(item, "id", None),
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(f"{member.username} is suspended.", "success")
            return redirect(
                url_for("moderation.item", item_id=item.id) if item else url_for("moderation.queue")
            )
    return render_template(
        "forum/manage/suspend.html",
        member=member,
        form=form,
        item=item,
        profile=members.profile_for(member),
        unsuspend_form=ConfirmForm(),
    )


def _suspend_item(member):
    """The moderation item named by ?item=, when it is a post by `member` (from the item page)."""
    item = db.session.get(Contribution, request.args.get("item", type=int) or 0)
    return item if item is not None and services.post_author_for(item) == member else None


@bp.route("/members/<int:user_id>/unsuspend", methods=["POST"])
@role_required(Role.MODERATOR)
def unsuspend(user_id):
    member = db.get_or_404(User, user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    members.unsuspend(member, moderator=current_user)
    flash(f"{member.username} can post again.", "success")
    return redirect(url_for("forum.suspend", user_id=member.id))


@bp.route("/reports")
@role_required(Role.MODERATOR)
def reports():
    return render_template(
        "forum/manage/reports.html",
        reports=services.open_reports(),
        form=ConfirmForm(),
        can_moderate=can_moderate,
    )


@bp.route("/reports/<int:report_id>/resolve", methods=["POST"])
@role_required(Role.MODERATOR)
def resolve_report(report_id):
    report = db.get_or_404(Report, report_id)
    if ConfirmForm().validate_on_submit():
        services.resolve_report(report, moderator=current_user)
        flash("Report marked as dealt with.", "success")
    return redirect(url_for("forum.reports"))


@bp.app_template_global()
def rejection_kind(code):
    """The kind, plain explanation a forum author sees for a rejection reason code."""
    return REJECTION_REASONS.get(code, REJECTION_REASONS["other"])[1]
