"""The surveys blueprint: taking a survey, the builder, staff operations and event (kiosk) mode
share it."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)
