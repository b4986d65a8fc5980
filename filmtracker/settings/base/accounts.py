"""Members' accounts: django-allauth, and the Wagtail admin's sign-in."""

from .environment import env
from .site import WAGTAIL_SITE_NAME

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
# /api/v1/users/me/ is your own profile, so nobody may be called "me".
ACCOUNT_USERNAME_BLACKLIST = ["me"]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
# Adds the browser's time zone (a hidden field) to allauth's signup form.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.signup_forms.SignupTimeZoneForm"
# Nobody rates or reviews before proving they own their address. Verification is
# by link; the link opens a page with a button (not verify-on-GET), so mail
# scanners that prefetch links cannot verify an address for someone.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# The browser that signed up is signed in once its link is followed.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "account_settings"
ACCOUNT_UNIQUE_EMAIL = True
# One address per member: a new address replaces the old one only once verified.
ACCOUNT_CHANGE_EMAIL = True
# Tell members by email when their password or address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
# Sign-up, login and reset answer the same whether an address is known or not.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
# allauth merges these into its defaults, which all apply, e.g. failed logins
# 10/min per IP and 5 per 5 min per account, sign-ups 20/min per IP, reset
# requests 20/min per IP and 5/min per address, one verification email per
# address every 3 minutes. Ours: asking for the verification link again
# (accounts/verification_views.py), per IP.
ACCOUNT_RATE_LIMITS = {"resend_verification": "5/m/ip"}

# The Wagtail admin signs in through allauth (rate limited, verified email).
# "admin_login" (/admin/login/, in place of Wagtail's own unthrottled form) sends
# visitors to allauth's login and tells signed-in members without admin access so
# instead of bouncing them between the admin and the login page.
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Password resets go through allauth's rate-limited flow only.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# So do email and password changes: the admin's account page links to allauth's
# pages (accounts/wagtail_hooks.py) instead of its own unverified, unlimited forms.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# How many proxies run in front of Django, each adding to X-Forwarded-For:
# allauth's rate limits and DRF's throttles (api.py) then see the client's
# address, not the proxy's. 0 by default, in production too: trusting a proxy
# that is not there would let any client name its own address and step around
# the limits, while a forgotten count only makes everyone behind one proxy
# share a limit. docker-compose.yml and render.yaml set 1.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)
