"""One list of active localities: a place switched off leaves every picker and breakdown."""

from sqlalchemy import select

from portal.extensions import db
from portal.measures.results import dimension_labels
from portal.reference.models import Locality
from portal.reference.services import active_localities, all_localities
from portal.surveys.services import reference_options
from portal.you_said_we_did.queries import filter_choices
from tests.factories import make_reference_data


def _switch_off_first():
    make_reference_data()
    place = db.session.scalars(select(Locality).order_by(Locality.position)).first()
    place.active = False
    db.session.commit()
    return place


def test_an_inactive_locality_is_left_out_everywhere(app):
    place = _switch_off_first()
    assert place not in active_localities() and place in all_localities()
    assert place.slug not in {o["code"] for o in reference_options(("locality",))["locality"]}
    assert place.id not in {raw for raw, _, _ in dimension_labels("locality")}
    assert place not in filter_choices()[1]


def test_active_localities_are_in_menu_order(app):
    make_reference_data()
    positions = [(place.position, place.name) for place in active_localities()]
    assert positions == sorted(positions) and len(positions) > 1
