"""Security headers: Content Security Policy, Permissions-Policy and the rest."""

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env

# Content Security Policy (django-csp 4). The public site runs no inline script
# or style: everything comes from our own static files. Extra image origins
# (TMDB's poster CDN, object storage for media) come from CSP_IMAGE_ORIGINS.
CSP_IMAGE_ORIGINS = env.list("CSP_IMAGE_ORIGINS", ["https://image.tmdb.org"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_IMAGE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Looser policies for pages we do not write ourselves, by path prefix (see
# filmtracker.middleware.PathCSPMiddleware): the Wagtail admin still has inline
# scripts and styles and previews pages in frames; Swagger UI and Redoc (our
# templates have no inline code, the libraries are another matter) inject
# styles at run time and Redoc runs a blob: worker.
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    # Wagtail 8's admin still has inline scripts, but no eval (checked in
    # Chromium on the dashboard, snippet, image, page and user edit screens).
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Gravatar is off (below); previews of TMDB posters come from its CDN.
    "img-src": [SELF, "data:", "blob:", *CSP_IMAGE_ORIGINS],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Our docs templates load only local scripts (Swagger UI's start-up script is
# a file, Redoc's bundle is served with its logo pointing here); the libraries
# still inject styles at run time.
CSP_API_DOCS_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CSP_PATH_POLICIES = [
    ("/admin/", CSP_ADMIN_DIRECTIVES),
    ("/api/docs/", CSP_API_DOCS_DIRECTIVES),
    ("/api/redoc/", CSP_API_DOCS_DIRECTIVES),
]
# Powerful browser features no page of ours uses, refused for every page
# and anything it embeds (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
