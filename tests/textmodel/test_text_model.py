"""The text model in the portal: the version recorded with each analysis, activation (audited,
refused when safeguarding recall would fall), reanalyse --outdated, moderators' labels (deleted
with their contribution) and the admin page."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.contributions.services import submit_contribution
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.moderation.services import reject
from portal.privacy.services import erase_person, purge
from portal.text.learned import active
from portal.text.learned.model import SHIPPED_DIR
from portal.textmodel import services
from portal.textmodel.models import TextLabel, TextModelActivation
from tests.factories import make_user

MISSED_BY_RULES = "dad says if i tell anyone what happens at night nobody will believe me anyway"


@pytest.fixture
def candidates(tmp_path, app, monkeypatch):
    """Write candidate model files (copies of the shipped one, changed) into a temporary folder."""
    monkeypatch.setitem(app.config, "TEXT_MODEL_DIR", str(tmp_path))
    active.add_search_dir(tmp_path)
    shipped = json.loads(
        (SHIPPED_DIR / f"{active.shipped_default_version()}.json").read_text(encoding="utf-8")
    )

    def make(version, *, deaf_to_safeguarding=False):
        data = dict(shipped, version=version, training={"moderator_label_ids": []})
        if deaf_to_safeguarding:
            data["intercept"] = [-60.0] + shipped["intercept"][1:]
            if "safeguarding" in (
                shipped.get("word_heads") or {}
            ):  # and its word-only companion head
                data["word_heads"] = {
                    **shipped["word_heads"],
                    "safeguarding": {**shipped["word_heads"]["safeguarding"], "intercept": -60.0},
                }
        (tmp_path / f"{version}.json").write_text(json.dumps(data), encoding="utf-8")
        return version

    yield make
    active.load_version.cache_clear()


@pytest.fixture
def small_reference(monkeypatch):
    """Reference sets small enough to score quickly: one disclosure only the model catches."""
    monkeypatch.setattr(
        services,
        "reference_sets",
        lambda: {
            "new-wording": [
                (MISSED_BY_RULES, True),
                ("i want to kill myself", True),
                ("the bus was late again", False),
            ]
        },
    )


def test_each_analysis_records_the_active_model_version(app):
    item = submit_contribution(source="feedback", text="The SENCO never replies to my emails.")
    assert item.analysis_model_version == active.shipped_default_version()


def test_activation_refused_when_safeguarding_recall_falls(candidates, small_reference, admin):
    version = candidates("test-deaf", deaf_to_safeguarding=True)
    with pytest.raises(InvalidTransition, match="new-wording 1.000 -> 0.500"):
        services.activate(version, actor=admin)
    assert db.session.scalar(select(TextModelActivation)) is None
    assert active.active_version() == active.shipped_default_version()


def test_unknown_or_broken_version_is_refused(candidates, admin, tmp_path):
    with pytest.raises(ValidationFailed):
        services.activate("no-such-model", actor=admin)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValidationFailed):
        services.activate("broken", actor=admin)
    with pytest.raises(ValidationFailed):
        services.activate("../../instance/portal", actor=admin)


def test_activation_is_audited_and_reanalyse_outdated_brings_items_up(
    candidates, small_reference, admin, runner
):
    old = submit_contribution(source="feedback", text="Transport to college is a nightmare.")
    version = candidates("test-same")
    activation = services.activate(version, actor=admin)
    assert active.active_version() == version
    assert activation.figures["after"] == {"new-wording": 1.0}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "text_model.activated"))
    assert event.actor_id == admin.id and event.details["version"] == version
    new = submit_contribution(source="feedback", text="The new caseworker is lovely.")
    assert new.analysis_model_version == version
    assert db.session.get(Contribution, old.id).analysis_model_version != version
    result = runner.invoke(args=["reanalyse", "--outdated"])
    assert result.exit_code == 0 and "Re-analysed 1 contributions" in result.output
    db.session.expire_all()
    assert db.session.get(Contribution, old.id).analysis_model_version == version
    with pytest.raises(InvalidTransition):
        services.activate(version, actor=admin)  # already active


def test_activate_command_reports_refusal(candidates, small_reference, runner):
    candidates("test-deaf", deaf_to_safeguarding=True)
    result = runner.invoke(args=["text", "activate", "test-deaf"])
    assert result.exit_code != 0 and "Safeguarding recall would fall" in result.output
    result = runner.invoke(args=["text", "activate", "nope"])
    assert result.exit_code != 0 and "cannot be used" in result.output


def _labelled_item(text="Nobody at school listens to him."):
    item = submit_contribution(source="feedback", text=text)
    services.record_label(item, "safeguarding", False)
    services.record_label(item, "theme", "+being-heard")
    db.session.commit()
    return item


def test_labels_hold_redacted_text_and_wait_to_be_used(candidates, small_reference, admin):
    item = submit_contribution(
        source="feedback", text="Call me on 07700 900123, nobody rings back."
    )
    label = services.record_label(item, "pii", True)
    db.session.commit()
    assert "07700" not in label.text and label.text == item.redacted_text
    assert services.waiting_label_count() == 1
    version = candidates("test-with-label")
    path = services.candidate_folder() / f"{version}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["training"]["moderator_label_ids"] = [f"m{item.id}"]
    path.write_text(json.dumps(data), encoding="utf-8")
    services.activate(version, actor=admin)
    assert services.waiting_label_count() == 0
    assert db.session.get(TextLabel, label.id).used_in_version == version


@pytest.mark.parametrize(
    "field, value", [("colour", "red"), ("sentiment", "furious"), ("theme", "ehcp"), ("theme", "+")]
)
def test_bad_labels_are_refused(field, value):
    item = submit_contribution(source="feedback", text="Fine.")
    with pytest.raises(ValueError):
        services.record_label(item, field, value)


def test_labels_go_with_their_contribution_under_retention():
    moderator = make_user(role="moderator")
    item = _labelled_item()
    reject(item, moderator=moderator, reason="off_topic")
    purge(now=utcnow() + timedelta(days=400))
    assert db.session.scalars(select(TextLabel)).all() == []


def test_labels_go_with_their_contribution_under_erasure(admin):
    from portal.feedback.services import submit_feedback

    item = submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message="Please reply to me",
        contact_choices=["reply"],
        email="mum@example.test",
    )
    services.record_label(item, "sentiment", "neutral")
    db.session.commit()
    erase_person("mum@example.test", actor=admin)
    assert db.session.scalars(select(TextLabel)).all() == []


def test_moderator_labels_become_training_records():
    item = _labelled_item()
    records = services.training_records(["being-heard"])
    mine = [r for r in records if r["group"] == "moderators"]
    assert mine == [
        {
            "id": f"m{item.id}",
            "group": "moderators",
            "text": item.redacted_text,
            "safeguarding": False,
            "abusive": None,
            "pii": None,
            "sentiment": None,
            "themes": {"being-heard": True},
            "complete": False,
        }
    ]


def test_admin_page_shows_model_figures_and_waiting_labels(client, login_as, admin):
    _labelled_item()
    login_as(admin)
    page = client.get("/staff/text-model/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert active.shipped_default_version() in html
    assert (
        "Moderator labels waiting to be used" in html
        and '<dd class="govuk-summary-list__value">2</dd>' in html
    )
    assert "cross-validated" in html


@pytest.mark.parametrize("role", ["moderator", "editor", "viewer"])
def test_only_admins_see_the_page(client, login_as, role):
    login_as(make_user(role=role))
    assert client.get("/staff/text-model/").status_code == 403


def test_train_command_writes_a_candidate_and_prints_figures_beside_the_active_models(
    app, runner, tmp_path, monkeypatch
):
    from portal.text.learned import corpus

    monkeypatch.setitem(app.config, "TEXT_MODEL_DIR", str(tmp_path))
    active.add_search_dir(tmp_path)
    # Two sets keep it quick; the moderators' label joins training but is never a scored fold.
    monkeypatch.setattr(
        corpus,
        "available_sets",
        lambda: {
            "challenge": corpus.DATA_DIR / "challenge.jsonl",
            "holdout": corpus.DATA_DIR / "holdout.jsonl",
        },
    )
    _labelled_item()
    result = runner.invoke(args=["text", "train"])
    assert result.exit_code == 0, result.output
    written = list(tmp_path.glob("*.json"))
    assert len(written) == 1
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data["training"]["by_group"] == {"challenge": 266, "holdout": 222, "moderators": 1}
    assert f"Candidate {data['version']}" in result.output and "Active " in result.output
    assert "challenge" in result.output and "holdout" in result.output
    assert f"portal text activate {data['version']}" in result.output
    assert active.active_version() == active.shipped_default_version()  # training never activates


def test_suspected_personal_data_sends_the_moderator_to_look(client, login_as, moderator):
    from portal.moderation.services import bulk_approve, is_clean

    item = submit_contribution(
        source="feedback", text="Our lass at the big school loves the new club."
    )
    item.pii_suspected = True  # set-up: what the learned layer says when no span was found
    db.session.commit()
    assert not is_clean(item)
    bulk_approve([item.id], moderator=moderator)
    assert db.session.get(Contribution, item.id).status == "pending"
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "the learned model thinks this may name or contact someone" in page
    queue = client.get("/staff/moderation?flag=personal_data").get_data(as_text=True)
    assert f"/staff/moderation/{item.id}" in queue
