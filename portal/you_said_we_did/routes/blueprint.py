"""The "you said, we did" blueprint: public pages, editors' pages and the report share it."""

from flask import Blueprint

bp = Blueprint("you_said_we_did", __name__)
