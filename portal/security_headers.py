"""Talisman's security headers, worked out once rather than on every response.

Talisman parses its policies into header values on every response (and looks up its options three
times a request). They never change while the app runs, so PortalTalisman works them out at the
first response, with a marker where each response's CSP nonce goes, and then only copies them.
Strict-Transport-Security still depends on each request (sent over HTTPS only), so Talisman sets
it as before; a view with its own Talisman options, or a response without a nonce, is left to
Talisman entirely. tests/test_security_headers.py checks the headers are Talisman's own.
"""

import flask
from flask_talisman import Talisman
from flask_talisman.talisman import NONCE_LENGTH, get_random_string

NONCE = "\x00nonce\x00"
FIXED_EXCLUDED = {"Content-Type", "Content-Length", "Strict-Transport-Security"}


class PortalTalisman(Talisman):
    def init_app(self, app, **kwargs):
        super().init_app(app, **kwargs)
        self._fixed = None

    def _own_options(self):
        view = flask.current_app.view_functions.get(flask.request.endpoint)
        return hasattr(view, "talisman_view_options")

    def _force_https(self):
        if self.force_https or self._own_options():
            return super()._force_https()
        if self.session_cookie_secure and not self.app.debug:
            self.app.config["SESSION_COOKIE_SECURE"] = True
        return None

    def _make_nonce(self):
        if self._own_options():
            return super()._make_nonce()
        if (
            self.content_security_policy
            and self.content_security_policy_nonce_in
            and not getattr(flask.request, "csp_nonce", None)
        ):
            flask.request.csp_nonce = get_random_string(NONCE_LENGTH)
        return None

    def _set_response_headers(self, response):
        nonce = getattr(flask.request, "csp_nonce", None)
        if nonce is None or self._own_options():
            return super()._set_response_headers(response)
        if self._fixed is None:
            self._fixed = self._work_out_fixed_headers()
        headers = response.headers
        for name, value in self._fixed:
            headers[name] = value.replace(NONCE, nonce) if NONCE in value else value
        self._set_hsts_headers(headers)
        return response

    def _work_out_fixed_headers(self):
        """[(name, value)] as Talisman sets them, with NONCE where the nonce goes."""
        probe = flask.Response()
        nonce = flask.request.csp_nonce
        flask.request.csp_nonce = NONCE
        try:
            super()._set_response_headers(probe)
        finally:
            flask.request.csp_nonce = nonce
        return [(k, v) for k, v in probe.headers.items() if k not in FIXED_EXCLUDED]
