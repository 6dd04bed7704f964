"""The framework's own limit: a bare Flask app served the same way as the portal."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello"
