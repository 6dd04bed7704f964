"""Configuration classes; deploy-time overrides come from PORTAL_* environment settings."""

import os
from datetime import timedelta


class Config:
    SECRET_KEY = None
    SQLALCHEMY_DATABASE_URI = "sqlite:///portal.db"  # relative: lands in instance/
    # No ping before each use (a round trip per request): extensions._replace_ended_connection
    # notices a connection the server ended without one, and connections are renewed after five
    # minutes, before a firewall's idle limit can drop them silently. Behind a network that drops
    # idle connections sooner, set {"pool_pre_ping": True} in instance/config.py.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": False, "pool_recycle": 300}
    WTF_CSRF_TIME_LIMIT = None  # the session cookie bounds it; a long survey page must not expire
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(days=30)  # respondents; staff have their own idle limit
    STAFF_IDLE_MINUTES = 30
    KIOSK_IDLE_SECONDS = (
        300  # event mode: a person's answers leave the tablet after this long untouched
    )
    KIOSK_WARNING_SECONDS = (
        120  # ... with a "still there?" warning this long before (when JavaScript runs)
    )
    KIOSK_END_RATE_LIMIT = (
        "5 per minute;20 per hour"  # wrong staff passwords to end event mode, per account
    )
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True  # a Redis outage must not take the service down
    LOGIN_RATE_LIMIT = "10 per minute;50 per hour"  # sign-in attempts per client address
    ACCOUNT_LOGIN_RATE_LIMIT = (
        "5 per minute;20 per hour"  # failed sign-ins per account, from anywhere
    )
    PROXY_FIX = 0  # how many reverse proxies' X-Forwarded-For/-Proto to trust; 0 ignores them
    PUBLIC_POST_RATE_LIMIT = "20 per minute;200 per hour"
    SMALL_NUMBER_THRESHOLD = 10
    MAIL_SERVER = "127.0.0.1"
    MAIL_PORT = 25
    MAIL_SENDER = "no-reply@send-voice.example"
    MAIL_TIMEOUT = 10  # seconds the send-mail worker waits on the SMTP server (requests never do)
    MAIL_RETRY_BASE_SECONDS = 60  # first retry after this, doubling each time
    MAIL_RETRY_MAX_SECONDS = 3600
    MAIL_MAX_ATTEMPTS = 8  # then the message is set aside as failed (retry it from /staff/outbox)
    MAIL_ALLOW_TEST_DOMAINS = False  # accept addresses at reserved names like example.test
    # Every absolute link (emails, the Atom feed, the API's servers, QR codes) starts with this,
    # never with the request's Host header. Production refuses to start without it.
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"
    SAFEGUARDING_REALERT_MINUTES = 60  # email the leads again while a concern is unacknowledged
    RETENTION_CONTACT_DAYS = 365  # feedback contact details
    RETENTION_REJECTED_DAYS = 183  # rejected contributions
    RETENTION_SUSPENDED_DAYS = 365  # suspended forum accounts, counted from the suspension
    CONTACT_EMAIL = "send.voice@example.org"
    CONTACT_PHONE = "0345 678 9000"
    PARTNERSHIP_NAME = "Shropshire SEND partnership"
    SERVICE_NAME = "SEND voice"
    FORCE_HTTPS = False


class DevelopmentConfig(Config):
    SECRET_KEY = "dev-only-not-secret"
    PUBLIC_BASE_URL = f"http://127.0.0.1:{os.environ.get('PORT') or 5000}"  # `make run` passes PORT
    SESSION_COOKIE_SECURE = False  # the dev server is plain http on any host name
    REMEMBER_COOKIE_SECURE = False


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-only"
    SQLALCHEMY_DATABASE_URI = os.environ.get("PORTAL_TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    MAIL_ALLOW_TEST_DOMAINS = True
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False


class ProductionConfig(Config):
    FORCE_HTTPS = True
    PUBLIC_BASE_URL = None  # set PORTAL_PUBLIC_BASE_URL, e.g. https://sendvoice.example.org


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
